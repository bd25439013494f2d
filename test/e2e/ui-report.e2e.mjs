// UI, the quality report: train a tiny CTGAN on wasm, the evaluation runs by itself, the panel
// shows the score, the per-column bars and the heatmaps; an efficacy target re-runs it; the
// report JSON downloads with the same score; the print layout shows only the report.
import { readFile } from 'node:fs/promises';
import { assert } from './harness.mjs';
import { SMALL_CSV, openApp, profileRows, text, uploadCsv, waitFor } from './ui-helpers.mjs';

async function failIfError(page) {
  const el = await page.$('[data-testid="error-message"]');
  if (el) throw new Error(`error-message: ${await el.textContent()}`);
}

const count = (page, selector) => page.$$eval(selector, (els) => els.length);

export const tests = {
  async 'report after training: score, bars, heatmap, efficacy target, JSON download, print layout'({ browser, baseUrl }) {
    const { page, errors } = await openApp(browser, baseUrl, '?backend=wasm&seed=11');
    await uploadCsv(page, 'small.csv', SMALL_CSV);
    await profileRows(page);
    await page.fill('[data-testid="epochs-input"]', '2');
    await page.fill('[data-testid="batch-input"]', '20');
    await page.click('[data-testid="train-button"]');
    await waitFor(async () => (await failIfError(page), (await page.getAttribute('[data-testid="train-status"]', 'data-status')) === 'done'), 150_000, 'training to finish');

    // No click: the evaluation starts by itself once training is done.
    await waitFor(async () => (await failIfError(page), (await count(page, '[data-testid="column-scores-chart"]')) > 0), 60_000, 'the automatic report');
    const shown = Number(await text(page, 'quality-score'));
    assert(Number.isFinite(shown) && shown >= 0 && shown <= 1, `quality-score ${await text(page, 'quality-score')}`);
    // 60 rows, 20% held back: 48 training rows, 12 in the baseline.
    const rows = await text(page, 'report-rows');
    assert(/against 48 training rows; 12 real rows held back/.test(rows), `rows line: ${rows}`);

    // age, city, score, plan are all scored: one bar each, and 4 x 4 cells per heatmap.
    await page.waitForSelector('[data-testid="column-scores-chart"] path.recharts-rectangle', { timeout: 10_000 });
    const bars = await count(page, '[data-testid="column-scores-chart"] path.recharts-rectangle');
    assert(bars === 4, `column score bars: ${bars}`);
    for (const m of ['real', 'synthetic', 'difference']) {
      const cells = await count(page, `[data-testid="correlation-heatmap"] [data-testid="heatmap-${m}"] rect.heat-cell`);
      assert(cells === 16, `${m} heatmap cells: ${cells}`);
    }
    const diagonal = await page.$$eval('[data-testid="heatmap-difference"] rect.heat-cell title', (t) => t.map((x) => x.textContent ?? ''));
    assert(diagonal.includes('age × age: 0.000'), `difference diagonal is 0: ${diagonal.slice(0, 3).join(' | ')}`);
    assert((await count(page, '[data-testid="report-distribution-chart"] path.recharts-rectangle')) > 0, 'the real vs synthetic chart draws bars');
    await page.selectOption('[data-testid="report-column-select"]', 'plan');
    const ticks = () => page.$$eval('[data-testid="report-distribution-chart"] svg text', (t) => t.map((x) => x.textContent));
    await waitFor(async () => (await ticks()).includes('basic'), 10_000, 'the plan column on the chart axis');
    assert((await text(page, 'privacy-reading')).length > 20, 'privacy has a plain-language reading');
    assert(/\d/.test(await text(page, 'dcr-median')) && /\d/.test(await text(page, 'holdout-dcr-median')), 'DCR medians shown');
    await page.click('[data-testid="pairs-trending"]');
    await page.click('[data-testid="pairs-all"]');
    assert((await count(page, '[data-testid="pair-table"] tbody tr')) === 6, 'all 6 pairs listed');

    // Efficacy for a picked target: Evaluate re-runs the report with it.
    await page.selectOption('[data-testid="efficacy-target"]', 'city');
    await page.click('[data-testid="evaluate-button"]');
    await waitFor(async () => (await failIfError(page), (await count(page, '[data-testid="efficacy-section"]')) > 0), 60_000, 'the efficacy section');
    const tstr = await text(page, 'efficacy-synthetic');
    assert(/TSTR/.test(tstr) && /\d\.\d{3}/.test(tstr), `TSTR row: ${tstr}`);
    const score = Number(await text(page, 'quality-score'));

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-testid="report-json-button"]')]);
    assert(download.suggestedFilename() === 'small-report.json', `file name ${download.suggestedFilename()}`);
    const report = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert(Math.abs(report.quality.overall - score) <= 0.005 && report.quality.overall.toFixed(2) === score.toFixed(2), `JSON overall ${report.quality.overall} vs shown ${score}`);
    assert(report.efficacy?.target === 'city' && report.privacy.baseline === 'holdout', `efficacy ${report.efficacy?.target}, baseline ${report.privacy.baseline}`);
    for (const k of ['columnShapes', 'columnPairTrends']) assert(report.quality[k] >= 0 && report.quality[k] <= 1, `${k} ${report.quality[k]}`);

    // Print: the button calls window.print; on paper only the report shows.
    await page.evaluate(() => {
      window.__prints = 0;
      window.print = () => {
        window.__prints++;
      };
    });
    await page.click('[data-testid="print-report-button"]');
    assert((await page.evaluate(() => window.__prints)) === 1, 'print called once');
    await page.emulateMedia({ media: 'print' });
    assert(!(await page.isVisible('#train')) && !(await page.isVisible('[data-testid="evaluate-button"]')), 'training panel and buttons hidden on paper');
    assert(await page.isVisible('[data-testid="correlation-heatmap"]'), 'heatmap printed');
    assert(await page.isVisible('[data-testid="quality-score"]'), 'score printed');
    await page.emulateMedia({ media: 'screen' });
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  },
};
