/**
 * Sample a fitted Gaussian copula: z ~ N(0, R) through a Cholesky factor, u = Phi(z), then each
 * column's inverse marginal. Conditions on known column values use the Gaussian conditional
 * (CTGAN-SPEC section 9), so every returned row satisfies them with no rejection.
 */
import { SynthtabError } from '../errors.ts';
import type { Rng } from '../rng.ts';
import { numericColumn, type Column, type Table } from '../table/table.ts';
import type { Condition } from '../types.ts';
import { formatIsoDate, parseIsoDate } from './datetime.ts';
import { conditionalGaussian } from './gaussian.ts';
import { categoryInterval, categoryOf, numericCdf, numericQuantile } from './marginals.ts';
import type { CopulaColumn, CopulaModel } from './model.ts';
import { normalCdf, normalQuantile } from './normal.ts';
import { TEXT_PLACEHOLDER, U_EPS } from './fit.ts';

/** A resolved condition: a fixed output value, and how to draw the known normal score per row. */
interface Fixed {
  column: number;
  /** Category index (categorical) or value (numeric, ms for dates). */
  value: number;
  /** Normal-score interval [zLo, zHi] for categorical (drawn uniformly in u), or a point. */
  uLo: number;
  uHi: number;
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function sameKey(v: string | number | null, text: string): boolean {
  if (v === null) return false;
  if (typeof v === 'number') return text.trim() !== '' && Number(text) === v;
  return v === text || v.trim() === text.trim();
}

function resolveCondition(model: CopulaModel, cond: Condition): Fixed {
  const column = model.columns.findIndex((c) => c.name === cond.column);
  if (column < 0) throw new SynthtabError('bad-condition', `Cannot condition on '${cond.column}': no such column in the model.`);
  const col = model.columns[column]!;
  if (col.role === 'categorical') {
    const c = col.marginal.values.findIndex((v) => sameKey(v, cond.value));
    if (c < 0) {
      const some = col.marginal.values.filter((v) => v !== null).slice(0, 8).map((v) => `'${String(v)}'`).join(', ');
      throw new SynthtabError('condition-impossible', `'${cond.value}' never occurs in column '${col.name}' (values include ${some}).`);
    }
    const [a, b] = categoryInterval(col.marginal, c);
    return { column, value: c, uLo: a, uHi: b };
  }
  if (col.role === 'numeric') {
    const x = col.output === 'datetime' ? (parseIsoDate(cond.value)?.ms ?? NaN) : cond.value.trim() === '' ? NaN : Number(cond.value);
    const knots = col.marginal.knots;
    if (!Number.isFinite(x)) throw new SynthtabError('bad-condition', `Column '${col.name}' needs a ${col.output === 'datetime' ? 'date' : 'number'}, got '${cond.value}'.`);
    if (x < knots[0]! || x > knots[knots.length - 1]!) {
      throw new SynthtabError('condition-impossible', `${cond.value} is outside the range of '${col.name}' seen in the data.`);
    }
    const u = numericCdf(col.marginal, x);
    return { column, value: x, uLo: u, uHi: u };
  }
  throw new SynthtabError('bad-condition', `Cannot condition on '${col.name}': it is an identifier.`);
}

function outputColumn(col: CopulaColumn, n: number, u: Float64Array, fixed: Fixed | undefined, rng: Rng): Column {
  if (col.role === 'identifier') {
    if (col.output === 'numeric') return numericColumn(col.name, Float64Array.from({ length: n }, (_, i) => col.start + i), col.decimals);
    const dictionary = Array.from({ length: n }, (_, i) => col.prefix + String(col.start + i).padStart(col.width, '0'));
    return { type: 'string', name: col.name, codes: Int32Array.from({ length: n }, (_, i) => i), dictionary };
  }
  if (col.role === 'numeric') {
    const values = new Float64Array(n);
    const rate = col.marginal.nullRate;
    for (let i = 0; i < n; i++) {
      const x = fixed ? fixed.value : numericQuantile(col.marginal, u[i]!);
      // Nulls at the real rate (not for a conditioned column: the user asked for a value).
      values[i] = !fixed && rate > 0 && rng.next() < rate ? NaN : col.output === 'datetime' ? x : round(x, col.decimals);
    }
    if (col.output === 'numeric') return numericColumn(col.name, values, col.decimals);
    const shape = col.dateShape ?? 'date';
    const dictionary: string[] = [];
    const codes = new Int32Array(n);
    const seen = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(values[i]!)) {
        codes[i] = -1;
        continue;
      }
      const t = formatIsoDate(values[i]!, shape);
      let c = seen.get(t);
      if (c === undefined) seen.set(t, (c = dictionary.push(t) - 1));
      codes[i] = c;
    }
    return { type: 'string', name: col.name, codes, dictionary };
  }
  const cats = col.marginal.values;
  const idx = Int32Array.from({ length: n }, (_, i) => (fixed ? fixed.value : categoryOf(col.marginal, u[i]!)));
  if (col.output === 'numeric') {
    return numericColumn(col.name, Float64Array.from(idx, (c) => (cats[c] === null ? NaN : Number(cats[c]))), col.decimals);
  }
  if (cats.includes(TEXT_PLACEHOLDER)) {
    // A free-text column: unique "text N" placeholders where the column is present (fit.ts).
    const dictionary: string[] = [];
    const codes = Int32Array.from(idx, (c) => (cats[c] === null ? -1 : dictionary.push(`text ${dictionary.length + 1}`) - 1));
    return { type: 'string', name: col.name, codes, dictionary };
  }
  const dictionary: string[] = [];
  const codeOf = cats.map((v) => (v === null ? -1 : dictionary.push(String(v)) - 1));
  return { type: 'string', name: col.name, codes: Int32Array.from(idx, (c) => codeOf[c]!), dictionary };
}

/**
 * `n` synthetic rows from the copula. `condition` (one or several) fixes column values; the other
 * columns follow the Gaussian conditional given those values. Deterministic under `rng`.
 */
export function sampleCopula(model: CopulaModel, n: number, rng: Rng, condition?: Condition | Condition[]): Table {
  if (!Number.isInteger(n) || n < 0) throw new SynthtabError('bad-option', `Row count must be a whole number >= 0, got ${n}.`);
  const conds = condition === undefined ? [] : Array.isArray(condition) ? condition : [condition];
  const fixedByColumn = new Map<number, Fixed>();
  for (const c of conds) {
    const f = resolveCondition(model, c);
    if (fixedByColumn.has(f.column)) throw new SynthtabError('bad-condition', `Column '${c.column}' is conditioned twice.`);
    fixedByColumn.set(f.column, f);
  }
  const d = model.dims;
  const known: { dim: number; f: Fixed }[] = [];
  for (const [column, f] of fixedByColumn) {
    const col = model.columns[column]!;
    if (col.role !== 'identifier' && col.dim >= 0) known.push({ dim: col.dim, f });
  }
  known.sort((a, b) => a.dim - b.dim);
  const cg = conditionalGaussian(model.correlation, d, known.map((k) => k.dim));
  const nk = cg.known.length, nu = cg.unknown.length;
  // u per Gaussian dimension, row-major by dimension.
  const u = Array.from({ length: d }, () => new Float64Array(n));
  const zk = new Float64Array(nk), eps = new Float64Array(nu);
  const clip = (p: number): number => Math.min(1 - U_EPS, Math.max(U_EPS, p));
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < nk; k++) {
      const f = known[k]!.f;
      // A categorical condition: u uniform inside the category's interval, as the encoder does.
      const uk = f.uLo === f.uHi ? f.uLo : f.uLo + rng.next() * (f.uHi - f.uLo);
      zk[k] = normalQuantile(clip(uk));
    }
    for (let a = 0; a < nu; a++) eps[a] = rng.normal();
    for (let a = 0; a < nu; a++) {
      let z = 0;
      for (let k = 0; k < nk; k++) z += cg.b[a * nk + k]! * zk[k]!;
      for (let c = 0; c <= a; c++) z += cg.l[a * nu + c]! * eps[c]!;
      u[cg.unknown[a]!]![i] = normalCdf(z);
    }
  }
  const columns = model.columns.map((col, j) => {
    let uc: Float64Array;
    if (col.role !== 'identifier' && col.dim >= 0) uc = u[col.dim]!;
    else uc = Float64Array.from({ length: col.role === 'identifier' ? 0 : n }, () => rng.next());
    return outputColumn(col, n, uc, fixedByColumn.get(j), rng);
  });
  return { rowCount: n, columns };
}
