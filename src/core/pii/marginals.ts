/**
 * One column's marginal distribution, sampled on its own (the building blocks of the "no training"
 * mode in profile-sample.ts). Nulls are placed first, exactly round(n x real share) of them.
 */
import { quantileSorted, sortedFinite, sortedValueCounts } from '../profile/stats.ts';
import type { Rng } from '../rng.ts';
import type { NumericColumn, StringColumn } from '../table/table.ts';
import { nullPositions } from './generate.ts';

/** Index drawn by weight via binary search over cumulative sums: O(log k) per draw for k categories. */
export function weightedSampler(weights: ArrayLike<number>): (rng: Rng) => number {
  const cum = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) cum[i] = total += weights[i]!;
  return (rng) => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Silverman's rule-of-thumb bandwidth, 0.9 x min(sd, IQR / 1.34) x m^(-1/5), for the Gaussian
 * kernel smoothing numeric draws (sd alone when the IQR is 0, as for a spike plus a tail).
 */
export function silvermanBandwidth(sorted: Float64Array): number {
  const m = sorted.length;
  if (m < 2) return 0;
  let mean = 0;
  for (let i = 0; i < m; i++) mean += sorted[i]!;
  mean /= m;
  let ss = 0;
  for (let i = 0; i < m; i++) ss += (sorted[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / (m - 1));
  const iqr = (quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25)) / 1.34;
  const spread = iqr > 0 ? Math.min(sd, iqr) : sd;
  return 0.9 * spread * m ** -0.2;
}

function roundTo(v: number, decimals: number): number {
  const s = 10 ** decimals;
  return Math.round(v * s) / s;
}

/**
 * Numbers from a smoothed bootstrap: a real value picked at random plus Gaussian noise of the
 * Silverman bandwidth (a kernel density estimate: a Gaussian mixture with one component per real
 * value), clipped to the real [min, max] and rounded to the column's decimals (whole numbers for
 * integer columns). Values that repeat a lot (a spike at 0, as in Adult's capital-gain) keep their
 * spike: a drawn value equal to a real value held by >= 5% of the rows is kept without noise.
 */
export function sampleNumeric(col: NumericColumn, n: number, rng: Rng, integer: boolean): Float64Array {
  const sorted = sortedFinite(col.values);
  const out = new Float64Array(n);
  const nulls = nullPositions(n, col.values.length ? 1 - sorted.length / col.values.length : 0, rng);
  const m = sorted.length;
  const h = silvermanBandwidth(sorted);
  const decimals = integer ? 0 : col.decimals;
  const spikes = new Set<number>();
  for (let i = 0, j = 0; i < m; i = j) {
    while (j < m && sorted[j] === sorted[i]) j++;
    if (j - i >= 0.05 * m && j - i > 1) spikes.add(sorted[i]!);
  }
  for (let i = 0; i < n; i++) {
    if (nulls[i] || m === 0) {
      out[i] = NaN;
      continue;
    }
    const x = sorted[rng.int(m)]!;
    if (spikes.has(x) || h === 0) {
      out[i] = x;
      continue;
    }
    const v = Math.min(sorted[m - 1]!, Math.max(sorted[0]!, x + h * rng.normal()));
    out[i] = roundTo(v, decimals);
  }
  return out;
}

/** Numbers drawn from the real values by their frequency (categorical or boolean numbers). */
export function sampleNumericCategories(col: NumericColumn, n: number, rng: Rng): Float64Array {
  const sorted = sortedFinite(col.values);
  const { values, counts } = sortedValueCounts(sorted);
  const pick = weightedSampler(counts);
  const nulls = nullPositions(n, col.values.length ? 1 - sorted.length / col.values.length : 0, rng);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = nulls[i] || values.length === 0 ? NaN : values[pick(rng)]!;
  return out;
}

/** Texts drawn from the real values by their frequency (categories, booleans, dates). */
export function sampleCategories(col: StringColumn, n: number, rng: Rng): (string | null)[] {
  const counts = new Float64Array(col.dictionary.length);
  let present = 0;
  for (let i = 0; i < col.codes.length; i++) {
    const c = col.codes[i]!;
    if (c >= 0) {
      counts[c]!++;
      present++;
    }
  }
  const pick = weightedSampler(counts);
  const nulls = nullPositions(n, col.codes.length ? 1 - present / col.codes.length : 0, rng);
  const out: (string | null)[] = new Array<string | null>(n);
  for (let i = 0; i < n; i++) out[i] = nulls[i] || present === 0 ? null : col.dictionary[pick(rng)]!;
  return out;
}
