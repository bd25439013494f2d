/**
 * The loss chart's data, kept bounded however long training runs: every step's generator and
 * critic losses enter a debiased exponential moving average (TensorBoard-style smoothing), and the
 * stored points are thinned 2:1 whenever they reach MAX_LOSS_POINTS, so a 300-epoch run still
 * draws a few hundred points. Pure: the session reducer calls it; components only draw the result.
 */

/** One drawn point: raw and smoothed losses at global step `x` (null = not finite, a gap). */
export interface LossPoint {
  x: number;
  g: number | null;
  d: number | null;
  gSmooth: number | null;
  dSmooth: number | null;
}

export interface LossSeries {
  readonly points: readonly LossPoint[];
  /** Keep one point every `stride` steps (doubles each time the points are thinned). */
  readonly stride: number;
  /** Steps seen so far. */
  readonly count: number;
  /** Raw EMA accumulators and how many finite values each has seen (for debiasing). */
  readonly emaG: number;
  readonly emaD: number;
  readonly nG: number;
  readonly nD: number;
}

export const MAX_LOSS_POINTS = 600;
/** EMA decay: the smoothed line follows roughly the last 1 / (1 - BETA) = 20 steps. */
export const SMOOTHING_BETA = 0.95;

export const EMPTY_LOSS_SERIES: LossSeries = { points: [], stride: 1, count: 0, emaG: 0, emaD: 0, nG: 0, nD: 0 };

function ema(acc: number, n: number, x: number): { acc: number; n: number } {
  if (!Number.isFinite(x)) return { acc, n };
  return { acc: SMOOTHING_BETA * acc + (1 - SMOOTHING_BETA) * x, n: n + 1 };
}

function debiased(acc: number, n: number): number | null {
  return n === 0 ? null : acc / (1 - SMOOTHING_BETA ** n);
}

/** Add one training step's losses. Returns a new series (the input is not modified). */
export function appendLoss(series: LossSeries, lossG: number, lossD: number, maxPoints = MAX_LOSS_POINTS): LossSeries {
  const g = ema(series.emaG, series.nG, lossG);
  const d = ema(series.emaD, series.nD, lossD);
  const count = series.count + 1;
  let points = series.points;
  let stride = series.stride;
  if ((count - 1) % stride === 0) {
    const point: LossPoint = {
      x: count,
      g: Number.isFinite(lossG) ? lossG : null,
      d: Number.isFinite(lossD) ? lossD : null,
      gSmooth: debiased(g.acc, g.n),
      dSmooth: debiased(d.acc, d.n),
    };
    points = [...points, point];
    if (points.length >= maxPoints) {
      // Keep the points whose step index stays on the doubled grid: steps 1, 1 + 2s, 1 + 4s, ...
      stride *= 2;
      points = points.filter((p) => (p.x - 1) % stride === 0);
    }
  }
  return { points, stride, count, emaG: g.acc, emaD: d.acc, nG: g.n, nD: d.n };
}
