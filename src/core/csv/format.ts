/**
 * How a column's cells looked in the input CSV, beyond their values: the whitespace around every
 * value and the token used for missing cells. The parser trims cells (Adult's " Private" is the
 * value "Private") and reads tokens like '?' as missing; the writer uses this to put both back, so
 * synthetic output looks like the input (" Private", " ?").
 */

/** The surface format of one column (JSON-able; stored in model files). */
export interface ColumnFormat {
  /** Whitespace every non-missing cell started with ('' when any cell had none). */
  prefix: string;
  /** Whitespace every non-missing cell ended with ('' when any cell had none). */
  suffix: string;
  /** The missing-value token used most often in the column, trimmed ('' when none or empty cells). */
  missing: string;
}

/** Formats by column name. */
export type CsvFormats = Record<string, ColumnFormat>;

/** Whether `f` changes nothing when writing (no whitespace, empty missing cells). */
export function isPlainFormat(f: ColumnFormat): boolean {
  return f.prefix === '' && f.suffix === '' && f.missing === '';
}

/** Only the columns whose format is not plain (what is worth storing). */
export function nonPlainFormats(formats: CsvFormats): CsvFormats {
  return Object.fromEntries(Object.entries(formats).filter(([, f]) => !isPlainFormat(f)));
}

function commonPrefix(a: string, b: string): string {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i === a.length ? a : a.slice(0, i);
}

function commonSuffix(a: string, b: string): string {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i === a.length ? a : a.slice(a.length - i);
}

/**
 * Collects column formats while parsing, cell by cell. Cheap on the hot path: a cell without
 * surrounding whitespace is one comparison once a column's prefix and suffix are known to be ''.
 */
export class FormatTracker {
  /** null until the column's first non-missing cell. */
  private readonly prefix: (string | null)[];
  private readonly suffix: (string | null)[];
  private readonly missing: (Map<string, number> | null)[];

  constructor(columns: number) {
    this.prefix = new Array<string | null>(columns).fill(null);
    this.suffix = new Array<string | null>(columns).fill(null);
    this.missing = new Array<Map<string, number> | null>(columns).fill(null);
  }

  /** A non-missing cell: `raw` as read, `trimmed` its value (raw.trim()). */
  value(j: number, raw: string, trimmed: string): void {
    const p = this.prefix[j];
    const s = this.suffix[j];
    if (p === '' && s === '') return;
    if (raw.length === trimmed.length) {
      this.prefix[j] = '';
      this.suffix[j] = '';
      return;
    }
    const lead = raw.slice(0, raw.length - raw.trimStart().length);
    const trail = raw.slice(raw.trimEnd().length);
    this.prefix[j] = p === null || p === undefined ? lead : commonPrefix(p, lead);
    this.suffix[j] = s === null || s === undefined ? trail : commonSuffix(s, trail);
  }

  /** A missing cell, read from the (trimmed) token. */
  missingCell(j: number, token: string): void {
    let m = this.missing[j];
    if (!m) {
      m = new Map();
      this.missing[j] = m;
    }
    m.set(token, (m.get(token) ?? 0) + 1);
  }

  /** The formats, keyed by the column names (same order as the tracker's columns). */
  finish(names: readonly string[]): CsvFormats {
    const out: CsvFormats = {};
    names.forEach((name, j) => {
      let missing = '';
      let best = 0;
      // Most frequent token; ties go to the one seen first (Map keeps insertion order).
      for (const [token, n] of this.missing[j] ?? []) {
        if (n > best) {
          best = n;
          missing = token;
        }
      }
      out[name] = { prefix: this.prefix[j] ?? '', suffix: this.suffix[j] ?? '', missing };
    });
    return out;
  }
}
