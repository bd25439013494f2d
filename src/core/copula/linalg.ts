/**
 * The little dense linear algebra the copula needs, on row-major Float64Arrays: Cholesky,
 * triangular solves, and a correlation matrix made positive definite with a ridge.
 */

/**
 * Lower-triangular L with L L^T = A (n x n, row-major), or null when A is not (numerically)
 * positive definite.
 */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(s > 1e-12)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j]!;
      }
    }
  }
  return l;
}

/** Solve L x = b for lower-triangular L (forward substitution). */
export function solveLower(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/** Solve L^T x = b for lower-triangular L (back substitution). */
export function solveUpperT(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/**
 * Shrink a symmetric unit-diagonal matrix towards I until its Cholesky factor exists:
 * R' = (R + lambda I) / (1 + lambda) for lambda = 0, 1e-6, 1e-5, ... (Copulas adds eps * I when
 * the correlation is ill-conditioned; scaling keeps the diagonal at 1). Returns R' and its factor.
 */
export function makePositiveDefinite(r: Float64Array, n: number): { r: Float64Array; l: Float64Array } {
  let lambda = 0;
  for (;;) {
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = (r[i * n + j]! + (i === j ? lambda : 0)) / (1 + lambda);
    const l = cholesky(m, n);
    if (l) return { r: m, l };
    lambda = lambda === 0 ? 1e-6 : lambda * 10;
    if (lambda > 1e3) {
      // Unreachable for a finite symmetric input; the identity is always a safe answer.
      const id = new Float64Array(n * n);
      for (let i = 0; i < n; i++) id[i * n + i] = 1;
      return { r: id, l: id.slice() };
    }
  }
}
