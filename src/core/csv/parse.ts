/**
 * CSV text -> columnar Table, streaming. Papaparse's core Parser tokenises each chunk (the same
 * `parse(input, baseIndex, ignoreLastRow)` call papaparse's own ChunkStreamer makes, so a row cut
 * by a chunk boundary is held back and re-read with the next chunk); we never use its `worker`
 * mode (breaks under bundlers, see shared/STYLE.md section 8). Rows go straight into per-column
 * builders, so a 1M-row file never exists as an array of row arrays.
 *
 * Conventions (what a user sees):
 * - Cells are trimmed of surrounding whitespace, and the trimmed text is the value: Adult's
 *   " Private" is stored as "Private". Missing-value tokens are matched after trimming. The
 *   whitespace and the missing token each column used are kept in `formats` (format.ts), so
 *   output can be written in the input's formats.
 * - Empty lines (or lines of only spaces) are skipped; a one-column file therefore cannot mark a
 *   missing cell with an empty line (write NA).
 * - Line numbers in messages are physical lines as an editor shows them, counting the header,
 *   skipped empty lines and line breaks inside quoted fields.
 * - A column is numeric while every non-missing cell is a number; "007" is not a number (see
 *   number-text.ts), so id/zip columns keep their text.
 */
import Papa from 'papaparse';
import { SynthtabError } from '../errors.ts';
import type { Table } from '../table/table.ts';
import { ColumnBuilder } from './column-builder.ts';
import { decodeCsvBytes, type CsvEncoding } from './decode.ts';
import { FormatTracker, type CsvFormats } from './format.ts';
import { SNIFF_CHARS, detectDelimiter, detectNewline, looksLikeHeader } from './detect.ts';

/** Cell texts read as missing (after trimming), unless `missingValues` says otherwise. */
export const DEFAULT_MISSING_VALUES: readonly string[] = ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', '?', 'nan', 'None'];
/** More data rows than this is refused ('too-large'). */
export const MAX_ROWS = 5_000_000;
/** More text than this (UTF-16 code units, ~2 GB of ASCII) is refused ('too-large'). */
export const MAX_CHARS = 2_000_000_000;

export interface CsvOptions {
  /** Field delimiter; auto-detected among , ; TAB | when absent. */
  delimiter?: string;
  /** true/false force it; 'auto' (default) treats the first row as a header unless it looks like data. */
  header?: boolean | 'auto';
  /** Tokens read as missing after trimming (default DEFAULT_MISSING_VALUES). '' is always missing. */
  missingValues?: readonly string[];
  /** Row limit (default MAX_ROWS). */
  maxRows?: number;
  /** Text limit in characters (default MAX_CHARS). */
  maxChars?: number;
  /** The encoding the text was decoded from, echoed in the result (default 'utf-8'). */
  encoding?: CsvEncoding;
  /** Warnings from an earlier stage (decoding), kept first in the result. */
  warnings?: readonly string[];
}

export interface ParseResult {
  table: Table;
  warnings: string[];
  delimiter: string;
  hasHeader: boolean;
  encoding: CsvEncoding;
  /** Per column name: surrounding whitespace and missing token as the input wrote them. */
  formats: CsvFormats;
}

/** An incremental parser: feed text chunks of any size, then `finish`. */
export interface CsvParser {
  push(chunk: string): void;
  finish(): ParseResult;
  /** Data rows read so far (for progress). */
  readonly rows: number;
  /** Characters received so far. */
  readonly chars: number;
}

/** The shape of papaparse's Parser#parse result (typed `any` upstream). */
interface PapaChunkResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

const BAD_DELIMITERS = ['\r', '\n', '"', '\ufeff'];

/** Line breaks inside a quoted field's text ('\r\n' counts once). */
function lineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  for (let i = s.indexOf('\r'); i !== -1; i = s.indexOf('\r', i + 1)) if (s.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/** Header names made unique and non-blank, with a warning per change. */
function cleanNames(cells: readonly string[], warnings: string[]): string[] {
  const named = cells.map((c, j) => {
    if (c !== '') return c;
    warnings.push(`Column ${j + 1} has no name; called it column_${j + 1}`);
    return `column_${j + 1}`;
  });
  const used = new Set<string>();
  return named.map((name) => {
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
    let k = 2;
    while (used.has(`${name}_${k}`) || named.includes(`${name}_${k}`)) k++;
    const renamed = `${name}_${k}`;
    used.add(renamed);
    warnings.push(`Duplicate column name '${name}'; renamed to '${renamed}'`);
    return renamed;
  });
}

/** Creates a streaming CSV parser (see the module comment for the conventions). */
export function createCsvParser(options: CsvOptions = {}): CsvParser {
  const missing = new Set(options.missingValues ?? DEFAULT_MISSING_VALUES);
  missing.add('');
  const maxRows = options.maxRows ?? MAX_ROWS;
  const maxChars = options.maxChars ?? MAX_CHARS;
  const warnings: string[] = [...(options.warnings ?? [])];
  if (options.delimiter !== undefined && (options.delimiter.length !== 1 || BAD_DELIMITERS.includes(options.delimiter))) {
    throw new SynthtabError('bad-option', `The delimiter must be one character other than a quote or line break, got ${JSON.stringify(options.delimiter)}.`);
  }

  let pending = ''; // text received but not yet committed as rows
  let papa: Papa.Parser | null = null;
  let delimiter = options.delimiter ?? ',';
  let line = 0; // physical lines consumed by committed rows
  let rows = 0;
  let chars = 0;
  let builders: ColumnBuilder[] | null = null;
  let formats: FormatTracker | null = null;
  let hasHeader = false;
  let invalidQuotes = 0;
  let finished = false;

  function setup(cells: string[]): boolean {
    hasHeader = options.header === undefined || options.header === 'auto' ? looksLikeHeader(cells) : options.header;
    const names = hasHeader ? cleanNames(cells, warnings) : cells.map((_, j) => `column_${j + 1}`);
    builders = names.map((n) => new ColumnBuilder(n));
    formats = new FormatTracker(names.length);
    return hasHeader;
  }

  function consume(input: string, final: boolean): void {
    if (input === '') return;
    const res = papa!.parse(input, 0, !final) as PapaChunkResult;
    const quoted = input.indexOf('"') !== -1;
    let missingQuoteRow = -1;
    const invalidRows = new Set<number>();
    for (const e of res.errors) {
      if (e.row === undefined) continue;
      if (e.code === 'MissingQuotes') missingQuoteRow = e.row;
      else if (e.code === 'InvalidQuotes' && e.row < res.data.length) invalidRows.add(e.row);
    }
    const data = res.data;
    for (let k = 0; k < data.length; k++) {
      const row = data[k]!;
      const startLine = line + 1;
      if (k === missingQuoteRow) {
        throw new SynthtabError('parse-error', `Line ${startLine} has a quoted field that is never closed (unterminated quote)`);
      }
      if (invalidRows.has(k) && invalidQuotes++ === 0) {
        warnings.push(`Line ${startLine} has a quote in the middle of a field; read it as text`);
      }
      line++;
      if (quoted) for (const f of row) if (f.length > 0) line += lineBreaks(f);
      if (row.length === 1 && row[0]!.trim() === '') continue; // empty line
      if (builders === null) {
        if (setup(row.map((c) => c.trim()))) continue;
      }
      const b = builders!;
      const f = formats!;
      if (row.length !== b.length) {
        throw new SynthtabError('ragged-row', `Line ${startLine} has ${row.length} field${row.length === 1 ? '' : 's'}, expected ${b.length}`);
      }
      for (let j = 0; j < row.length; j++) {
        const raw = row[j]!;
        const t = raw.trim();
        if (missing.has(t)) {
          b[j]!.add(null);
          f.missingCell(j, t);
        } else {
          b[j]!.add(t);
          f.value(j, raw, t);
        }
      }
      if (++rows > maxRows) {
        throw new SynthtabError('too-large', `The file has more than ${maxRows.toLocaleString('en-US')} rows, the most Synthtab reads; use a sample of it.`);
      }
    }
    pending = final ? '' : input.slice(res.meta.cursor);
  }

  function start(complete: boolean): void {
    let text = pending;
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const sample = text.slice(0, SNIFF_CHARS + 1);
    if (options.delimiter === undefined) delimiter = detectDelimiter(sample, complete && sample.length === text.length);
    papa = new Papa.Parser({ delimiter, newline: detectNewline(sample), quoteChar: '"' });
    pending = '';
    consume(text, complete);
  }

  return {
    get rows() {
      return rows;
    },
    get chars() {
      return chars;
    },
    push(chunk: string): void {
      if (finished) throw new SynthtabError('internal', 'push() after finish() on a CSV parser');
      chars += chunk.length;
      if (chars > maxChars) {
        throw new SynthtabError('too-large', 'The file is larger than 2 GB of text, the most Synthtab reads; use a sample of it.');
      }
      if (papa === null) {
        pending += chunk;
        // One character past the sample, so a '\r\n' at its edge is seen whole.
        if (pending.length > SNIFF_CHARS + 1) start(false);
        return;
      }
      consume(pending + chunk, false);
    },
    finish(): ParseResult {
      if (finished) throw new SynthtabError('internal', 'finish() called twice on a CSV parser');
      finished = true;
      if (papa === null) start(true);
      else consume(pending, true);
      if (builders === null) throw new SynthtabError('empty-file', 'The file is empty');
      if (hasHeader && rows === 0) throw new SynthtabError('header-only', 'The file has a header but no data rows');
      if (invalidQuotes > 1) warnings.push(`${invalidQuotes} lines have quotes in the middle of a field`);
      const columns = (builders as ColumnBuilder[]).map((b) => b.finish());
      const columnFormats = (formats as FormatTracker | null)?.finish(columns.map((c) => c.name)) ?? {};
      return { table: { rowCount: rows, columns }, warnings, delimiter, hasHeader, encoding: options.encoding ?? 'utf-8', formats: columnFormats };
    },
  };
}

/** Parses a whole CSV text in one call (same rules as the streaming parser). */
export function parseCsv(text: string, options?: CsvOptions): ParseResult {
  const p = createCsvParser(options);
  p.push(text);
  return p.finish();
}

/** Decodes bytes (BOM, UTF-8, Windows-1252 fallback) and parses them. */
export function parseCsvBytes(bytes: Uint8Array, options: CsvOptions = {}): ParseResult {
  const { text, encoding, warnings } = decodeCsvBytes(bytes);
  return parseCsv(text, { ...options, encoding, warnings: [...warnings, ...(options.warnings ?? [])] });
}
