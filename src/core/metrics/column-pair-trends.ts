/**
 * Column Pair Trends (SDMetrics quality report property), in both variants DESIGN.md asks for:
 * - "all pairs" (classic, comparable with published CTGAN/TVAE scores): the mean over every pair of
 *   scored columns of CorrelationSimilarity (numeric x numeric) or ContingencySimilarity (any pair
 *   with a categorical column, numbers binned on the real range);
 * - "trending pairs" (SDMetrics 0.27+): the same mean over only the pairs with a real trend,
 *   |r_real| > 0.5 for numeric pairs or Cramer's V (real, binned) > 0.3 for the others.
 *   null when no pair trends.
 * Each pair also reports the association in real and synthetic data (Pearson r for numeric pairs,
 * Cramer's V otherwise), which is what the UI heatmap draws.
 */
import { CONTINGENCY_BINS, binOnRealRange, binValues, contingencySimilarity } from './contingency-similarity.ts';
import { correlationSimilarity } from './correlation-similarity.ts';
import { cramersV } from './association.ts';
import { meanOf } from './metric.ts';
import type { PreparedColumn } from './prepare.ts';

/** Thresholds of a "real trend" (SDMetrics 0.27+). */
export const TREND_PEARSON = 0.5;
export const TREND_CRAMERS_V = 0.3;

export interface PairScore {
  a: string;
  b: string;
  metric: 'CorrelationSimilarity' | 'ContingencySimilarity';
  /** Pearson r (numeric pairs) or Cramer's V (others) in the real data. */
  real: number;
  /** The same statistic in the synthetic data. */
  synthetic: number;
  score: number;
  /** Whether the pair has a real trend (counts in the "trending pairs" variant). */
  trending: boolean;
}

export interface PairTrends {
  /** Mean over all scored pairs (NaN with none). */
  allPairs: number;
  /** Mean over trending pairs, null with none. */
  trendingPairs: number | null;
  pairs: PairScore[];
}

/** Codes of a column for contingency tables: categories as is, numbers binned on the real range. */
interface Coded {
  real: Int32Array;
  synth: Int32Array;
  k: number;
}

function coded(c: PreparedColumn): Coded {
  if (c.role === 'categorical') return { real: c.real, synth: c.synth, k: c.categories.length };
  const bins = binOnRealRange(c.real, CONTINGENCY_BINS);
  return { real: binValues(c.real, bins), synth: binValues(c.synth, bins), k: bins.k };
}

/** Score every pair of `columns` (i < j in the given order). */
export function columnPairTrends(columns: readonly PreparedColumn[]): PairTrends {
  const codes = columns.map((c) => (c.role === 'numeric' ? null : coded(c)));
  const codeOf = (j: number): Coded => (codes[j] ??= coded(columns[j]!));
  const pairs: PairScore[] = [];
  for (let i = 0; i < columns.length; i++) {
    for (let j = i + 1; j < columns.length; j++) {
      const a = columns[i]!;
      const b = columns[j]!;
      if (a.role === 'numeric' && b.role === 'numeric') {
        const r = correlationSimilarity(a.real, b.real, a.synth, b.synth);
        if (!r) continue;
        pairs.push({ a: a.name, b: b.name, metric: 'CorrelationSimilarity', ...r, trending: Math.abs(r.real) > TREND_PEARSON });
        continue;
      }
      const ca = codeOf(i);
      const cb = codeOf(j);
      const score = contingencySimilarity(ca.real, cb.real, ca.synth, cb.synth, ca.k, cb.k);
      const vReal = cramersV(ca.real, cb.real, ca.k, cb.k);
      const vSynth = cramersV(ca.synth, cb.synth, ca.k, cb.k);
      pairs.push({ a: a.name, b: b.name, metric: 'ContingencySimilarity', real: vReal, synthetic: vSynth, score, trending: vReal > TREND_CRAMERS_V });
    }
  }
  const trending = pairs.filter((p) => p.trending).map((p) => p.score);
  return {
    allPairs: meanOf(pairs.map((p) => p.score)),
    trendingPairs: trending.length > 0 ? meanOf(trending) : null,
    pairs,
  };
}
