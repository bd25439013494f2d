/**
 * The live quality chart's data (issue 8): one point per quality check the worker reported on an
 * 'epoch' event, and the best check so far by the worker's own rule (model/quality-tracker.ts: a
 * check is the new best only when it beats the best by more than minDelta, default 0.001), so the
 * best epoch shown during training is the one whose weights the model would keep. The 'trained'
 * event's bestEpoch has the last word. Pure: the session reducer calls it; components only draw.
 */

/** One quality check: quickQuality overall (0..1) at the end of `epoch`. */
export interface QualityPoint {
  epoch: number;
  quality: number;
}

export interface QualitySeries {
  readonly points: readonly QualityPoint[];
  /** The best check so far (tracker rule), or null before the first. */
  readonly best: QualityPoint | null;
}

/** The QualityTracker's default minDelta (an improvement must exceed it to count). */
export const QUALITY_MIN_DELTA = 0.001;
/** Checks kept for the chart (a 300-epoch run checked every 5 epochs has 60). */
export const MAX_QUALITY_POINTS = 1000;

export const EMPTY_QUALITY_SERIES: QualitySeries = { points: [], best: null };

/** Add one check. Returns a new series; a non-finite quality is ignored (the tracker reports 0 instead). */
export function appendQuality(series: QualitySeries, epoch: number, quality: number, maxPoints = MAX_QUALITY_POINTS): QualitySeries {
  if (!Number.isFinite(quality)) return series;
  const point: QualityPoint = { epoch, quality };
  const best = series.best === null || quality > series.best.quality + QUALITY_MIN_DELTA ? point : series.best;
  return { points: [...series.points, point].slice(-maxPoints), best };
}
