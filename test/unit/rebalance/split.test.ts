import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import { holdoutCount, stratifiedSplit } from '../../../src/core/rebalance/split.ts';

function labelsOf(counts: number[], rng = createRng(5)): Uint8Array {
  const y: number[] = [];
  counts.forEach((n, c) => {
    for (let i = 0; i < n; i++) y.push(c);
  });
  return Uint8Array.from(rng.shuffle(y));
}

describe('holdoutCount', () => {
  it('rounds n * fraction and keeps one row on each side of a class with two or more rows', () => {
    expect(holdoutCount(100, 0.2)).toBe(20);
    expect(holdoutCount(37, 0.2)).toBe(7); // 7.4 -> 7
    expect(holdoutCount(38, 0.2)).toBe(8); // 7.6 -> 8
    expect(holdoutCount(5, 0.1)).toBe(1); // 0.5 -> 1 (half rounds up)
    expect(holdoutCount(4, 0.1)).toBe(1); // 0.4 -> 0, clamped to 1
    expect(holdoutCount(2, 0.9)).toBe(1); // 1.8 -> 2, clamped to n - 1
    expect(holdoutCount(1, 0.5)).toBe(0);
  });
});

describe('stratifiedSplit', () => {
  it('is disjoint, covers every row, and puts exactly holdoutCount rows of each class in the holdout', () => {
    const counts = [371, 29, 7];
    const y = labelsOf(counts);
    const { train, holdout } = stratifiedSplit(y, 0.2, createRng(1));
    const seen = new Uint8Array(y.length);
    for (const r of train) seen[r]! += 1;
    for (const r of holdout) seen[r]! += 2;
    expect([...seen].every((s) => s === 1 || s === 2)).toBe(true);
    expect(train.length + holdout.length).toBe(y.length);
    counts.forEach((n, c) => {
      const h = [...holdout].filter((r) => y[r] === c).length;
      expect(h).toBe(holdoutCount(n, 0.2));
    });
    expect([...train]).toEqual([...train].sort((a, b) => a - b));
  });

  it('is deterministic under a seed and differs across seeds', () => {
    const y = labelsOf([90, 10]);
    const a = stratifiedSplit(y, 0.3, createRng(9));
    const b = stratifiedSplit(y, 0.3, createRng(9));
    const c = stratifiedSplit(y, 0.3, createRng(10));
    expect([...a.holdout]).toEqual([...b.holdout]);
    expect([...a.holdout]).not.toEqual([...c.holdout]);
  });

  it('leaves rows with a missing target (255) out of both sides', () => {
    const y = Uint8Array.from([0, 1, 255, 0, 1, 0, 255, 0]);
    const { train, holdout } = stratifiedSplit(y, 0.5, createRng(2));
    const all = [...train, ...holdout].sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 3, 4, 5, 7]);
  });

  it('rejects a holdout fraction outside (0, 1)', () => {
    expect(() => stratifiedSplit(Uint8Array.from([0, 1]), 0, createRng(1))).toThrow(/between 0 and 1/);
    expect(() => stratifiedSplit(Uint8Array.from([0, 1]), 1, createRng(1))).toThrow(/between 0 and 1/);
  });
});
