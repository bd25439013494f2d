/**
 * Chart data for the quality report panel, computed in the worker so the UI only draws
 * (STYLE.md section 11): per-column real vs synthetic distributions over the scored columns
 * (bins fixed from the real data, as the live training charts do) and the association matrices
 * for the heatmap (core/metrics associationMatrix) with their difference.
 */
import type { ReportCharts } from './protocol.ts';
import { binDistributions, prepareBins } from './distributions.ts';
import { associationMatrix } from '../core/metrics/quality-report.ts';
import { createRng } from '../core/rng.ts';
import type { Table } from '../core/table/table.ts';
import type { ColumnKind } from '../core/types.ts';

/** Rows of each table the association matrices use (a sample; see associationMatrix). */
export const CHART_ASSOCIATION_ROWS = 5000;

/** Distributions and association matrices of `real` (training rows) vs `synthetic`. */
export function reportCharts(real: Table, synthetic: Table, kinds: Readonly<Record<string, ColumnKind>>, seed: number): ReportCharts {
  const m = associationMatrix(real, synthetic, { kinds, rng: createRng((seed ^ 0xc4a7) >>> 0), maxRows: CHART_ASSOCIATION_ROWS });
  // Chart the scored columns only (the matrix lists them in table order).
  const bins = prepareBins(real, m.columns, new Map(Object.entries(kinds)));
  return {
    distributions: binDistributions(bins, synthetic),
    associations: {
      columns: m.columns,
      method: m.method,
      real: m.real,
      synthetic: m.synthetic,
      difference: m.real.map((row, i) => row.map((r, j) => m.synthetic[i]![j]! - r)),
    },
  };
}
