// UI, steps 2 and 3: train a tiny CTGAN on wasm through the buttons, watch the epoch counter and
// the loss chart, pause / resume / stop, then export rows and check the downloaded CSV.
import { readFile } from 'node:fs/promises';
import { assert } from './harness.mjs';
import { SMALL_CSV, openApp, profileRows, text, uploadCsv, waitFor } from './ui-helpers.mjs';

/** Small networks keep each wasm step cheap; batch 20 = 3 steps per epoch on 60 rows. */
async function setOptions(page, { epochs, batch = 20 }) {
  await page.fill('[data-testid="epochs-input"]', String(epochs));
  await page.fill('[data-testid="batch-input"]', String(batch));
}

async function epochCounter(page) {
  return Number(await text(page, 'epoch-counter'));
}

async function status(page) {
  return page.getAttribute('[data-testid="train-status"]', 'data-status');
}

async function failIfError(page) {
  const el = await page.$('[data-testid="error-message"]');
  if (el) throw new Error(`error-message: ${await el.textContent()}`);
}

/** Parse the exported CSV minimally (no quoted newlines in this fixture). */
function csvLines(body) {
  return body.replace(/\r?\n$/, '').split(/\r?\n/);
}

export const tests = {
  async 'train 2 epochs on wasm, then export N rows as a formula-safe CSV'({ browser, baseUrl }) {
    const { page, errors } = await openApp(browser, baseUrl, '?backend=wasm&seed=3');
    await uploadCsv(page, 'small.csv', SMALL_CSV);
    await profileRows(page);
    await setOptions(page, { epochs: 2 });
    await page.click('[data-testid="train-button"]');
    await waitFor(async () => (await failIfError(page), (await status(page)) === 'done'), 150_000, 'training to finish');
    assert((await epochCounter(page)) === 2, `epoch counter ${await text(page, 'epoch-counter')}`);
    assert((await text(page, 'backend-badge')) === 'wasm', `badge ${await text(page, 'backend-badge')}`);
    const paths = await page.$$eval('[data-testid="loss-chart"] svg path.recharts-curve', (p) => p.map((x) => x.getAttribute('d') ?? ''));
    assert(paths.some((d) => d.length > 10), `loss chart draws a line: ${JSON.stringify(paths).slice(0, 200)}`);

    await page.fill('[data-testid="rows-input"]', '37');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="export-button"]')]);
    assert(download.suggestedFilename() === 'small-synthetic.csv', `file name ${download.suggestedFilename()}`);
    const body = await readFile(await download.path(), 'utf8');
    const lines = csvLines(body);
    assert(lines[0] === 'age,city,score,plan', `header ${lines[0]}`);
    assert(lines.length === 38, `37 rows + header, got ${lines.length - 1} rows`);
    const plans = lines.slice(1).map((l) => l.split(',').at(-1));
    // The real data has '=SUM(A1)' in a quarter of the rows; no exported cell may start with '='.
    assert(lines.slice(1).every((l) => l.split(',').every((c) => !/^["]?[=+@]/.test(c))), 'no formula-like cell');
    assert(plans.some((p) => p === "'=SUM(A1)" || p === `"'=SUM(A1)"`), `the formula category comes out escaped: ${JSON.stringify([...new Set(plans)])}`);
    // The live distribution chart got the end-of-run sample.
    const bars = await page.$$eval('[data-testid="distribution-chart"] path.recharts-rectangle', (p) => p.length);
    assert(bars > 0, 'distribution chart draws bars');

    // A conditional export: every row satisfies "city = Nice".
    await page.fill('[data-testid="rows-input"]', '12');
    await page.fill('[data-testid="condition-input"]', 'city = Nice');
    const [conditional] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="export-button"]')]);
    const rows = csvLines(await readFile(await conditional.path(), 'utf8')).slice(1);
    assert(rows.length === 12 && rows.every((l) => l.split(',')[1] === 'Nice'), `conditional rows: ${JSON.stringify(rows)}`);

    // Save model downloads the JSON model file.
    const [model] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="save-model-button"]')]);
    assert(model.suggestedFilename() === 'small-model.json', `model file name ${model.suggestedFilename()}`);
    JSON.parse(await readFile(await model.path(), 'utf8'));
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  },

  async 'pause holds the epoch counter, resume continues, stop ends with a usable model'({ browser, baseUrl }) {
    const { page } = await openApp(browser, baseUrl, '?backend=wasm&seed=5');
    await uploadCsv(page, 'small.csv', SMALL_CSV);
    await profileRows(page);
    await setOptions(page, { epochs: 500 });
    await page.click('[data-testid="train-button"]');
    await waitFor(async () => (await failIfError(page), (await epochCounter(page)) >= 1), 120_000, 'the first epoch');
    await page.click('[data-testid="pause-button"]');
    assert((await text(page, 'pause-button')) === 'Resume', 'the pause button turns into Resume');
    // Pause is checked between steps: let the step in flight land (the counter is steady for 1 s).
    let held = await epochCounter(page);
    for (let steady = 0, tries = 0; steady < 4 && tries < 40; tries++) {
      await page.waitForTimeout(250);
      const now = await epochCounter(page);
      steady = now === held ? steady + 1 : 0;
      held = now;
    }
    await page.waitForTimeout(1500);
    assert((await epochCounter(page)) === held, `paused counter moved from ${held} to ${await epochCounter(page)}`);
    await page.click('[data-testid="pause-button"]');
    await waitFor(async () => (await epochCounter(page)) > held, 60_000, 'training to resume');
    await page.click('[data-testid="stop-button"]');
    await waitFor(async () => (await status(page)) === 'stopped', 60_000, 'training to stop');
    const stoppedAt = await epochCounter(page);
    assert(stoppedAt < 500, `stopped early at ${stoppedAt}`);
    assert(await page.isEnabled('[data-testid="export-button"]'), 'a stopped run can still be exported');
    await failIfError(page);
  },
};
