// The handler with the real engine (core/csv, core/profile, CtganSynthesizer, core/metrics) in
// Node, on the wasm and cpu backends: the same code path the browser worker runs, minus the GPU.
import { describe, expect, it } from 'vitest';
import { createHandler } from '../../../src/worker/handler.ts';
import { createDefaultEngine } from '../../../src/worker/engine-default.ts';
import { createMemoryModelStore } from '../../../src/worker/model-store.ts';
import { nodeBackends, SMALL_NETWORK_OPTIONS as SMALL, toyWorkerCsv as toyCsv } from '../helpers/node-engine.ts';
import { recorder } from './fakes.ts';

describe('worker handler with the real engine (Node wasm/cpu)', () => {
  it('loads, trains, charts, samples, evaluates, saves and reloads a model', async () => {
    const rec = recorder();
    const handle = createHandler(rec.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore(), sampleBatchRows: 30 });
    await handle({ type: 'load-text', id: 1, text: toyCsv(60), name: 'toy.csv' });
    expect(rec.of('loaded')[0]!.profile.columns.map((c) => c.kind)).toEqual(['integer', 'integer', 'categorical', 'categorical']);
    await handle({ type: 'train', id: 2, method: 'ctgan', options: { ...SMALL, epochs: 2 }, backend: 'wasm', distributionColumns: ['age', 'workclass'], distributionEvery: 1, distributionRows: 100 });
    expect(rec.of('error')).toEqual([]);
    expect(rec.of('backend')[0]).toMatchObject({ backend: 'wasm' });
    expect(rec.of('epoch').map((e) => e.epoch)).toEqual([1, 2]);
    expect(rec.of('step')).toHaveLength(6);
    expect(rec.of('distributions').map((d) => d.epoch)).toEqual([1, 2]);
    const age = rec.of('distributions')[1]!.data[0]!;
    expect(age.synthetic.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);

    await handle({ type: 'sample', id: 3, rows: 70, seed: 4 });
    const text = rec.of('csv-chunk').map((c) => new TextDecoder().decode(c.bytes)).join('');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('age,hours,workclass,income');
    expect(lines).toHaveLength(71); // 3 batches of 30/30/10, one header
    expect(lines.slice(1).every((l) => /^\d+,\d+,(Private|Self-emp|Gov),(>50K|<=50K)$/.test(l))).toBe(true);

    await handle({ type: 'evaluate', id: 4, rows: 60 });
    const report = rec.of('report')[0]!.report as { quality: { overall: number } };
    expect(report.quality.overall).toBeGreaterThan(0);
    expect(report.quality.overall).toBeLessThanOrEqual(1);

    await handle({ type: 'save-model', id: 5 });
    const json = rec.of('model-file')[0]!.json;
    await handle({ type: 'load-model', id: 6, json });
    expect(rec.of('model-loaded')[0]!.columns).toEqual(['age', 'hours', 'workclass', 'income']);
    const before = rec.of('csv-chunk').length;
    await handle({ type: 'sample', id: 7, rows: 5, seed: 4 });
    expect(rec.of('csv-chunk').length).toBeGreaterThan(before);
    expect(rec.of('error')).toEqual([]);
  });

  it('falls back from wasm to cpu mid-run and keeps the weights of the last epoch', async () => {
    const rec = recorder();
    const handle = createHandler(rec.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore() });
    await handle({ type: 'load-text', id: 1, text: toyCsv(40), name: 'toy.csv' });
    await handle({ type: 'train', id: 2, method: 'ctgan', options: { ...SMALL, epochs: 3 }, backend: 'wasm', failBackendAtEpoch: 2 });
    expect(rec.of('error')).toEqual([]);
    expect(rec.of('backend').map((b) => b.backend)).toEqual(['wasm', 'cpu']);
    expect(rec.of('epoch').map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(rec.of('trained')[0]).toMatchObject({ epochs: 3, stopped: false });
  });

  it('refuses a method it does not know (every MethodName trains: see methods.test.ts)', async () => {
    const rec = recorder();
    const handle = createHandler(rec.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore() });
    await handle({ type: 'load-text', id: 1, text: toyCsv(20), name: 'toy.csv' });
    await handle({ type: 'train', id: 2, method: 'smote' as 'ctgan', options: SMALL });
    expect(rec.events.at(-1)).toMatchObject({ type: 'error', code: 'bad-option' });
  });
});
