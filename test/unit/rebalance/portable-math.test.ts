// The classifiers' engine-independent exp/log/log1p (src/core/classifiers/portable-math.ts): within
// one ulp of the engine's Math functions, exact at the special values, and fixed to known bits
// (so a change of the port, which would break CLI-vs-browser agreement, is caught here).
import { describe, expect, it } from 'vitest';
import { exp, log, log1p } from '../../../src/core/classifiers/portable-math.ts';
import { createRng } from '../../../src/core/rng.ts';

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  return Number(buf.getBigInt64(0) - buf.getBigInt64(8)) * (a < 0 ? -1 : 1);
}

describe('portable exp / log / log1p', () => {
  const rng = createRng(99);

  it('exp is within 1 ulp of Math.exp over [-745, 709] and at tiny arguments', () => {
    for (let i = 0; i < 20000; i++) {
      const x = i < 10000 ? -745 + 1454 * rng.next() : (rng.next() - 0.5) * 2 ** -(rng.int(60));
      expect(Math.abs(ulps(exp(x), Math.exp(x))), `exp(${x})`).toBeLessThanOrEqual(1);
    }
  });

  it('log is within 1 ulp of Math.log from subnormals to huge values; log1p within 2 ulps of Math.log1p', () => {
    for (let i = 0; i < 20000; i++) {
      const x = 2 ** (-1070 + 2090 * rng.next()) * (1 + rng.next());
      expect(Math.abs(ulps(log(x), Math.log(x))), `log(${x})`).toBeLessThanOrEqual(1);
      const y = i % 2 ? rng.next() : 2 ** (-60 * rng.next());
      expect(Math.abs(ulps(log1p(y), Math.log1p(y))), `log1p(${y})`).toBeLessThanOrEqual(2);
    }
  });

  it('handles the special values', () => {
    expect(exp(0)).toBe(1);
    expect(exp(1)).toBe(2.7182818284590455); // fdlibm's, one ulp above Math.E
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(NaN)).toBeNaN();
    expect(exp(-744)).toBeGreaterThan(0); // a subnormal result
    expect(exp(709.78)).toBeLessThan(Number.MAX_VALUE);
    expect(log(1)).toBe(0);
    expect(log(Math.E)).toBe(1);
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(NaN)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(5e-324)).toBeCloseTo(-744.4400719213812, 12);
    expect(log1p(0)).toBe(0);
    expect(log1p(1e-300)).toBe(1e-300);
    expect(log1p(Infinity)).toBe(Infinity);
  });

  it('gives fixed bits (the values every engine must print)', () => {
    expect(exp(-3.7)).toBe(0.024723526470339388);
    expect(exp(0.3)).toBe(1.3498588075760032);
    expect(log(0.123)).toBe(-2.0955709236097197);
    expect(log(123456.789)).toBe(11.723646487185881);
    expect(log1p(0.001)).toBe(0.0009995003330835331);
  });
});
