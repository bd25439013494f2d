/** Data shaping for the rebalance charts (pure: rows in the form recharts wants). */
import type { MethodResult } from '../../core/rebalance/lab.ts';

export const METRIC_LABELS = [
  ['precision', 'precision'],
  ['recall', 'recall'],
  ['f1', 'F1'],
  ['rocAuc', 'ROC AUC'],
  ['prAuc', 'PR AUC'],
] as const;

export type MetricKey = (typeof METRIC_LABELS)[number][0];

/** The field of a metric row holding a method's spread (standard deviation over seeds). */
export const spreadKey = (method: string): string => `${method}:sd`;

/**
 * One row per metric, one numeric field per method name: the grouped bar chart's data. With
 * several seeds each method also gets its standard deviation under `spreadKey(name)` (error bars).
 */
export function metricRows(methods: readonly MethodResult[]): Record<string, string | number>[] {
  return METRIC_LABELS.map(([key, label]) => {
    const row: Record<string, string | number> = { metric: label };
    for (const m of methods) {
      row[m.name] = Number.isFinite(m[key]) ? Number(m[key].toFixed(4)) : 0;
      const sd = m.spread?.[key];
      if (sd !== undefined) row[spreadKey(m.name)] = Number.isFinite(sd) ? Number(sd.toFixed(4)) : 0;
    }
    return row;
  });
}

/** PR curve points of one method, ordered by recall (with the recall-0 end at the curve's first precision). */
export function prSeries(m: MethodResult): { recall: number; precision: number }[] {
  const pts = m.prCurve.map((p) => ({ recall: p.recall, precision: p.precision })).sort((a, b) => a.recall - b.recall);
  if (pts.length && pts[0]!.recall > 0) pts.unshift({ recall: 0, precision: pts[0]!.precision });
  return pts;
}

export const METHOD_COLORS: Record<string, string> = {
  baseline: '#64748b',
  undersample: '#f59e0b',
  oversample: '#10b981',
  smote: '#6366f1',
  'class-weights': '#ec4899',
  ctgan: '#2563eb',
};
