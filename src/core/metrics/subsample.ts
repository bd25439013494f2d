/**
 * Row subsampling for the metrics that would otherwise be slow on big tables (DCR is O(n * m)), and
 * for the cheap live quality score during training.
 */
import type { Rng } from '../rng.ts';
import type { Table } from '../table/table.ts';
import { takeRows } from '../table/table.ts';

/** At most `max` distinct row indices of 0..n-1, drawn uniformly without replacement, in ascending order. */
export function sampleIndices(n: number, max: number, rng: Rng): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  // Partial Fisher-Yates: the first `max` slots become a uniform sample.
  for (let i = 0; i < max; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx.slice(0, max).sort();
}

/** `table` itself when it has at most `max` rows, else a uniform sample of `max` rows (original order). */
export function sampleRows(table: Table, max: number, rng: Rng): Table {
  if (table.rowCount <= max) return table;
  return takeRows(table, sampleIndices(table.rowCount, max, rng));
}
