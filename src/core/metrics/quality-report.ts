/**
 * The quality report (SDMetrics QualityReport): overall = mean of Column Shapes and Column Pair
 * Trends (all pairs, the classic definition SDGym's published scores use). The trending-pairs
 * variant (SDMetrics 0.27+) is reported beside it with its own overall.
 * Also `quickQuality`, the cheap score on row samples used for live quality during training, and
 * `associationMatrix`, the real-vs-synthetic association heatmap data for the UI.
 */
import type { Rng } from '../rng.ts';
import { createRng } from '../rng.ts';
import type { Table } from '../table/table.ts';
import type { ColumnKind } from '../types.ts';
import { correlationRatio, cramersV } from './association.ts';
import { columnPairTrends } from './column-pair-trends.ts';
import type { PairScore } from './column-pair-trends.ts';
import { columnShapes } from './column-shapes.ts';
import type { ColumnScore } from './column-shapes.ts';
import { pearson } from './correlation-similarity.ts';
import { prepare } from './prepare.ts';
import type { PreparedColumn } from './prepare.ts';
import { sampleRows } from './subsample.ts';

export interface QualityReport {
  /** Mean of columnShapes and columnPairTrends (or columnShapes alone when no pair is scored). */
  overall: number;
  columnShapes: number;
  /** All pairs (classic SDMetrics, comparable with published scores). */
  columnPairTrends: number;
  /** Only pairs with a real trend (SDMetrics 0.27+); null when none trends. */
  columnPairTrendsTrending: number | null;
  /** Mean of columnShapes and columnPairTrendsTrending (null when no pair trends). */
  overallTrending: number | null;
  trendingPairCount: number;
  columns: ColumnScore[];
  pairs: PairScore[];
}

function mean2(a: number, b: number): number {
  return Number.isNaN(b) ? a : (a + b) / 2;
}

/** The quality report of prepared columns (see prepare.ts). */
export function qualityReport(columns: readonly PreparedColumn[]): QualityReport {
  const shapes = columnShapes(columns);
  const trends = columnPairTrends(columns);
  return {
    overall: mean2(shapes.score, trends.allPairs),
    columnShapes: shapes.score,
    columnPairTrends: trends.allPairs,
    columnPairTrendsTrending: trends.trendingPairs,
    overallTrending: trends.trendingPairs === null ? null : mean2(shapes.score, trends.trendingPairs),
    trendingPairCount: trends.pairs.filter((p) => p.trending).length,
    columns: shapes.columns,
    pairs: trends.pairs,
  };
}

export interface QuickQualityOptions {
  kinds?: Readonly<Record<string, ColumnKind>>;
  rng?: Rng;
  /** Rows sampled from each table (default 2,000). */
  maxRows?: number;
}

export interface QuickQuality {
  overall: number;
  columnShapes: number;
  columnPairTrends: number;
  columnPairTrendsTrending: number | null;
}

/** Shapes + pair trends on at most `maxRows` rows of each table: cheap enough to run every few epochs. */
export function quickQuality(real: Table, synthetic: Table, opts: QuickQualityOptions = {}): QuickQuality {
  const rng = opts.rng ?? createRng(0);
  const max = opts.maxRows ?? 2000;
  const p = prepare(sampleRows(real, max, rng), sampleRows(synthetic, max, rng), { kinds: opts.kinds });
  const q = qualityReport(p.columns);
  return { overall: q.overall, columnShapes: q.columnShapes, columnPairTrends: q.columnPairTrends, columnPairTrendsTrending: q.columnPairTrendsTrending };
}

export type AssociationMethod = 'pearson' | 'cramers-v' | 'correlation-ratio';

export interface AssociationMatrix {
  /** Scored columns (numeric and categorical), in table order. */
  columns: string[];
  /** method[i][j]: Pearson r (numeric pair, -1..1), Cramer's V (categorical pair) or eta (mixed); diagonal 'pearson'/'cramers-v'. */
  method: AssociationMethod[][];
  /** Association in the real data; symmetric, 1 on the diagonal. */
  real: number[][];
  /** The same in the synthetic data. */
  synthetic: number[][];
}

function association(a: PreparedColumn, b: PreparedColumn, which: 'real' | 'synth'): { method: AssociationMethod; value: number } {
  if (a.role === 'numeric' && b.role === 'numeric') {
    const r = pearson(a[which], b[which]);
    return { method: 'pearson', value: Number.isNaN(r) ? 0 : r };
  }
  if (a.role === 'categorical' && b.role === 'categorical') {
    return { method: 'cramers-v', value: cramersV(a[which], b[which], a.categories.length, b.categories.length) };
  }
  const [num, cat] = a.role === 'numeric' ? [a, b] : [b, a];
  if (num.role !== 'numeric' || cat.role !== 'categorical') return { method: 'correlation-ratio', value: 0 }; // unreachable
  return { method: 'correlation-ratio', value: correlationRatio(num[which], cat[which], cat.categories.length) };
}

/** Real vs synthetic association per pair of scored columns (for the UI heatmap), on row samples. */
export function associationMatrix(real: Table, synthetic: Table, opts: QuickQualityOptions = {}): AssociationMatrix {
  const rng = opts.rng ?? createRng(0);
  const max = opts.maxRows ?? 5000;
  const cols = prepare(sampleRows(real, max, rng), sampleRows(synthetic, max, rng), { kinds: opts.kinds }).columns;
  const n = cols.length;
  const m: AssociationMatrix = {
    columns: cols.map((c) => c.name),
    method: cols.map(() => new Array<AssociationMethod>(n).fill('pearson')),
    real: cols.map(() => new Array<number>(n).fill(1)),
    synthetic: cols.map(() => new Array<number>(n).fill(1)),
  };
  for (let i = 0; i < n; i++) {
    m.method[i]![i] = cols[i]!.role === 'numeric' ? 'pearson' : 'cramers-v';
    for (let j = i + 1; j < n; j++) {
      const r = association(cols[i]!, cols[j]!, 'real');
      const s = association(cols[i]!, cols[j]!, 'synth');
      m.method[i]![j] = m.method[j]![i] = r.method;
      m.real[i]![j] = m.real[j]![i] = r.value;
      m.synthetic[i]![j] = m.synthetic[j]![i] = s.value;
    }
  }
  return m;
}
