// The worker end to end without the UI: a File streamed in slices, and the trained model kept in
// IndexedDB across a page reload ("restore last model").
import { assert } from './harness.mjs';
import { expectOk, openDebugPage, toyCsv, trainInPage } from './worker-helpers.mjs';

export const tests = {
  async 'a CSV File loads in the worker with progress and a profile'({ browser, baseUrl }) {
    const { page } = await openDebugPage(browser, baseUrl);
    const out = await page.evaluate(async () => {
      const text = await (await fetch('/demo/adult.csv')).text();
      const client = globalThis.__synthtab.createClient();
      const progress = [];
      const loaded = await client.loadFile(new File([text], 'adult.csv'), 'adult.csv', (e) => {
        if (e.type === 'progress') progress.push(e.stage);
      });
      client.terminate();
      return { rows: loaded.profile.rows, columns: loaded.preview.columns, kinds: loaded.profile.columns.map((c) => c.kind), progress, first: loaded.preview.rows[0] };
    });
    assert(out.rows === 1641, `rows ${out.rows}`);
    assert(out.columns.length === 15 && out.columns[14] === 'income', `columns ${out.columns}`);
    assert(out.kinds[0] === 'integer' || out.kinds[0] === 'continuous', `age kind ${out.kinds[0]}`);
    assert(out.kinds[1] === 'categorical', `workclass kind ${out.kinds[1]}`);
    assert(out.progress.includes('parse') && out.progress.includes('profile'), `progress ${out.progress}`);
    assert(out.first[0] === '39', `first row ${out.first}`);
  },

  async 'the trained model survives a reload (IndexedDB) and samples again'({ browser, baseUrl }) {
    const { page, logs } = await openDebugPage(browser, baseUrl);
    const small = { batchSize: 20, embeddingDim: 16, generatorDim: [32], discriminatorDim: [32], seed: 3, epochs: 1 };
    const run = expectOk(await trainInPage(page, toyCsv(40), { method: 'ctgan', options: small, backend: 'wasm' }), logs);
    assert(run.trained.epochs === 1, 'trained');
    await page.reload();
    await page.waitForFunction(() => globalThis.__synthtab !== undefined);
    const out = await page.evaluate(async () => {
      const client = globalThis.__synthtab.createClient();
      const info = await client.storedModel();
      const loaded = await client.restoreModel();
      const csv = await (await client.sample(25, { seed: 2 })).text();
      client.terminate();
      return { info, loaded, lines: csv.trimEnd().split('\n') };
    });
    assert(out.info && out.info.name === 'toy.csv' && out.info.epochs === 1 && out.info.backend === 'wasm', `info ${JSON.stringify(out.info)}`);
    assert(out.loaded.source === 'stored', 'restored from IndexedDB');
    assert(out.lines.length === 26 && out.lines[0] === 'age,hours,workclass,income', `sample ${out.lines.length} lines`);
  },
};
