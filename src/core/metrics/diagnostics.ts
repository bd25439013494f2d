/**
 * Diagnostics (SDMetrics diagnostic report, data validity):
 * - BoundaryAdherence per numeric column: the share of synthetic non-missing values inside the real
 *   [min, max]. A column whose synthetic values are all missing has no score (null).
 * - CategoryAdherence per categorical column: the share of synthetic values whose category occurs
 *   in the real data. As in SDMetrics (pandas isin), missing is a value: a synthetic missing cell
 *   adheres only when the real column has missing cells too.
 * The property scores are the means over columns (1 when there is no such column).
 */
import type { MetricInfo } from './metric.ts';
import { finiteRange, meanOf } from './metric.ts';
import type { PreparedCategorical, PreparedColumn, PreparedNumeric } from './prepare.ts';

export const BOUNDARY_ADHERENCE: MetricInfo = {
  name: 'BoundaryAdherence', goal: 'maximize', min: 0, max: 1,
  description: 'share of synthetic values inside the real min/max (numeric columns)',
};

export const CATEGORY_ADHERENCE: MetricInfo = {
  name: 'CategoryAdherence', goal: 'maximize', min: 0, max: 1,
  description: 'share of synthetic values whose category occurs in the real data (categorical columns)',
};

/** Boundary adherence of one numeric column; null when the synthetic column has no values. */
export function boundaryAdherence(c: PreparedNumeric): number | null {
  const { lo, hi } = finiteRange(c.real);
  let n = 0;
  let inside = 0;
  for (let i = 0; i < c.synth.length; i++) {
    const v = c.synth[i]!;
    if (Number.isNaN(v)) continue;
    n++;
    if (v >= lo && v <= hi) inside++;
  }
  return n === 0 ? null : inside / n;
}

/** Category adherence of one categorical column (missing counts as a value, see the file comment). */
export function categoryAdherence(c: PreparedCategorical): number {
  if (c.synth.length === 0) return 1;
  let realHasMissing = false;
  for (let i = 0; i < c.real.length; i++) if (c.real[i]! < 0) { realHasMissing = true; break; }
  let ok = 0;
  for (let i = 0; i < c.synth.length; i++) {
    const s = c.synth[i]!;
    if (s < 0 ? realHasMissing : s < c.realCategories) ok++;
  }
  return ok / c.synth.length;
}

export interface ColumnDiagnostic {
  name: string;
  metric: 'BoundaryAdherence' | 'CategoryAdherence';
  score: number | null;
}

export interface Diagnostics {
  boundaryAdherence: number;
  categoryAdherence: number;
  columns: ColumnDiagnostic[];
}

/** Diagnostics of prepared columns. */
export function diagnostics(columns: readonly PreparedColumn[]): Diagnostics {
  const out: ColumnDiagnostic[] = columns.map((c) =>
    c.role === 'numeric'
      ? { name: c.name, metric: 'BoundaryAdherence', score: boundaryAdherence(c) }
      : { name: c.name, metric: 'CategoryAdherence', score: categoryAdherence(c) },
  );
  const mean = (metric: ColumnDiagnostic['metric']): number => {
    const v = out.filter((c) => c.metric === metric && c.score !== null).map((c) => c.score!);
    return v.length === 0 ? 1 : meanOf(v);
  };
  return { boundaryAdherence: mean('BoundaryAdherence'), categoryAdherence: mean('CategoryAdherence'), columns: out };
}
