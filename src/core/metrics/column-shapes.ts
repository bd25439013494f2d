/**
 * Column Shapes (SDMetrics quality report property): KSComplement for each numeric column,
 * TVComplement for each categorical column; the property score is their mean.
 */
import { KS_COMPLEMENT, ksComplement } from './ks-complement.ts';
import { TV_COMPLEMENT, tvComplement } from './tv-complement.ts';
import { meanOf } from './metric.ts';
import type { PreparedColumn } from './prepare.ts';

export interface ColumnScore {
  name: string;
  metric: 'KSComplement' | 'TVComplement';
  score: number;
}

/** Per-column shape scores and their mean (NaN with no columns). */
export function columnShapes(columns: readonly PreparedColumn[]): { score: number; columns: ColumnScore[] } {
  const out: ColumnScore[] = columns.map((c) =>
    c.role === 'numeric'
      ? { name: c.name, metric: 'KSComplement', score: ksComplement(c.real, c.synth) }
      : { name: c.name, metric: 'TVComplement', score: tvComplement(c.real, c.synth, c.categories.length) },
  );
  return { score: meanOf(out.map((c) => c.score)), columns: out };
}

/** The metric infos used by this property (for docs and the UI). */
export const COLUMN_SHAPE_METRICS = [KS_COMPLEMENT, TV_COMPLEMENT] as const;
