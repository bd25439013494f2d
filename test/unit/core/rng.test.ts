import { describe, expect, it } from 'vitest';
import { createRng, restoreRng } from '../../../src/core/rng.ts';

describe('createRng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const xa = Array.from({ length: 5 }, () => a.next());
    const xb = Array.from({ length: 5 }, () => b.next());
    const xc = Array.from({ length: 5 }, () => c.next());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });

  it('has uniform mean 1/2 and normal mean 0, variance 1 on 100k draws', () => {
    const r = createRng(1);
    let su = 0, sn = 0, sn2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      su += r.next();
      const z = r.normal();
      sn += z;
      sn2 += z * z;
    }
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(sn / n).toBeCloseTo(0, 1);
    expect(sn2 / n).toBeCloseTo(1, 1);
  });

  it('choice follows the weights', () => {
    const r = createRng(7);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[r.choice([1, 2, 0])]!++;
    expect(counts[2]).toBe(0);
    expect(counts[1]! / counts[0]!).toBeGreaterThan(1.85);
    expect(counts[1]! / counts[0]!).toBeLessThan(2.15);
  });

  it('restores a saved state exactly', () => {
    const r = createRng(9);
    r.next();
    r.normal();
    const s = r.state();
    const x = [r.next(), r.normal(), r.next()];
    const q = restoreRng(s);
    expect([q.next(), q.normal(), q.next()]).toEqual(x);
  });
});
