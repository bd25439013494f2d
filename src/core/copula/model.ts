/**
 * The Gaussian copula model: plain JSON (numbers, strings, arrays), so it can be saved next to a
 * CTGAN model file, posted from a worker, or printed.
 */
import { SynthtabError } from '../errors.ts';
import type { DateShape } from './datetime.ts';
import type { CategoricalMarginal, NumericMarginal } from './marginals.ts';

export const COPULA_FORMAT = 'synthtab-gaussian-copula';
export const COPULA_VERSION = 1;

/** A numeric (or ISO-date) column modelled through its empirical quantile function. */
export interface CopulaNumericColumn {
  name: string;
  role: 'numeric';
  /** 'datetime' = text column of ISO dates, modelled in milliseconds and written back as text. */
  output: 'numeric' | 'datetime';
  decimals: number;
  dateShape?: DateShape;
  marginal: NumericMarginal;
  /** Index in the correlation matrix. */
  dim: number;
}

/** A discrete column (UniformEncoder); `dim` -1 = drawn independently (text, constant, empty). */
export interface CopulaCategoricalColumn {
  name: string;
  role: 'categorical';
  output: 'numeric' | 'string';
  decimals: number;
  marginal: CategoricalMarginal;
  dim: number;
}

/** An identifier: regenerated as a sequence in the shape of the real values, never copied. */
export interface CopulaIdentifierColumn {
  name: string;
  role: 'identifier';
  output: 'numeric' | 'string';
  decimals: number;
  /** Numeric ids: first value; string ids: prefix + zero-padded counter of `width` digits. */
  start: number;
  prefix: string;
  width: number;
}

export type CopulaColumn = CopulaNumericColumn | CopulaCategoricalColumn | CopulaIdentifierColumn;

export interface CopulaModel {
  format: typeof COPULA_FORMAT;
  version: typeof COPULA_VERSION;
  /** Rows seen at fit time. */
  rows: number;
  /** Output columns in table order (excluded columns are absent). */
  columns: CopulaColumn[];
  /** Number of Gaussian dimensions. */
  dims: number;
  /** dims x dims correlation of normal scores, row-major, positive definite. */
  correlation: number[];
}

/** Check that parsed JSON is a copula model (shape only; a bad file gives a one-line error). */
export function assertCopulaModel(x: unknown): asserts x is CopulaModel {
  const bad = (why: string): never => {
    throw new SynthtabError('bad-model-file', `Not a Gaussian copula model file: ${why}.`);
  };
  if (typeof x !== 'object' || x === null) bad('not an object');
  const m = x as Record<string, unknown>;
  if (m.format !== COPULA_FORMAT) bad(`format is ${JSON.stringify(m.format)}`);
  if (m.version !== COPULA_VERSION) bad(`unsupported version ${JSON.stringify(m.version)}`);
  if (!Array.isArray(m.columns)) bad('no columns');
  const dims = m.dims;
  if (typeof dims !== 'number' || !Number.isInteger(dims) || dims < 0) bad('bad dims');
  const d = dims as number;
  if (!Array.isArray(m.correlation) || m.correlation.length !== d * d) bad('correlation has the wrong size');
  for (const c of m.columns as unknown[]) {
    const col = c as Record<string, unknown>;
    if (typeof col.name !== 'string') bad('a column has no name');
    if (col.role !== 'numeric' && col.role !== 'categorical' && col.role !== 'identifier') bad(`column role ${JSON.stringify(col.role)}`);
    if (col.role !== 'identifier' && (typeof col.dim !== 'number' || (col.dim as number) >= d)) bad(`column '${String(col.name)}' has a bad dim`);
    if (col.role !== 'identifier' && (typeof col.marginal !== 'object' || col.marginal === null)) bad(`column '${String(col.name)}' has no marginal`);
  }
}
