/**
 * The column-kind rules, as a pure function of a few facts about the column, so each rule can be
 * tested alone. Rules, first match wins:
 *
 * 1. empty: every cell missing.
 * 2. constant: one distinct value.
 * 3. boolean: exactly two values forming a known pair, case-insensitive: true/false, yes/no, y/n,
 *    t/f, 0/1. Any other two values (Adult's "<=50K"/">50K") are categorical.
 * 4. datetime: text whose every distinct value parses under one format (core/datetime.ts).
 * 5. identifier: unique per row, nothing missing, at least IDENTIFIER_MIN_ROWS rows, and either
 *    text (short; long unique text is `text`) or whole numbers that look like keys: the name
 *    looks like an id (id, *_id, key, uuid...), or the values are dense (max - min < 2 x rows,
 *    like 1..n). A unique float is never an identifier, nor a unique but sparse integer like
 *    Adult's fnlwgt in a small sample.
 * 6. text: mean length > 30 with distinct > 50% of the values, or any string column with
 *    distinct > 50% of the values (names, e-mails): too many values to learn as categories.
 * 7. categorical: other text. Above HIGH_CARDINALITY distinct values it stays categorical (values
 *    do repeat) but carries a warning: the one-hot width is large (SDV warns above 1,000 columns).
 * 8. Numbers with decimals in the source: continuous.
 * 9. Whole numbers: categorical when distinct <= min(round(count / 10), 10) (a rating 1-5, a
 *    class code; SDV-like), otherwise integer (age, hours, counts).
 */
import type { ColumnKind } from '../types.ts';

export const IDENTIFIER_MIN_ROWS = 20;
export const HIGH_CARDINALITY = 1000;
const TEXT_MEAN_LENGTH = 30;
const MOSTLY_UNIQUE = 0.5;

export interface ColumnFacts {
  name: string;
  valueType: 'numeric' | 'string';
  rows: number;
  /** Non-missing cells. */
  count: number;
  distinct: number;
  /** Numeric columns: every value whole and written without decimals. */
  integer?: boolean;
  min?: number;
  max?: number;
  /** The distinct values as text when there are at most two. */
  fewValues?: string[];
  /** Text columns: a datetime format every value parses under, if any. */
  datetimeFormat?: string | null;
  /** Text columns: mean length of the non-missing values. */
  meanLength?: number;
}

export interface KindDecision {
  kind: ColumnKind;
  reason: string;
  warning?: string;
}

const BOOLEAN_PAIRS = [['true', 'false'], ['yes', 'no'], ['y', 'n'], ['t', 'f'], ['0', '1']];

/** Names like id, ID, user_id, customer id, id_user, key, uuid, userId (not "paid", "valid"). */
export function looksLikeIdName(name: string): boolean {
  return /(^|[^a-z])(id|key|uuid|guid)s?$/i.test(name) || /^(id|key|uuid|guid)([^a-z]|$)/i.test(name) || /[a-z](Id|ID|Key|Uuid)s?$/.test(name);
}

function isBooleanPair(values: string[]): boolean {
  if (values.length !== 2) return false;
  const [a, b] = values.map((v) => v.toLowerCase());
  return BOOLEAN_PAIRS.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
}

function pct(part: number, whole: number): string {
  return `${Math.round((100 * part) / Math.max(1, whole))}%`;
}

/** Decides a column's kind from its facts (rules in the module comment). */
export function inferKind(f: ColumnFacts): KindDecision {
  const missingNote = f.count < f.rows ? `, ${f.rows - f.count} missing` : '';
  if (f.count === 0) return { kind: 'empty', reason: `All ${f.rows} cells are missing` };
  if (f.distinct === 1) {
    const v = f.fewValues?.[0];
    return { kind: 'constant', reason: `Every value is ${v === undefined ? 'the same' : `'${v}'`}${missingNote}` };
  }
  if (f.distinct === 2 && f.fewValues && isBooleanPair(f.fewValues)) {
    return { kind: 'boolean', reason: `Two values, '${f.fewValues[0]}' and '${f.fewValues[1]}'${missingNote}` };
  }
  const unique = f.distinct === f.rows && f.count === f.rows && f.rows >= IDENTIFIER_MIN_ROWS;
  if (f.valueType === 'string') {
    if (f.datetimeFormat) return { kind: 'datetime', reason: `Dates in the format ${f.datetimeFormat}${missingNote}` };
    const longText = (f.meanLength ?? 0) > TEXT_MEAN_LENGTH;
    if (unique && !longText) return { kind: 'identifier', reason: `A different value in each of the ${f.rows} rows` };
    if (f.distinct > MOSTLY_UNIQUE * f.count && f.count >= IDENTIFIER_MIN_ROWS) {
      return {
        kind: 'text',
        reason: longText
          ? `Long text (mean ${Math.round(f.meanLength ?? 0)} characters), ${pct(f.distinct, f.count)} distinct`
          : `Mostly unique values (${f.distinct} distinct in ${f.count}): too many to learn as categories`,
      };
    }
    if (f.distinct > HIGH_CARDINALITY) {
      const warning = `${f.distinct} categories make a very wide one-hot encoding; consider excluding the column or merging rare values`;
      return { kind: 'categorical', reason: `Text with ${f.distinct} distinct values (high cardinality)`, warning };
    }
    return { kind: 'categorical', reason: `Text with ${f.distinct} distinct values${missingNote}` };
  }
  if (!f.integer) {
    return { kind: 'continuous', reason: `Numbers with decimals, ${f.distinct} distinct values${missingNote}` };
  }
  if (unique && (looksLikeIdName(f.name) || (f.max! - f.min! < 2 * f.rows))) {
    return { kind: 'identifier', reason: `Whole numbers, a different one in each of the ${f.rows} rows` };
  }
  const categoricalMax = Math.min(Math.round(f.count / 10), 10);
  if (f.distinct <= categoricalMax) {
    return { kind: 'categorical', reason: `Whole numbers with only ${f.distinct} distinct values (at most ${categoricalMax} counts as categories)` };
  }
  return { kind: 'integer', reason: `Whole numbers, ${f.distinct} distinct values${missingNote}` };
}
