import { describe, expect, it } from 'vitest';
import { codeCounts, distinctSorted, numericSummary, quantileSorted, sortedFinite, topCounts } from '../../../src/core/profile/stats.ts';

describe('stats', () => {
  it('sortedFinite drops NaN and sorts numerically', () => {
    expect(Array.from(sortedFinite(new Float64Array([10, NaN, 2, -1, 2])))).toEqual([-1, 2, 2, 10]);
  });

  it('quantiles interpolate linearly like numpy', () => {
    const s = new Float64Array([1, 2, 3, 4]);
    expect(quantileSorted(s, 0.5)).toBe(2.5);
    expect(quantileSorted(s, 0.25)).toBe(1.75);
    expect(quantileSorted(s, 0)).toBe(1);
    expect(quantileSorted(s, 1)).toBe(4);
  });

  it('numericSummary: mean, sample std, histogram over [min, max] with the max in the last bin', () => {
    const s = numericSummary(new Float64Array([2, 4, 4, 4, 5, 5, 7, 9]), 0, 4);
    expect(s.min).toBe(2);
    expect(s.max).toBe(9);
    expect(s.mean).toBe(5);
    expect(s.std).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s.histogram.edges).toEqual([2, 3.75, 5.5, 7.25, 9]);
    expect(s.histogram.counts).toEqual([1, 5, 1, 1]);
    expect(numericSummary(new Float64Array([3, 3]), 0).histogram).toEqual({ edges: [3, 3], counts: [2] });
    expect(distinctSorted(new Float64Array([1, 1, 2, 3, 3]))).toBe(3);
  });

  it('topCounts keeps the k largest, most frequent first, ties in index order', () => {
    const counts = codeCounts(new Int32Array([0, 1, 1, 2, 2, 2, -1, 3, 3]), 5);
    expect(Array.from(counts)).toEqual([1, 2, 3, 2, 0]);
    const labels = ['a', 'b', 'c', 'd', 'e'];
    expect(topCounts(counts, (i) => labels[i]!, 3).top).toEqual([
      { value: 'c', count: 3 }, { value: 'b', count: 2 }, { value: 'd', count: 2 },
    ]);
  });
});
