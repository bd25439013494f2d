// UI, issue 8: every method trains from the method select. On wasm, a few TVAE epochs draw live
// quality points (quality-chart) and set the best epoch (best-epoch); the copula fits as epoch 1 of
// 1 and exports rows; the Compare tab runs copula vs profile and shows both rows of results.
import { readFile } from 'node:fs/promises';
import { assert } from './harness.mjs';
import { SMALL_CSV, openApp, profileRows, text, uploadCsv, waitFor } from './ui-helpers.mjs';

async function failIfError(page) {
  const el = await page.$('[data-testid="error-message"]');
  if (el) throw new Error(`error-message: ${await el.textContent()}`);
}

async function status(page) {
  return page.getAttribute('[data-testid="train-status"]', 'data-status');
}

export const tests = {
  async 'tvae shows live quality and a best epoch; copula trains and exports; Compare runs copula vs profile'({ browser, baseUrl }) {
    const { page, errors } = await openApp(browser, baseUrl, '?backend=wasm&seed=4');
    await uploadCsv(page, 'small.csv', SMALL_CSV);
    await profileRows(page);

    // All four methods are offered; the profile one says it ignores correlations.
    const options = await page.$$eval('[data-testid="method-select"] option', (o) => o.map((x) => ({ value: x.value, disabled: x.disabled, label: x.textContent })));
    assert(options.map((o) => o.value).join() === 'ctgan,tvae,copula,profile', `methods ${JSON.stringify(options)}`);
    assert(options.every((o) => !o.disabled), `every method enabled: ${JSON.stringify(options)}`);
    assert(/ignores correlations/.test(options[3].label), `profile label ${options[3].label}`);

    // TVAE, 4 epochs: a quality check every epoch for a run this short.
    await page.selectOption('[data-testid="method-select"]', 'tvae');
    assert((await text(page, 'method-description')).length > 20, 'the method has a description');
    await page.fill('[data-testid="epochs-input"]', '4');
    await page.fill('[data-testid="batch-input"]', '20');
    await page.click('[data-testid="train-button"]');
    await waitFor(async () => (await failIfError(page), (await status(page)) === 'done'), 90_000, 'TVAE training to finish');
    assert((await text(page, 'epoch-counter')) === '4', `epoch counter ${await text(page, 'epoch-counter')}`);
    const points = Number(await page.getAttribute('[data-testid="quality-chart"]', 'data-points'));
    assert(points === 4, `4 quality points, got ${points}`);
    const dots = await page.$$eval('[data-testid="quality-chart"] .recharts-line-dot, [data-testid="quality-chart"] .recharts-dot', (d) => d.length);
    assert(dots >= 4, `the quality line draws its points: ${dots}`);
    const best = await text(page, 'best-epoch');
    assert(/^[1-4] \(0\.\d{3}\)$/.test(best), `best epoch ${best}`);

    // Copula: one pass, shown as epoch 1 of 1, then an export.
    await page.selectOption('[data-testid="method-select"]', 'copula');
    assert(await page.isDisabled('[data-testid="epochs-input"]'), 'epochs do not apply to the copula');
    await page.click('[data-testid="train-button"]');
    await waitFor(async () => (await failIfError(page), (await status(page)) === 'done' && (await text(page, 'epoch-counter')) === '1'), 60_000, 'the copula fit');
    assert(/^1 \(0\.\d{3}\)$/.test(await text(page, 'best-epoch')), `copula best epoch ${await text(page, 'best-epoch')}`);
    await page.fill('[data-testid="rows-input"]', '25');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="export-button"]')]);
    const lines = (await readFile(await download.path(), 'utf8')).replace(/\r?\n$/, '').split(/\r?\n/);
    assert(lines[0] === 'age,city,score,plan', `header ${lines[0]}`);
    assert(lines.length === 26, `25 rows + header, got ${lines.length - 1}`);
    assert(lines.slice(1).every((l) => ['Paris', 'Lyon', 'Nice'].includes(l.split(',')[1])), 'copula cities are real categories');

    // Compare tab: copula vs profile (both fast, no epochs).
    await page.click('[data-testid="tab-compare"]');
    await page.waitForSelector('[data-testid="compare-panel"]');
    for (const m of ['ctgan', 'tvae']) if (await page.isChecked(`[data-testid="compare-method-${m}"]`)) await page.click(`[data-testid="compare-method-${m}"]`);
    if (!(await page.isChecked('[data-testid="compare-method-copula"]'))) await page.click('[data-testid="compare-method-copula"]');
    await page.click('[data-testid="compare-method-profile"]');
    await page.click('[data-testid="compare-run"]');
    await waitFor(async () => {
      const err = await page.$('[data-testid="compare-error"]');
      if (err) throw new Error(`compare-error: ${await err.textContent()}`);
      return (await page.$('[data-testid="compare-results"]')) !== null;
    }, 60_000, 'the comparison');
    const rows = await page.$$eval('[data-testid="compare-results"] tbody tr', (r) => r.map((x) => [...x.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    assert(rows.length === 2, `two result rows: ${JSON.stringify(rows)}`);
    assert(rows[0][0] === 'Gaussian copula' && /^Profile only/.test(rows[1][0]), `methods ${JSON.stringify(rows.map((r) => r[0]))}`);
    assert(rows.every((r) => /^0\.\d{3}$|^1\.000$/.test(r[1])), `quality in [0, 1]: ${JSON.stringify(rows.map((r) => r[1]))}`);
    await failIfError(page);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  },
};
