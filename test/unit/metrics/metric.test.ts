import { describe, expect, it } from 'vitest';
import { finiteRange, meanOf } from '../../../src/core/metrics/metric.ts';

describe('metric helpers', () => {
  it('finiteRange skips NaN and is (Infinity, -Infinity) when nothing is left', () => {
    expect(finiteRange(Float64Array.of(3, NaN, -2, 7, NaN))).toEqual({ lo: -2, hi: 7 });
    expect(finiteRange([NaN])).toEqual({ lo: Infinity, hi: -Infinity });
    expect(finiteRange([])).toEqual({ lo: Infinity, hi: -Infinity });
  });
  it('meanOf skips non-finite values and is NaN when none', () => {
    expect(meanOf([1, NaN, 3])).toBe(2);
    expect(meanOf([NaN])).toBeNaN();
  });
});
