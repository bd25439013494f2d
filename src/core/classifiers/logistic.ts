/**
 * L2-regularised logistic regression (binary), fitted by L-BFGS. Same objective as sklearn's
 * LogisticRegression(penalty='l2', C): sum_i w_i * logloss_i + ||beta||^2 / (2C), intercept not
 * penalised. Expects standardised features (see features.ts). Deterministic: starts from zero.
 * For multi-class use `new OneVsRest(() => new LogisticRegression())` (classifier.ts).
 */
import { checkFitInputs, sigmoid, weightedPrior } from './classifier.ts';
import type { Classifier, Labels, Matrix } from './classifier.ts';
import { lbfgs } from './lbfgs.ts';
import { SynthtabError } from '../errors.ts';
import { exp, log, log1p } from './portable-math.ts';

export interface LogisticOptions {
  /** Inverse regularisation strength, as in sklearn (default 1). */
  C?: number;
  /** L-BFGS iteration cap (default 300). */
  maxIterations?: number;
}

/** log(1 + exp(z)) without overflow (portable-math: the same bits in Node and every browser). */
function softplus(z: number): number {
  return z > 0 ? z + log1p(exp(-z)) : log1p(exp(z));
}

export class LogisticRegression implements Classifier {
  /** Fitted coefficients, one per feature. */
  coef: Float64Array = new Float64Array(0);
  /** Fitted intercept. */
  intercept = 0;
  /** Whether L-BFGS met its gradient tolerance. */
  converged = false;
  private fitted = false;
  private readonly C: number;
  private readonly maxIterations: number;

  constructor(opts: LogisticOptions = {}) {
    this.C = opts.C ?? 1;
    this.maxIterations = opts.maxIterations ?? 300;
    if (!(this.C > 0)) throw new SynthtabError('bad-option', `Logistic regression: C must be > 0, got ${this.C}.`);
  }

  fit(X: Matrix, y: Labels, w?: Float64Array): void {
    const d = checkFitInputs(X, y, w, true);
    const n = X.length;
    const prior = weightedPrior(y, w);
    let pos = 0;
    for (let i = 0; i < n; i++) if (y[i] === 1 && (!w || w[i]! > 0)) pos++;
    this.fitted = true;
    if (pos === 0 || pos === n) {
      // One class only: the MLE intercept is infinite; predict the (clamped) prior instead.
      this.coef = new Float64Array(d);
      this.intercept = log(prior / (1 - prior));
      this.converged = true;
      return;
    }
    const invC = 1 / this.C;
    // One-hot features make rows mostly zeros: keep each row's non-zeros (CSR) so every pass
    // costs O(non-zeros) instead of O(n * d).
    const rowStart = new Int32Array(n + 1);
    let nnz = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) if (X[i]![j] !== 0) nnz++;
      rowStart[i + 1] = nnz;
    }
    const colIdx = new Int32Array(nnz);
    const vals = new Float64Array(nnz);
    for (let i = 0, k = 0; i < n; i++) {
      const xi = X[i]!;
      for (let j = 0; j < d; j++) if (xi[j] !== 0) { colIdx[k] = j; vals[k] = xi[j]!; k++; }
    }
    // Parameters: [beta_0..beta_{d-1}, intercept].
    const objective = (theta: Float64Array, grad: Float64Array): number => {
      grad.fill(0);
      const b0 = theta[d]!;
      let loss = 0;
      for (let i = 0; i < n; i++) {
        const wi = w ? w[i]! : 1;
        if (wi === 0) continue;
        const end = rowStart[i + 1]!;
        let z = b0;
        for (let k = rowStart[i]!; k < end; k++) z += theta[colIdx[k]!]! * vals[k]!;
        // logloss = softplus(z) - y z; derivative = sigmoid(z) - y.
        loss += wi * (softplus(z) - (y[i] === 1 ? z : 0));
        const r = wi * (sigmoid(z) - y[i]!);
        for (let k = rowStart[i]!; k < end; k++) grad[colIdx[k]!] = grad[colIdx[k]!]! + r * vals[k]!;
        grad[d] = grad[d]! + r;
      }
      for (let j = 0; j < d; j++) {
        loss += (0.5 * invC) * theta[j]! * theta[j]!;
        grad[j] = grad[j]! + invC * theta[j]!;
      }
      return loss;
    };
    const theta0 = new Float64Array(d + 1);
    theta0[d] = log(prior / (1 - prior));
    const res = lbfgs(objective, theta0, { maxIterations: this.maxIterations, gradTol: 1e-8 });
    this.coef = res.x.slice(0, d);
    this.intercept = res.x[d]!;
    this.converged = res.converged;
  }

  /** The linear score beta . x + intercept per row. */
  decisionFunction(X: Matrix): Float64Array {
    if (!this.fitted) throw new SynthtabError('internal', 'LogisticRegression: predict before fit.');
    const out = new Float64Array(X.length);
    const d = this.coef.length;
    for (let i = 0; i < X.length; i++) {
      const xi = X[i]!;
      if (xi.length !== d) throw new SynthtabError('internal', `LogisticRegression: row has ${xi.length} features, expected ${d}.`);
      let z = this.intercept;
      for (let j = 0; j < d; j++) z += this.coef[j]! * xi[j]!;
      out[i] = z;
    }
    return out;
  }

  predictProba(X: Matrix): Float64Array {
    const z = this.decisionFunction(X);
    for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]!);
    return z;
  }
}
