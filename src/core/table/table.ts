/**
 * The columnar Table every layer passes around. Parsing produces it, profiling reads it, the
 * transformer encodes it, sampling decodes back into it, and CSV export writes it.
 *
 * Null masks are sentinels inside the typed arrays: NaN in a numeric column, -1 in a code column.
 * Use `isMissing` rather than testing sentinels by hand.
 */

/** A column whose every non-missing cell parsed as a finite number. */
export interface NumericColumn {
  readonly type: 'numeric';
  readonly name: string;
  /** One value per row; NaN marks a missing cell. */
  readonly values: Float64Array;
  /** Most decimal places seen in the source text (0 for integers), so output can be rounded alike. */
  readonly decimals: number;
}

/** Any other column: strings stored as dictionary codes. */
export interface StringColumn {
  readonly type: 'string';
  readonly name: string;
  /** One code per row into `dictionary`; -1 marks a missing cell. */
  readonly codes: Int32Array;
  /** Distinct non-missing values, in order of first appearance. */
  readonly dictionary: string[];
}

export type Column = NumericColumn | StringColumn;

export interface Table {
  readonly rowCount: number;
  readonly columns: Column[];
}

export function isMissing(col: Column, row: number): boolean {
  return col.type === 'numeric' ? Number.isNaN(col.values[row]!) : col.codes[row]! < 0;
}

export function missingCount(col: Column): number {
  let n = 0;
  if (col.type === 'numeric') {
    for (let i = 0; i < col.values.length; i++) if (Number.isNaN(col.values[i]!)) n++;
  } else {
    for (let i = 0; i < col.codes.length; i++) if (col.codes[i]! < 0) n++;
  }
  return n;
}

/** The cell as text (numbers printed with the column's decimals), or null when missing. */
export function cellText(col: Column, row: number): string | null {
  if (col.type === 'numeric') {
    const v = col.values[row]!;
    if (Number.isNaN(v)) return null;
    return formatNumber(v, col.decimals);
  }
  const c = col.codes[row]!;
  return c < 0 ? null : col.dictionary[c]!;
}

/** A number printed with at most `decimals` places and no trailing zeros beyond what was seen. */
export function formatNumber(v: number, decimals: number): string {
  if (decimals <= 0) return String(Math.round(v));
  const s = v.toFixed(decimals);
  return s;
}

export function numericColumn(name: string, values: Float64Array, decimals = 0): NumericColumn {
  return { type: 'numeric', name, values, decimals };
}

/**
 * A coder from text to dictionary code: null gives -1 (missing), a known value its code, a new value
 * is appended to `dictionary` (which the coder extends in place) and gets the next code. Codes are
 * thus in order of first appearance after the entries `dictionary` already holds.
 */
export function dictionaryCoder(dictionary: string[]): (value: string | null | undefined) => number {
  const index = new Map<string, number>();
  dictionary.forEach((v, i) => {
    if (!index.has(v)) index.set(v, i);
  });
  return (value) => {
    if (value === null || value === undefined) return -1;
    let c = index.get(value);
    if (c === undefined) {
      c = dictionary.length;
      dictionary.push(value);
      index.set(value, c);
    }
    return c;
  };
}

/** Build a string column from values (null = missing), coding in order of first appearance. */
export function stringColumn(name: string, values: ReadonlyArray<string | null>): StringColumn {
  const dictionary: string[] = [];
  const code = dictionaryCoder(dictionary);
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = code(values[i]);
  return { type: 'string', name, codes, dictionary };
}

/** A new table holding only the given rows, in the given order. */
export function takeRows(table: Table, rows: ArrayLike<number>): Table {
  const n = rows.length;
  const columns: Column[] = table.columns.map((col) => {
    if (col.type === 'numeric') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = col.values[rows[i]!]!;
      return { ...col, values };
    }
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = col.codes[rows[i]!]!;
    return { ...col, codes };
  });
  return { rowCount: n, columns };
}

/** Rows of `a` followed by rows of `b`; columns matched by position, names must agree. */
export function concatTables(a: Table, b: Table): Table {
  const columns: Column[] = a.columns.map((ca, j) => {
    const cb = b.columns[j]!;
    if (ca.type === 'numeric' && cb.type === 'numeric') {
      return { ...ca, values: joinArrays(ca.values, cb.values, Float64Array), decimals: Math.max(ca.decimals, cb.decimals) };
    }
    const texts: (string | null)[] = [];
    for (let i = 0; i < a.rowCount; i++) texts.push(cellText(ca, i));
    for (let i = 0; i < b.rowCount; i++) texts.push(cellText(cb, i));
    return stringColumn(ca.name, texts);
  });
  return { rowCount: a.rowCount + b.rowCount, columns };
}

/**
 * Rows of `a` then rows of `b`, where `b` has `a`'s column types and shares its dictionaries (codes
 * stay valid as they are; unlike `concatTables`, nothing is re-coded and decimals stay `a`'s).
 */
export function appendSameSchema(a: Table, b: Table): Table {
  const columns: Column[] = a.columns.map((ca, j) => {
    const cb = b.columns[j]!;
    if (ca.type === 'numeric' && cb.type === 'numeric') return { ...ca, values: joinArrays(ca.values, cb.values, Float64Array) };
    if (ca.type === 'string' && cb.type === 'string') return { ...ca, codes: joinArrays(ca.codes, cb.codes, Int32Array) };
    throw new Error(`Column '${ca.name}' changed type between tables.`);
  });
  return { rowCount: a.rowCount + b.rowCount, columns };
}

/** `x` followed by `y` in a new typed array of the same kind. */
function joinArrays<T extends Float64Array | Int32Array>(x: T, y: T, Kind: new (length: number) => T): T {
  const out = new Kind(x.length + y.length);
  out.set(x, 0);
  out.set(y, x.length);
  return out;
}

/** Rows as arrays of cell text (null = missing); for tests and small previews only. */
export function toRows(table: Table, limit = table.rowCount): (string | null)[][] {
  const out: (string | null)[][] = [];
  const n = Math.min(limit, table.rowCount);
  for (let i = 0; i < n; i++) out.push(table.columns.map((c) => cellText(c, i)));
  return out;
}
