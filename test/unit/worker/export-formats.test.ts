/**
 * The worker's CSV export writes rows in the input's formats (core/csv/format.ts): on the Adult
 * demo, category cells keep their leading space (" Private") and missing cells come out as " ?",
 * for a model trained in the worker and for one loaded from its saved file (with no CSV loaded).
 * Handler + the real engine on Node's wasm backend, 1 tiny epoch.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../../src/model/backend-node.ts';
import { createDefaultEngine } from '../../../src/worker/engine-default.ts';
import type { Engine } from '../../../src/worker/engine.ts';
import { createHandler } from '../../../src/worker/handler.ts';
import { createMemoryModelStore } from '../../../src/worker/model-store.ts';
import { recorder } from './fakes.ts';

const nodeBackends: Engine['backends'] = {
  select: async () => ({ backend: await initNodeBackend('wasm'), adapter: 'node', reason: 'node wasm' }),
  fallback: async () => null,
};
const SMALL = { batchSize: 50, embeddingDim: 8, generatorDim: [16], discriminatorDim: [16], seed: 4, epochs: 1 };
/** The first 400 rows of the demo: " Private" and " ?" (22 missing workclass cells) are in it. */
const ADULT = readFileSync(new URL('../../../public/demo/adult.csv', import.meta.url), 'utf8').split('\n').slice(0, 401).join('\n') + '\n';
const header = ADULT.slice(0, ADULT.indexOf('\n')).split(',');
const col = (name: string): number => header.indexOf(name);

type Rec = ReturnType<typeof recorder>;
type Handle = ReturnType<typeof createHandler>;

async function exportCsv(rec: Rec, handle: Handle, id: number, rows: number, seed = 1): Promise<string> {
  const before = rec.of('csv-chunk').length;
  await handle({ type: 'sample', id, rows, seed });
  expect(rec.of('error')).toEqual([]);
  return rec.of('csv-chunk').slice(before).map((c) => new TextDecoder().decode(c.bytes)).join('');
}

/** Data lines split on commas (Adult has no quoted fields). */
function cells(csv: string): string[][] {
  return csv.trimEnd().split('\n').slice(1).map((l) => l.split(','));
}

function checkLikeInput(csv: string, rows: number): void {
  expect(csv.slice(0, csv.indexOf('\n'))).toBe(header.join(','));
  const data = cells(csv);
  expect(data.length).toBe(rows);
  for (const name of ['workclass', 'education', 'sex', 'native-country', 'income']) {
    const bad = data.map((r) => r[col(name)]!).filter((v) => !v.startsWith(' ') || v.startsWith('  '));
    expect([name, bad.slice(0, 3)]).toEqual([name, []]);
  }
  // Numbers stay bare; missing categories are the input's token with its space, never empty.
  expect(data.every((r) => /^\d+$/.test(r[col('age')]!))).toBe(true);
  const categories = ['workclass', 'occupation', 'native-country'].flatMap((n) => data.map((r) => r[col(n)]!));
  expect(data.some((r) => r[col('workclass')] === ' Private')).toBe(true);
  expect(categories.some((v) => v === ' ?')).toBe(true);
  expect(categories.filter((v) => v.trim() === '' || v === '?')).toEqual([]);
}

let rec: Rec;
let handle: Handle;
let trainedCsv: string;
let modelJson: string;

beforeAll(async () => {
  rec = recorder();
  handle = createHandler(rec.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore() });
  await handle({ type: 'load-text', id: 1, text: ADULT, name: 'adult.csv' });
  await handle({ type: 'train', id: 2, method: 'ctgan', options: SMALL, backend: 'wasm' });
  expect(rec.of('error')).toEqual([]);
  trainedCsv = await exportCsv(rec, handle, 3, 2000);
  await handle({ type: 'save-model', id: 4 });
  modelJson = rec.of('model-file')[0]!.json;
}, 120_000);

describe('worker export in the input formats (Adult demo)', () => {
  it('a model trained in the worker: " Private", " ?" like the input', () => {
    checkLikeInput(trainedCsv, 2000);
  });

  it('the saved model file carries the formats', () => {
    const file = JSON.parse(modelJson) as { formats?: Record<string, { prefix: string; missing: string }> };
    expect(file.formats?.workclass).toEqual({ prefix: ' ', suffix: '', missing: '?' });
    expect(file.formats?.age).toBeUndefined();
  });

  it('a model loaded from that file, with no CSV loaded, exports the same way and the same rows', async () => {
    const r2 = recorder();
    const h2 = createHandler(r2.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore() });
    await h2({ type: 'load-model', id: 1, json: modelJson });
    expect(r2.of('error')).toEqual([]);
    const csv = await exportCsv(r2, h2, 2, 2000);
    checkLikeInput(csv, 2000);
    expect(csv).toBe(trainedCsv);
    // Nothing personal in Adult: no caveat about fakes.
    expect(r2.of('notice')).toEqual([]);
  });

  it('TVAE too: trained in the worker, and loaded from its saved file (formats added to the file)', async () => {
    const w = recorder();
    const h = createHandler(w.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore() });
    await h({ type: 'load-text', id: 1, text: ADULT, name: 'adult.csv' });
    await h({ type: 'train', id: 2, method: 'tvae', options: SMALL, backend: 'wasm' });
    checkLikeInput(await exportCsv(w, h, 3, 2000), 2000);
    await h({ type: 'save-model', id: 4 });
    const file = w.of('model-file')[0]!.json;
    expect((JSON.parse(file) as { method: string; formats?: Record<string, unknown> }).formats?.workclass).toEqual({ prefix: ' ', suffix: '', missing: '?' });
    const w2 = recorder();
    const h2 = createHandler(w2.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore() });
    await h2({ type: 'load-model', id: 1, json: file });
    checkLikeInput(await exportCsv(w2, h2, 2, 2000), 2000);
  });

  it('batches after the first are written the same way (no header, same formats)', async () => {
    const r3 = recorder();
    const h3 = createHandler(r3.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore(), sampleBatchRows: 300 });
    await h3({ type: 'load-model', id: 1, json: modelJson });
    checkLikeInput(await exportCsv(r3, h3, 2, 1000), 1000);
  });
});
