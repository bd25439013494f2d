/**
 * The worker path (handler + real engine, Node wasm): load the customers fixture, train a tiny
 * CTGAN, sample. Personal columns are faked with the profile's defaults even though the handler's
 * plan carries no actions; a 'learn' choice from the UI (ColumnPlan.action) is honoured.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/csv/parse.ts';
import type { ColumnPlan } from '../../../src/core/types.ts';
import { initNodeBackend } from '../../../src/model/backend-node.ts';
import { createDefaultEngine } from '../../../src/worker/engine-default.ts';
import type { Engine } from '../../../src/worker/engine.ts';
import { createHandler } from '../../../src/worker/handler.ts';
import { createMemoryModelStore } from '../../../src/worker/model-store.ts';
import { recorder } from '../worker/fakes.ts';
import { CUSTOMERS_PATH, FORMATS, IDENTIFYING, realCopies, texts } from './helpers.ts';

const nodeBackends: Engine['backends'] = {
  select: async () => ({ backend: await initNodeBackend('wasm'), adapter: 'node', reason: 'node wasm' }),
  fallback: async () => null,
};
const SMALL = { batchSize: 50, embeddingDim: 8, generatorDim: [16], discriminatorDim: [16], seed: 2, epochs: 1 };

async function sampleCsv(rec: ReturnType<typeof recorder>, handle: ReturnType<typeof createHandler>, id: number, rows: number): Promise<string> {
  const before = rec.of('csv-chunk').length;
  await handle({ type: 'sample', id, rows, seed: 8 });
  return rec.of('csv-chunk').slice(before).map((c) => new TextDecoder().decode(c.bytes)).join('');
}

describe('worker: personal columns', () => {
  it('fakes them by default and learns one the user chose to learn', async () => {
    const rec = recorder();
    const handle = createHandler(rec.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore() });
    await handle({ type: 'load-text', id: 1, text: readFileSync(CUSTOMERS_PATH, 'utf8'), name: 'customers.csv' });
    const profile = rec.of('loaded')[0]!.profile;
    expect(profile.columns.find((c) => c.name === 'email')!.pii).toMatchObject({ kind: 'email', identifying: true });

    await handle({ type: 'train', id: 2, method: 'ctgan', options: SMALL, backend: 'wasm' });
    expect(rec.of('error')).toEqual([]);
    const out = parseCsv(await sampleCsv(rec, handle, 3, 200)).table;
    expect(out.rowCount).toBe(200);
    for (const name of ['email', 'account_uuid', 'customer_id', 'zip']) {
      expect([name, texts(out, name).filter((v) => v !== null && !FORMATS[name]!.test(v)).slice(0, 3)]).toEqual([name, []]);
    }
    for (const name of IDENTIFYING) expect([name, realCopies(out, name)]).toEqual([name, []]);

    // The UI's select: learn 'country' (one-hot: every output value is a real country).
    const plan: ColumnPlan[] = profile.columns.map((c) => ({ name: c.name, kind: c.kind, ...(c.name === 'country' ? { action: 'learn' as const } : {}) }));
    await handle({ type: 'set-plan', id: 4, plan });
    await handle({ type: 'train', id: 5, method: 'ctgan', options: SMALL, backend: 'wasm' });
    expect(rec.of('error')).toEqual([]);
    const learned = parseCsv(await sampleCsv(rec, handle, 6, 100)).table;
    const realCountries = new Set(texts(parseCsv(readFileSync(CUSTOMERS_PATH, 'utf8')).table, 'country'));
    expect(texts(learned, 'country').every((c) => realCountries.has(c))).toBe(true);
    expect(texts(learned, 'email').every((e) => FORMATS.email!.test(e!))).toBe(true);
  }, 60_000);
});
