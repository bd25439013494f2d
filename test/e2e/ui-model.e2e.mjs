// UI, model files: a model saved from one page loads in a fresh page (no table loaded) and exports
// rows; the model the worker keeps in IndexedDB is offered as "restore last model" on a reload.
import { readFile } from 'node:fs/promises';
import { assert } from './harness.mjs';
import { SMALL_CSV, openApp, profileRows, text, uploadCsv, waitFor } from './ui-helpers.mjs';

export const tests = {
  async 'save a model, load it in a fresh page, restore the last one after a reload'({ browser, baseUrl }) {
    const { page } = await openApp(browser, baseUrl, '?backend=wasm&seed=11');
    await uploadCsv(page, 'small.csv', SMALL_CSV);
    await profileRows(page);
    await page.fill('[data-testid="epochs-input"]', '1');
    await page.fill('[data-testid="batch-input"]', '20');
    await page.click('[data-testid="train-button"]');
    await waitFor(async () => (await page.getAttribute('[data-testid="train-status"]', 'data-status')) === 'done', 120_000, 'training');
    const [model] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="save-model-button"]')]);
    const json = await readFile(await model.path(), 'utf8');

    // A fresh browser context: nothing loaded, nothing in IndexedDB.
    const fresh = await openApp(browser, baseUrl, '?seed=2');
    assert(!(await fresh.page.isEnabled('[data-testid="export-button"]')), 'export is disabled without a model');
    assert((await fresh.page.$('[data-testid="restore-model-button"]')) === null, 'no stored model in a fresh context');
    await fresh.page.setInputFiles('[data-testid="model-input"]', { name: 'small-model.json', mimeType: 'application/json', buffer: Buffer.from(json, 'utf8') });
    await fresh.page.waitForSelector('[data-testid="export-button"]:not([disabled])', { timeout: 60_000 });
    await fresh.page.fill('[data-testid="rows-input"]', '5');
    const [csv] = await Promise.all([fresh.page.waitForEvent('download', { timeout: 60_000 }), fresh.page.click('[data-testid="export-button"]')]);
    const lines = (await readFile(await csv.path(), 'utf8')).trim().split(/\r?\n/);
    assert(lines[0] === 'age,city,score,plan' && lines.length === 6, `export from a loaded model: ${lines.join(' | ')}`);

    // A bad model file gives a clear error.
    await fresh.page.setInputFiles('[data-testid="model-input"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"not":"a model"}') });
    const err = await fresh.page.waitForSelector('[data-testid="error-message"]', { timeout: 30_000 });
    assert(((await err.textContent()) ?? '').length > 0, 'bad model message');

    // Same context as the training page: IndexedDB has the model, offered after a reload.
    await page.reload();
    const restore = await page.waitForSelector('[data-testid="restore-model-button"]', { timeout: 30_000 });
    assert(((await restore.textContent()) ?? '').includes('small.csv'), `restore button names the dataset: ${await restore.textContent()}`);
    await restore.click();
    await page.waitForSelector('[data-testid="export-button"]:not([disabled])', { timeout: 60_000 });
    assert((await text(page, 'epoch-counter')) === '0', 'a restored model does not pretend to be training');
  },
};
