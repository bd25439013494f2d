/**
 * Reading a table column as numbers for the mixture: numeric columns as they are, text columns
 * as numbers (a user override of a text column to continuous) or as datetimes (ms since the epoch,
 * UTC, via core/datetime.ts).
 */
import { detectDatetimeFormat, parseDatetime } from '../datetime.ts';
import { SynthtabError } from '../errors.ts';
import type { Column, StringColumn } from '../table/table.ts';

export interface NumericView {
  /** One value per row, NaN = missing. */
  values: Float64Array;
  /** Decimal places to round to on output (from the column, or counted in the text). */
  decimals: number;
  /** The datetime format used to parse text, or null. */
  datetimeFormat: string | null;
}

/** Dictionary entries actually used by some row (a table slice may keep unused ones). */
export function usedDictionary(col: StringColumn): string[] {
  const used = new Uint8Array(col.dictionary.length);
  for (let i = 0; i < col.codes.length; i++) if (col.codes[i]! >= 0) used[col.codes[i]!] = 1;
  return col.dictionary.filter((_, c) => used[c] === 1);
}

function mapCodes(col: StringColumn, perCode: Float64Array): Float64Array {
  const out = new Float64Array(col.codes.length);
  for (let i = 0; i < out.length; i++) {
    const c = col.codes[i]!;
    out[i] = c < 0 ? Number.NaN : perCode[c]!;
  }
  return out;
}

function decimalsOf(text: string): number {
  const t = text.trim();
  const dot = t.indexOf('.');
  if (dot < 0 || /e/i.test(t)) return 0;
  return t.length - dot - 1;
}

/**
 * The column as numbers. `format` (datetime only) is the known text format, else it is detected
 * from the column's distinct values. Throws SynthtabError('bad-column') when the text cannot be
 * read as the requested kind.
 */
export function readNumbers(col: Column, kind: 'continuous' | 'integer' | 'datetime', format?: string | null): NumericView {
  if (col.type === 'numeric') return { values: col.values, decimals: col.decimals, datetimeFormat: null };
  const used = usedDictionary(col);
  if (kind === 'datetime') {
    const fmt = format ?? detectDatetimeFormat(used);
    if (fmt === null) {
      const example = used[0] ?? '';
      throw new SynthtabError('bad-column', `Column "${col.name}" is marked as a date but "${example}" is not a date in a known format.`);
    }
    const perCode = Float64Array.from(col.dictionary, (t) => parseDatetime(t, fmt));
    return { values: mapCodes(col, perCode), decimals: 0, datetimeFormat: fmt };
  }
  let decimals = 0;
  const perCode = Float64Array.from(col.dictionary, (t) => {
    const s = t.trim();
    const v = s === '' ? Number.NaN : Number(s);
    return Number.isFinite(v) ? v : Number.NaN;
  });
  for (let c = 0; c < col.dictionary.length; c++) {
    if (Number.isNaN(perCode[c]!) && used.includes(col.dictionary[c]!)) {
      throw new SynthtabError('bad-column', `Column "${col.name}" is marked as ${kind} but holds the non-number "${col.dictionary[c]!}".`);
    }
    if (!Number.isNaN(perCode[c]!)) decimals = Math.max(decimals, decimalsOf(col.dictionary[c]!));
  }
  return { values: mapCodes(col, perCode), decimals: kind === 'integer' ? 0 : decimals, datetimeFormat: null };
}
