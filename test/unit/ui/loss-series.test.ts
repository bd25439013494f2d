import { describe, expect, it } from 'vitest';
import { appendLoss, EMPTY_LOSS_SERIES, SMOOTHING_BETA } from '../../../src/ui/train/loss-series.ts';

describe('loss series', () => {
  it('the debiased EMA of a constant is that constant from the first step', () => {
    let s = EMPTY_LOSS_SERIES;
    for (let i = 0; i < 5; i++) s = appendLoss(s, 2, -1);
    for (const p of s.points) {
      expect(p.gSmooth).toBeCloseTo(2, 12);
      expect(p.dSmooth).toBeCloseTo(-1, 12);
    }
  });

  it('smooths by hand-computed weights', () => {
    const s = appendLoss(appendLoss(EMPTY_LOSS_SERIES, 0, 0), 1, 0);
    // acc = (1 - b) * 1 after the second step; debias by 1 - b^2.
    const expected = (1 - SMOOTHING_BETA) / (1 - SMOOTHING_BETA ** 2);
    expect(s.points[1]!.gSmooth).toBeCloseTo(expected, 12);
    expect(s.points[1]!.g).toBe(1);
  });

  it('a non-finite loss becomes a gap and does not poison the smoothing', () => {
    let s = appendLoss(EMPTY_LOSS_SERIES, 1, 1);
    s = appendLoss(s, Number.NaN, Number.POSITIVE_INFINITY);
    s = appendLoss(s, 1, 1);
    expect(s.points[1]).toMatchObject({ g: null, d: null });
    expect(s.points[2]!.gSmooth).toBeCloseTo(1, 12);
  });

  it('stays bounded and evenly spaced however many steps arrive', () => {
    let s = EMPTY_LOSS_SERIES;
    const max = 50;
    for (let i = 0; i < 1000; i++) s = appendLoss(s, i, i, max);
    expect(s.count).toBe(1000);
    expect(s.points.length).toBeLessThan(max);
    expect(s.points.length).toBeGreaterThanOrEqual(max / 4);
    const gaps = new Set(s.points.slice(1).map((p, i) => p.x - s.points[i]!.x));
    expect([...gaps]).toEqual([s.stride]);
    expect(s.points[0]!.x).toBe(1);
  });

  it('does not modify its input', () => {
    const a = appendLoss(EMPTY_LOSS_SERIES, 1, 2);
    const b = appendLoss(a, 3, 4);
    expect(a.points).toHaveLength(1);
    expect(b.points).toHaveLength(2);
    expect(EMPTY_LOSS_SERIES.points).toHaveLength(0);
  });
});
