import { describe, expect, it } from 'vitest';
import {
  accuracy, averagePrecision, bestF1Threshold, binaryScores, confusion, f1, macroF1, macroRocAuc, prCurve, rocAuc,
} from '../../../src/core/classifiers/scores.ts';

// y and scores used by several tests: positives have scores 0.35, 0.8, 0.4; negatives 0.1, 0.4, 0.4.
const y = Uint8Array.from([0, 0, 1, 1, 0, 1]);
const s = Float64Array.from([0.1, 0.4, 0.35, 0.8, 0.4, 0.4]);

describe('scores', () => {
  it('rocAuc counts a tied positive/negative pair as one half (Mann-Whitney)', () => {
    // Pairs (pos, neg): 0.35 beats 0.1 only -> 1; 0.8 beats all -> 3; 0.4 beats 0.1, ties two 0.4s -> 1 + 0.5 + 0.5 = 2.
    // AUC = (1 + 3 + 2) / 9 = 2/3.
    expect(rocAuc(y, s)).toBeCloseTo(2 / 3, 12);
  });

  it('rocAuc is 1 for a perfect ranking, 0 for a reversed one, 0.5 for constant scores, NaN for one class', () => {
    expect(rocAuc(Uint8Array.from([0, 0, 1, 1]), [1, 2, 3, 4])).toBe(1);
    expect(rocAuc(Uint8Array.from([0, 0, 1, 1]), [4, 3, 2, 1])).toBe(0);
    expect(rocAuc(Uint8Array.from([0, 1, 0, 1]), [7, 7, 7, 7])).toBe(0.5);
    expect(rocAuc(Uint8Array.from([1, 1]), [0.2, 0.3])).toBeNaN();
  });

  it('averagePrecision is the step sum of sklearn, ties grouped into one threshold', () => {
    // Thresholds high to low: 0.8 -> P 1, R 1/3; 0.4 (1 pos + 2 neg) -> P 2/4, R 2/3; 0.35 -> P 3/5, R 1; 0.1 -> P 3/6, R 1.
    // AP = 1/3 * 1 + 1/3 * 0.5 + 1/3 * 0.6 + 0 * 0.5 = 0.7.
    expect(averagePrecision(y, s)).toBeCloseTo(0.7, 12);
    const pts = prCurve(y, s);
    expect(pts.map((p) => p.threshold)).toEqual([0.8, 0.4, 0.35, 0.1]);
    expect(pts[1]!.precision).toBeCloseTo(0.5, 12);
    expect(pts[1]!.recall).toBeCloseTo(2 / 3, 12);
  });

  it('bestF1Threshold picks the score with the highest F1', () => {
    // F1 at 0.8: 0.5; at 0.4: 2*0.5*(2/3)/(7/6) = 0.5714; at 0.35: 2*0.6*1/1.6 = 0.75; at 0.1: 2/3.
    const b = bestF1Threshold(y, s);
    expect(b.threshold).toBe(0.35);
    expect(b.f1).toBeCloseTo(0.75, 12);
  });

  it('binaryScores at threshold 0.5 match the confusion matrix by hand', () => {
    // Only 0.8 >= 0.5: tp 1, fp 0, fn 2, tn 3 -> accuracy 4/6, precision 1, recall 1/3, F1 2/(2+0+2) = 0.5.
    const c = confusion(y, Uint8Array.from([0, 0, 0, 1, 0, 0]));
    expect(c).toEqual({ tp: 1, fp: 0, tn: 3, fn: 2 });
    expect(f1(c)).toBe(0.5);
    const r = binaryScores(y, s);
    expect(r.accuracy).toBeCloseTo(4 / 6, 12);
    expect(r.precision).toBe(1);
    expect(r.recall).toBeCloseTo(1 / 3, 12);
    expect(r.f1).toBe(0.5);
    expect(r.rocAuc).toBeCloseTo(2 / 3, 12);
    expect(r.prAuc).toBeCloseTo(0.7, 12);
  });

  it('macroF1 averages per-class F1', () => {
    // class 0: tp 1 -> F1 1; class 1: tp 1, fn 1 -> 2/3; class 2: tp 2, fp 1 -> 4/5. Mean = (1 + 2/3 + 0.8) / 3.
    const t = Int32Array.from([0, 1, 2, 2, 1]);
    const p = Int32Array.from([0, 2, 2, 2, 1]);
    expect(macroF1(t, p, 3)).toBeCloseTo((1 + 2 / 3 + 0.8) / 3, 12);
    expect(accuracy(t, p)).toBeCloseTo(0.8, 12);
  });

  it('macroRocAuc averages one-vs-rest AUCs', () => {
    const t = Int32Array.from([0, 1, 2, 0]);
    // class 0 scores rank both 0s on top -> 1; class 1: the 1 is lowest -> 0; class 2: the 2 is highest -> 1.
    const p = [Float64Array.from([0.9, 0.1, 0.2, 0.8]), Float64Array.from([0.05, 0.0, 0.1, 0.1]), Float64Array.from([0.05, 0.9, 0.95, 0.1])];
    expect(macroRocAuc(t, p)).toBeCloseTo((1 + 0 + 1) / 3, 12);
  });
});
