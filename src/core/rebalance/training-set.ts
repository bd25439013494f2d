/**
 * The training set a rebalancing method hands to the classifier, plus the sizing rule every
 * resampling method shares.
 */
import { SynthtabError } from '../errors.ts';
import type { Table } from '../table/table.ts';

export interface TrainingSet {
  /** Rows to train on: the same columns as the input table, target included. */
  table: Table;
  /** Per row: 1 = minority class, 0 = any other class. */
  labels: Uint8Array;
  /** Per-row sample weights (class-weights method); absent means all 1. */
  weights?: Float64Array;
  /** Per row: 1 when the row was made up by the method (SMOTE, CTGAN), 0 for a real row. */
  synthetic: Uint8Array;
}

/** Count label-1 and label-0 rows. */
export function countLabels(labels: ArrayLike<number>): { minority: number; majority: number } {
  let minority = 0, majority = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) minority++;
    else if (labels[i] === 0) majority++;
  }
  return { minority, majority };
}

/** Reject a ratio outside (0, 1]. `ratio` is the wanted minority/majority size after rebalancing. */
export function checkRatio(ratio: number): void {
  if (!(ratio > 0 && ratio <= 1)) {
    throw new SynthtabError('bad-option', `Ratio must be in (0, 1] (minority / majority after rebalancing), got ${ratio}.`);
  }
}

/**
 * How many minority rows to add so that minority / majority reaches `ratio` (1 = balanced):
 * `max(0, ceil(ratio * majority) - minority)`.
 */
export function rowsToAdd(minority: number, majority: number, ratio: number): number {
  checkRatio(ratio);
  return Math.max(0, Math.ceil(ratio * majority - 1e-9) - minority);
}

/**
 * The training set for `table` = the `labels.length` real rows followed by rows the method made up,
 * all of the minority class: the made-up rows get label 1 and `synthetic` 1 (SMOTE, CTGAN).
 */
export function withMadeUpMinority(table: Table, labels: Uint8Array): TrainingSet {
  const outLabels = new Uint8Array(table.rowCount);
  outLabels.set(labels, 0);
  outLabels.fill(1, labels.length);
  const synthetic = new Uint8Array(table.rowCount);
  synthetic.fill(1, labels.length);
  return { table, labels: outLabels, synthetic };
}

/** The unchanged training split. */
export function baseline(train: Table, labels: Uint8Array): TrainingSet {
  return { table: train, labels, synthetic: new Uint8Array(train.rowCount) };
}
