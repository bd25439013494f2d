/**
 * Bar heights for the profile table's inline sparkline, from what the profiler already computed
 * (histogram counts for numbers, top-category counts for categories). Scaling only: no statistics.
 */
import type { ColumnProfile } from '../../core/types.ts';

export interface SparkBars {
  /** Heights in 0..1 (tallest bar = 1). */
  heights: number[];
  /** Tooltip text per bar. */
  labels: string[];
}

const MAX_BARS = 24;

/** The bars to draw for a column, or null when it has nothing to draw (text, identifiers, empty). */
export function sparkBars(col: ColumnProfile): SparkBars | null {
  let counts: number[];
  let labels: string[];
  if (col.numeric && col.numeric.histogram.counts.length > 0) {
    const { edges, counts: c } = col.numeric.histogram;
    counts = c;
    labels = c.map((n, i) => `${fmt(edges[i])} – ${fmt(edges[i + 1])}: ${n}`);
  } else if (col.categories && col.categories.top.length > 0) {
    const top = col.categories.top.slice(0, MAX_BARS);
    counts = top.map((t) => t.count);
    labels = top.map((t) => `${t.value.trim() === '' ? '(blank)' : t.value.trim()}: ${t.count}`);
  } else {
    return null;
  }
  if (counts.length > MAX_BARS) {
    // Merge neighbours so 100+ histogram bins still fit in a table cell.
    const group = Math.ceil(counts.length / MAX_BARS);
    const merged: number[] = [];
    const mergedLabels: string[] = [];
    for (let i = 0; i < counts.length; i += group) {
      const part = counts.slice(i, i + group);
      merged.push(part.reduce((a, b) => a + b, 0));
      mergedLabels.push(labels.slice(i, i + group).join('\n'));
    }
    counts = merged;
    labels = mergedLabels;
  }
  const max = Math.max(...counts);
  if (!(max > 0)) return { heights: counts.map(() => 0), labels };
  return { heights: counts.map((n) => n / max), labels };
}

function fmt(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '?';
  return Math.abs(x) >= 1000 || Number.isInteger(x) ? String(Math.round(x)) : x.toPrecision(3);
}
