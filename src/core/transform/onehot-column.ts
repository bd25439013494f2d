/**
 * Categorical and boolean columns: one-hot over the categories in order of first appearance, with
 * a final NULL_CATEGORY when the column had missing cells (CTGAN-SPEC.md 2.2). These blocks are the
 * DiscreteSpans the conditional vector targets.
 */
import { formatNumber, numericColumn, stringColumn, type Column } from '../table/table.ts';
import { NULL_CATEGORY } from './layout.ts';
import type { OneHotColumnState } from './state.ts';

/** Category index of every row (-1 = a value not seen at fit, encoded as an all-zero row). */
function categoryIndex(s: OneHotColumnState, col: Column): Int32Array {
  const n = col.type === 'numeric' ? col.values.length : col.codes.length;
  const out = new Int32Array(n);
  const index = new Map<string, number>();
  s.categories.forEach((c, i) => index.set(c, i));
  const nullIdx = index.get(NULL_CATEGORY) ?? -1;
  if (col.type === 'string') {
    const perCode = Int32Array.from(col.dictionary, (t) => index.get(t) ?? -1);
    for (let r = 0; r < n; r++) {
      const c = col.codes[r]!;
      out[r] = c < 0 ? nullIdx : perCode[c]!;
    }
  } else {
    for (let r = 0; r < n; r++) {
      const v = col.values[r]!;
      out[r] = Number.isNaN(v) ? nullIdx : (index.get(formatNumber(v, col.decimals)) ?? -1);
    }
  }
  return out;
}

/** Categories in order of first appearance (+ NULL_CATEGORY last when any cell is missing). */
export function fitOneHotColumn(col: Column, kind: OneHotColumnState['kind']): OneHotColumnState {
  const categories: string[] = [];
  const numbers: (number | null)[] = [];
  let hasNull = false;
  if (col.type === 'string') {
    const seen = new Uint8Array(col.dictionary.length);
    for (const c of col.codes) {
      if (c < 0) hasNull = true;
      else if (seen[c] === 0) {
        seen[c] = 1;
        categories.push(col.dictionary[c]!);
      }
    }
  } else {
    const seen = new Set<string>();
    for (const v of col.values) {
      if (Number.isNaN(v)) {
        hasNull = true;
        continue;
      }
      // Labels are the cell text (what a --condition names); distinct values print distinctly
      // at the column's decimals, which are the most seen in the source.
      const label = formatNumber(v, col.decimals);
      if (!seen.has(label)) {
        seen.add(label);
        categories.push(label);
        numbers.push(v);
      }
    }
  }
  if (hasNull) {
    categories.push(NULL_CATEGORY);
    numbers.push(null);
  }
  return {
    handler: 'onehot', name: col.name, kind, source: col.type, decimals: col.type === 'numeric' ? col.decimals : 0,
    categories, numbers: col.type === 'numeric' ? numbers : null, start: 0,
  };
}

export function encodeOneHot(s: OneHotColumnState, col: Column, out: Float32Array, width: number): void {
  const idx = categoryIndex(s, col);
  for (let r = 0; r < idx.length; r++) if (idx[r]! >= 0) out[r * width + s.start + idx[r]!] = 1;
}

/** Argmax of each row's block -> category; NULL_CATEGORY -> missing. */
export function decodeOneHot(s: OneHotColumnState, data: Float32Array, rows: number, width: number): Column {
  const c = s.categories.length;
  const picks = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * width + s.start;
    let m = 0;
    for (let j = 1; j < c; j++) if (data[o + j]! > data[o + m]!) m = j;
    picks[r] = m;
  }
  if (s.numbers !== null) {
    const nums = s.numbers;
    return numericColumn(s.name, Float64Array.from(picks, (m) => nums[m] ?? Number.NaN), s.decimals);
  }
  return stringColumn(s.name, Array.from(picks, (m) => (s.categories[m] === NULL_CATEGORY ? null : s.categories[m]!)));
}
