/**
 * Read the real, synthetic (and optional holdout) tables into aligned per-column arrays once, so
 * every metric works on plain typed arrays:
 * - numeric columns as Float64Array (NaN = missing; datetimes as ms since epoch, in the real
 *   column's detected format);
 * - categorical columns as Int32Array codes into one shared category list (trimmed text; real
 *   categories first, so code < realCategories <=> the category occurs in the real data; -1 = missing).
 * Columns are matched by name; a mismatch is a SynthtabError naming the columns.
 */
import { dictionaryCoder, type Column, type Table } from '../table/table.ts';
import type { ColumnKind } from '../types.ts';
import { SynthtabError } from '../errors.ts';
import { alignColumns, columnNumbers, columnTexts, datetimeFormatOf, resolveRoles } from './column-roles.ts';
import type { ColumnRole } from './column-roles.ts';

export interface PreparedNumeric {
  role: 'numeric';
  name: string;
  kind: ColumnKind;
  real: Float64Array;
  synth: Float64Array;
  holdout: Float64Array | null;
}

export interface PreparedCategorical {
  role: 'categorical';
  name: string;
  kind: ColumnKind;
  /** Union of categories; the first `realCategories` occur in the real data. */
  categories: string[];
  realCategories: number;
  real: Int32Array;
  synth: Int32Array;
  holdout: Int32Array | null;
}

export type PreparedColumn = PreparedNumeric | PreparedCategorical;

export interface Prepared {
  /** Numeric and categorical columns, in the real table's order. */
  columns: PreparedColumn[];
  /** Every column's role, in the real table's order (including excluded ones). */
  roles: ColumnRole[];
  realRows: number;
  synthRows: number;
  holdoutRows: number;
}

export interface PrepareOptions {
  kinds?: Readonly<Record<string, ColumnKind>>;
  holdout?: Table;
}

function codeTexts(tables: (Column | null)[]): { categories: string[]; realCategories: number; codes: (Int32Array | null)[] } {
  const categories: string[] = [];
  const code = dictionaryCoder(categories);
  let realCategories = 0;
  const realIsNumeric = tables[0]?.type === 'numeric';
  const codes = tables.map((col, t) => {
    if (!col) return null;
    const texts = columnTexts(col, realIsNumeric);
    const out = new Int32Array(texts.length);
    for (let i = 0; i < texts.length; i++) out[i] = code(texts[i]);
    if (t === 0) realCategories = categories.length;
    return out;
  });
  return { categories, realCategories, codes };
}

/** Align and read the tables (see the file comment). */
export function prepare(real: Table, synthetic: Table, opts: PrepareOptions = {}): Prepared {
  if (real.rowCount === 0) throw new SynthtabError('empty-file', 'The real data has no rows to compare against.');
  if (synthetic.rowCount === 0) throw new SynthtabError('empty-file', 'The synthetic data has no rows to evaluate.');
  const synthCols = alignColumns(real, synthetic, 'synthetic');
  const holdCols = opts.holdout ? alignColumns(real, opts.holdout, 'holdout') : null;
  const roles = resolveRoles(real, opts.kinds);
  const columns: PreparedColumn[] = [];
  real.columns.forEach((col, j) => {
    const role = roles[j]!;
    const s = synthCols[j]!;
    const h = holdCols ? holdCols[j]! : null;
    if (role.role === 'numeric') {
      const fmt = role.kind === 'datetime' ? datetimeFormatOf(col) : null;
      columns.push({
        role: 'numeric', name: col.name, kind: role.kind,
        real: columnNumbers(col, fmt), synth: columnNumbers(s, fmt), holdout: h ? columnNumbers(h, fmt) : null,
      });
    } else if (role.role === 'categorical') {
      const { categories, realCategories, codes } = codeTexts([col, s, h]);
      columns.push({
        role: 'categorical', name: col.name, kind: role.kind, categories, realCategories,
        real: codes[0]!, synth: codes[1]!, holdout: codes[2] ?? null,
      });
    }
  });
  return { columns, roles, realRows: real.rowCount, synthRows: synthetic.rowCount, holdoutRows: opts.holdout?.rowCount ?? 0 };
}

/** Number of codes of a categorical column (k, excluding missing). */
export function categoryCount(c: PreparedCategorical): number {
  return c.categories.length;
}
