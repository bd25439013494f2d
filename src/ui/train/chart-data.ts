/**
 * Data shaping for the training charts (zipping arrays into the row objects recharts wants) and
 * the choice of which columns the worker charts live. No statistics: the worker pre-bins.
 */
import type { ColumnPlan } from '../../core/types.ts';
import { isLearnedKind } from '../../core/types.ts';
import type { DistributionData } from '../../worker/protocol.ts';

/** At most this many columns get live distributions (each costs a small sample per update). */
export const MAX_LIVE_COLUMNS = 12;

/** The columns to chart live: learned, not excluded, in table order, at most MAX_LIVE_COLUMNS. */
export function liveDistributionColumns(plan: readonly ColumnPlan[], max = MAX_LIVE_COLUMNS): string[] {
  return plan.filter((p) => !p.excluded && isLearnedKind(p.kind)).slice(0, max).map((p) => p.name);
}

/** Post distributions about 20 times a run (every epoch for short runs, at most every 5). */
export function distributionEvery(epochs: number): number {
  return Math.max(1, Math.min(5, Math.round(epochs / 20)));
}

/**
 * Check the live quality about 20 times a run too (every epoch for short runs, at most every 5):
 * each check samples 2,000 rows and scores them (about 5% of a CTGAN run at every 5; bench/README).
 */
export function qualityEvery(epochs: number): number {
  return distributionEvery(epochs);
}

export interface DistributionRow {
  label: string;
  real: number;
  synthetic: number;
}

/** One bar group per bin: the real and the synthetic share. */
export function distributionRows(d: DistributionData): DistributionRow[] {
  return d.labels.map((label, i) => ({ label, real: d.real[i] ?? 0, synthetic: d.synthetic[i] ?? 0 }));
}
