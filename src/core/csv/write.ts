/**
 * Table -> CSV text, in chunks so a million synthetic rows never become one giant string at once
 * (the browser turns the chunks into a Blob; the CLI writes them to a stream).
 *
 * - RFC 4180 quoting: a field with the delimiter, a quote, a line break or surrounding spaces is
 *   quoted, quotes doubled. Header first; every line ends with '\n' (option: '\r\n').
 * - Missing cells are empty fields, except in a one-column table, where they are written NA
 *   (an empty line would be skipped as blank when read back; NA is a default missing token).
 * - Numbers print with the column's decimals, never in scientific notation and never as "-0".
 * - Formula injection (OWASP "CSV injection"): a text cell starting with = + - @ TAB or CR gets a
 *   leading single quote, so a spreadsheet shows it as text instead of running it. Numbers are
 *   exempt: a numeric column's -3.5 stays -3.5, and so does a text cell that is a plain number
 *   ("-5", "+1e3"), since a spreadsheet reads those as numbers, not formulas. Column names are
 *   treated like text cells. Turn this off (`formulaSafe: false`) for exact round trips.
 * - Input formats (`formats`, from ParseResult.formats or a model file): a column's whitespace
 *   goes around each value unquoted, as the input had it (" Private"), and its missing token is
 *   written for missing cells (" ?"), so the output looks like the input. Without them cells are
 *   bare and missing cells empty.
 */
import type { Table } from '../table/table.ts';
import type { ColumnFormat, CsvFormats } from './format.ts';
import { formatFixed, numberDecimals } from './number-text.ts';

export interface CsvWriteOptions {
  /** Prefix formula-like text cells with a single quote (default true). */
  formulaSafe?: boolean;
  /** Rows per yielded chunk (default 10,000). */
  rowsPerChunk?: number;
  /** Field delimiter (default ','). */
  delimiter?: string;
  /** Line ending (default '\n'). */
  newline?: '\n' | '\r\n';
  /** Per column name: whitespace and missing token to write (see format.ts); absent = plain. */
  formats?: Readonly<CsvFormats>;
}

/** Whether a text cell would be read as a formula by a spreadsheet. */
export function isFormulaLike(text: string): boolean {
  const c = text.charCodeAt(0);
  // = + - @ TAB CR
  if (c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13) return false;
  return numberDecimals(text) < 0;
}

/** One field, quoted when needed (RFC 4180). */
export function quoteField(text: string, delimiter = ','): string {
  const needs =
    text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r') ||
    (text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32));
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `text` with the formula guard applied when on (see the module comment). */
function guarded(text: string, formulaSafe: boolean): string {
  return formulaSafe && isFormulaLike(text) ? `'${text}` : text;
}

/**
 * `text` (already formula-guarded, unescaped) inside a column's whitespace. The whitespace is
 * written bare, as in the input (a reader trims it); the field is quoted only when the text or the
 * whitespace holds something else that needs it (delimiter, quote, line break).
 */
function formatted(text: string, prefix: string, suffix: string, delimiter: string): string {
  const quoted = quoteField(text, delimiter);
  if (prefix === '' && suffix === '') return quoted;
  const full = prefix + text + suffix;
  if (quoted !== text) return quoteField(full, delimiter); // the text itself needs quotes: quote it all
  const special = full.includes(delimiter) || full.includes('"') || full.includes('\n') || full.includes('\r');
  return special ? quoteField(full, delimiter) : full;
}

/** A missing cell: the column's token (in its whitespace), else empty, or NA in a one-column table. */
function missingField(f: ColumnFormat | undefined, oneColumn: boolean, delimiter: string): string {
  if (!f || f.missing === '') return oneColumn ? 'NA' : '';
  return formatted(f.missing, f.prefix, f.suffix, delimiter);
}

/** The CSV text of `table` in chunks: the header line first, then `rowsPerChunk` rows per chunk. */
export function* tableToCsvChunks(table: Table, opts: CsvWriteOptions = {}): Iterable<string> {
  const formulaSafe = opts.formulaSafe ?? true;
  const per = Math.max(1, Math.floor(opts.rowsPerChunk ?? 10_000));
  const d = opts.delimiter ?? ',';
  const nl = opts.newline ?? '\n';
  const cols = table.columns;
  yield cols.map((c) => quoteField(guarded(c.name, formulaSafe), d)).join(d) + nl;
  const fmt = cols.map((c) => (opts.formats && Object.hasOwn(opts.formats, c.name) ? opts.formats[c.name] : undefined));
  const pre = fmt.map((f) => f?.prefix ?? '');
  const post = fmt.map((f) => f?.suffix ?? '');
  const bare = fmt.map((_, j) => pre[j] === '' && post[j] === '');
  // Each string column's dictionary is escaped once, not once per cell.
  const escaped = cols.map((c, j) => (c.type === 'string' ? c.dictionary.map((t) => formatted(guarded(t, formulaSafe), pre[j]!, post[j]!, d)) : null));
  const missing = cols.map((_, j) => missingField(fmt[j], cols.length === 1, d));
  for (let start = 0; start < table.rowCount; start += per) {
    const end = Math.min(table.rowCount, start + per);
    const lines: string[] = [];
    for (let i = start; i < end; i++) {
      let s = '';
      for (let j = 0; j < cols.length; j++) {
        const col = cols[j]!;
        if (j > 0) s += d;
        if (col.type === 'numeric') {
          const v = col.values[i]!;
          if (!Number.isFinite(v)) s += missing[j]!;
          else if (bare[j]) s += formatFixed(v, col.decimals); // numbers never need quotes
          else s += formatted(formatFixed(v, col.decimals), pre[j]!, post[j]!, d);
        } else {
          const code = col.codes[i]!;
          s += code >= 0 ? escaped[j]![code]! : missing[j]!;
        }
      }
      lines.push(s);
    }
    yield lines.join(nl) + nl;
  }
}

/** The whole CSV text of `table` (see tableToCsvChunks for the rules). */
export function tableToCsv(table: Table, opts?: CsvWriteOptions): string {
  let out = '';
  for (const chunk of tableToCsvChunks(table, opts)) out += chunk;
  return out;
}
