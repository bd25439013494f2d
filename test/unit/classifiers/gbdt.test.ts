import { describe, expect, it } from 'vitest';
import { Gbdt } from '../../../src/core/classifiers/gbdt.ts';
import { LogisticRegression } from '../../../src/core/classifiers/logistic.ts';
import { balancedWeights } from '../../../src/core/classifiers/classifier.ts';
import { binaryScores } from '../../../src/core/classifiers/scores.ts';
import { createRng } from '../../../src/core/rng.ts';

function xor(n: number, seed: number): { X: Float64Array[]; y: Uint8Array } {
  const rng = createRng(seed);
  const X: Float64Array[] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.next() * 2 - 1;
    const b = rng.next() * 2 - 1;
    X.push(Float64Array.of(a, b));
    y[i] = a * b > 0 ? 1 : 0;
  }
  return { X, y };
}

describe('Gbdt', () => {
  it('beats logistic regression on XOR', () => {
    const train = xor(2000, 1);
    const test = xor(1000, 2);
    const g = new Gbdt({ rounds: 60, depth: 3 });
    g.fit(train.X, train.y);
    const l = new LogisticRegression();
    l.fit(train.X, train.y);
    const sg = binaryScores(test.y, g.predictProba(test.X));
    const sl = binaryScores(test.y, l.predictProba(test.X));
    expect(sg.accuracy).toBeGreaterThan(0.93);
    expect(sl.accuracy).toBeLessThan(0.65);
    expect(sg.rocAuc).toBeGreaterThan(sl.rocAuc + 0.3);
  });

  it('one stump on a single threshold feature gives the Newton leaf values', () => {
    // x <= 0: 4 rows, all negative; x > 0: 4 rows, all positive. Prior 0.5 -> base score 0, p = 0.5,
    // g = p - y = +-0.5, h = 0.25. Left leaf: G = 2, H = 1 -> -lr * 2 / (1 + lambda) = -0.1 * 2 / 2 = -0.1.
    const X = [-4, -3, -2, -1, 1, 2, 3, 4].map((v) => Float64Array.of(v));
    const y = Uint8Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const g = new Gbdt({ rounds: 1, depth: 1, learningRate: 0.1, lambda: 1 });
    g.fit(X, y);
    const z = g.decisionFunction([Float64Array.of(-10), Float64Array.of(-1), Float64Array.of(0.5), Float64Array.of(10)]);
    expect(z[0]).toBeCloseTo(-0.1, 12);
    expect(z[1]).toBeCloseTo(-0.1, 12);
    expect(z[2]).toBeCloseTo(0.1, 12);
    expect(z[3]).toBeCloseTo(0.1, 12);
  });

  it('is deterministic and handles NaN features', () => {
    const { X, y } = xor(500, 3);
    X[0]![0] = NaN;
    const a = new Gbdt({ rounds: 10 });
    const b = new Gbdt({ rounds: 10 });
    a.fit(X, y);
    b.fit(X, y);
    const pa = a.predictProba(X);
    expect(Array.from(pa)).toEqual(Array.from(b.predictProba(X)));
    expect(pa.every((p) => p > 0 && p < 1)).toBe(true);
  });

  it('class weights raise minority recall', () => {
    const rng = createRng(5);
    const X: Float64Array[] = [];
    const y = new Uint8Array(3000);
    for (let i = 0; i < y.length; i++) {
      const pos = rng.next() < 0.05;
      y[i] = pos ? 1 : 0;
      X.push(Float64Array.of(rng.normal() + (pos ? 1.2 : 0), rng.normal()));
    }
    const plain = new Gbdt({ rounds: 30 });
    plain.fit(X, y);
    const weighted = new Gbdt({ rounds: 30 });
    weighted.fit(X, y, balancedWeights(y));
    expect(binaryScores(y, weighted.predictProba(X)).recall).toBeGreaterThan(binaryScores(y, plain.predictProba(X)).recall + 0.3);
  });
});
