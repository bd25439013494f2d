import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitBgmm, predictProba } from '../../../src/core/gmm/bgmm.ts';
import { createRng } from '../../../src/core/rng.ts';

/**
 * Golden test against scikit-learn's BayesianGaussianMixture (1.2.1, configured as RDT does for
 * CTGAN) started from the same k-means labels; regenerate with the scripts in test/fixtures/gmm.
 */
interface Input { name: string; x: number[]; labels: number[] }
interface Ref {
  name: string; means: number[]; covariances: number[]; weights: number[]; n_iter: number; converged: boolean;
  proba_at: number[]; proba: number[][];
}
const dir = new URL('../../fixtures/gmm/', import.meta.url);
const inputs = JSON.parse(readFileSync(new URL('sklearn-inputs.json', dir), 'utf8')) as Input[];
const refs = (JSON.parse(readFileSync(new URL('sklearn-parity.json', dir), 'utf8')) as { sets: Ref[] }).sets;

describe('fitBgmm matches sklearn from the same initial labels', () => {
  for (const input of inputs) {
    const ref = refs.find((r) => r.name === input.name)!;
    it(`reproduces sklearn on "${input.name}"`, () => {
      const model = fitBgmm(Float64Array.from(input.x), createRng(1), { initLabels: Int32Array.from(input.labels) });
      expect(model.iterations).toBe(ref.n_iter);
      expect(model.converged).toBe(ref.converged);
      const kept = ref.weights.flatMap((w, j) => (w > 0.005 ? [j] : []));
      expect(model.kept).toEqual(kept);
      const keptTotal = kept.reduce((s, j) => s + ref.weights[j]!, 0);
      kept.forEach((j, t) => {
        expect(model.means[t]).toBeCloseTo(ref.means[j]!, 6);
        expect(model.stds[t]).toBeCloseTo(Math.sqrt(ref.covariances[j]!), 6);
        expect(model.weights[t]).toBeCloseTo(ref.weights[j]! / keptTotal, 6);
      });
      ref.proba_at.forEach((x, i) => {
        const p = predictProba(model, x);
        kept.forEach((j, t) => expect(p[t]).toBeCloseTo(ref.proba[i]![j]!, 6));
      });
    });
  }
});
