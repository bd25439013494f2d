// UI, rebalance lab (issue 6): upload a small imbalanced CSV, open the Rebalance tab, run
// baseline / undersample / SMOTE / class weights plus a 1-epoch CTGAN on wasm, check the scores,
// the charts and the augmented training set, then run the CLI with the command the panel shows
// and check that it prints the same numbers for every method but ctgan.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { assert } from './harness.mjs';
import { openApp, profileRows, text, uploadCsv, waitFor } from './ui-helpers.mjs';

const exec = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 7;
const NON_CTGAN = ['baseline', 'undersample', 'smote', 'class-weights'];
const METHODS = [...NON_CTGAN, 'ctgan'];
const SCORES = ['precision', 'recall', 'f1', 'rocAuc', 'prAuc'];

/**
 * 300 rows, 30 'fraud' (every 10th row): fraud amounts sit around 300, the others around 150,
 * with overlapping tails, so the classifier is good but not perfect (scores differ by method).
 */
function fixtureCsv() {
  let s = 20240611;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const lines = ['amount,age,channel,region,label'];
  for (let i = 0; i < 300; i++) {
    const fraud = i % 10 === 3;
    const amount = ((fraud ? 300 : 150) + 60 * normal()).toFixed(2);
    const age = 20 + Math.floor(rand() * 50);
    const channel = fraud && rand() < 0.6 ? 'web' : ['web', 'app', 'store'][Math.floor(rand() * 3)];
    const region = ['north', 'south', 'east', 'west'][Math.floor(rand() * 4)];
    lines.push(`${amount},${age},${channel},${region},${fraud ? 'fraud' : 'ok'}`);
  }
  return lines.join('\n') + '\n';
}

async function failIfError(page) {
  const el = await page.$('[data-testid="error-message"]');
  if (el) throw new Error(`error-message: ${await el.textContent()}`);
}

/** Per method: the unrounded score of each results cell (data-value) and its visible text. */
async function resultCells(page) {
  return page.$$eval('[data-testid="rebalance-results"] tbody tr', (rows) =>
    rows.map((r) => ({
      name: r.getAttribute('data-method'),
      cells: [...r.querySelectorAll('td[data-metric]')].map((td) => ({ metric: td.getAttribute('data-metric'), value: Number(td.getAttribute('data-value')), text: td.textContent.trim() })),
    })),
  );
}

/** Split a shell command line into words with a real shell (as a user's terminal would). */
async function shellWords(command) {
  const { stdout } = await exec('sh', ['-c', `printf '%s\\0' ${command}`]);
  return stdout.split('\0').slice(0, -1);
}

/** The first path where two JSON values differ ('' when equal). */
function firstDifference(a, b, at = '') {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? '' : `${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const d = firstDifference(a[k], b[k], `${at}.${k}`);
    if (d) return d;
  }
  return '';
}

function csvRows(body) {
  return body.replace(/\r?\n$/, '').split(/\r?\n/).map((l) => l.split(','));
}

export const tests = {
  async 'suggested target, 5 methods with a 1-epoch CTGAN on wasm, charts, augmented set, CLI agrees'({ browser, baseUrl }) {
    const csv = fixtureCsv();
    const { page, errors } = await openApp(browser, baseUrl, `?backend=wasm&seed=${SEED}`);
    await uploadCsv(page, 'fraud.csv', csv);
    await profileRows(page);
    await page.click('button[role="tab"]:has-text("Rebalance")');
    await page.waitForSelector('[data-testid="rebalance-panel"] [data-testid="rebalance-target"]');

    // The most imbalanced discrete column is suggested; the seed comes from ?seed=.
    assert((await page.inputValue('[data-testid="rebalance-target"]')) === 'label', `target ${await page.inputValue('[data-testid="rebalance-target"]')}`);
    const suggested = await page.$eval('[data-testid="rebalance-target"] option:checked', (o) => o.textContent);
    assert(/suggested/.test(suggested), `the picked option says suggested: ${suggested}`);
    assert((await page.inputValue('[data-testid="rebalance-seed"]')) === String(SEED), 'seed from ?seed=');
    const balance = await text(page, 'rebalance-balance');
    assert(/fraud/.test(balance) && /30 \(10\.0%\)/.test(balance), `class balance: ${balance}`);

    // baseline / undersample / smote / class-weights / ctgan (1 epoch); oversample off.
    await page.uncheck('[data-testid="rebalance-method-oversample"]');
    for (const m of METHODS) assert(await page.isChecked(`[data-testid="rebalance-method-${m}"]`), `${m} checked`);
    await page.fill('[data-testid="rebalance-epochs"]', '1');
    await page.click('[data-testid="rebalance-run"]');
    await page.waitForSelector('[data-testid="rebalance-progress"] [role="progressbar"]', { timeout: 15_000 });
    await waitFor(async () => (await failIfError(page), (await page.$$('[data-testid="rebalance-results"] tbody tr')).length === METHODS.length), 90_000, 'lab results');

    const rows = await resultCells(page);
    assert(JSON.stringify(rows.map((r) => r.name)) === JSON.stringify(METHODS), `methods ${rows.map((r) => r.name)}`);
    for (const r of rows) {
      for (const c of r.cells) assert(c.value >= 0 && c.value <= 1 && /^[01]\.\d{3}$/.test(c.text), `${r.name}.${c.metric} = ${c.value} shown '${c.text}'`);
    }
    const bars = await page.$$eval('[data-testid="rebalance-metrics-chart"] svg path.recharts-rectangle', (p) => p.length);
    assert(bars >= METHODS.length, `metrics chart draws bars: ${bars}`);
    const curves = await page.$$eval('[data-testid="rebalance-pr-chart"] svg path.recharts-curve', (p) => p.filter((x) => (x.getAttribute('d') ?? '').length > 10).length);
    assert(curves === METHODS.length, `one PR curve per method: ${curves}`);

    // The results JSON (the CLI's --json document) and the augmented training set (ctgan's).
    const [jsonFile] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-testid="rebalance-download-json"]')]);
    const ui = JSON.parse(await readFile(await jsonFile.path(), 'utf8'));
    assert(ui.target === 'label' && ui.minorityClass === 'fraud' && ui.seeds[0] === SEED, `result head ${JSON.stringify(ui).slice(0, 200)}`);
    const [aug] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-testid="rebalance-download"]')]);
    assert(aug.suggestedFilename() === 'fraud-ctgan-augmented.csv', `augmented file name ${aug.suggestedFilename()}`);
    const [header, ...data] = csvRows(await readFile(await aug.path(), 'utf8'));
    assert(header.join(',') === 'amount,age,channel,region,label,is_synthetic', `augmented header ${header}`);
    const label = header.indexOf('label'), flag = header.indexOf('is_synthetic');
    const minority = data.filter((r) => r[label] === 'fraud').length;
    const synthetic = data.filter((r) => r[flag] === '1');
    const ctgan = ui.methods.find((m) => m.name === 'ctgan');
    assert(data.length === ctgan.trainRows && synthetic.length === ctgan.syntheticRows && synthetic.length > 0, `augmented rows ${data.length}, synthetic ${synthetic.length}`);
    assert(synthetic.every((r) => r[label] === 'fraud'), 'synthetic rows are minority rows');
    assert(data.length - synthetic.length === ui.trainRows, `real rows ${data.length - synthetic.length} vs training split ${ui.trainRows}`);
    assert(minority > ui.trainMinority, `minority rows ${minority} > training split's ${ui.trainMinority}`);

    // The panel's CLI command, run for the non-CTGAN methods on the same file and seed.
    const command = await text(page, 'rebalance-cli');
    assert(command.startsWith('npm run synthtab -- rebalance fraud.csv --target label') && command.includes(`--seed ${SEED}`) && command.includes('--epochs 1'), `command: ${command}`);
    const words = await shellWords(command);
    assert(words.slice(0, 6).join(' ') === 'npm run synthtab -- rebalance fraud.csv', `words ${words}`);
    const dir = mkdtempSync(path.join(tmpdir(), 'synthtab-rebalance-e2e-'));
    writeFileSync(path.join(dir, 'fraud.csv'), csv);
    const args = words.slice(6).map((w, i, all) => (all[i - 1] === '--methods' ? NON_CTGAN.join(',') : w));
    assert(args.includes('--methods'), `the command names its methods: ${command}`);
    const { stdout } = await exec('npx', ['tsx', 'src/cli/main.ts', 'rebalance', path.join(dir, 'fraud.csv'), ...args], { cwd: ROOT, maxBuffer: 1 << 24 });
    const cli = JSON.parse(stdout);
    for (const k of ['target', 'minorityClass', 'holdoutRows', 'holdoutMinority', 'trainRows', 'trainMinority', 'classifier', 'ratio']) {
      assert(JSON.stringify(cli[k]) === JSON.stringify(ui[k]), `${k}: cli ${JSON.stringify(cli[k])} vs ui ${JSON.stringify(ui[k])}`);
    }
    for (const name of NON_CTGAN) {
      const c = cli.methods.find((m) => m.name === name);
      const u = ui.methods.find((m) => m.name === name);
      const diff = firstDifference(c, u);
      assert(diff === '', `${name} differs (cli vs ui) at ${diff}`);
      const shown = rows.find((r) => r.name === name);
      for (const cell of shown.cells) {
        const want = cell.metric === 'bestF1' ? c.bestF1.f1 : c[cell.metric];
        assert(cell.value === want && cell.text === want.toFixed(3), `${name}.${cell.metric}: shown ${cell.text} (${cell.value}) vs cli ${want}`);
      }
    }
    // The comparison is not vacuous: the four methods do not all score the same.
    assert(new Set(NON_CTGAN.map((n) => cli.methods.find((m) => m.name === n).f1)).size > 1, 'methods differ');
    assert(SCORES.every((k) => typeof ctgan[k] === 'number'), 'ctgan scored');
    await failIfError(page);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  },
};
