/**
 * Gradient-boosted decision trees for binary log-loss, histogram based (LightGBM/XGBoost "hist"
 * style, much simplified): every feature is cut into at most `bins` quantile bins once, trees are
 * grown level by level to `depth` from per-node gradient/hessian histograms, and leaves take the
 * Newton step -G / (H + lambda), shrunk by the learning rate.
 *
 * Deterministic (no row or feature subsampling). Sample weights scale each row's gradient and
 * hessian. Missing values (NaN) fall into the lowest bin, i.e. they go with the smallest values.
 * Defaults: 100 rounds, depth 3, learning rate 0.1, 32 bins, lambda 1, min child hessian 1e-3.
 */
import { checkFitInputs, sigmoid, weightedPrior } from './classifier.ts';
import type { Classifier, Labels, Matrix } from './classifier.ts';
import { SynthtabError } from '../errors.ts';
import { log } from './portable-math.ts';

export interface GbdtOptions {
  rounds?: number;
  depth?: number;
  learningRate?: number;
  /** At most this many bins per feature (<= 256). */
  bins?: number;
  /** L2 penalty on leaf values. */
  lambda?: number;
  /** A split must leave at least this much hessian on each side. */
  minChildWeight?: number;
}

/** A tree as flat arrays; node 0 is the root; feature -1 marks a leaf. */
interface Tree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

/** Upper bin edges of one feature: value x goes to the first bin b with x <= edges[b]; the last edge is +Infinity. */
function binEdges(values: Float64Array, maxBins: number): Float64Array {
  const sorted = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  if (distinct.length <= maxBins) {
    const e = Float64Array.from(distinct);
    if (e.length > 0) e[e.length - 1] = Infinity;
    return e.length > 0 ? e : Float64Array.of(Infinity);
  }
  // Quantile cuts on the sorted values, de-duplicated; each edge is a value present in the data.
  const edges: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    const v = sorted[Math.floor((b * sorted.length) / maxBins) - 1]!;
    if (edges.length === 0 || v > edges[edges.length - 1]!) edges.push(v);
  }
  edges.push(Infinity);
  return Float64Array.from(edges);
}

function binOf(edges: Float64Array, x: number): number {
  if (Number.isNaN(x)) return 0;
  let lo = 0;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class Gbdt implements Classifier {
  private readonly rounds: number;
  private readonly depth: number;
  private readonly lr: number;
  private readonly maxBins: number;
  private readonly lambda: number;
  private readonly minChild: number;
  private trees: Tree[] = [];
  private base = 0;
  private features = -1;

  constructor(opts: GbdtOptions = {}) {
    this.rounds = opts.rounds ?? 100;
    this.depth = opts.depth ?? 3;
    this.lr = opts.learningRate ?? 0.1;
    this.maxBins = Math.min(256, opts.bins ?? 32);
    this.lambda = opts.lambda ?? 1;
    this.minChild = opts.minChildWeight ?? 1e-3;
    if (!(this.rounds >= 0 && this.depth >= 1 && this.lr > 0 && this.maxBins >= 2)) {
      throw new SynthtabError('bad-option', 'GBDT: rounds >= 0, depth >= 1, learningRate > 0 and bins >= 2 are required.');
    }
  }

  fit(X: Matrix, y: Labels, w?: Float64Array): void {
    const d = checkFitInputs(X, y, w, true);
    const n = X.length;
    this.features = d;
    const prior = weightedPrior(y, w);
    this.base = log(prior / (1 - prior));
    this.trees = [];
    // Bin every feature once (feature-major for cache-friendly histogram loops).
    const edges: Float64Array[] = [];
    const codes: Uint8Array[] = [];
    const col = new Float64Array(n);
    for (let j = 0; j < d; j++) {
      for (let i = 0; i < n; i++) col[i] = X[i]![j]!;
      const e = binEdges(col, this.maxBins);
      edges.push(e);
      const c = new Uint8Array(n);
      for (let i = 0; i < n; i++) c[i] = binOf(e, col[i]!);
      codes.push(c);
    }
    const F = new Float64Array(n).fill(this.base);
    const g = new Float64Array(n);
    const h = new Float64Array(n);
    const leafOf = new Int32Array(n);
    for (let round = 0; round < this.rounds; round++) {
      for (let i = 0; i < n; i++) {
        const p = sigmoid(F[i]!);
        const wi = w ? w[i]! : 1;
        g[i] = wi * (p - y[i]!);
        h[i] = wi * Math.max(p * (1 - p), 1e-16);
      }
      const tree = this.growTree(codes, edges, g, h, leafOf);
      this.trees.push(tree);
      for (let i = 0; i < n; i++) F[i] = F[i]! + tree.value[leafOf[i]!]!;
    }
  }

  /**
   * Grow one tree level by level; on return `leafOf[i]` is row i's leaf. Rows are kept partitioned
   * by node in `idx`, and only the smaller child's histogram is built from rows: the sibling's is
   * the parent's minus it (the LightGBM subtraction trick), so each level after the root costs at
   * most n/2 rows per feature.
   */
  private growTree(codes: Uint8Array[], edges: Float64Array[], g: Float64Array, h: Float64Array, leafOf: Int32Array): Tree {
    const n = g.length;
    const d = codes.length;
    const B = this.maxBins;
    const lam = this.lambda;
    const idx = Int32Array.from({ length: n }, (_, i) => i);
    const feature: number[] = [-1];
    const threshold: number[] = [0];
    const left: number[] = [-1];
    const right: number[] = [-1];
    const start: number[] = [0];
    const end: number[] = [n];
    let g0 = 0;
    let h0 = 0;
    for (let i = 0; i < n; i++) { g0 += g[i]!; h0 += h[i]!; }
    const G: number[] = [g0];
    const H: number[] = [h0];
    // Histogram of a node: (gradient, hessian) pairs per (feature, bin).
    const build = (node: number): Float64Array => {
      const hist = new Float64Array(d * B * 2);
      const s0 = start[node]!;
      const e0 = end[node]!;
      for (let j = 0; j < d; j++) {
        const c = codes[j]!;
        const base = j * B * 2;
        for (let k = s0; k < e0; k++) {
          const r = idx[k]!;
          const b = base + 2 * c[r]!;
          hist[b] = hist[b]! + g[r]!;
          hist[b + 1] = hist[b + 1]! + h[r]!;
        }
      }
      return hist;
    };
    let level = [0];
    let hists = [build(0)];
    for (let depth = 0; depth < this.depth && level.length > 0; depth++) {
      const next: number[] = [];
      const nextHists: Float64Array[] = [];
      for (let s = 0; s < level.length; s++) {
        const id = level[s]!;
        const hist = hists[s]!;
        const Gt = G[id]!;
        const Ht = H[id]!;
        const parent = (Gt * Gt) / (Ht + lam);
        let bestGain = 1e-12;
        let bestFeat = -1;
        let bestBin = 0;
        for (let j = 0; j < d; j++) {
          const nb = edges[j]!.length;
          const base = j * B * 2;
          let gl = 0;
          let hl = 0;
          for (let b = 0; b < nb - 1; b++) {
            gl += hist[base + 2 * b]!;
            hl += hist[base + 2 * b + 1]!;
            const hr = Ht - hl;
            if (hl < this.minChild || hr < this.minChild) continue;
            const gr = Gt - gl;
            const gain = (gl * gl) / (hl + lam) + (gr * gr) / (hr + lam) - parent;
            if (gain > bestGain) { bestGain = gain; bestFeat = j; bestBin = b; }
          }
        }
        if (bestFeat < 0) continue;
        // Partition this node's rows: codes <= bestBin first (left), the rest after (right).
        const c = codes[bestFeat]!;
        let lo = start[id]!;
        let hi = end[id]! - 1;
        let gl = 0;
        let hl = 0;
        while (lo <= hi) {
          const r = idx[lo]!;
          if (c[r]! <= bestBin) { gl += g[r]!; hl += h[r]!; lo++; }
          else { idx[lo] = idx[hi]!; idx[hi] = r; hi--; }
        }
        const l = feature.length;
        const r = l + 1;
        feature[id] = bestFeat;
        threshold[id] = edges[bestFeat]![bestBin]!;
        left[id] = l;
        right[id] = r;
        feature.push(-1, -1); threshold.push(0, 0); left.push(-1, -1); right.push(-1, -1);
        start.push(start[id]!, lo); end.push(lo, end[id]!);
        G.push(gl, Gt - gl); H.push(hl, Ht - hl);
        next.push(l, r);
        if (depth + 1 < this.depth) {
          const smallIsLeft = lo - start[id]! <= end[id]! - lo;
          const small = build(smallIsLeft ? l : r);
          const big = new Float64Array(hist.length);
          for (let k = 0; k < big.length; k++) big[k] = hist[k]! - small[k]!;
          nextHists.push(smallIsLeft ? small : big, smallIsLeft ? big : small);
        }
      }
      level = next;
      hists = nextHists;
    }
    const value = new Float64Array(feature.length);
    for (let k = 0; k < feature.length; k++) {
      if (feature[k]! >= 0) continue;
      value[k] = (-this.lr * G[k]!) / (H[k]! + lam);
      for (let q = start[k]!; q < end[k]!; q++) leafOf[idx[q]!] = k;
    }
    return {
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value,
    };
  }

  /** The raw additive score (log-odds) per row. */
  decisionFunction(X: Matrix): Float64Array {
    if (this.features < 0) throw new SynthtabError('internal', 'GBDT: predict before fit.');
    const out = new Float64Array(X.length);
    for (let i = 0; i < X.length; i++) {
      const x = X[i]!;
      if (x.length !== this.features) throw new SynthtabError('internal', `GBDT: row has ${x.length} features, expected ${this.features}.`);
      let f = this.base;
      for (const t of this.trees) {
        let k = 0;
        while (t.feature[k]! >= 0) {
          const v = x[t.feature[k]!]!;
          // NaN was binned lowest during training, so it goes left here too.
          k = Number.isNaN(v) || v <= t.threshold[k]! ? t.left[k]! : t.right[k]!;
        }
        f += t.value[k]!;
      }
      out[i] = f;
    }
    return out;
  }

  predictProba(X: Matrix): Float64Array {
    const z = this.decisionFunction(X);
    for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]!);
    return z;
  }
}
