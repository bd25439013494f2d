/** Random minority oversampling: duplicate minority rows (drawn with replacement). */
import type { Rng } from '../rng.ts';
import { takeRows, type Table } from '../table/table.ts';
import { countLabels, rowsToAdd, type TrainingSet } from './training-set.ts';

/**
 * Append `rowsToAdd(minority, majority, ratio)` copies of minority rows drawn uniformly with
 * replacement (imbalanced-learn's RandomOverSampler). Copies are real rows, so `synthetic` is 0.
 */
export function oversample(train: Table, labels: Uint8Array, ratio: number, rng: Rng): TrainingSet {
  const { minority, majority } = countLabels(labels);
  const add = minority === 0 ? 0 : rowsToAdd(minority, majority, ratio);
  const minorityRows: number[] = [];
  for (let r = 0; r < labels.length; r++) if (labels[r] === 1) minorityRows.push(r);
  const rows = new Int32Array(labels.length + add);
  for (let r = 0; r < labels.length; r++) rows[r] = r;
  for (let i = 0; i < add; i++) rows[labels.length + i] = minorityRows[rng.int(minorityRows.length)]!;
  const out = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = labels[rows[i]!]!;
  return { table: takeRows(train, rows), labels: out, synthetic: new Uint8Array(rows.length) };
}
