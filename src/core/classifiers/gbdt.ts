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
    this.base = Math.log(prior / (1 - prior));
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
    const node = new Int32Array(n);
    for (let round = 0; round < this.rounds; round++) {
      for (let i = 0; i < n; i++) {
        const p = sigmoid(F[i]!);
        const wi = w ? w[i]! : 1;
        g[i] = wi * (p - y[i]!);
        h[i] = wi * Math.max(p * (1 - p), 1e-16);
      }
      const tree = this.growTree(codes, edges, g, h, node);
      this.trees.push(tree);
      // node[i] now holds each row's leaf.
      for (let i = 0; i < n; i++) F[i] = F[i]! + tree.value[node[i]!]!;
    }
  }

  /** Grow one tree level by level; on return `node[i]` is row i's leaf. */
  private growTree(codes: Uint8Array[], edges: Float64Array[], g: Float64Array, h: Float64Array, node: Int32Array): Tree {
    const n = g.length;
    const d = codes.length;
    const B = this.maxBins;
    const lam = this.lambda;
    const feature: number[] = [-1];
    const threshold: number[] = [0];
    const left: number[] = [-1];
    const right: number[] = [-1];
    const G: number[] = [0];
    const H: number[] = [0];
    for (let i = 0; i < n; i++) { G[0]! += g[i]!; H[0]! += h[i]!; }
    node.fill(0);
    let level = [0];
    for (let depth = 0; depth < this.depth && level.length > 0; depth++) {
      // Slot of each open node in this level's histograms (-1: row sits in a closed leaf).
      const slotOfNode = new Map<number, number>();
      level.forEach((id, s) => slotOfNode.set(id, s));
      const slot = new Int32Array(n);
      for (let i = 0; i < n; i++) slot[i] = slotOfNode.get(node[i]!) ?? -1;
      const L = level.length;
      const bestGain = new Float64Array(L);
      const bestFeat = new Int32Array(L).fill(-1);
      const bestBin = new Int32Array(L);
      const histG = new Float64Array(L * B);
      const histH = new Float64Array(L * B);
      for (let j = 0; j < d; j++) {
        histG.fill(0);
        histH.fill(0);
        const c = codes[j]!;
        for (let i = 0; i < n; i++) {
          const s = slot[i]!;
          if (s < 0) continue;
          const k = s * B + c[i]!;
          histG[k] = histG[k]! + g[i]!;
          histH[k] = histH[k]! + h[i]!;
        }
        const nb = edges[j]!.length;
        for (let s = 0; s < L; s++) {
          const Gt = G[level[s]!]!;
          const Ht = H[level[s]!]!;
          const parent = (Gt * Gt) / (Ht + lam);
          let gl = 0;
          let hl = 0;
          for (let b = 0; b < nb - 1; b++) {
            gl += histG[s * B + b]!;
            hl += histH[s * B + b]!;
            const hr = Ht - hl;
            if (hl < this.minChild || hr < this.minChild) continue;
            const gr = Gt - gl;
            const gain = (gl * gl) / (hl + lam) + (gr * gr) / (hr + lam) - parent;
            if (gain > bestGain[s]! + 1e-12) {
              bestGain[s] = gain;
              bestFeat[s] = j;
              bestBin[s] = b;
            }
          }
        }
      }
      const next: number[] = [];
      const childOf = new Int32Array(L * 2).fill(-1);
      for (let s = 0; s < L; s++) {
        if (bestFeat[s]! < 0) continue;
        const id = level[s]!;
        const l = feature.length;
        const r = l + 1;
        feature[id] = bestFeat[s]!;
        threshold[id] = edges[bestFeat[s]!]![bestBin[s]!]!;
        left[id] = l;
        right[id] = r;
        feature.push(-1, -1); threshold.push(0, 0); left.push(-1, -1); right.push(-1, -1); G.push(0, 0); H.push(0, 0);
        childOf[2 * s] = l;
        childOf[2 * s + 1] = r;
        next.push(l, r);
      }
      for (let i = 0; i < n; i++) {
        const s = slot[i]!;
        if (s < 0 || bestFeat[s]! < 0) continue;
        const goLeft = codes[bestFeat[s]!]![i]! <= bestBin[s]!;
        const child = childOf[2 * s + (goLeft ? 0 : 1)]!;
        node[i] = child;
        G[child]! += g[i]!;
        H[child]! += h[i]!;
      }
      level = next;
    }
    const value = new Float64Array(feature.length);
    for (let k = 0; k < feature.length; k++) if (feature[k]! < 0) value[k] = (-this.lr * G[k]!) / (H[k]! + lam);
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
