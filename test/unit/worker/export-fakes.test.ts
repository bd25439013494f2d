/**
 * A model saved from the app (customers fixture, faked personal columns) and loaded again: the
 * export has realistic fakes, not "text N" placeholders. Without the real CSV loaded the worker
 * posts a notice that the fakes cannot be checked against real values; with it loaded, no notice
 * and no real identifying value comes out. Handler + real engine, Node wasm, 1 tiny epoch.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/csv/parse.ts';
import { SAVED_FAKES_NOTE } from '../../../src/core/pii/saved-fakes.ts';
import { missingCount } from '../../../src/core/table/table.ts';
import { initNodeBackend } from '../../../src/model/backend-node.ts';
import { createDefaultEngine } from '../../../src/worker/engine-default.ts';
import type { Engine } from '../../../src/worker/engine.ts';
import { createHandler } from '../../../src/worker/handler.ts';
import { createMemoryModelStore } from '../../../src/worker/model-store.ts';
import { column, customers, CUSTOMERS_PATH, FAKED, FORMATS, IDENTIFYING, realCopies, texts } from '../pii-integration/helpers.ts';
import { recorder } from './fakes.ts';

const nodeBackends: Engine['backends'] = {
  select: async () => ({ backend: await initNodeBackend('wasm'), adapter: 'node', reason: 'node wasm' }),
  fallback: async () => null,
};
const SMALL = { batchSize: 50, embeddingDim: 8, generatorDim: [16], discriminatorDim: [16], seed: 6, epochs: 1 };
const CSV = readFileSync(CUSTOMERS_PATH, 'utf8');

function newWorker(): { rec: ReturnType<typeof recorder>; handle: ReturnType<typeof createHandler> } {
  const rec = recorder();
  return { rec, handle: createHandler(rec.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore() }) };
}

async function exportCsv(w: ReturnType<typeof newWorker>, id: number, rows: number, seed: number): Promise<string> {
  const before = w.rec.of('csv-chunk').length;
  await w.handle({ type: 'sample', id, rows, seed });
  expect(w.rec.of('error')).toEqual([]);
  return w.rec.of('csv-chunk').slice(before).map((c) => new TextDecoder().decode(c.bytes)).join('');
}

let modelJson: string;

beforeAll(async () => {
  const w = newWorker();
  await w.handle({ type: 'load-text', id: 1, text: CSV, name: 'customers.csv' });
  await w.handle({ type: 'train', id: 2, method: 'ctgan', options: SMALL, backend: 'wasm' });
  await w.handle({ type: 'save-model', id: 3 });
  expect(w.rec.of('error')).toEqual([]);
  modelJson = w.rec.of('model-file')[0]!.json;
}, 120_000);

describe('worker: a loaded model fakes personal columns again', () => {
  it('the saved file has a fakes entry per faked column and no real personal value', () => {
    const file = JSON.parse(modelJson) as { fakes?: { name: string; kind: string }[] };
    expect(file.fakes?.map((f) => [f.name, f.kind])).toEqual(Object.entries(FAKED));
    for (const name of Object.keys(FAKED)) {
      for (const v of new Set(texts(customers, name))) {
        if (v === null) continue;
        expect([name, v, modelJson.includes(JSON.stringify(v)) || (v.length >= 8 && modelJson.includes(v))]).toEqual([name, v, false]);
      }
    }
  });

  it('without the data: realistic fakes, the real null share, a notice, same seed -> same export', async () => {
    const w = newWorker();
    await w.handle({ type: 'load-model', id: 1, json: modelJson });
    const csv = await exportCsv(w, 2, 400, 9);
    expect(w.rec.of('notice').map((n) => n.message)).toEqual([SAVED_FAKES_NOTE]);
    const out = parseCsv(csv).table;
    expect(out.rowCount).toBe(400);
    for (const name of Object.keys(FAKED)) expect([name, texts(out, name).filter((v) => v !== null && /^text \d+$/.test(v)).length]).toEqual([name, 0]);
    for (const [name, re] of Object.entries(FORMATS)) expect([name, texts(out, name).filter((v) => v !== null && !re.test(v)).slice(0, 3)]).toEqual([name, []]);
    expect(missingCount(column(out, 'phone'))).toBe(16);
    expect(await exportCsv(w, 3, 400, 9)).toBe(csv);
    expect(await exportCsv(w, 4, 400, 10)).not.toBe(csv);
  });

  it('with the real CSV loaded: its values are avoided and no notice is posted', async () => {
    const w = newWorker();
    await w.handle({ type: 'load-text', id: 1, text: CSV, name: 'customers.csv' });
    await w.handle({ type: 'load-model', id: 2, json: modelJson });
    const out = parseCsv(await exportCsv(w, 3, 1000, 9)).table;
    expect(w.rec.of('notice')).toEqual([]);
    for (const name of IDENTIFYING) expect([name, realCopies(out, name)]).toEqual([name, []]);
    for (const [name, re] of Object.entries(FORMATS)) expect([name, texts(out, name).filter((v) => v !== null && !re.test(v)).slice(0, 3)]).toEqual([name, []]);
  });
});
