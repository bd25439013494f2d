// UI, step 1: uploading CSVs through the file input, the demo button, and bad-input messages.
import { assert } from './harness.mjs';
import { SMALL_CSV, errorText, openApp, profileRows, text, uploadCsv } from './ui-helpers.mjs';

export const tests = {
  async 'a small CSV uploaded through csv-input shows one profile row per column'({ browser, baseUrl }) {
    const { page, errors } = await openApp(browser, baseUrl);
    assert((await page.textContent('h1'))?.includes('Synthtab'), 'heading');
    assert((await page.textContent('header'))?.toLowerCase().includes('never leaves this machine'), 'privacy promise in the header');
    await uploadCsv(page, 'small.csv', SMALL_CSV);
    const cols = await profileRows(page);
    assert(JSON.stringify(cols) === JSON.stringify(['age', 'city', 'score', 'plan']), `profile rows ${JSON.stringify(cols)}`);
    const summary = await text(page, 'dataset-summary');
    assert(summary.includes('small.csv') && summary.includes('60 rows') && summary.includes('4 columns'), `summary: ${summary}`);
    // The kind of a column can be overridden from the table (sends set-plan; no error comes back).
    // Kinds the values cannot take are offered disabled (city holds text, so not continuous).
    assert(await page.$eval('select[aria-label="Kind of city"] option[value="continuous"]', (o) => o.disabled), 'continuous is disabled for a text column');
    await page.selectOption('select[aria-label="Kind of city"]', 'text');
    assert((await page.$eval('select[aria-label="Kind of city"]', (s) => s.value)) === 'text', 'kind override sticks');
    await page.click('input[aria-label="Exclude score"]');
    assert(await page.$eval('input[aria-label="Exclude score"]', (c) => c.checked), 'exclude box ticks');
    await page.waitForTimeout(300);
    assert((await page.$('[data-testid="error-message"]')) === null, `no error after plan edits: ${await page.textContent('body')}`);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  },

  async 'the demo button loads the Adult profile'({ browser, baseUrl }) {
    const { page, errors } = await openApp(browser, baseUrl);
    await page.click('[data-testid="demo-button"]');
    const cols = await profileRows(page);
    for (const c of ['age', 'workclass', 'education', 'sex', 'hours-per-week', 'income']) assert(cols.includes(c), `Adult column ${c} in ${JSON.stringify(cols)}`);
    assert(cols.length === 15, `15 Adult columns, got ${cols.length}`);
    const summary = await text(page, 'dataset-summary');
    assert(summary.includes('adult.csv'), `summary: ${summary}`);
    // Sparklines draw for numeric and categorical columns.
    const bars = await page.$$eval('[data-testid="profile-table"] svg.sparkline', (s) => s.length);
    assert(bars >= 10, `sparklines drawn: ${bars}`);
    // 1,641 rows less the 20% holdout at batch 500 and 300 epochs are 600 steps: the form says so.
    const hint = await text(page, 'steps-hint');
    assert(/only 600 training steps/.test(hint) && /try 1000 epochs/.test(hint), `steps hint: ${hint}`);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  },

  async 'a CSV dropped on the drop zone loads like a picked one'({ browser, baseUrl }) {
    const { page } = await openApp(browser, baseUrl);
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x,y\n1,a\n2,b\n3,a\n'], 'dropped.csv', { type: 'text/csv' }));
      const zone = document.querySelector('.dropzone');
      for (const type of ['dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    });
    const cols = await profileRows(page);
    assert(JSON.stringify(cols) === '["x","y"]', `dropped file profile: ${JSON.stringify(cols)}`);
    assert((await text(page, 'dataset-summary')).includes('dropped.csv'), 'named after the dropped file');
  },

  async 'a 120-column table profiles into 120 rows'({ browser, baseUrl }) {
    const { page, errors } = await openApp(browser, baseUrl);
    const header = Array.from({ length: 120 }, (_, j) => `c${j}`).join(',');
    const rows = Array.from({ length: 50 }, (_, i) => Array.from({ length: 120 }, (_, j) => (j % 2 ? `v${(i * j) % 7}` : String((i * 31 + j) % 97))).join(','));
    await uploadCsv(page, 'wide.csv', [header, ...rows].join('\n'));
    const cols = await profileRows(page);
    assert(cols.length === 120 && cols[119] === 'c119', `wide profile: ${cols.length} rows`);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  },

  async 'a ragged CSV shows error-message naming the line'({ browser, baseUrl }) {
    const { page } = await openApp(browser, baseUrl);
    await uploadCsv(page, 'ragged.csv', 'a,b,c\n1,2,3\n4,5\n7,8,9\n');
    const msg = await errorText(page);
    assert(/line 3/i.test(msg ?? ''), `message names line 3: ${msg}`);
    assert((await page.$('[data-testid="profile-table"]')) === null, 'no profile for a bad file');
    // The same input can be fixed and loaded again after the error.
    await uploadCsv(page, 'fixed.csv', 'a,b,c\n1,2,3\n4,5,6\n7,8,9\n');
    const cols = await profileRows(page);
    assert(cols.length === 3, `fixed file profiles: ${JSON.stringify(cols)}`);
    assert((await page.$('[data-testid="error-message"]')) === null, 'the error clears on a good load');
  },

  async 'an empty file and a header-only file get clear messages'({ browser, baseUrl }) {
    const { page } = await openApp(browser, baseUrl);
    await uploadCsv(page, 'empty.csv', '');
    const empty = await errorText(page);
    assert(/empty/i.test(empty ?? ''), `empty file message: ${empty}`);
    await page.click('[data-testid="error-message"] + button');
    await uploadCsv(page, 'header.csv', 'a,b,c\n');
    await page.waitForFunction(() => /header|no (data )?rows/i.test(document.querySelector('[data-testid="error-message"]')?.textContent ?? ''), null, { timeout: 30_000 });
  },

  async 'a Windows-1252 file loads with a visible not-UTF-8 warning'({ browser, baseUrl }) {
    const { page } = await openApp(browser, baseUrl);
    // 'café' and '€' in Windows-1252 bytes (0xE9, 0x80): invalid as UTF-8.
    const bytes = Buffer.from([...Buffer.from('name,price\ncaf'), 0xe9, ...Buffer.from(',3\nthe '), 0x80, ...Buffer.from(',4\n')]);
    await page.setInputFiles('[data-testid="csv-input"]', { name: 'latin.csv', mimeType: 'text/csv', buffer: bytes });
    await profileRows(page);
    const warning = await text(page, 'load-warnings');
    assert(/not UTF-8/i.test(warning), `warning shown: ${warning}`);
  },

  async 'URL ?backend= shows in the badge before training; a bad value is reported'({ browser, baseUrl }) {
    const { page } = await openApp(browser, baseUrl, '?backend=wasm&seed=7');
    assert((await text(page, 'backend-badge')) === 'wasm', `badge: ${await text(page, 'backend-badge')}`);
    assert((await page.$eval('[data-testid="seed-input"]', (i) => i.value)) === '7', 'seed from ?seed=');
    const bad = await openApp(browser, baseUrl, '?backend=cuda');
    const notes = await text(bad.page, 'notices');
    assert(notes.includes('cuda'), `notice about the bad backend: ${notes}`);
  },
};
