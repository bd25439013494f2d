/** Aggregation helpers of the rebalance lab: means and spreads across seeds, thinned PR curves. */
import type { PrPoint } from '../classifiers/scores.ts';

/** Metrics of one method on the holdout (minority = positive). */
export interface MethodScores {
  /** At the classifier's default threshold 0.5: what rebalancing changes. */
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Threshold-free ranking scores. */
  rocAuc: number;
  prAuc: number;
  /** At the threshold that maximises F1 on the holdout (an optimistic, tuned reference). */
  bestF1: { threshold: number; precision: number; recall: number; f1: number };
  /** Rows the classifier was trained on, and how many of them were synthetic. */
  trainRows: number;
  syntheticRows: number;
}

export type ScoreName = 'precision' | 'recall' | 'f1' | 'accuracy' | 'rocAuc' | 'prAuc';
export const SCORE_NAMES: readonly ScoreName[] = ['precision', 'recall', 'f1', 'accuracy', 'rocAuc', 'prAuc'];


const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Population standard deviation (0 for one value). */
function std(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}

/** Mean scores across seeds and the standard deviation of each headline score. */
export function meanAndSpread(runs: MethodScores[]): { mean: MethodScores; spread: Record<ScoreName, number> } {
  const pick = (f: (r: MethodScores) => number): number[] => runs.map(f);
  const spread = {} as Record<ScoreName, number>;
  for (const k of SCORE_NAMES) spread[k] = std(pick((r) => r[k]));
  const first = runs[0]!;
  return {
    mean: {
      precision: mean(pick((r) => r.precision)),
      recall: mean(pick((r) => r.recall)),
      f1: mean(pick((r) => r.f1)),
      accuracy: mean(pick((r) => r.accuracy)),
      rocAuc: mean(pick((r) => r.rocAuc)),
      prAuc: mean(pick((r) => r.prAuc)),
      bestF1: {
        threshold: mean(pick((r) => r.bestF1.threshold)),
        precision: mean(pick((r) => r.bestF1.precision)),
        recall: mean(pick((r) => r.bestF1.recall)),
        f1: mean(pick((r) => r.bestF1.f1)),
      },
      trainRows: runs.length === 1 ? first.trainRows : Math.round(mean(pick((r) => r.trainRows))),
      syntheticRows: runs.length === 1 ? first.syntheticRows : Math.round(mean(pick((r) => r.syntheticRows))),
    },
    spread,
  };
}

/** At most about `max` points of a PR curve, evenly spaced in recall, ends kept. */
export function thinCurve(points: PrPoint[], max: number): PrPoint[] {
  if (points.length <= max) return points;
  const out: PrPoint[] = [points[0]!];
  let nextRecall = 0;
  for (const p of points) {
    if (p.recall >= nextRecall) {
      if (p !== out[out.length - 1]) out.push(p);
      nextRecall = p.recall + 1 / max;
    }
  }
  const last = points[points.length - 1]!;
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}
