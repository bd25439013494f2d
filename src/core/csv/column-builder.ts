/**
 * Builds one Table column incrementally, cell by cell, so a big file never exists as an array of
 * row arrays (DESIGN.md data flow: parse -> columnar Table).
 *
 * A column starts numeric and stays numeric while every non-missing cell is a number (see
 * `numberDecimals`): values grow in a Float64Array. At the first other cell it turns into a
 * dictionary-coded string column. The texts of the numeric cells seen so far are re-derived
 * exactly: each cell's own decimal count is kept in a Uint8Array ("1.50" -> 1.5 with 2 places ->
 * "1.50"), and the rare texts that print differently ("1e-05", "+3", ".5", "-0") are kept in a
 * sparse map.
 */
import type { Column } from '../table/table.ts';
import { NOT_PLAIN, formatFixed, scanNumber, scanned } from './number-text.ts';

const INITIAL_CAPACITY = 1024;

export class ColumnBuilder {
  readonly name: string;
  private mode: 'numeric' | 'string' = 'numeric';
  private length = 0;
  // Numeric state.
  private values = new Float64Array(INITIAL_CAPACITY);
  private cellDecimals = new Uint8Array(INITIAL_CAPACITY);
  private rawTexts = new Map<number, string>();
  private maxDecimals = 0;
  // String state.
  private codes = new Int32Array(0);
  private dictionary: string[] = [];
  private index = new Map<string, number>();

  constructor(name: string) {
    this.name = name;
  }

  /** Appends one cell: null for missing, otherwise the (already trimmed) text. */
  add(text: string | null): void {
    const row = this.length;
    if (this.mode === 'numeric') {
      if (row === this.values.length) this.growNumeric();
      if (text === null) {
        this.values[row] = NaN;
        this.length++;
        return;
      }
      const r = scanNumber(text);
      if (r >= 0) {
        const v = scanned.value;
        const d = r & 0xff;
        this.values[row] = v;
        this.cellDecimals[row] = d;
        if (d > this.maxDecimals) this.maxDecimals = d;
        if ((r & NOT_PLAIN) !== 0 && formatFixed(v, d) !== text) this.rawTexts.set(row, text);
        this.length++;
        return;
      }
      this.toStringMode();
    }
    if (row === this.codes.length) this.growCodes();
    this.codes[row] = text === null ? -1 : this.code(text);
    this.length++;
  }

  /** Cells added so far. */
  get size(): number {
    return this.length;
  }

  /** The finished column (typed arrays trimmed to the row count). */
  finish(): Column {
    const n = this.length;
    if (this.mode === 'numeric') {
      const values = this.values.length === n ? this.values : this.values.slice(0, n);
      return { type: 'numeric', name: this.name, values, decimals: this.maxDecimals };
    }
    const codes = this.codes.length === n ? this.codes : this.codes.slice(0, n);
    return { type: 'string', name: this.name, codes, dictionary: this.dictionary };
  }

  private code(text: string): number {
    let c = this.index.get(text);
    if (c === undefined) {
      c = this.dictionary.length;
      this.dictionary.push(text);
      this.index.set(text, c);
    }
    return c;
  }

  private growNumeric(): void {
    const cap = Math.max(INITIAL_CAPACITY, this.values.length * 2);
    const v = new Float64Array(cap);
    v.set(this.values);
    this.values = v;
    const d = new Uint8Array(cap);
    d.set(this.cellDecimals);
    this.cellDecimals = d;
  }

  private growCodes(): void {
    const c = new Int32Array(Math.max(INITIAL_CAPACITY, this.codes.length * 2));
    c.set(this.codes);
    this.codes = c;
  }

  /** Re-derives every numeric cell's original text and switches to dictionary codes. */
  private toStringMode(): void {
    const n = this.length;
    this.codes = new Int32Array(Math.max(INITIAL_CAPACITY, this.values.length));
    for (let i = 0; i < n; i++) {
      const v = this.values[i]!;
      if (Number.isNaN(v)) {
        this.codes[i] = -1;
        continue;
      }
      this.codes[i] = this.code(this.rawTexts.get(i) ?? formatFixed(v, this.cellDecimals[i]!));
    }
    this.mode = 'string';
    this.values = new Float64Array(0);
    this.cellDecimals = new Uint8Array(0);
    this.rawTexts.clear();
  }
}
