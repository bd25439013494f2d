import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../../src/core/copula/normal.ts';
import { cholesky, makePositiveDefinite, solveLower, solveUpperT } from '../../../src/core/copula/linalg.ts';
import { conditionalGaussian } from '../../../src/core/copula/gaussian.ts';

describe('normal distribution', () => {
  it('matches table values of Phi and Phi^-1', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 7);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
  });
});

describe('linear algebra', () => {
  it('cholesky factors a hand-checked 3x3 matrix and the triangular solves invert it', () => {
    const a = [4, 12, -16, 12, 37, -43, -16, -43, 98];
    const l = cholesky(a, 3)!;
    expect([...l]).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    const x = solveUpperT(l, 3, solveLower(l, 3, [1, 2, 3]));
    const back = [0, 1, 2].map((i) => a[i * 3]! * x[0]! + a[i * 3 + 1]! * x[1]! + a[i * 3 + 2]! * x[2]!);
    back.forEach((v, i) => expect(v).toBeCloseTo([1, 2, 3][i]!, 10));
  });

  it('returns null for a matrix that is not positive definite, and the ridge repairs it', () => {
    const r = Float64Array.from([1, 1, 1, 1]); // perfectly correlated: singular
    expect(cholesky(r, 2)).toBeNull();
    const { r: fixed, l } = makePositiveDefinite(r, 2);
    expect(fixed[0]).toBe(1);
    expect(fixed[1]).toBeLessThan(1);
    expect(fixed[1]).toBeGreaterThan(0.999);
    expect(l).not.toBeNull();
  });

  it('the Gaussian conditional of a bivariate normal is N(r z, 1 - r^2)', () => {
    const cg = conditionalGaussian([1, 0.8, 0.8, 1], 2, [0]);
    expect(cg.unknown).toEqual([1]);
    expect(cg.b[0]).toBeCloseTo(0.8, 12);
    expect(cg.l[0]).toBeCloseTo(0.6, 12);
  });
});
