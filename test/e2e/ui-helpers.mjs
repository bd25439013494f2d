// Shared steps for the UI e2e tests (test/e2e/ui-*.e2e.mjs): open the app, load a CSV through the
// real file input, read the profile table. Only data-testid selectors from DESIGN.md (and a few
// extra ids the UI adds) are used.
import { waitFor } from './harness.mjs';

/** A small mixed table: numbers, categories, a missing cell, and a formula-like category. */
export const SMALL_CSV = [
  'age,city,score,plan',
  ...Array.from({ length: 60 }, (_, i) => {
    const city = ['Paris', 'Lyon', 'Nice'][i % 3];
    const plan = i % 4 === 0 ? '=SUM(A1)' : i % 4 === 1 ? 'basic' : 'pro';
    const score = i === 7 ? '' : (i * 1.7 % 50).toFixed(1);
    return `${20 + (i % 45)},${city},${score},${plan}`;
  }),
].join('\n') + '\n';

export async function openApp(browser, baseUrl, query = '') {
  const page = await browser.newPage({ acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${baseUrl}/${query}`);
  await page.waitForSelector('[data-testid="csv-input"]', { state: 'attached' });
  return { page, errors };
}

/** Upload `text` as `name` through the csv-input file input. */
export async function uploadCsv(page, name, text) {
  await page.setInputFiles('[data-testid="csv-input"]', { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

/** Wait for the profile table and return its row count and column names. */
export async function profileRows(page, ms = 60_000) {
  await page.waitForSelector('[data-testid="profile-table"] tbody tr', { timeout: ms });
  return page.$$eval('[data-testid="profile-table"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-column')));
}

export async function errorText(page, ms = 30_000) {
  const el = await page.waitForSelector('[data-testid="error-message"]', { timeout: ms });
  return el.textContent();
}

export async function text(page, testId) {
  return (await page.textContent(`[data-testid="${testId}"]`))?.trim() ?? '';
}

export { waitFor };
