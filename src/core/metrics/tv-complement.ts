/**
 * TVComplement (SDMetrics): 1 - total variation distance between the category frequencies,
 * 1 - 0.5 * sum_c |p_real(c) - p_synth(c)| over the union of categories.
 *
 * Missing values count as one more category, so a generator that drops or invents missingness is
 * penalised; SDMetrics' get_frequencies compares the values it is given the same way. Where it
 * adds 1e-6 pseudo-counts for synthetic-only categories we use the exact union (no difference
 * beyond 1e-6). Equal to SDMetrics on columns without missing values.
 */
import type { MetricInfo } from './metric.ts';

export const TV_COMPLEMENT: MetricInfo = {
  name: 'TVComplement',
  goal: 'maximize',
  min: 0,
  max: 1,
  description: '1 - total variation distance between real and synthetic category frequencies (categorical columns)',
};

/** Frequencies of codes 0..k-1 plus the missing code (-1) in slot k; all zeros for an empty sample. */
export function frequencies(codes: ArrayLike<number>, k: number): Float64Array {
  const f = new Float64Array(k + 1);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    f[c < 0 ? k : c]! += 1;
  }
  if (codes.length > 0) for (let c = 0; c <= k; c++) f[c] = f[c]! / codes.length;
  return f;
}

/**
 * TV complement of two code arrays over the same k categories (-1 = missing).
 * Both empty -> 1; exactly one empty -> 0.
 */
export function tvComplement(real: ArrayLike<number>, synthetic: ArrayLike<number>, k: number): number {
  if (real.length === 0 || synthetic.length === 0) return real.length === synthetic.length ? 1 : 0;
  const p = frequencies(real, k);
  const q = frequencies(synthetic, k);
  let tv = 0;
  for (let c = 0; c <= k; c++) tv += Math.abs(p[c]! - q[c]!);
  return 1 - 0.5 * tv;
}
