import { describe, expect, it } from 'vitest';
import { createHandler } from '../../../src/worker/handler.ts';
import { createMemoryModelStore } from '../../../src/worker/model-store.ts';
import type { Request } from '../../../src/worker/protocol.ts';
import { fakeEngine, recorder } from './fakes.ts';

const CSV = 'x,c\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n7,a\n8,b\n9,a\n0,b\n';

async function setup(chain: Parameters<typeof fakeEngine>[0] = ['wasm', 'cpu'], stepDelayMs = 0) {
  const engine = fakeEngine(chain, stepDelayMs);
  const rec = recorder();
  const store = createMemoryModelStore();
  const handle = createHandler(rec.post, { engine, store, sampleBatchRows: 4, now: () => 0 });
  await handle({ type: 'load-text', id: 1, text: CSV, name: 'toy.csv' });
  return { engine, rec, store, handle };
}

function train(id: number, extra: Partial<Extract<Request, { type: 'train' }>> = {}): Request {
  return { type: 'train', id, method: 'ctgan', options: { epochs: 6, seed: 3 }, ...extra };
}

describe('worker handler', () => {
  it('loads CSV text: progress, a profile, a preview, then done', async () => {
    const { rec } = await setup();
    const loaded = rec.of('loaded');
    expect(loaded).toHaveLength(1);
    expect(loaded[0]!.profile.rows).toBe(10);
    expect(loaded[0]!.preview.columns).toEqual(['x', 'c']);
    expect(loaded[0]!.preview.rows[0]).toEqual(['1', 'a']);
    expect(rec.of('progress').some((p) => p.stage === 'parse' && p.done === p.total)).toBe(true);
    expect(rec.events.at(-1)).toEqual({ type: 'done', requestId: 1 });
  });

  it('trains: 1-based epochs, steps, distributions every N epochs and at the end, a kept model', async () => {
    const { rec, store, handle } = await setup();
    rec.events.length = 0;
    await handle(train(2, { distributionColumns: ['x', 'c'], distributionEvery: 2, distributionRows: 50 }));
    expect(rec.of('error')).toEqual([]);
    expect(rec.of('backend')).toEqual([{ type: 'backend', requestId: 2, backend: 'wasm', adapter: 'fake wasm', reason: 'auto' }]);
    expect(rec.of('epoch').map((e) => [e.epoch, e.epochs])).toEqual([1, 2, 3, 4, 5, 6].map((e) => [e, 6]));
    expect(rec.of('step')).toHaveLength(12);
    expect(rec.of('step')[0]).toMatchObject({ epoch: 1, step: 1, stepsPerEpoch: 2 });
    // Every 2nd epoch, and the last one only once.
    const dist = rec.of('distributions');
    expect(dist.map((d) => d.epoch)).toEqual([2, 4, 6]);
    expect(dist[0]!.data.map((d) => d.column)).toEqual(['x', 'c']);
    for (const d of dist[0]!.data) {
      expect(d.real.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(d.synthetic.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect(rec.of('trained')[0]).toMatchObject({ epochs: 6, stopped: false });
    expect(rec.events.at(-1)).toEqual({ type: 'done', requestId: 2 });
    expect(await store.info()).toMatchObject({ name: 'toy.csv', epochs: 6, backend: 'wasm' });
  });

  it('rejects an unknown backend name before training', async () => {
    const { engine, rec, handle } = await setup();
    await handle(train(2, { backend: 'tpu' as 'cpu' }));
    expect(rec.events.at(-1)).toMatchObject({ type: 'error', requestId: 2, code: 'bad-option', message: "Unknown backend 'tpu': use one of webgpu, webgl, wasm, cpu or auto." });
    expect(engine.log.fits).toHaveLength(0);
  });

  it('rejects an unknown distribution column before training', async () => {
    const { engine, rec, handle } = await setup();
    await handle(train(2, { distributionColumns: ['nope'] }));
    expect(rec.events.at(-1)).toMatchObject({ type: 'error', requestId: 2, code: 'bad-column' });
    expect(engine.log.fits).toHaveLength(0);
  });

  it('answers bad requests with one error event and a code', async () => {
    const engine = fakeEngine();
    const rec = recorder();
    const handle = createHandler(rec.post, { engine, store: createMemoryModelStore() });
    await handle({ type: 'sample', id: 5, rows: 10 });
    await handle({ type: 'train', id: 6, method: 'ctgan', options: {} });
    expect(rec.events).toEqual([
      { type: 'error', requestId: 5, code: 'bad-option', message: 'Train or load a model first.' },
      { type: 'error', requestId: 6, code: 'bad-option', message: 'Load a CSV file first.' },
    ]);
  });

  it('rejects a plan naming an unknown column', async () => {
    const { rec, handle } = await setup();
    await handle({ type: 'set-plan', id: 2, plan: [{ name: 'nope', kind: 'categorical' }] });
    expect(rec.events.at(-1)).toMatchObject({ type: 'error', requestId: 2, code: 'bad-column' });
  });

  it('pauses, resumes and stops a run cooperatively; a stopped model can still sample', async () => {
    const { engine, rec, handle } = await setup(['wasm', 'cpu'], 1);
    const running = handle(train(2, { options: { epochs: 1000, seed: 1 } }));
    while (rec.of('step').length < 3) await new Promise((r) => setTimeout(r, 1));
    await handle({ type: 'pause', id: 3 });
    const at = rec.of('step').length;
    await new Promise((r) => setTimeout(r, 30));
    // At most the step already in flight lands after the pause.
    expect(rec.of('step').length).toBeLessThanOrEqual(at + 1);
    await handle({ type: 'resume', id: 4 });
    while (rec.of('step').length < at + 4) await new Promise((r) => setTimeout(r, 1));
    await handle({ type: 'stop', id: 5 });
    await running;
    const trained = rec.of('trained')[0]!;
    expect(trained.stopped).toBe(true);
    expect(trained.epochs).toBeLessThan(1000);
    expect(rec.events.filter((e) => e.type === 'done').map((e) => (e as { requestId: number }).requestId)).toEqual([1, 3, 4, 5, 2]);
    await handle({ type: 'sample', id: 6, rows: 3 });
    expect(rec.of('sampled')).toEqual([{ type: 'sampled', requestId: 6, rows: 3 }]);
    expect(engine.log.fits).toHaveLength(1);
  });

  it('refuses a second job while training runs', async () => {
    const { rec, handle } = await setup(['wasm', 'cpu'], 1);
    const running = handle(train(2, { options: { epochs: 1000 } }));
    while (rec.of('step').length < 1) await new Promise((r) => setTimeout(r, 1));
    await handle(train(3));
    expect(rec.events.find((e) => e.type === 'error')).toMatchObject({ requestId: 3, code: 'bad-option', message: 'Wait for the running train to finish, or stop it.' });
    await handle({ type: 'stop', id: 4 });
    await running;
  });

  it('falls back to the next backend mid-run with the last epoch weights and keeps counting epochs', async () => {
    const { engine, rec, handle } = await setup(['webgpu', 'webgl', 'wasm', 'cpu']);
    await handle(train(2, { options: { epochs: 4 }, failBackendAtEpoch: 3 }));
    expect(rec.of('error')).toEqual([]);
    const backends = rec.of('backend');
    expect(backends.map((b) => [b.backend, b.fallbackFrom])).toEqual([['webgpu', undefined], ['webgl', 'webgpu']]);
    expect(rec.of('notice')[0]!.message).toMatch(/^webgpu failed in epoch 3 \(simulated webgpu failure in epoch 3\); continuing on webgl from epoch 2 with the last epoch's weights\.$/);
    // First run: 4 epochs asked, failed in the 3rd; second run: the 2 left, from the epoch-2 weights.
    expect(engine.log.fits.map((f) => [f.epochs, f.backend, f.initialWeights?.[0]?.[0]])).toEqual([[4, 'webgpu', undefined], [2, 'webgl', 2]]);
    expect(rec.of('epoch').map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    expect(rec.of('trained')[0]).toMatchObject({ epochs: 4, stopped: false });
    expect(engine.log.disposed).toBe(1);
  });

  it('reports backend-failed when the chain runs out', async () => {
    const { rec, handle } = await setup(['cpu']);
    await handle(train(2, { options: { epochs: 2 }, failBackendAtEpoch: 1 }));
    expect(rec.events.at(-1)).toMatchObject({ type: 'error', requestId: 2, code: 'backend-failed' });
  });

  it('streams a sample as transferred UTF-8 CSV chunks, header once, in batches', async () => {
    const { engine, rec, handle } = await setup();
    await handle(train(2, { options: { epochs: 1 } }));
    rec.events.length = 0;
    await handle({ type: 'sample', id: 3, rows: 10, seed: 7 });
    const chunks = rec.of('csv-chunk');
    const text = new TextDecoder().decode(concat(chunks.map((c) => c.bytes)));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('x,c');
    expect(lines).toHaveLength(11);
    expect(chunks.at(-1)!.rowsDone).toBe(10);
    expect(rec.transfers.length).toBe(chunks.length);
    // 10 rows in batches of 4: 4 + 4 + 2, each with its own seed.
    const batches = engine.log.samples.slice(-3);
    expect(batches.map((b) => b.rows)).toEqual([4, 4, 2]);
    expect(new Set(batches.map((b) => b.seed)).size).toBe(3);
    // Same seed, same rows.
    rec.events.length = 0;
    await handle({ type: 'sample', id: 4, rows: 10, seed: 7 });
    expect(new TextDecoder().decode(concat(rec.of('csv-chunk').map((c) => c.bytes)))).toBe(text);
  });

  it('rejects a non-integer or non-positive row count', async () => {
    const { rec, handle } = await setup();
    await handle(train(2, { options: { epochs: 1 } }));
    await handle({ type: 'sample', id: 3, rows: 0 });
    expect(rec.events.at(-1)).toMatchObject({ type: 'error', requestId: 3, code: 'bad-option' });
  });

  it('saves, loads and restores a model (IndexedDB store stand-in)', async () => {
    const { rec, store, handle } = await setup();
    await handle({ type: 'stored-model', id: 2 });
    expect(rec.of('stored-model')[0]!.info).toBeNull();
    await handle(train(3, { options: { epochs: 2 } }));
    await handle({ type: 'save-model', id: 4 });
    const json = rec.of('model-file')[0]!.json;
    expect(JSON.parse(json)).toEqual({ fake: true, trained: 2 });
    expect((await store.info())).toMatchObject({ name: 'toy.csv', epochs: 2, backend: 'wasm', size: json.length });
    await handle({ type: 'load-model', id: 5, json });
    await handle({ type: 'restore-model', id: 6 });
    expect(rec.of('model-loaded').map((e) => e.source)).toEqual(['file', 'stored']);
    await handle({ type: 'load-model', id: 7, json: '{"other":1}' });
    expect(rec.events.at(-1)).toMatchObject({ type: 'error', requestId: 7, code: 'bad-model-file' });
  });

  it('evaluates a fresh synthetic sample against the loaded table', async () => {
    const { rec, handle } = await setup();
    await handle(train(2, { options: { epochs: 1 } }));
    await handle({ type: 'evaluate', id: 3 });
    expect(rec.of('report')[0]!.report).toEqual({ realRows: 10, syntheticRows: 10 });
  });
});

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
