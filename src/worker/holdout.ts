/**
 * The real rows held back from training (DESIGN.md "Quality metrics": privacy DCR needs "the real
 * holdout's DCR as baseline", and ML efficacy tests on real rows the model never saw). The split
 * is a seeded uniform draw, so the same seed holds back the same rows; both parts keep the file's
 * row order.
 */
import { createRng } from '../core/rng.ts';
import { takeRows, type Table } from '../core/table/table.ts';
import { SynthtabError } from '../core/errors.ts';

/** Below this many rows nothing is held back: every row is needed for training. */
export const MIN_ROWS_FOR_HOLDOUT = 20;

export interface HoldoutSplit {
  train: Table;
  /** null when nothing was held back (fraction 0 or a table under MIN_ROWS_FOR_HOLDOUT rows). */
  holdout: Table | null;
}

/** Hold back round(rows * fraction) rows (0 <= fraction < 1, at most half the rows), drawn with `seed`. */
export function splitHoldout(table: Table, fraction: number, seed: number): HoldoutSplit {
  if (!(fraction >= 0 && fraction < 1)) throw new SynthtabError('bad-option', `The holdout share must be at least 0 and below 1, got ${fraction}.`);
  const n = table.rowCount;
  // At least half the rows always stay for training.
  const held = n >= MIN_ROWS_FOR_HOLDOUT ? Math.min(Math.round(n * fraction), Math.floor(n / 2)) : 0;
  if (held === 0) return { train: table, holdout: null };
  // Its own stream (seed mixed with a constant), so the training randomness is not shifted.
  const order = createRng((seed ^ 0x401d) >>> 0).shuffle(Int32Array.from({ length: n }, (_, i) => i));
  const holdoutRows = order.slice(0, held).sort();
  const trainRows = order.slice(held).sort();
  return { train: takeRows(table, trainRows), holdout: takeRows(table, holdoutRows) };
}
