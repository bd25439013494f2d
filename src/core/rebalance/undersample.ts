/** Random majority undersampling: keep every minority row and a random subset of the rest. */
import type { Rng } from '../rng.ts';
import { takeRows, type Table } from '../table/table.ts';
import { checkRatio, countLabels, type TrainingSet } from './training-set.ts';

/**
 * Keep all minority rows and `min(majority, ceil(minority / ratio))` majority rows drawn without
 * replacement; rows keep their original order.
 */
export function undersample(train: Table, labels: Uint8Array, ratio: number, rng: Rng): TrainingSet {
  checkRatio(ratio);
  const { minority, majority } = countLabels(labels);
  const keepMajority = Math.min(majority, Math.ceil(minority / ratio - 1e-9));
  const majorityRows: number[] = [];
  for (let r = 0; r < labels.length; r++) if (labels[r] === 0) majorityRows.push(r);
  rng.shuffle(majorityRows);
  const keep = new Uint8Array(labels.length);
  for (let i = 0; i < keepMajority; i++) keep[majorityRows[i]!] = 1;
  const rows: number[] = [];
  for (let r = 0; r < labels.length; r++) if (labels[r] === 1 || keep[r]) rows.push(r);
  const out = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = labels[rows[i]!]!;
  return { table: takeRows(train, rows), labels: out, synthetic: new Uint8Array(rows.length) };
}
