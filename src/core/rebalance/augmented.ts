/** The augmented training set offered for download by the lab. */
import { SynthtabError } from '../errors.ts';
import { numericColumn, type Table } from '../table/table.ts';
import type { TrainingSet } from './training-set.ts';

/**
 * Real training rows plus the method's synthetic minority rows, with an `is_synthetic` column
 * (1 = made up by SMOTE/CTGAN, 0 = real). Weights, if any, are not part of the file.
 */
export function augmentedTrainingSet(set: TrainingSet): Table {
  if (set.table.columns.some((c) => c.name === 'is_synthetic')) {
    throw new SynthtabError('bad-column', "The data already has a column named 'is_synthetic'.");
  }
  const flag = Float64Array.from(set.synthetic);
  return { rowCount: set.table.rowCount, columns: [...set.table.columns, numericColumn('is_synthetic', flag, 0)] };
}
