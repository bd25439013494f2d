/** Cost-sensitive learning: no rows change, the loss weighs each class inversely to its size. */
import type { Table } from '../table/table.ts';
import { countLabels, type TrainingSet } from './training-set.ts';

/**
 * scikit-learn's `class_weight='balanced'` for the two one-vs-rest classes:
 * w_c = n / (2 * n_c), so each class carries half of the total weight.
 */
export function classWeights(train: Table, labels: Uint8Array): TrainingSet {
  const { minority, majority } = countLabels(labels);
  const n = minority + majority;
  const w1 = minority > 0 ? n / (2 * minority) : 1;
  const w0 = majority > 0 ? n / (2 * majority) : 1;
  const weights = new Float64Array(labels.length);
  for (let r = 0; r < labels.length; r++) weights[r] = labels[r] === 1 ? w1 : w0;
  return { table: train, labels, weights, synthetic: new Uint8Array(labels.length) };
}
