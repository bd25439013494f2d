/**
 * Live real-vs-synthetic distributions for the training charts. The bins are fixed once from the
 * real data when training starts, so every update only counts a small synthetic sample into them;
 * the UI receives shares (each side sums to 1) and does no metric work.
 */
import type { DistributionData } from './protocol.ts';
import { cellText, type Column, type Table } from '../core/table/table.ts';
import type { ColumnKind } from '../core/types.ts';
import { SynthtabError } from '../core/errors.ts';

/** Equal-width bins for numeric columns. */
export const NUMERIC_BINS = 20;
/** Most frequent categories shown; the rest go to OTHER_LABEL. */
export const TOP_CATEGORIES = 20;
export const MISSING_LABEL = '(missing)';
export const OTHER_LABEL = '(other)';

/** Bins of one column, fixed from the real data. */
export interface ColumnBins {
  column: string;
  kind: ColumnKind;
  mode: 'numeric' | 'category';
  /** Numeric mode: lower edge and width of the equal-width bins (width 0: one bin). */
  min: number;
  width: number;
  /** Category mode: bin index per category text. */
  index: Map<string, number>;
  /** Labels of the value bins (without the missing bin). */
  labels: string[];
  /** Real shares per value bin, then the missing share. */
  real: number[];
  realMissing: number;
}

function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

function formatEdge(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Number(v.toPrecision(4)).toString();
}

function numericValue(col: Column, row: number): number {
  if (col.type === 'numeric') return col.values[row]!;
  const t = cellText(col, row);
  return t === null ? NaN : Number(t);
}

/** Fix the bins of `columns` from the real table; unknown column names are an error. */
export function prepareBins(realTable: Table, columns: readonly string[], kinds: ReadonlyMap<string, ColumnKind>): ColumnBins[] {
  return columns.map((name) => {
    const col = findColumn(realTable, name);
    if (!col) throw new SynthtabError('bad-column', `No column named "${name}" to chart.`);
    const kind = kinds.get(name) ?? (col.type === 'numeric' ? 'continuous' : 'categorical');
    const n = realTable.rowCount;
    if (col.type === 'numeric' && kind !== 'categorical' && kind !== 'boolean') {
      let min = Infinity;
      let max = -Infinity;
      let missing = 0;
      for (let i = 0; i < n; i++) {
        const v = col.values[i]!;
        if (Number.isNaN(v)) missing++;
        else {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      if (min > max) min = max = 0;
      const bins = max > min ? NUMERIC_BINS : 1;
      const width = (max - min) / bins;
      const labels: string[] = [];
      for (let b = 0; b < bins; b++) labels.push(`${formatEdge(min + b * width)}–${formatEdge(b === bins - 1 ? max : min + (b + 1) * width)}`);
      const out: ColumnBins = { column: name, kind, mode: 'numeric', min, width, index: new Map(), labels, real: [], realMissing: 0 };
      const counts = countNumeric(out, col, n);
      out.real = counts.values.map((c) => c / Math.max(n, 1));
      out.realMissing = missing / Math.max(n, 1);
      return out;
    }
    // Categories by real frequency; ties keep first appearance (stable sort).
    const freq = new Map<string, number>();
    let missing = 0;
    for (let i = 0; i < n; i++) {
      const t = cellText(col, i);
      if (t === null) missing++;
      else freq.set(t, (freq.get(t) ?? 0) + 1);
    }
    const sorted = [...freq.entries()].sort((a, b) => b[1] - a[1]);
    const top = sorted.slice(0, TOP_CATEGORIES);
    const index = new Map<string, number>(top.map(([v], i) => [v, i]));
    const labels = top.map(([v]) => v);
    const real = top.map(([, c]) => c / Math.max(n, 1));
    if (sorted.length > TOP_CATEGORIES) {
      labels.push(OTHER_LABEL);
      real.push(sorted.slice(TOP_CATEGORIES).reduce((s, [, c]) => s + c, 0) / Math.max(n, 1));
    }
    return { column: name, kind, mode: 'category', min: 0, width: 0, index, labels, real, realMissing: missing / Math.max(n, 1) };
  });
}

function countNumeric(bins: ColumnBins, col: Column, n: number): { values: number[]; missing: number } {
  const values = new Array<number>(bins.labels.length).fill(0);
  let missing = 0;
  const last = bins.labels.length - 1;
  for (let i = 0; i < n; i++) {
    const v = numericValue(col, i);
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    // Synthetic values outside the real range land in the end bins.
    const b = bins.width > 0 ? Math.floor((v - bins.min) / bins.width) : 0;
    values[Math.min(Math.max(b, 0), last)]!++;
  }
  return { values, missing };
}

function countCategories(bins: ColumnBins, col: Column, n: number): { values: number[]; missing: number } {
  const values = new Array<number>(bins.labels.length).fill(0);
  const other = bins.labels[bins.labels.length - 1] === OTHER_LABEL ? bins.labels.length - 1 : -1;
  let missing = 0;
  let unseen = 0;
  for (let i = 0; i < n; i++) {
    const t = cellText(col, i);
    if (t === null) {
      missing++;
      continue;
    }
    const b = bins.index.get(t);
    if (b !== undefined) values[b]!++;
    else if (other >= 0) values[other]!++;
    else unseen++;
  }
  // A category the real data never had has no bin: count it as "other" so the shares still add up.
  if (unseen > 0) values.push(unseen);
  return { values, missing };
}

/** Count a synthetic sample into the fixed bins. Shares sum to 1 on each side. */
export function binDistributions(all: readonly ColumnBins[], synthetic: Table): DistributionData[] {
  const n = synthetic.rowCount;
  const out: DistributionData[] = [];
  for (const bins of all) {
    const col = findColumn(synthetic, bins.column);
    if (!col) continue; // excluded from the output: nothing to compare
    const counts = bins.mode === 'numeric' ? countNumeric(bins, col, n) : countCategories(bins, col, n);
    const labels = [...bins.labels];
    const real = [...bins.real];
    if (counts.values.length > labels.length) {
      labels.push(OTHER_LABEL);
      real.push(0);
    }
    const synth = counts.values.map((c) => c / Math.max(n, 1));
    if (bins.realMissing > 0 || counts.missing > 0) {
      labels.push(MISSING_LABEL);
      real.push(bins.realMissing);
      synth.push(counts.missing / Math.max(n, 1));
    }
    out.push({ column: bins.column, kind: bins.kind, labels, real, synthetic: synth });
  }
  return out;
}
