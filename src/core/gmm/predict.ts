/**
 * Using a fitted mixture at encode time: posterior responsibilities (sklearn `predict_proba`) and
 * RDT's sampled mode per value (CTGAN-SPEC.md 2.1, transform steps 1-2).
 */
import type { Rng } from '../rng.ts';
import type { BgmmModel } from './bgmm.ts';

/**
 * Posterior responsibilities of the kept components for each value, written row-major into
 * `out` (values.length × kept.length). As RDT does, these are the full mixture's `predict_proba`
 * restricted to the kept components, NOT renormalised (each row sums to <= 1).
 */
export function predictProbaBatch(model: BgmmModel, values: ArrayLike<number>, out: Float64Array): Float64Array {
  const k = model.fullMeans.length;
  const kk = model.kept.length;
  const lp = new Float64Array(k);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    let max = -Infinity;
    for (let j = 0; j < k; j++) {
      const d = x - model.fullMeans[j]!;
      const v = model.logConst[j]! - 0.5 * d * d * model.fullPrecisions[j]!;
      lp[j] = v;
      if (v > max) max = v;
    }
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(lp[j]! - max);
    const lse = max + Math.log(s);
    for (let t = 0; t < kk; t++) out[i * kk + t] = Math.exp(lp[model.kept[t]!]! - lse);
  }
  return out;
}

/** Responsibilities of the kept components for one value (see `predictProbaBatch`). */
export function predictProba(model: BgmmModel, x: number): Float64Array {
  return predictProbaBatch(model, [x], new Float64Array(model.kept.length));
}

/**
 * Draw one kept mode per value from its posterior plus 1e-6 smoothing, renormalised
 * (CTGAN-SPEC.md 2.1, transform step 2: sampled, not argmax). Writes mode indices into `out`.
 */
export function sampleModes(model: BgmmModel, values: Float64Array, rng: Rng, out: Int32Array): Int32Array {
  const kk = model.kept.length;
  const chunk = 4096;
  const probs = new Float64Array(chunk * kk);
  for (let start = 0; start < values.length; start += chunk) {
    const len = Math.min(chunk, values.length - start);
    predictProbaBatch(model, values.subarray(start, start + len), probs);
    for (let i = 0; i < len; i++) {
      let total = 0;
      for (let t = 0; t < kk; t++) total += probs[i * kk + t]! + 1e-6;
      let u = rng.next() * total;
      let pick = kk - 1;
      for (let t = 0; t < kk; t++) {
        u -= probs[i * kk + t]! + 1e-6;
        if (u < 0) {
          pick = t;
          break;
        }
      }
      out[start + i] = pick;
    }
  }
  return out;
}
