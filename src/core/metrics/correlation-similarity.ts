/**
 * CorrelationSimilarity (SDMetrics, coefficient='Pearson'): 1 - |r_real - r_synth| / 2 for a pair
 * of numeric columns, each r computed on the rows where both values are present.
 * Deviation from SDMetrics, on purpose: when the synthetic pair has no variance (a collapsed
 * column) we take r_synth = 0 instead of dropping the pair, so a collapse lowers the score. A pair
 * whose real r is undefined (fewer than 2 complete rows, or no variance) has no score (null).
 */
import type { MetricInfo } from './metric.ts';

export const CORRELATION_SIMILARITY: MetricInfo = {
  name: 'CorrelationSimilarity',
  goal: 'maximize',
  min: 0,
  max: 1,
  description: '1 - |Pearson r (real) - Pearson r (synthetic)| / 2 (numeric pairs)',
};

/** Pearson correlation on rows where both are non-missing; NaN when undefined. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    mx += a;
    my += b;
  }
  if (n < 2) return NaN;
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) ** 2;
    syy += (b - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

export interface PairScore {
  real: number;
  synthetic: number;
  score: number;
}

/** Correlation similarity of (x, y) in real vs synthetic; null when the real r is undefined. */
export function correlationSimilarity(
  realX: ArrayLike<number>, realY: ArrayLike<number>, synthX: ArrayLike<number>, synthY: ArrayLike<number>,
): PairScore | null {
  const r = pearson(realX, realY);
  if (Number.isNaN(r)) return null;
  const sRaw = pearson(synthX, synthY);
  const s = Number.isNaN(sRaw) ? 0 : sRaw;
  return { real: r, synthetic: s, score: 1 - Math.abs(r - s) / 2 };
}
