/**
 * Which columns the metrics (and the efficacy classifiers) treat as numeric, categorical or not at
 * all, and how a Table column is read under that role.
 *
 * Roles follow the profile's kinds (DESIGN.md "Quality metrics"):
 * - continuous / integer / datetime -> numeric (KS complement, Pearson, binned in contingency tables);
 * - categorical / boolean -> categorical (TV complement, contingency tables);
 * - identifier / text / constant / empty -> excluded from shapes, trends, diagnostics and privacy.
 * Without a `kinds` map (or for a column it lacks) `inferKind` applies a simple rule from the
 * column's type: numbers -> continuous, strings -> categorical, except all-missing (empty), a
 * single value (constant) and all-distinct strings in more than 20 rows (identifier).
 *
 * Category values are compared as trimmed text (REFERENCE.md: "category values compared after
 * trimming spaces"), and numbers read as categories use their canonical JS spelling, so a real
 * 1 and a synthetic "1.0" are the same category (see `columnTexts`).
 */
import type { Column, Table } from '../table/table.ts';
import type { ColumnKind } from '../types.ts';
import { detectDatetimeFormat, parseDatetime } from '../datetime.ts';
import { SynthtabError } from '../errors.ts';

export type MetricRole = 'numeric' | 'categorical' | 'excluded';

export interface ColumnRole {
  name: string;
  kind: ColumnKind;
  role: MetricRole;
}

/** The metric role of a profile kind. */
export function roleOfKind(kind: ColumnKind): MetricRole {
  switch (kind) {
    case 'continuous':
    case 'integer':
    case 'datetime':
      return 'numeric';
    case 'categorical':
    case 'boolean':
      return 'categorical';
    case 'identifier':
    case 'text':
    case 'constant':
    case 'empty':
      return 'excluded';
  }
}

/** A cheap kind guess from the column's storage type (used when the caller has no profile). */
export function inferKind(col: Column): ColumnKind {
  const seen = new Set<string | number>();
  let count = 0;
  if (col.type === 'numeric') {
    for (let i = 0; i < col.values.length; i++) {
      const v = col.values[i]!;
      if (Number.isNaN(v)) continue;
      count++;
      if (seen.size < 2) seen.add(v);
    }
    if (count === 0) return 'empty';
    return seen.size === 1 ? 'constant' : 'continuous';
  }
  const used = new Uint8Array(col.dictionary.length);
  const trimmed = col.dictionary.map((s) => s.trim());
  let allDistinct = true;
  const distinct = new Set<string>();
  for (let i = 0; i < col.codes.length; i++) {
    const c = col.codes[i]!;
    if (c < 0) continue;
    count++;
    if (used[c]) allDistinct = false;
    used[c] = 1;
    distinct.add(trimmed[c]!);
  }
  if (count === 0) return 'empty';
  if (distinct.size === 1) return 'constant';
  if (allDistinct && distinct.size === count && count > 20) return 'identifier';
  return 'categorical';
}

/** Roles for every column of `table`, from `kinds` where given, else `inferKind`. */
export function resolveRoles(table: Table, kinds?: Readonly<Record<string, ColumnKind>>): ColumnRole[] {
  return table.columns.map((col) => {
    const kind = kinds?.[col.name] ?? inferKind(col);
    return { name: col.name, kind, role: roleOfKind(kind) };
  });
}

/**
 * A column read as numbers (NaN = missing): numeric columns as stored; string columns parsed as
 * datetimes with `datetimeFormat` (ms since epoch, UTC) or as plain numbers. Unparseable text
 * becomes NaN (counted as missing), never an exception: synthetic data may contain anything.
 */
export function columnNumbers(col: Column, datetimeFormat?: string | null): Float64Array {
  if (col.type === 'numeric') return col.values;
  const byCode = col.dictionary.map((s) => {
    const t = s.trim();
    if (datetimeFormat) return parseDatetime(t, datetimeFormat);
    if (t === '') return NaN;
    const v = Number(t);
    return Number.isFinite(v) ? v : NaN;
  });
  const out = new Float64Array(col.codes.length);
  for (let i = 0; i < out.length; i++) {
    const c = col.codes[i]!;
    out[i] = c < 0 ? NaN : byCode[c]!;
  }
  return out;
}

/** The datetime format of a string column (from its dictionary), or null for a numeric/undated one. */
export function datetimeFormatOf(col: Column): string | null {
  if (col.type === 'numeric') return null;
  return detectDatetimeFormat(col.dictionary.slice(0, 200).map((s) => s.trim()));
}

/**
 * The canonical category text of each cell (trimmed; numbers in JS spelling); null = missing.
 * With `numbersAsNumbers`, number-like text is respelled too ('1.0' -> '1'): used when the real
 * column is numeric, so a synthetic text column holding the same numbers matches it.
 */
export function columnTexts(col: Column, numbersAsNumbers = false): (string | null)[] {
  const out: (string | null)[] = new Array<string | null>(col.type === 'numeric' ? col.values.length : col.codes.length);
  if (col.type === 'numeric') {
    for (let i = 0; i < col.values.length; i++) {
      const v = col.values[i]!;
      out[i] = Number.isNaN(v) ? null : String(v);
    }
    return out;
  }
  const trimmed = col.dictionary.map((s) => {
    const t = s.trim();
    if (!numbersAsNumbers || t === '') return t;
    const v = Number(t);
    return Number.isFinite(v) ? String(v) : t;
  });
  for (let i = 0; i < col.codes.length; i++) {
    const c = col.codes[i]!;
    out[i] = c < 0 ? null : trimmed[c]!;
  }
  return out;
}

/**
 * Check that `other` has exactly the columns of `real` (by name, any order) and return its columns
 * in `real`'s order. `label` names the other table in the error ("synthetic", "holdout").
 */
export function alignColumns(real: Table, other: Table, label: string): Column[] {
  const byName = new Map<string, Column>();
  for (const c of other.columns) byName.set(c.name, c);
  const realNames = new Set(real.columns.map((c) => c.name));
  const missing = real.columns.filter((c) => !byName.has(c.name)).map((c) => c.name);
  const extra = other.columns.filter((c) => !realNames.has(c.name)).map((c) => c.name);
  if (missing.length > 0 || extra.length > 0) {
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`lacks ${missing.map((n) => `'${n}'`).join(', ')}`);
    if (extra.length > 0) parts.push(`has extra ${extra.map((n) => `'${n}'`).join(', ')}`);
    throw new SynthtabError('bad-column', `The ${label} data's columns do not match the real data: it ${parts.join(' and ')}.`);
  }
  return real.columns.map((c) => byName.get(c.name)!);
}
