/**
 * ContingencySimilarity (SDMetrics): 1 - 0.5 * sum over the cells of the two columns' contingency
 * table of |joint_real - joint_synth|, for any pair involving a categorical column.
 *
 * - Missing values are a category of their own (SDMetrics groups with dropna=False).
 * - Numeric columns are first cut into 10 equal-width bins over the REAL [min, max]
 *   (REFERENCE.md: "continuous columns binned on the real range for mixed pairs"); the real
 *   maximum falls in the last bin. Synthetic values below the real minimum or above the real
 *   maximum get two extra codes that never occur in real data, so they count as full mismatch
 *   (SDMetrics' np.digitize puts them in outer bins the real data does not fill, the same effect).
 */
import { finiteRange, type MetricInfo } from './metric.ts';

export const CONTINGENCY_SIMILARITY: MetricInfo = {
  name: 'ContingencySimilarity',
  goal: 'maximize',
  min: 0,
  max: 1,
  description: '1 - total variation distance between real and synthetic joint frequencies (pairs with a categorical column; numbers binned)',
};

/** Number of equal-width bins for numeric columns in contingency tables. */
export const CONTINGENCY_BINS = 10;

/** A binning fitted on real values: code(v) in 0..bins-1, bins (below min), bins+1 (above max), -1 missing. */
export interface RealRangeBins {
  /** Number of codes (bins + 2), excluding missing. */
  k: number;
  code(v: number): number;
}

/** Equal-width bins over the real non-missing range. A constant real column puts its value in bin 0. */
export function binOnRealRange(real: ArrayLike<number>, bins = CONTINGENCY_BINS): RealRangeBins {
  const { lo, hi } = finiteRange(real);
  const width = hi - lo;
  return {
    k: bins + 2,
    code(v: number): number {
      if (Number.isNaN(v)) return -1;
      if (!(lo <= hi)) return bins + 1; // real column had no values: everything is out of range
      if (v < lo) return bins;
      if (v > hi) return bins + 1;
      if (width === 0) return 0;
      return Math.min(bins - 1, Math.floor(((v - lo) / width) * bins));
    },
  };
}

/** Apply a binning to an array of numbers. */
export function binValues(values: ArrayLike<number>, b: RealRangeBins): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = b.code(values[i]!);
  return out;
}

/** Joint relative frequencies of codes a (0..kA-1, -1 missing) and b; cell (i, j) at i * (kB + 1) + j, missing in the last slot. */
export function jointFrequencies(a: ArrayLike<number>, b: ArrayLike<number>, kA: number, kB: number): Float64Array {
  const w = kB + 1;
  const f = new Float64Array((kA + 1) * w);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    f[(x < 0 ? kA : x) * w + (y < 0 ? kB : y)]! += 1;
  }
  if (a.length > 0) for (let c = 0; c < f.length; c++) f[c] = f[c]! / a.length;
  return f;
}

/**
 * Contingency similarity of a pair of coded columns (categories or bins), real vs synthetic.
 * Both empty -> 1, one empty -> 0.
 */
export function contingencySimilarity(
  realA: ArrayLike<number>, realB: ArrayLike<number>, synthA: ArrayLike<number>, synthB: ArrayLike<number>, kA: number, kB: number,
): number {
  if (realA.length === 0 || synthA.length === 0) return realA.length === synthA.length ? 1 : 0;
  const p = jointFrequencies(realA, realB, kA, kB);
  const q = jointFrequencies(synthA, synthB, kA, kB);
  let tv = 0;
  for (let c = 0; c < p.length; c++) tv += Math.abs(p[c]! - q[c]!);
  return 1 - 0.5 * tv;
}
