/**
 * A small, deterministic L-BFGS minimiser (Nocedal & Wright, Numerical Optimization, algorithm 7.4:
 * two-loop recursion) with a backtracking Armijo line search. Used by the logistic regression.
 */

/** f(x) and its gradient, written into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** History pairs kept (default 10). */
  memory?: number;
  /** Iteration cap (default 200). */
  maxIterations?: number;
  /** Stop when max |grad_i| <= gradTol * max(1, |f|) (default 1e-7). */
  gradTol?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  iterations: number;
  converged: boolean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** Minimise `fn` from `x0` (not modified). */
export function lbfgs(fn: Objective, x0: Float64Array, opts: LbfgsOptions = {}): LbfgsResult {
  const m = opts.memory ?? 10;
  const maxIt = opts.maxIterations ?? 200;
  const tol = opts.gradTol ?? 1e-7;
  const d = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(d);
  let f = fn(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(d);
  const alpha = new Float64Array(m);
  let xNew = new Float64Array(d);
  let gNew = new Float64Array(d);
  let it = 0;
  for (; it < maxIt; it++) {
    if (maxAbs(g) <= tol * Math.max(1, Math.abs(f))) return { x, f, iterations: it, converged: true };
    // Two-loop recursion: dir = -H g.
    for (let i = 0; i < d; i++) dir[i] = -g[i]!;
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(S[k]!, dir);
      const yk = Y[k]!;
      for (let i = 0; i < d; i++) dir[i] = dir[i]! - alpha[k]! * yk[i]!;
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!);
      for (let i = 0; i < d; i++) dir[i] = dir[i]! * gamma;
    } else {
      // First step: a unit-length move along -g keeps the first line search well scaled.
      const gn = Math.sqrt(dot(g, g));
      if (gn > 0) for (let i = 0; i < d; i++) dir[i] = dir[i]! / Math.max(1, gn);
    }
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k]! * dot(Y[k]!, dir);
      const sk = S[k]!;
      for (let i = 0; i < d; i++) dir[i] = dir[i]! + sk[i]! * (alpha[k]! - beta);
    }
    let slope = dot(g, dir);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = 0; Y.length = 0; rho.length = 0;
      for (let i = 0; i < d; i++) dir[i] = -g[i]!;
      slope = dot(g, dir);
    }
    // Backtracking Armijo line search.
    let step = 1;
    let fNew = 0;
    let accepted = false;
    for (let ls = 0; ls < 40; ls++) {
      for (let i = 0; i < d; i++) xNew[i] = x[i]! + step * dir[i]!;
      fNew = fn(xNew, gNew);
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) { accepted = true; break; }
      step *= 0.5;
    }
    if (!accepted) return { x, f, iterations: it, converged: false };
    const s = new Float64Array(d);
    const y = new Float64Array(d);
    for (let i = 0; i < d; i++) { s[i] = xNew[i]! - x[i]!; y[i] = gNew[i]! - g[i]!; }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (S.length === m) { S.shift(); Y.shift(); rho.shift(); }
      S.push(s); Y.push(y); rho.push(1 / sy);
    }
    const relChange = Math.abs(f - fNew) / Math.max(1, Math.abs(f));
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = fNew;
    if (relChange < 1e-14) return { x, f, iterations: it + 1, converged: true };
  }
  return { x, f, iterations: it, converged: maxAbs(g) <= tol * Math.max(1, Math.abs(f)) };
}
