// The worker's 'rebalance' request: ?backend= reaches the CTGAN method's backend choice, a bad name
// is a one-line error, and a backend already running (after training) is kept.
import { describe, expect, it } from 'vitest';
import { takeRows, type Table } from '../../../src/core/table/table.ts';
import type { SynthesizerLike } from '../../../src/worker/engine.ts';
import { createHandler } from '../../../src/worker/handler.ts';
import { createMemoryModelStore } from '../../../src/worker/model-store.ts';
import type { BackendName } from '../../../src/worker/protocol.ts';
import { fakeEngine, recorder } from '../worker/fakes.ts';
import { toyCsv } from './toy.ts';

/** A stand-in CTGAN: "samples" by repeating the first rows of the training table it was fitted on. */
function copySynth(): SynthesizerLike {
  let seen: Table | null = null;
  return {
    fit: async (table) => void (seen = table),
    sample: async (rows) => takeRows(seen!, Array.from({ length: rows }, (_, i) => i % seen!.rowCount)),
    toFile: () => '{}',
    getWeights: async () => [],
    dispose: () => undefined,
    columns: () => seen?.columns.map((c) => c.name) ?? [],
  };
}

function setup() {
  const rec = recorder();
  const engine = { ...fakeEngine(['wasm', 'cpu']), createSynthesizer: copySynth };
  const handle = createHandler(rec.post, { engine, store: createMemoryModelStore() });
  return { rec, handle };
}

describe("worker 'rebalance' and ?backend=", () => {
  it('starts the requested backend for the ctgan method and returns its augmented set', async () => {
    const { rec, handle } = setup();
    await handle({ type: 'load-text', id: 1, text: toyCsv(200, 0.1), name: 'toy.csv' });
    await handle({ type: 'rebalance', id: 2, target: 'label', seed: 1, methods: ['baseline', 'ctgan'], epochs: 1, backend: 'cpu' });
    expect(rec.of('error')).toEqual([]);
    expect(rec.of('backend').map((b) => b.backend)).toEqual(['cpu']);
    const result = rec.of('rebalance-result')[0]!;
    expect(result.result.methods.map((m) => m.name)).toEqual(['baseline', 'ctgan']);
    expect(result.augmented?.method).toBe('ctgan');
    expect(result.augmented!.csv.split('\n')[0]).toBe('id,x1,x2,colour,label,is_synthetic');
    // A second run asking for another backend keeps the one already running.
    await handle({ type: 'rebalance', id: 3, target: 'label', seed: 1, methods: ['ctgan'], epochs: 1, backend: 'wasm' });
    expect(rec.of('backend').map((b) => b.backend)).toEqual(['cpu']);
  });

  it('needs no backend without ctgan, and rejects an unknown backend name in one line', async () => {
    const { rec, handle } = setup();
    await handle({ type: 'load-text', id: 1, text: toyCsv(200, 0.1), name: 'toy.csv' });
    await handle({ type: 'rebalance', id: 2, target: 'label', seed: 1, methods: ['smote'], backend: 'cpu' });
    expect(rec.of('backend')).toEqual([]);
    expect(rec.of('rebalance-result')[0]!.result.methods[0]!.syntheticRows).toBeGreaterThan(0);
    await handle({ type: 'rebalance', id: 3, target: 'label', seed: 1, methods: ['ctgan'], backend: 'metal' as BackendName });
    expect(rec.of('error')).toEqual([{ type: 'error', requestId: 3, code: 'bad-option', message: "Unknown backend 'metal': use one of webgpu, webgl, wasm, cpu or auto." }]);
  });
});
