// Shared plumbing for the worker e2e tests and the browser bench: open the app with ?debug=1
// (src/worker/debug.ts exposes window.__synthtab) and drive the training worker from the page.

/** Open the built app with the debug hook; console lines (page and workers) are collected. */
export async function openDebugPage(browser, baseUrl, query = '') {
  const page = await browser.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  await page.goto(`${baseUrl}/?debug=1${query}`);
  await page.waitForFunction(() => globalThis.__synthtab !== undefined, null, { timeout: 30_000 });
  return { page, logs };
}

/**
 * A small deterministic table (no randomness: row i decides every cell) with two numeric and
 * two categorical columns, one of them tied to a numeric one, so the model has something to learn.
 */
export function toyCsv(rows = 60) {
  const work = [' Private', ' Self-emp', ' Gov'];
  const lines = ['age,hours,workclass,income'];
  for (let i = 0; i < rows; i++) {
    const age = 18 + ((i * 37) % 50);
    const hours = 20 + ((i * 13) % 40);
    lines.push(`${age},${hours},${work[i % 3]},${age > 40 ? '>50K' : '<=50K'}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * In the page: start a worker, load `csv`, train with `body`, sample `sampleRows` rows; returns the
 * training events (no progress noise), the 'trained' event and the sampled CSV text.
 */
export async function trainInPage(page, csv, body, sampleRows = 0) {
  return page.evaluate(
    async ({ csv, body, sampleRows }) => {
      const client = globalThis.__synthtab.createClient();
      try {
        await client.loadText(csv, 'toy.csv');
        const events = [];
        const trained = await client.train(body, (e) => {
          if (e.type !== 'progress') events.push(e);
        });
        const sample = sampleRows > 0 ? await (await client.sample(sampleRows, { seed: 1 })).text() : '';
        return { events, trained, sample };
      } catch (e) {
        return { error: `${e?.code ?? ''} ${e?.message ?? String(e)}` };
      } finally {
        client.terminate();
      }
    },
    { csv, body, sampleRows },
  );
}

/** Throw with the page's console tail when a run answered with an error. */
export function expectOk(result, logs) {
  if (result.error) throw new Error(`worker error: ${result.error}\n${logs.slice(-15).join('\n')}`);
  return result;
}

export const ofType = (events, type) => events.filter((e) => e.type === type);

/**
 * Relative closeness with an absolute floor, for losses on different backends. Measured: wasm, cpu
 * and SwiftShader WebGL agree to ~1e-7 on the first steps; float32 reductions differ by order.
 */
export function close(a, b, rel = 1e-4, abs = 1e-5) {
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}
