/**
 * Per-column marginals of the Gaussian copula (CTGAN-SPEC section 9), as plain JSON.
 *
 * - Numeric: the empirical quantile function with linear interpolation between at most
 *   `MAX_KNOTS` knots (type-7 quantiles). Sampling inverts it, so values stay inside the real
 *   [min, max]; point masses (many equal values) survive as flat runs of knots. For fitting, a
 *   value's CDF is its randomised mid-rank (ties spread uniformly over their probability mass),
 *   which keeps normal scores continuous. Nulls are drawn independently at the real rate.
 * - Categorical: RDT's UniformEncoder. Categories, null included, get consecutive sub-intervals
 *   of [0, 1] as wide as their frequency; a value maps to a uniform draw inside its interval, and
 *   u maps back by interval lookup. RDT orders the intervals by frequency; we can order them along
 *   a score axis instead (fitCategorical's `axis`).
 */
import type { Rng } from '../rng.ts';

export const MAX_KNOTS = 1001;

export interface NumericMarginal {
  type: 'numeric';
  /** Quantile knots at p_j = j / (K - 1); empty when the column has no values. */
  knots: number[];
  /** Share of missing cells. */
  nullRate: number;
}

export interface CategoricalMarginal {
  type: 'categorical';
  /** Category values, most frequent first; null = missing. */
  values: (string | number | null)[];
  /** Upper end of each category's interval (cumulative frequency); the last is 1. */
  cumulative: number[];
}

export type Marginal = NumericMarginal | CategoricalMarginal;

/** Type-7 quantile of sorted values at probability p. */
function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Fit a numeric marginal; also returns the randomised mid-rank u per row (NaN when missing). */
export function fitNumeric(values: ArrayLike<number>, rng: Rng): { marginal: NumericMarginal; u: Float64Array } {
  const n = values.length;
  const present: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i]!)) present.push(values[i]!);
  const sorted = Float64Array.from(present).sort();
  const m = sorted.length;
  const k = Math.min(m, MAX_KNOTS);
  const knots: number[] = [];
  for (let j = 0; j < k; j++) knots.push(k === 1 ? sorted[0]! : quantileSorted(sorted, j / (k - 1)));
  // Rank ranges [lo, hi) of each distinct value, for the randomised mid-rank.
  const lower = new Map<number, number>(), upper = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const v = sorted[i]!;
    if (!lower.has(v)) lower.set(v, i);
    upper.set(v, i + 1);
  }
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      u[i] = NaN;
      continue;
    }
    const lo = lower.get(v)!, hi = upper.get(v)!;
    u[i] = (lo + (hi - lo === 1 ? 0.5 : rng.next() * (hi - lo))) / m;
  }
  return { marginal: { type: 'numeric', knots, nullRate: n === 0 ? 0 : (n - m) / n }, u };
}

/** Inverse CDF: the knot function at u (linear between knots). */
export function numericQuantile(mg: NumericMarginal, u: number): number {
  const k = mg.knots.length;
  if (k === 0) return NaN;
  if (k === 1) return mg.knots[0]!;
  return quantileSorted(mg.knots, Math.min(1, Math.max(0, u)));
}

/**
 * CDF of a value through the knots (used to condition on a numeric value): the middle of a flat
 * run of knots equal to x, or the linear position between the knots around x.
 */
export function numericCdf(mg: NumericMarginal, x: number): number {
  const q = mg.knots, k = q.length;
  if (k <= 1) return 0.5;
  if (x <= q[0]!) return 0;
  if (x >= q[k - 1]!) return 1;
  let first = -1, last = -1;
  for (let j = 0; j < k; j++) {
    if (q[j] === x) {
      if (first < 0) first = j;
      last = j;
    }
  }
  if (first >= 0) return (first + last) / 2 / (k - 1);
  let j = 0;
  while (q[j + 1]! < x) j++;
  return (j + (x - q[j]!) / (q[j + 1]! - q[j]!)) / (k - 1);
}

/**
 * Fit a categorical marginal over arbitrary keys (null = missing); returns per-row category index.
 * Categories are ordered by frequency (RDT), or, when `axis` is given (one score per row, NaN
 * ignored), by their mean score along it, so that the interval order follows the data's main
 * direction of variation and the Gaussian dependence can express it (see fit.ts).
 */
export function fitCategorical(
  keys: ReadonlyArray<string | number | null>,
  axis?: ArrayLike<number>,
): { marginal: CategoricalMarginal; index: Int32Array } {
  const counts = new Map<string | number | null, { count: number; first: number; sum: number; n: number }>();
  keys.forEach((key, i) => {
    let e = counts.get(key);
    if (!e) counts.set(key, (e = { count: 0, first: i, sum: 0, n: 0 }));
    e.count++;
    const a = axis ? axis[i]! : NaN;
    if (!Number.isNaN(a)) {
      e.sum += a;
      e.n++;
    }
  });
  const meanOf = (e: { sum: number; n: number }): number => (e.n ? e.sum / e.n : 0);
  const order = [...counts.entries()].sort((a, b) =>
    axis ? meanOf(a[1]) - meanOf(b[1]) || b[1].count - a[1].count || a[1].first - b[1].first : b[1].count - a[1].count || a[1].first - b[1].first,
  );
  const values = order.map(([v]) => v);
  const pos = new Map(values.map((v, i) => [v, i]));
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, e] of order) {
    acc += e.count;
    cumulative.push(acc / keys.length);
  }
  if (cumulative.length) cumulative[cumulative.length - 1] = 1;
  const index = Int32Array.from(keys, (k) => pos.get(k)!);
  return { marginal: { type: 'categorical', values, cumulative }, index };
}

/** The [a, b) interval of category c. */
export function categoryInterval(mg: CategoricalMarginal, c: number): [number, number] {
  return [c === 0 ? 0 : mg.cumulative[c - 1]!, mg.cumulative[c]!];
}

/** A uniform draw inside category c's interval (UniformEncoder's forward map). */
export function categoryU(mg: CategoricalMarginal, c: number, rng: Rng): number {
  const [a, b] = categoryInterval(mg, c);
  return a + rng.next() * (b - a);
}

/** The category whose interval holds u (binary search on the cumulative frequencies). */
export function categoryOf(mg: CategoricalMarginal, u: number): number {
  const cum = mg.cumulative;
  let lo = 0, hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cum[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
