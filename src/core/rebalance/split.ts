/**
 * Stratified train/holdout split. The holdout is set aside before any rebalancing method runs
 * and is never resampled, weighted or shown to a synthesizer: every method is scored on it.
 */
import { SynthtabError } from '../errors.ts';
import type { Rng } from '../rng.ts';

export interface Split {
  /** Row indices of the training split, ascending. */
  train: Int32Array;
  /** Row indices of the holdout split, ascending. */
  holdout: Int32Array;
}

/**
 * How many rows of a class of size `n` go to the holdout: `round(n * fraction)` (half away from
 * zero), clamped so that a class with at least two rows keeps at least one row on each side.
 * A class with a single row stays in training.
 */
export function holdoutCount(n: number, fraction: number): number {
  if (n < 2) return 0;
  const h = Math.round(n * fraction);
  return Math.min(n - 1, Math.max(1, h));
}

/**
 * Split rows by class label, shuffling each class with `rng` and putting `holdoutCount` of them
 * in the holdout. Rows whose label is 255 (missing target) are left out of both sides.
 */
export function stratifiedSplit(labels: ArrayLike<number>, fraction: number, rng: Rng): Split {
  if (!(fraction > 0 && fraction < 1)) {
    throw new SynthtabError('bad-option', `Holdout fraction must be between 0 and 1 (exclusive), got ${fraction}.`);
  }
  const byClass = new Map<number, number[]>();
  for (let r = 0; r < labels.length; r++) {
    const y = labels[r]!;
    if (y === 255) continue;
    let rows = byClass.get(y);
    if (!rows) byClass.set(y, (rows = []));
    rows.push(r);
  }
  const train: number[] = [];
  const holdout: number[] = [];
  // Classes in label order so the stream of draws does not depend on Map insertion order.
  for (const y of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = rng.shuffle(byClass.get(y)!);
    const h = holdoutCount(rows.length, fraction);
    for (let i = 0; i < rows.length; i++) (i < h ? holdout : train).push(rows[i]!);
  }
  return {
    train: Int32Array.from(train.sort((a, b) => a - b)),
    holdout: Int32Array.from(holdout.sort((a, b) => a - b)),
  };
}
