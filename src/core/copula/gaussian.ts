/**
 * Multivariate normal pieces of the copula: the correlation of normal scores and the Gaussian
 * conditional used for native conditioning (CTGAN-SPEC section 9):
 *   z_U | z_K ~ N(B z_K, S),  B = R_UK R_KK^-1,  S = R_UU - B R_KU.
 */
import { cholesky, makePositiveDefinite, solveLower, solveUpperT } from './linalg.ts';

/**
 * Pearson correlation of the columns of `z` (one Float64Array per dimension, NaN = missing),
 * each pair over the rows where both are present; a pair with no variance gets 0 (NaN -> 0, as in
 * Copulas). Made positive definite with a ridge if needed.
 */
export function correlationOfScores(z: Float64Array[]): Float64Array {
  const d = z.length;
  const r = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    r[i * d + i] = 1;
    for (let j = 0; j < i; j++) {
      const a = z[i]!, b = z[j]!;
      let n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
      for (let t = 0; t < a.length; t++) {
        const x = a[t]!, y = b[t]!;
        if (Number.isNaN(x) || Number.isNaN(y)) continue;
        n++;
        sa += x;
        sb += y;
        saa += x * x;
        sbb += y * y;
        sab += x * y;
      }
      let c = 0;
      if (n > 1) {
        const cov = sab / n - (sa / n) * (sb / n);
        const va = saa / n - (sa / n) ** 2, vb = sbb / n - (sb / n) ** 2;
        c = va > 1e-12 && vb > 1e-12 ? cov / Math.sqrt(va * vb) : 0;
      }
      c = Number.isFinite(c) ? Math.max(-1, Math.min(1, c)) : 0;
      r[i * d + j] = c;
      r[j * d + i] = c;
    }
  }
  return makePositiveDefinite(r, d).r;
}

/** Cholesky of a covariance matrix, adding a growing jitter to the diagonal until it exists. */
export function choleskyWithJitter(s: Float64Array, n: number): Float64Array {
  if (n === 0) return new Float64Array(0);
  let jitter = 0;
  for (;;) {
    const m = s.slice();
    for (let i = 0; i < n; i++) m[i * n + i]! += jitter;
    const l = cholesky(m, n);
    if (l) return l;
    jitter = jitter === 0 ? 1e-9 : jitter * 10;
    if (jitter > 1) {
      // A correlation-derived conditional covariance is never this far off; fall back to independence.
      const id = new Float64Array(n * n);
      for (let i = 0; i < n; i++) id[i * n + i] = Math.sqrt(Math.max(1e-12, s[i * n + i]!));
      return id;
    }
  }
}

export interface ConditionalGaussian {
  /** Unknown dimensions, in order. */
  unknown: number[];
  /** Known dimensions, in order. */
  known: number[];
  /** |U| x |K| regression matrix B. */
  b: Float64Array;
  /** Cholesky factor of the |U| x |U| conditional covariance S. */
  l: Float64Array;
}

/** Precompute B and chol(S) for conditioning the d-dimensional N(0, R) on the `known` dimensions. */
export function conditionalGaussian(r: ArrayLike<number>, d: number, known: number[]): ConditionalGaussian {
  const isKnown = new Set(known);
  const unknown: number[] = [];
  for (let i = 0; i < d; i++) if (!isKnown.has(i)) unknown.push(i);
  const nk = known.length, nu = unknown.length;
  const rkk = new Float64Array(nk * nk);
  for (let a = 0; a < nk; a++) for (let c = 0; c < nk; c++) rkk[a * nk + c] = r[known[a]! * d + known[c]!]!;
  const lk = choleskyWithJitter(rkk, nk);
  const b = new Float64Array(nu * nk);
  for (let a = 0; a < nu; a++) {
    const rhs = new Float64Array(nk);
    for (let c = 0; c < nk; c++) rhs[c] = r[known[c]! * d + unknown[a]!]!;
    const x = solveUpperT(lk, nk, solveLower(lk, nk, rhs));
    b.set(x, a * nk);
  }
  const s = new Float64Array(nu * nu);
  for (let a = 0; a < nu; a++) {
    for (let c = 0; c < nu; c++) {
      let v = r[unknown[a]! * d + unknown[c]!]!;
      for (let k = 0; k < nk; k++) v -= b[a * nk + k]! * r[known[k]! * d + unknown[c]!]!;
      s[a * nu + c] = v;
    }
  }
  // Symmetrise against round-off before factoring.
  for (let a = 0; a < nu; a++) for (let c = 0; c < a; c++) s[a * nu + c] = s[c * nu + a] = (s[a * nu + c]! + s[c * nu + a]!) / 2;
  return { unknown, known, b, l: choleskyWithJitter(s, nu) };
}
