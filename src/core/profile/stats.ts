/**
 * Summary statistics over typed arrays: one sort of a Float64Array copy gives quantiles and the
 * distinct count; one more pass gives the histogram. Fast enough for a million rows per column.
 */
import type { CategorySummary, NumericSummary } from '../types.ts';

/** Default number of histogram bins. */
export const HISTOGRAM_BINS = 20;
/** Categories listed in a profile. */
export const TOP_CATEGORIES = 20;

/** The non-missing (non-NaN) values of `values`, sorted ascending. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) out[k++] = v;
  }
  return out.sort();
}

/** Number of distinct values in a sorted array. */
export function distinctSorted(sorted: Float64Array): number {
  let d = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) d++;
  return d;
}

/** Quantile q of sorted values with linear interpolation between order statistics (numpy's default). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Min, max, mean, sample standard deviation (n - 1, as pandas), quantiles and an equal-width
 * histogram over [min, max] (one bin when all values are equal; the max falls in the last bin).
 * `sorted` must be non-empty and ascending.
 */
export function numericSummary(sorted: Float64Array, decimals: number, bins = HISTOGRAM_BINS): NumericSummary {
  const n = sorted.length;
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = sorted[i]! - mean;
    ss += d * d;
  }
  const std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const q = (p: number): number => quantileSorted(sorted, p);
  const nb = min === max ? 1 : bins;
  const width = (max - min) / nb;
  const edges = Array.from({ length: nb + 1 }, (_, i) => (i === nb ? max : min + i * width));
  const counts = new Array<number>(nb).fill(0);
  for (let i = 0; i < n; i++) {
    const b = width === 0 ? 0 : Math.min(nb - 1, Math.floor((sorted[i]! - min) / width));
    counts[b]!++;
  }
  return {
    min, max, mean, std,
    quantiles: { p01: q(0.01), p05: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), p99: q(0.99) },
    decimals,
    histogram: { edges, counts },
  };
}

/** How many times each code occurs (codes < 0, i.e. missing, are skipped). */
export function codeCounts(codes: Int32Array, dictionarySize: number): Int32Array {
  const counts = new Int32Array(dictionarySize);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) counts[c]!++;
  }
  return counts;
}

/**
 * The `k` most frequent entries (ties: first in `labels` order first), without sorting them all:
 * a pass keeping the best k in a small sorted buffer.
 */
export function topCounts(counts: ArrayLike<number>, labels: (i: number) => string, k = TOP_CATEGORIES): CategorySummary {
  const best: number[] = []; // indices, by count descending
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c <= 0) continue;
    if (best.length === k && c <= counts[best[k - 1]!]!) continue;
    let pos = best.length;
    while (pos > 0 && counts[best[pos - 1]!]! < c) pos--;
    best.splice(pos, 0, i);
    if (best.length > k) best.pop();
  }
  return { top: best.map((i) => ({ value: labels(i), count: counts[i]! })) };
}

/** Distinct values of a sorted array with their counts (for numeric columns with few values). */
export function sortedValueCounts(sorted: Float64Array): { values: number[]; counts: number[] } {
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) counts[counts.length - 1]!++;
    else {
      values.push(sorted[i]!);
      counts.push(1);
    }
  }
  return { values, counts };
}
