import { describe, expect, it } from 'vitest';
import { ksComplement, ksStatistic } from '../../../src/core/metrics/ks-complement.ts';
import { tvComplement } from '../../../src/core/metrics/tv-complement.ts';
import { correlationSimilarity, pearson } from '../../../src/core/metrics/correlation-similarity.ts';
import { binOnRealRange, binValues, contingencySimilarity } from '../../../src/core/metrics/contingency-similarity.ts';
import { correlationRatio, cramersV } from '../../../src/core/metrics/association.ts';
import { diagnostics } from '../../../src/core/metrics/diagnostics.ts';
import { privacy, quantileSorted } from '../../../src/core/metrics/privacy.ts';
import { prepare } from '../../../src/core/metrics/prepare.ts';
import { missingRates } from '../../../src/core/metrics/missing-rate.ts';
import { createRng } from '../../../src/core/rng.ts';
import { numericColumn, stringColumn } from '../../../src/core/table/table.ts';
import type { Table } from '../../../src/core/table/table.ts';

const I = (a: number[]): Int32Array => Int32Array.from(a);

describe('KSComplement', () => {
  it('is 1 - the largest ECDF gap on known samples', () => {
    // Pooled: 0.1r 0.3s 0.5r 0.6s 0.7s 0.9r 1.2s. F_r: 1/3 1/3 2/3 2/3 2/3 1 1; F_s: 0 1/4 1/4 2/4 3/4 3/4 1.
    // Gaps: 1/3, 1/12, 5/12, 1/6, 1/12, 1/4, 0 -> D = 5/12.
    expect(ksStatistic([0.1, 0.5, 0.9], [0.3, 0.6, 0.7, 1.2])).toBeCloseTo(5 / 12, 12);
    expect(ksComplement([0.1, 0.5, 0.9], [0.3, 0.6, 0.7, 1.2])).toBeCloseTo(7 / 12, 12);
    // Shifted by two of four values: at x = 2, F_r = 0.5, F_s = 0 -> D = 0.5.
    expect(ksComplement([1, 2, 3, 4], [3, 4, 5, 6])).toBeCloseTo(0.5, 12);
  });

  it('handles ties across samples and drops missing values', () => {
    // [1,2,3] vs [1,2,3,4]: at 3, F_r = 1 and F_s = 3/4 -> D = 1/4.
    expect(ksStatistic([1, 2, 3], [1, 2, 3, 4])).toBeCloseTo(0.25, 12);
    expect(ksComplement([1, NaN, 2], [2, 1])).toBe(1);
    expect(ksComplement([NaN], [NaN])).toBe(1);
    expect(ksComplement([1, 2], [NaN])).toBe(0);
  });
});

describe('TVComplement', () => {
  it('is 1 - half the L1 distance between known frequencies', () => {
    // real a a b c -> (0.5, 0.25, 0.25); synth a b b b -> (0.25, 0.75, 0). L1 = 0.25 + 0.5 + 0.25 = 1 -> 0.5.
    expect(tvComplement(I([0, 0, 1, 2]), I([0, 1, 1, 1]), 3)).toBeCloseTo(0.5, 12);
  });

  it('treats missing as a category', () => {
    // real (a, missing) = (0.5, 0.5); synth (a, a) = (1, 0): L1 = 1 -> 0.5.
    expect(tvComplement(I([0, -1]), I([0, 0]), 1)).toBeCloseTo(0.5, 12);
    expect(tvComplement(I([0, -1, 1]), I([1, 0, -1]), 2)).toBe(1);
  });
});

describe('CorrelationSimilarity', () => {
  it('is 1 - |r_real - r_synth| / 2', () => {
    // Real r = 1. Synth y = [1, 3, 2]: deviations x (-1, 0, 1), y (-1, 1, 0): sxy = 1, sxx = syy = 2 -> r = 0.5.
    const s = correlationSimilarity([1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 3, 2])!;
    expect(s.real).toBeCloseTo(1, 12);
    expect(s.synthetic).toBeCloseTo(0.5, 12);
    expect(s.score).toBeCloseTo(0.75, 12);
    expect(correlationSimilarity([1, 2, 3], [1, 2, 3], [1, 2, 3], [3, 2, 1])!.score).toBeCloseTo(0, 12);
  });

  it('uses complete rows only, scores a collapsed synthetic pair as r = 0, and skips an undefined real r', () => {
    expect(pearson([1, 2, NaN, 3], [2, 4, 100, 6])).toBeCloseTo(1, 12);
    expect(correlationSimilarity([1, 2, 3], [1, 2, 3], [1, 2, 3], [5, 5, 5])!.score).toBeCloseTo(0.5, 12);
    expect(correlationSimilarity([1, 1, 1], [1, 2, 3], [1, 2, 3], [1, 2, 3])).toBeNull();
  });
});

describe('ContingencySimilarity', () => {
  it('is 1 - half the L1 distance between joint frequencies', () => {
    // Real pairs (x,p) (x,q) (y,p) (y,q): 0.25 each. Synth (x,p) (x,p) (y,q) (y,q): 0.5, 0, 0, 0.5.
    // L1 = 4 * 0.25 = 1 -> 0.5.
    expect(contingencySimilarity(I([0, 0, 1, 1]), I([0, 1, 0, 1]), I([0, 0, 1, 1]), I([0, 0, 1, 1]), 2, 2)).toBeCloseTo(0.5, 12);
  });

  it('bins numbers into 10 bins on the real range, out-of-range synthetic values in their own cells', () => {
    // Real [0, 10, 5, 2.5] -> bins 0, 9 (max in the last bin), 5, 2. Synth [0, 11, -1, 5] -> 0, above (11), below (10), 5.
    const b = binOnRealRange([0, 10, 5, 2.5]);
    expect(Array.from(binValues([0, 10, 5, 2.5], b))).toEqual([0, 9, 5, 2]);
    expect(Array.from(binValues([0, 11, -1, 5, NaN], b))).toEqual([0, 11, 10, 5, -1]);
    // With a categorical partner a a b b in both: matching cells (0,a) and (5,b) hold 0.25 each in both;
    // the other four cells differ by 0.25 each -> L1 = 1 -> 0.5.
    const cat = I([0, 0, 1, 1]);
    const r = binValues([0, 10, 5, 2.5], b);
    const s = binValues([0, 11, -1, 5], b);
    expect(contingencySimilarity(r, cat, s, cat, b.k, 2)).toBeCloseTo(0.5, 12);
  });
});

describe('association', () => {
  it("Cramer's V is 1 for a perfect 2x2 association and 0 for independence", () => {
    expect(cramersV(I([0, 0, 1, 1]), I([0, 0, 1, 1]), 2, 2)).toBeCloseTo(1, 12);
    expect(cramersV(I([0, 0, 1, 1]), I([0, 1, 0, 1]), 2, 2)).toBeCloseTo(0, 12);
    // 2x2 table [[2,1],[1,2]] (n 6): phi^2 = sum (p - e)^2 / e = 4 * (1/3 - 1/4)^2 / (1/4) = 1/9 -> V = 1/3.
    expect(cramersV(I([0, 0, 0, 1, 1, 1]), I([0, 0, 1, 0, 1, 1]), 2, 2)).toBeCloseTo(1 / 3, 12);
  });

  it('correlation ratio: groups (1,3) and (5,7): SS between 16, SS total 20 -> sqrt(0.8)', () => {
    expect(correlationRatio([1, 3, 5, 7], I([0, 0, 1, 1]), 2)).toBeCloseTo(Math.sqrt(0.8), 12);
  });
});

function table(cols: { name: string; num?: number[]; cat?: (string | null)[] }[]): Table {
  const columns = cols.map((c) => (c.num ? numericColumn(c.name, Float64Array.from(c.num)) : stringColumn(c.name, c.cat!)));
  return { rowCount: columns[0]!.type === 'numeric' ? columns[0]!.values.length : columns[0]!.codes.length, columns };
}

describe('diagnostics and missing rates', () => {
  it('boundary and category adherence by hand', () => {
    const real = table([{ name: 'x', num: [0, 10, 3, 4] }, { name: 'c', cat: ['a', 'b', 'a', 'b'] }]);
    // x: synthetic values -1, 5, 10, 11 (and a missing one): inside [0, 10] are 5 and 10 -> 2/4.
    // c: a, c, c, missing, c: only 'a' occurs in the real column (which has no missing cells) -> 1/5.
    const synth = table([{ name: 'x', num: [-1, 5, 10, 11, NaN] }, { name: 'c', cat: ['a', 'c', 'c', null, 'c'] }]);
    const p = prepare(real, synth, { kinds: { x: 'continuous', c: 'categorical' } });
    const d = diagnostics(p.columns);
    expect(d.boundaryAdherence).toBeCloseTo(0.5, 12);
    expect(d.categoryAdherence).toBeCloseTo(1 / 5, 12);
    expect(missingRates(p.columns)).toEqual([{ name: 'x', real: 0, synthetic: 0.2 }, { name: 'c', real: 0, synthetic: 0.2 }]);
  });
});

describe('privacy', () => {
  const real = table([{ name: 'x', num: [0, 10, 4, 6] }, { name: 'c', cat: ['a', 'b', 'a', 'b'] }]);

  it('copied rows: exact-copy rate 1 and DCR 0', () => {
    const p = privacy(prepare(real, real).columns, { rng: createRng(1) });
    expect(p.exactCopyRate).toBe(1);
    expect(p.dcrMedian).toBe(0);
    expect(p.baseline).toBe('real-leave-one-out');
  });

  it('DCR = mean over columns of |dx| / range and category mismatch', () => {
    // Synthetic row (5, a): to (4, a): (1/10 + 0) / 2 = 0.05; to (6, b): (0.1 + 1) / 2 = 0.55; others farther -> 0.05.
    // Synthetic row (100, b): to (10, b): min(1, 90/10) = 1 (capped) + 0 -> 0.5; to (6, b) also 0.5 -> 0.5.
    const synth = table([{ name: 'x', num: [5, 100] }, { name: 'c', cat: ['a', 'b'] }]);
    const p = privacy(prepare(real, synth).columns, { rng: createRng(1) });
    expect(p.exactCopyRate).toBe(0);
    expect(p.dcr.p05).toBeCloseTo(0.05 + 0.05 * (0.5 - 0.05), 12);
    expect(p.dcrMedian).toBeCloseTo((0.05 + 0.5) / 2, 12);
    // Leave-one-out baseline: (0,a)->(4,a) 0.2; (10,b)->(6,b) 0.2; (4,a)->(0,a) 0.2 and (6,b)->(10,b) 0.2 -> median 0.2.
    expect(p.holdoutDcrMedian).toBeCloseTo(0.2, 12);
    // 0.275 / 0.2 = 1.375 >= 1.25 -> farther.
    expect(p.verdict).toBe('farther');
    expect(p.reading).toMatch(/farther/);
  });

  it('uses the holdout as baseline when given and flags memorisation', () => {
    const holdout = table([{ name: 'x', num: [2, 8] }, { name: 'c', cat: ['a', 'b'] }]);
    // Holdout (2,a) -> (0,a) or (4,a): 0.1; (8,b) -> (6,b) or (10,b): 0.1. Synthetic = copies of training rows -> 0.
    const synth = table([{ name: 'x', num: [0, 10, 4] }, { name: 'c', cat: ['a', 'b', 'a'] }]);
    const p = privacy(prepare(real, synth, { holdout }).columns, { rng: createRng(1) });
    expect(p.baseline).toBe('holdout');
    expect(p.holdoutDcrMedian).toBeCloseTo(0.1, 12);
    expect(p.baselineExactCopyRate).toBe(0);
    expect(p.verdict).toBe('much-closer');
    expect(p.reading).toMatch(/possible memorisation/);
  });

  it('quantiles interpolate linearly (numpy default)', () => {
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(quantileSorted(Float64Array.of(0, 10), 0.05)).toBeCloseTo(0.5, 12);
  });
});

describe('column roles and prepare', () => {
  it('reads datetime text as time, trims categories and matches "1" with "1.0" for numeric categories', () => {
    const real = table([
      { name: 'when', cat: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'] },
      { name: 'city', cat: [' Paris', 'Rome', 'Paris', 'Rome'] },
      { name: 'flag', num: [0, 1, 1, 0] },
    ]);
    const synth = table([
      { name: 'when', cat: ['2024-01-03', '2024-01-04', '2024-01-05', 'garbage'] },
      { name: 'city', cat: ['Paris ', 'Rome', 'Rome', 'Rome'] },
      { name: 'flag', cat: ['1.0', '0', '1', '1'] },
    ]);
    const p = prepare(real, synth, { kinds: { when: 'datetime', city: 'categorical', flag: 'boolean' } });
    const when = p.columns[0]!;
    expect(when.role).toBe('numeric');
    const day = 86_400_000;
    expect(Array.from(when.synth as Float64Array).map((v) => (Number.isNaN(v) ? v : (v - Date.UTC(2024, 0, 1)) / day))).toEqual([2, 3, 4, NaN]);
    const city = p.columns[1]!;
    expect(city.role === 'categorical' && city.categories).toEqual(['Paris', 'Rome']);
    const flag = p.columns[2]!;
    // The real column holds numbers 0 and 1, so the synthetic text '1.0' is the number 1 too.
    expect(flag.role === 'categorical' && flag.categories).toEqual(['0', '1']);
    expect(flag.role === 'categorical' && Array.from(flag.synth)).toEqual([1, 0, 1, 1]);
  });

  it('infers kinds without a profile: numbers continuous, ids excluded, single values constant', () => {
    const n = 30;
    const real = table([
      { name: 'x', num: Array.from({ length: n }, (_, i) => i % 7) },
      { name: 'id', cat: Array.from({ length: n }, (_, i) => `u${i}`) },
      { name: 'k', cat: Array.from({ length: n }, () => 'same') },
      { name: 'c', cat: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : i % 3 === 1 ? 'a' : 'b')) },
    ]);
    const p = prepare(real, real);
    expect(p.roles.map((r) => `${r.name}:${r.kind}:${r.role}`)).toEqual(['x:continuous:numeric', 'id:identifier:excluded', 'k:constant:excluded', 'c:categorical:categorical']);
    expect(p.columns.map((c) => c.name)).toEqual(['x', 'c']);
  });
});
