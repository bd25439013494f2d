/**
 * What every metric file declares, after SDMetrics (sdmetrics/single_column/statistical/
 * kscomplement.py: name, goal, min_value, max_value, compute).
 */
export interface MetricInfo {
  /** The SDMetrics name, e.g. 'KSComplement'. */
  readonly name: string;
  /** Whether higher ('maximize') or lower ('minimize') is better. */
  readonly goal: 'maximize' | 'minimize';
  readonly min: number;
  readonly max: number;
  /** One line on what it measures. */
  readonly description: string;
}

/** Mean of the finite values, or NaN when there are none. */
export function meanOf(values: readonly number[]): number {
  let s = 0;
  let n = 0;
  for (const v of values) if (Number.isFinite(v)) { s += v; n++; }
  return n === 0 ? NaN : s / n;
}

/** Smallest and largest non-missing (non-NaN) value; lo = Infinity and hi = -Infinity when there is none. */
export function finiteRange(values: ArrayLike<number>): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { lo, hi };
}
