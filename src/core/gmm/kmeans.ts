/**
 * 1-D weighted k-means (k-means++ seeding + Lloyd iterations), the initialiser sklearn's
 * BayesianGaussianMixture uses (init_params 'kmeans', n_init 1; CTGAN-SPEC.md section 2.1).
 * Follows sklearn's KMeans: greedy k-means++ with 2 + floor(ln k) local trials, Lloyd until the
 * labels stop changing or the total squared centre shift is <= 1e-4 * var(x), at most 300 rounds,
 * empty clusters relocated to the points farthest from their centres. Weights are multiplicities
 * (sklearn's sample_weight): a value with weight 3 acts as three equal points.
 */
import type { Rng } from '../rng.ts';

const MAX_ITER = 300;
const TOL = 1e-4;

/** First index whose cumulative sum reaches `target` (numpy searchsorted 'left'), clipped. */
function searchCumsum(cumsum: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumsum.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumsum[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, cumsum.length - 1);
}

/** Greedy k-means++ seeding (sklearn `_kmeans_plusplus`): returns k centres drawn from x. */
export function kmeansPlusPlus(x: Float64Array, w: Float64Array, k: number, rng: Rng): Float64Array {
  const n = x.length;
  const centers = new Float64Array(k);
  const trials = 2 + Math.floor(Math.log(k));
  const cumsum = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += w[i]!;
    cumsum[i] = s;
  }
  const first = x[searchCumsum(cumsum, rng.next() * s)]!;
  centers[0] = first;
  let closest = new Float64Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - first;
    closest[i] = d * d;
    pot += w[i]! * closest[i]!;
  }
  let cand = new Float64Array(n);
  let best = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    s = 0;
    for (let i = 0; i < n; i++) {
      s += w[i]! * closest[i]!;
      cumsum[i] = s;
    }
    let bestPot = Infinity;
    let bestId = 0;
    for (let t = 0; t < trials; t++) {
      const id = searchCumsum(cumsum, rng.next() * pot);
      const cx = x[id]!;
      let candPot = 0;
      for (let i = 0; i < n; i++) {
        const d = x[i]! - cx;
        const v = Math.min(closest[i]!, d * d);
        cand[i] = v;
        candPot += w[i]! * v;
      }
      if (candPot < bestPot) {
        bestPot = candPot;
        bestId = id;
        const tmp = best;
        best = cand;
        cand = tmp;
      }
    }
    centers[c] = x[bestId]!;
    pot = bestPot;
    const tmp = closest;
    closest = best;
    best = tmp;
  }
  return centers;
}

/** Nearest centre per point (ties to the lowest index); returns whether any label changed. */
function assign(x: Float64Array, centers: Float64Array, labels: Int32Array, dist: Float64Array): boolean {
  let changed = false;
  const k = centers.length;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    let bj = 0;
    let bd = Infinity;
    for (let j = 0; j < k; j++) {
      const d = xi - centers[j]!;
      const dd = d * d;
      if (dd < bd) {
        bd = dd;
        bj = j;
      }
    }
    if (labels[i] !== bj) changed = true;
    labels[i] = bj;
    dist[i] = bd;
  }
  return changed;
}

/** Cluster labels of a 1-D k-means fit. `w` (default all 1) are point multiplicities. Deterministic under the Rng. */
export function kmeans1d(x: Float64Array, k: number, rng: Rng, w?: Float64Array): Int32Array {
  const n = x.length;
  const weights = w ?? new Float64Array(n).fill(1);
  const labels = new Int32Array(n).fill(-1);
  if (k <= 1 || n === 0) return labels.fill(0);
  const centers = kmeansPlusPlus(x, weights, k, rng);
  let total = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    total += weights[i]!;
    mean += weights[i]! * x[i]!;
  }
  mean /= total;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += weights[i]! * (x[i]! - mean) ** 2;
  const tol = (TOL * variance) / total;
  const dist = new Float64Array(n);
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (let iter = 0; iter < MAX_ITER; iter++) {
    const changed = assign(x, centers, labels, dist);
    if (!changed && iter > 0) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      sums[labels[i]!]! += weights[i]! * x[i]!;
      counts[labels[i]!]! += weights[i]!;
    }
    relocateEmpty(x, weights, labels, dist, counts, sums);
    let shift = 0;
    for (let j = 0; j < k; j++) {
      const c = counts[j]! > 0 ? sums[j]! / counts[j]! : centers[j]!;
      shift += (c - centers[j]!) ** 2;
      centers[j] = c;
    }
    if (shift <= tol) {
      assign(x, centers, labels, dist);
      break;
    }
  }
  return labels;
}

/** sklearn `_relocate_empty_clusters_dense`: each empty cluster takes one of the farthest points. */
function relocateEmpty(
  x: Float64Array, w: Float64Array, labels: Int32Array, dist: Float64Array, counts: Float64Array, sums: Float64Array,
): void {
  const empty: number[] = [];
  for (let j = 0; j < counts.length; j++) if (counts[j] === 0) empty.push(j);
  if (empty.length === 0) return;
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => dist[b]! - dist[a]! || a - b);
  let taken = 0;
  for (const j of empty) {
    // Never empty another cluster by taking its only point.
    while (taken < order.length && counts[labels[order[taken]!]!]! <= w[order[taken]!]!) taken++;
    if (taken >= order.length || dist[order[taken]!]! === 0) return; // fewer distinct points than clusters
    const i = order[taken++]!;
    const old = labels[i]!;
    counts[old]! -= w[i]!;
    sums[old]! -= w[i]! * x[i]!;
    counts[j] = w[i]!;
    sums[j] = w[i]! * x[i]!;
    labels[i] = j;
  }
}
