/**
 * The contract every classifier in core/classifiers follows, shared with the rebalance lab and the
 * ML-efficacy metric. Pure TS, deterministic (no Rng needed: fitting is a deterministic optimisation).
 *
 * Data layout:
 * - `Matrix`: one Float64Array per row (all the same length = feature count). Build it with
 *   `buildFeatures` (features.ts), which one-hot encodes categoricals and standardises numerics.
 * - Labels: 0/1 for binary classifiers (`Classifier`); class indices 0..k-1 for `OneVsRest`.
 * - Sample weights (optional): one non-negative weight per row, e.g. from `balancedWeights` to
 *   up-weight the minority class. A row with weight 0 does not influence the fit.
 *
 * Usage:
 * ```ts
 * const clf = new LogisticRegression();       // or new Gbdt({ rounds: 100, depth: 3 })
 * clf.fit(Xtrain, yTrain, balancedWeights(yTrain));
 * const p = clf.predictProba(Xtest);           // P(y = 1) per row
 * ```
 */
import { SynthtabError } from '../errors.ts';
import { exp } from './portable-math.ts';

/** Feature matrix: one Float64Array per row, all the same length. */
export type Matrix = readonly Float64Array[];

/** Binary labels (0 or 1) or class indices (0..k-1). */
export type Labels = Int32Array | Uint8Array;

/** A binary probabilistic classifier. */
export interface Classifier {
  /** Fit on rows `X`, labels `y` in {0, 1} and optional per-row weights `w` (default all 1). */
  fit(X: Matrix, y: Labels, w?: Float64Array): void;
  /** P(y = 1 | x) for each row of `X`. Throws if called before `fit`. */
  predictProba(X: Matrix): Float64Array;
}

/** Builds a fresh, unfitted binary classifier (used by one-vs-rest and the efficacy metric). */
export type ClassifierFactory = () => Classifier;

/**
 * sklearn's class_weight='balanced': weight n / (k * n_c) for a row of class c, so each class has the
 * same total weight. `classes` defaults to max(y) + 1.
 */
export function balancedWeights(y: Labels, classes?: number): Float64Array {
  let k = classes ?? 0;
  if (classes === undefined) for (let i = 0; i < y.length; i++) k = Math.max(k, y[i]! + 1);
  const counts = new Float64Array(k);
  for (let i = 0; i < y.length; i++) counts[y[i]!]! += 1;
  let present = 0;
  for (let c = 0; c < k; c++) if (counts[c]! > 0) present++;
  const w = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) w[i] = y.length / (present * counts[y[i]!]!);
  return w;
}

/** Validate the common fit() inputs; returns the feature count. */
export function checkFitInputs(X: Matrix, y: Labels, w: Float64Array | undefined, binary: boolean): number {
  if (X.length === 0) throw new SynthtabError('bad-option', 'Cannot fit a classifier on zero rows.');
  if (y.length !== X.length) throw new SynthtabError('internal', `Classifier: ${X.length} rows but ${y.length} labels.`);
  if (w && w.length !== X.length) throw new SynthtabError('internal', `Classifier: ${X.length} rows but ${w.length} weights.`);
  const d = X[0]!.length;
  for (let i = 0; i < X.length; i++) {
    if (X[i]!.length !== d) throw new SynthtabError('internal', `Classifier: row ${i} has ${X[i]!.length} features, expected ${d}.`);
    if (binary && y[i] !== 0 && y[i] !== 1) throw new SynthtabError('internal', `Classifier: label ${y[i]} is not 0 or 1.`);
    if (w && !(w[i]! >= 0)) throw new SynthtabError('internal', `Classifier: weight ${w[i]} at row ${i} is not >= 0.`);
  }
  return d;
}

/** Weighted share of positives, clamped away from 0 and 1 (the prior used by degenerate fits). */
export function weightedPrior(y: Labels, w?: Float64Array): number {
  let pos = 0;
  let tot = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i]! : 1;
    tot += wi;
    if (y[i] === 1) pos += wi;
  }
  const p = tot > 0 ? pos / tot : 0.5;
  return Math.min(1 - 1e-6, Math.max(1e-6, p));
}

/** Numerically stable logistic sigmoid (portable exp: the same bits in Node and every browser). */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + exp(-z));
  const e = exp(z);
  return e / (1 + e);
}

/**
 * Multi-class by one-vs-rest: one binary classifier per class, probabilities normalised per row.
 * A class absent from the training labels gets probability 0.
 */
export class OneVsRest {
  private models: (Classifier | null)[] = [];
  private k = 0;

  constructor(private readonly factory: ClassifierFactory) {}

  /** Fit on class indices `y` in 0..classes-1. */
  fit(X: Matrix, y: Labels, classes: number, w?: Float64Array): void {
    checkFitInputs(X, y, w, false);
    this.k = classes;
    this.models = [];
    for (let c = 0; c < classes; c++) {
      const yc = new Uint8Array(y.length);
      let any = false;
      for (let i = 0; i < y.length; i++) if (y[i] === c) { yc[i] = 1; any = true; }
      if (!any) { this.models.push(null); continue; }
      const m = this.factory();
      m.fit(X, yc, w);
      this.models.push(m);
    }
  }

  /** Per-class probability columns: result[c][i] = P(class c | row i); each row sums to 1. */
  predictProba(X: Matrix): Float64Array[] {
    if (this.models.length === 0) throw new SynthtabError('internal', 'OneVsRest: predictProba before fit.');
    const cols = this.models.map((m) => (m ? m.predictProba(X) : new Float64Array(X.length)));
    for (let i = 0; i < X.length; i++) {
      let s = 0;
      for (let c = 0; c < this.k; c++) s += cols[c]![i]!;
      for (let c = 0; c < this.k; c++) cols[c]![i] = s > 0 ? cols[c]![i]! / s : 1 / this.k;
    }
    return cols;
  }
}
