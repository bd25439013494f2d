/**
 * KSComplement (SDMetrics): 1 - the two-sample Kolmogorov-Smirnov statistic, i.e. one minus the
 * largest gap between the empirical CDFs of the real and synthetic values. Missing values (NaN)
 * are dropped first, as SDMetrics does. 1 = identical marginal distributions.
 * Edge cases: both samples empty -> 1; exactly one empty -> 0.
 */
import { sortedFinite } from '../profile/stats.ts';
import type { MetricInfo } from './metric.ts';

export const KS_COMPLEMENT: MetricInfo = {
  name: 'KSComplement',
  goal: 'maximize',
  min: 0,
  max: 1,
  description: '1 - the largest distance between the real and synthetic cumulative distributions (numeric columns)',
};

/** The two-sample KS statistic sup_x |F_a(x) - F_b(x)| on the non-missing values (NaN if a sample is empty). */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = sortedFinite(a);
  const y = sortedFinite(b);
  if (x.length === 0 || y.length === 0) return NaN;
  let i = 0;
  let j = 0;
  let d = 0;
  // Step through the pooled values; after consuming every copy of v from both samples the
  // CDFs are F_a(v) = i / n and F_b(v) = j / m, where the supremum is attained.
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** 1 - KS statistic (see the file comment for the empty-sample cases). */
export function ksComplement(real: ArrayLike<number>, synthetic: ArrayLike<number>): number {
  const d = ksStatistic(real, synthetic);
  if (!Number.isNaN(d)) return 1 - d;
  const realEmpty = sortedFinite(real).length === 0;
  const synthEmpty = sortedFinite(synthetic).length === 0;
  return realEmpty && synthEmpty ? 1 : 0;
}
