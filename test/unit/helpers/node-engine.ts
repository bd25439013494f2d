/**
 * Shared setup for the worker tests that run the real engine in Node: TF.js backends for Node
 * (wasm, or cpu when asked; a failed wasm falls back to cpu), a small toy CSV and small CTGAN/TVAE
 * network sizes that keep a run to a fraction of a second.
 */
import type { Engine } from '../../../src/worker/engine.ts';
import { initNodeBackend } from '../../../src/model/backend-node.ts';

/** Node backends for `createDefaultEngine`: 'cpu' when preferred, otherwise wasm; wasm falls back to cpu. */
export const nodeBackends: Engine['backends'] = {
  select: async (pref) => {
    const b = await initNodeBackend(pref === 'cpu' ? 'cpu' : 'wasm');
    return { backend: b, adapter: 'node', reason: `node ${b}` };
  },
  fallback: async (failed) => (failed === 'wasm' ? { backend: await initNodeBackend('cpu'), adapter: 'node', reason: 'fallback' } : null),
};

/**
 * `rows` rows of age,hours,workclass,income: age drives income (a pair trend: '>50K' iff age > 40),
 * workclass cycles through three values; deterministic.
 */
export function toyWorkerCsv(rows: number): string {
  const work = ['Private', 'Self-emp', 'Gov'];
  const lines = ['age,hours,workclass,income'];
  for (let i = 0; i < rows; i++) {
    const age = 18 + ((i * 37) % 50);
    lines.push(`${age},${20 + ((i * 13) % 40)},${work[i % 3]},${age > 40 ? '>50K' : '<=50K'}`);
  }
  return lines.join('\n') + '\n';
}

/** Small networks and batches (seed 5) for fast test runs. */
export const SMALL_NETWORK_OPTIONS = { batchSize: 20, embeddingDim: 8, generatorDim: [16], discriminatorDim: [16], seed: 5 };
