/**
 * Fit a Gaussian copula (SDV GaussianCopulaSynthesizer, CTGAN-SPEC section 9) without TF.js:
 * marginals per column (marginals.ts), normal scores z = Phi^-1(u), and their correlation.
 *
 * Deviations from SDV, on purpose: numeric marginals are the empirical quantile function (linear
 * interpolation) instead of a fitted beta, so any shape is reproduced and values stay in the real
 * [min, max]; numeric nulls are drawn at the real rate independently (SDV's FloatFormatter does the
 * same); correlations use pairwise-complete rows instead of mean-filled ones; and the categories'
 * sub-intervals are ordered by their mean score on the first principal component of the numeric
 * normal scores instead of by frequency. With frequency order a category linked to high values
 * can sit in the middle of [0, 1] (or a random null category between two informative ones) and a
 * linear Gaussian dependence cannot express the link; along the main axis it usually can. With no
 * numeric column the order is RDT's (by frequency).
 */
import { SynthtabError } from '../errors.ts';
import type { Rng } from '../rng.ts';
import { cellText, isMissing, type Column, type Table } from '../table/table.ts';
import type { ColumnKind, ColumnPlan } from '../types.ts';
import { parseIsoDate, type DateShape } from './datetime.ts';
import { correlationOfScores } from './gaussian.ts';
import { categoryU, fitCategorical, fitNumeric } from './marginals.ts';
import { COPULA_FORMAT, COPULA_VERSION, type CopulaColumn, type CopulaModel } from './model.ts';
import { normalQuantile } from './normal.ts';

/** u is clipped to [EPS, 1 - EPS] before Phi^-1 (Copulas uses float32 eps). */
export const U_EPS = 1.1920929e-7;

/** The one stored value of a free-text column: real text is never kept in a copula model. */
export const TEXT_PLACEHOLDER = '\u0000text';

function defaultKind(col: Column): ColumnKind {
  return col.type === 'numeric' ? 'continuous' : 'categorical';
}

/** ISO dates of a text column in ms, or null when any present cell is not an ISO date. */
function parseDates(col: Column, n: number): { ms: Float64Array; shape: DateShape } | null {
  if (col.type !== 'string') return null;
  const ms = new Float64Array(n);
  let shape: DateShape | null = null;
  for (let r = 0; r < n; r++) {
    const t = cellText(col, r);
    if (t === null) {
      ms[r] = NaN;
      continue;
    }
    const p = parseIsoDate(t);
    if (!p) return null;
    ms[r] = p.ms;
    if (shape === null || (shape === 'date' && p.shape !== 'date')) shape = p.shape;
  }
  return shape ? { ms, shape } : null;
}

function identifierShape(col: Column, n: number): { start: number; prefix: string; width: number } {
  if (col.type === 'numeric') {
    let min = Infinity;
    for (let r = 0; r < n; r++) if (!Number.isNaN(col.values[r]!)) min = Math.min(min, col.values[r]!);
    return { start: Number.isFinite(min) ? min : 0, prefix: '', width: 0 };
  }
  let first: string | null = null;
  for (let r = 0; r < n && first === null; r++) first = cellText(col, r);
  const m = first === null ? null : /^(.*?)(\d+)$/.exec(first);
  return m ? { start: 1, prefix: m[1]!, width: m[2]!.length } : { start: 1, prefix: `${col.name}_`, width: 0 };
}

/**
 * The first principal component score of the numeric normal scores per row (missing cells count
 * as 0), by power iteration on their correlation matrix; undefined with no numeric column.
 */
function mainAxis(scores: Float64Array[], n: number): Float64Array | undefined {
  const d = scores.length;
  if (d === 0) return undefined;
  const r = correlationOfScores(scores);
  let v = new Float64Array(d).fill(1 / Math.sqrt(d));
  for (let it = 0; it < 200; it++) {
    const w = new Float64Array(d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) w[i]! += r[i * d + j]! * v[j]!;
    const norm = Math.hypot(...w);
    if (!(norm > 0)) break;
    for (let i = 0; i < d; i++) w[i]! /= norm;
    v = w;
  }
  const axis = new Float64Array(n);
  for (let j = 0; j < d; j++) {
    const z = scores[j]!;
    for (let i = 0; i < n; i++) if (!Number.isNaN(z[i]!)) axis[i]! += v[j]! * z[i]!;
  }
  return axis;
}

const toScore = (u: number): number => normalQuantile(Math.min(1 - U_EPS, Math.max(U_EPS, u)));

/**
 * Fit the copula on `table` following `plan` (columns missing from the plan: numeric ->
 * continuous, text -> categorical). `rng` drives the uniform jitter of ties and categories.
 */
export function fitCopula(table: Table, plan: readonly ColumnPlan[], rng: Rng): CopulaModel {
  const n = table.rowCount;
  if (n === 0) throw new SynthtabError('header-only', 'The table has no rows to fit a Gaussian copula on.');
  const planOf = new Map(plan.map((p) => [p.name, p]));
  const slots: (CopulaColumn | null)[] = [];
  const scores: Float64Array[] = [];
  const discrete: { slot: number; col: Column; kind: ColumnKind }[] = [];
  // Pass 1: identifiers and numeric columns (their scores define the axis the categories follow).
  for (const col of table.columns) {
    const p = planOf.get(col.name);
    if (p?.excluded) continue;
    const kind = p?.kind ?? defaultKind(col);
    const decimals = col.type === 'numeric' ? col.decimals : 0;
    const output = col.type === 'numeric' ? 'numeric' : 'string';
    if (kind === 'identifier') {
      slots.push({ name: col.name, role: 'identifier', output, decimals, ...identifierShape(col, n) });
      continue;
    }
    const dates = kind === 'datetime' ? parseDates(col, n) : null;
    const values = dates ? dates.ms : col.type === 'numeric' ? col.values : null;
    if ((kind === 'continuous' || kind === 'integer' || kind === 'datetime') && values) {
      const { marginal, u } = fitNumeric(values, rng);
      if (marginal.knots.length === 0) {
        // An all-missing numeric column: nothing to correlate.
        const empty = fitCategorical(new Array<null>(n).fill(null)).marginal;
        slots.push({ name: col.name, role: 'categorical', output, decimals, marginal: empty, dim: -1 });
        continue;
      }
      slots.push({
        name: col.name,
        role: 'numeric',
        output: dates ? 'datetime' : 'numeric',
        decimals: kind === 'integer' ? 0 : decimals,
        ...(dates ? { dateShape: dates.shape } : {}),
        marginal,
        dim: scores.length,
      });
      scores.push(u.map((x) => (Number.isNaN(x) ? NaN : toScore(x))));
      continue;
    }
    discrete.push({ slot: slots.length, col, kind });
    slots.push(null);
  }
  // Pass 2: discrete columns (and anything else) through the UniformEncoder. Text, constant and
  // empty columns are drawn independently of the rest (DESIGN: they are not learned).
  const axis = mainAxis(scores, n);
  for (const { slot, col, kind } of discrete) {
    const keys: (string | number | null)[] = [];
    // Free text is never learned nor stored: only its missing share is kept (the model file and the
    // output must not carry real sentences, names or e-mails); sampling writes "text N" placeholders.
    const isText = kind === 'text';
    for (let r = 0; r < n; r++) {
      if (col.type === 'numeric') keys.push(Number.isNaN(col.values[r]!) ? null : isText ? TEXT_PLACEHOLDER : col.values[r]!);
      else keys.push(isText && !isMissing(col, r) ? TEXT_PLACEHOLDER : cellText(col, r));
    }
    const learned = kind !== 'text' && kind !== 'constant' && kind !== 'empty';
    const { marginal, index } = fitCategorical(keys, learned ? axis : undefined);
    let dim = -1;
    if (learned && marginal.values.length > 1) {
      dim = scores.length;
      scores.push(Float64Array.from(index, (c) => toScore(categoryU(marginal, c, rng))));
    }
    const output = col.type === 'numeric' && !isText ? 'numeric' : 'string';
    slots[slot] = { name: col.name, role: 'categorical', output, decimals: col.type === 'numeric' ? col.decimals : 0, marginal, dim };
  }
  const columns = slots.filter((c): c is CopulaColumn => c !== null);
  if (columns.length === 0) throw new SynthtabError('no-trainable-columns', 'Every column is excluded: nothing to synthesize.');
  const correlation = Array.from(correlationOfScores(scores));
  return { format: COPULA_FORMAT, version: COPULA_VERSION, rows: n, columns, dims: scores.length, correlation };
}
