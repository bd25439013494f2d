/**
 * Table -> feature matrix for the classifiers: one-hot categoricals and standardised numerics,
 * fitted on the training table and reusable on any table with the same columns (test, holdout,
 * synthetic). This is the encoder the efficacy metric and the rebalance lab share.
 *
 * - Numeric columns (continuous / integer / datetime): (x - mean) / std with mean and std from the
 *   training table; a missing value becomes the mean (0 after scaling) and, when the training table
 *   had missing values in that column, a 0/1 missing-indicator feature is added.
 * - Categorical columns (categorical / boolean): one feature per category seen in training (trimmed
 *   text, numbers in canonical spelling when the training column is numeric; at most `maxCategories`, most frequent first, the rest share all-zeros); missing is its
 *   own category when training had it; categories never seen in training encode as all zeros.
 * - Identifier / text / constant / empty columns and the target are left out.
 * Column roles come from `kinds` (the profile) or the simple rule in metrics/column-roles.ts.
 *
 * `encoding: 'ordinal'` is the compact layout for tree models (one feature per column, ~10x
 * fewer features than one-hot on Adult, so the GBDT histograms are cheap): numbers stay raw with
 * NaN for missing (the GBDT sends NaN left), and each categorical column becomes one code. With
 * binary `labels`, codes follow the category's positive rate in the training table (Fisher's
 * ordering: the best binary partition of categories is then a single threshold); otherwise they
 * follow frequency. Unseen categories encode as NaN.
 */
import type { Table } from '../table/table.ts';
import type { ColumnKind } from '../types.ts';
import { SynthtabError } from '../errors.ts';
import { columnNumbers, columnTexts, datetimeFormatOf, resolveRoles } from '../metrics/column-roles.ts';
import type { Matrix } from './classifier.ts';

export interface FeatureOptions {
  kinds?: Readonly<Record<string, ColumnKind>>;
  /** Columns to leave out besides the target. */
  exclude?: readonly string[];
  /** Most one-hot features per categorical column (default 100). */
  maxCategories?: number;
  /** 'one-hot' (default; linear models) or 'ordinal' (tree models), see the file comment. */
  encoding?: 'one-hot' | 'ordinal';
  /** With `encoding: 'ordinal'` and a binary target: order categories by positive rate. */
  labels?: LabelEncoding;
}

type Part =
  | { type: 'numeric'; name: string; mean: number; std: number; indicator: boolean; datetimeFormat: string | null }
  | { type: 'categorical'; name: string; index: Map<string, number>; missingSlot: number; numbers: boolean }
  | { type: 'raw'; name: string; datetimeFormat: string | null }
  | { type: 'ordinal'; name: string; index: Map<string, number>; numbers: boolean };

/** A fitted encoder: `transform` any table holding the training table's feature columns. */
export interface FeatureEncoder {
  /** One name per feature, e.g. 'age', 'age=missing', 'workclass=Private'. */
  readonly names: readonly string[];
  readonly width: number;
  transform(table: Table): Float64Array[];
}

const MISSING = '\u0000missing';

function fitParts(table: Table, target: string | null, opts: FeatureOptions): { parts: Part[]; names: string[] } {
  const roles = resolveRoles(table, opts.kinds);
  const skip = new Set(opts.exclude ?? []);
  if (target !== null) skip.add(target);
  const maxCats = opts.maxCategories ?? 100;
  const ordinal = opts.encoding === 'ordinal';
  const y = ordinal && target !== null && opts.labels?.classes.length === 2 ? encodeLabels(table, target, opts.labels) : null;
  const parts: Part[] = [];
  const names: string[] = [];
  table.columns.forEach((col, j) => {
    const role = roles[j]!;
    if (skip.has(col.name) || role.role === 'excluded') return;
    if (ordinal) {
      names.push(col.name);
      if (role.role === 'numeric') parts.push({ type: 'raw', name: col.name, datetimeFormat: role.kind === 'datetime' ? datetimeFormatOf(col) : null });
      else parts.push({ type: 'ordinal', name: col.name, index: ordinalIndex(columnTexts(col, col.type === 'numeric'), y), numbers: col.type === 'numeric' });
      return;
    }
    if (role.role === 'numeric') {
      const fmt = role.kind === 'datetime' ? datetimeFormatOf(col) : null;
      const v = columnNumbers(col, fmt);
      let sum = 0;
      let cnt = 0;
      for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i]!)) { sum += v[i]!; cnt++; }
      const mean = cnt > 0 ? sum / cnt : 0;
      let ss = 0;
      for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i]!)) ss += (v[i]! - mean) ** 2;
      const sd = cnt > 1 ? Math.sqrt(ss / cnt) : 0;
      const indicator = cnt < v.length;
      parts.push({ type: 'numeric', name: col.name, mean, std: sd > 0 ? sd : 1, indicator, datetimeFormat: fmt });
      names.push(col.name);
      if (indicator) names.push(`${col.name}=missing`);
      return;
    }
    const texts = columnTexts(col, col.type === 'numeric');
    const counts = new Map<string, number>();
    for (const t of texts) {
      const key = t ?? MISSING;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    // Most frequent first; ties by text so the layout does not depend on row order.
    const cats = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, maxCats);
    const index = new Map<string, number>();
    let missingSlot = -1;
    for (const [c] of cats) {
      if (c === MISSING) missingSlot = index.size;
      index.set(c, index.size);
      names.push(`${col.name}=${c === MISSING ? 'missing' : c}`);
    }
    parts.push({ type: 'categorical', name: col.name, index, missingSlot, numbers: col.type === 'numeric' });
  });
  return { parts, names };
}

/** Category -> code, by positive rate when `y` is given (ties and no-label rows by frequency), else by frequency. */
function ordinalIndex(texts: (string | null)[], y: Int32Array | null): Map<string, number> {
  const stats = new Map<string, { n: number; pos: number; labelled: number }>();
  texts.forEach((t, i) => {
    const key = t ?? MISSING;
    let st = stats.get(key);
    if (!st) stats.set(key, (st = { n: 0, pos: 0, labelled: 0 }));
    st.n++;
    if (y && y[i]! >= 0) { st.labelled++; st.pos += y[i]!; }
  });
  const rate = (st: { pos: number; labelled: number }): number => (st.labelled > 0 ? st.pos / st.labelled : 0);
  const order = [...stats.entries()].sort((a, b) =>
    (y ? rate(a[1]) - rate(b[1]) : 0) || b[1].n - a[1].n || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(order.map(([k], i) => [k, i]));
}

class Encoder implements FeatureEncoder {
  readonly width: number;
  constructor(private readonly parts: Part[], readonly names: readonly string[]) {
    this.width = names.length;
  }

  transform(table: Table): Float64Array[] {
    const rows: Float64Array[] = [];
    for (let i = 0; i < table.rowCount; i++) rows.push(new Float64Array(this.width));
    const byName = new Map(table.columns.map((c) => [c.name, c]));
    let offset = 0;
    for (const p of this.parts) {
      const col = byName.get(p.name);
      if (!col) throw new SynthtabError('bad-column', `Column '${p.name}' is missing from the table to encode.`);
      if (p.type === 'raw') {
        const v = columnNumbers(col, p.datetimeFormat);
        for (let i = 0; i < rows.length; i++) rows[i]![offset] = v[i]!;
        offset += 1;
      } else if (p.type === 'ordinal') {
        const texts = columnTexts(col, p.numbers);
        for (let i = 0; i < rows.length; i++) rows[i]![offset] = p.index.get(texts[i] ?? MISSING) ?? NaN;
        offset += 1;
      } else if (p.type === 'numeric') {
        const v = columnNumbers(col, p.datetimeFormat);
        for (let i = 0; i < rows.length; i++) {
          const x = v[i]!;
          const miss = Number.isNaN(x);
          rows[i]![offset] = miss ? 0 : (x - p.mean) / p.std;
          if (p.indicator) rows[i]![offset + 1] = miss ? 1 : 0;
        }
        offset += p.indicator ? 2 : 1;
      } else {
        const texts = columnTexts(col, p.numbers);
        for (let i = 0; i < rows.length; i++) {
          const t = texts[i];
          const k = t === null ? p.missingSlot : (p.index.get(t) ?? -1);
          if (k >= 0) rows[i]![offset + k] = 1;
        }
        offset += p.index.size;
      }
    }
    return rows;
  }
}

/** Fit an encoder on `table`, leaving out `target` (may be null) and `opts.exclude`. */
export function fitFeatureEncoder(table: Table, target: string | null, opts: FeatureOptions = {}): FeatureEncoder {
  if (target !== null && !table.columns.some((c) => c.name === target)) {
    throw new SynthtabError('bad-column', `Target column '${target}' is not in the data.`);
  }
  const { parts, names } = fitParts(table, target, opts);
  return new Encoder(parts, names);
}

/** Fit an encoder on `table` and encode it: `{ encoder, X }`; apply `encoder.transform` to test tables. */
export function buildFeatures(table: Table, target: string | null, opts: FeatureOptions = {}): { encoder: FeatureEncoder; X: Matrix } {
  const encoder = fitFeatureEncoder(table, target, opts);
  return { encoder, X: encoder.transform(table) };
}

/** Class labels of a target column, with classes fixed by the training table. */
export interface LabelEncoding {
  /** Class texts (trimmed); index = label. */
  classes: string[];
  /** For binary targets: the index of the positive class (the minority, or the requested value). */
  positive: number;
}

/**
 * Classes of `target` in `table` (trimmed text, most frequent first; missing values are not a class).
 * Binary targets get `positive` = the requested value or else the minority class; multi-class -1.
 */
export function fitLabels(table: Table, target: string, positive?: string): LabelEncoding {
  const col = table.columns.find((c) => c.name === target);
  if (!col) throw new SynthtabError('bad-column', `Target column '${target}' is not in the data.`);
  const counts = new Map<string, number>();
  for (const t of columnTexts(col)) if (t !== null) counts.set(t, (counts.get(t) ?? 0) + 1);
  const classes = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
  if (classes.length < 2) throw new SynthtabError('bad-column', `Target column '${target}' needs at least two classes, found ${classes.length}.`);
  let pos = -1;
  if (positive !== undefined) {
    pos = classes.indexOf(positive.trim());
    if (pos < 0) throw new SynthtabError('bad-option', `Class '${positive}' does not occur in target column '${target}'.`);
    if (classes.length > 2) throw new SynthtabError('bad-option', `A positive class only applies to a two-class target; '${target}' has ${classes.length}.`);
  } else if (classes.length === 2) {
    pos = 1; // sorted most frequent first, so index 1 is the minority
  }
  return { classes, positive: pos };
}

/**
 * Labels of `table`'s target under `enc`: for binary targets 1 = positive; otherwise class indices.
 * Rows whose target is missing or a class unseen in training get -1 (callers drop them).
 */
export function encodeLabels(table: Table, target: string, enc: LabelEncoding): Int32Array {
  const col = table.columns.find((c) => c.name === target);
  if (!col) throw new SynthtabError('bad-column', `Target column '${target}' is not in the data.`);
  const index = new Map(enc.classes.map((c, i) => [c, i]));
  const texts = columnTexts(col);
  const out = new Int32Array(texts.length);
  const binary = enc.classes.length === 2;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    const k = t === null ? -1 : (index.get(t) ?? -1);
    out[i] = k < 0 ? -1 : binary ? (k === enc.positive ? 1 : 0) : k;
  }
  return out;
}
