import { describe, expect, it } from 'vitest';
import { LogisticRegression } from '../../../src/core/classifiers/logistic.ts';
import { OneVsRest, balancedWeights, sigmoid } from '../../../src/core/classifiers/classifier.ts';
import { binaryScores } from '../../../src/core/classifiers/scores.ts';
import { createRng } from '../../../src/core/rng.ts';

describe('LogisticRegression', () => {
  it('matches the closed-form MLE for one binary feature (almost no penalty)', () => {
    // x = 0: 10 rows, 2 positive -> intercept = logit(0.2) = ln(0.25).
    // x = 1: 10 rows, 7 positive -> intercept + coef = logit(0.7) = ln(7/3).
    const X: Float64Array[] = [];
    const y: number[] = [];
    for (let i = 0; i < 10; i++) { X.push(Float64Array.of(0)); y.push(i < 2 ? 1 : 0); }
    for (let i = 0; i < 10; i++) { X.push(Float64Array.of(1)); y.push(i < 7 ? 1 : 0); }
    const m = new LogisticRegression({ C: 1e10 });
    m.fit(X, Uint8Array.from(y));
    expect(m.intercept).toBeCloseTo(Math.log(0.25), 5);
    expect(m.coef[0]!).toBeCloseTo(Math.log(7 / 3) - Math.log(0.25), 5);
    expect(m.converged).toBe(true);
  });

  it('recovers known coefficients from simulated data', () => {
    const rng = createRng(7);
    const X: Float64Array[] = [];
    const y = new Uint8Array(20000);
    for (let i = 0; i < y.length; i++) {
      const a = rng.normal();
      const b = rng.normal();
      X.push(Float64Array.of(a, b));
      y[i] = rng.next() < sigmoid(0.5 + 1.5 * a - 2 * b) ? 1 : 0;
    }
    const m = new LogisticRegression();
    m.fit(X, y);
    // Standard errors are ~0.03 at n = 20,000; 0.12 is four of them.
    expect(Math.abs(m.intercept - 0.5)).toBeLessThan(0.12);
    expect(Math.abs(m.coef[0]! - 1.5)).toBeLessThan(0.12);
    expect(Math.abs(m.coef[1]! + 2)).toBeLessThan(0.12);
  });

  it('separates a separable toy problem perfectly', () => {
    const X = [-3, -2, -1, -0.5, 0.5, 1, 2, 3].map((v) => Float64Array.of(v, 1 - v));
    const y = Uint8Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const m = new LogisticRegression();
    m.fit(X, y);
    const s = binaryScores(y, m.predictProba(X));
    expect(s.accuracy).toBe(1);
    expect(s.rocAuc).toBe(1);
  });

  it('is deterministic', () => {
    const X = [0, 1, 2, 3, 4, 5].map((v) => Float64Array.of(v, v * v / 10));
    const y = Uint8Array.from([0, 1, 0, 1, 1, 1]);
    const a = new LogisticRegression();
    const b = new LogisticRegression();
    a.fit(X, y);
    b.fit(X, y);
    expect(Array.from(a.predictProba(X))).toEqual(Array.from(b.predictProba(X)));
  });

  it('predicts the prior when trained on one class', () => {
    const m = new LogisticRegression();
    m.fit([Float64Array.of(1), Float64Array.of(2)], Uint8Array.from([1, 1]));
    expect(m.predictProba([Float64Array.of(5)])[0]).toBeGreaterThan(0.99);
  });

  it('balanced class weights raise minority recall', () => {
    const rng = createRng(3);
    const X: Float64Array[] = [];
    const y = new Uint8Array(4000);
    for (let i = 0; i < y.length; i++) {
      const pos = rng.next() < 0.05;
      y[i] = pos ? 1 : 0;
      X.push(Float64Array.of(rng.normal() + (pos ? 1.5 : 0)));
    }
    const plain = new LogisticRegression();
    plain.fit(X, y);
    const weighted = new LogisticRegression();
    weighted.fit(X, y, balancedWeights(y));
    const rPlain = binaryScores(y, plain.predictProba(X)).recall;
    const rWeighted = binaryScores(y, weighted.predictProba(X)).recall;
    expect(rPlain).toBeLessThan(0.2);
    expect(rWeighted).toBeGreaterThan(0.6);
  });

  it('balancedWeights gives each class the same total weight', () => {
    // n = 4, class 0 x3, class 1 x1: w0 = 4/(2*3) = 2/3, w1 = 4/(2*1) = 2.
    const w = balancedWeights(Uint8Array.from([0, 0, 0, 1]));
    expect(Array.from(w)).toEqual([2 / 3, 2 / 3, 2 / 3, 2]);
  });

  it('one-vs-rest handles three well-separated classes', () => {
    const X: Float64Array[] = [];
    const y: number[] = [];
    const centres = [[0, 0], [5, 0], [0, 5]];
    const rng = createRng(1);
    for (let c = 0; c < 3; c++) for (let i = 0; i < 50; i++) {
      X.push(Float64Array.of(centres[c]![0]! + rng.normal() * 0.5, centres[c]![1]! + rng.normal() * 0.5));
      y.push(c);
    }
    const m = new OneVsRest(() => new LogisticRegression());
    m.fit(X, Int32Array.from(y), 3);
    const p = m.predictProba([Float64Array.of(5, 0), Float64Array.of(0, 5)]);
    expect(p[1]![0]!).toBeGreaterThan(0.8);
    expect(p[2]![1]!).toBeGreaterThan(0.8);
    expect(p[0]![0]! + p[1]![0]! + p[2]![0]!).toBeCloseTo(1, 12);
  });
});
