import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import { cellText, numericColumn, stringColumn, toRows, type Column, type Table } from '../../../src/core/table/table.ts';
import type { ColumnPlan } from '../../../src/core/types.ts';
import { assertCopulaModel, fitCopula, sampleCopula } from '../../../src/core/copula/copula.ts';
import { ksStatistic as ks } from '../../../src/core/metrics/ks-complement.ts';

function values(col: Column): number[] {
  if (col.type !== 'numeric') throw new Error(`${col.name} is not numeric`);
  return [...col.values];
}

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n, mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** x ~ N(0,1); y = 0.8 x + 0.6 e (so r = 0.8); w ~ Exp(1) rounded to 2 decimals;
 * g = 'hi' when x > 0.5 else 'lo', 5% missing. */
function fixture(n: number, seed = 1): Table {
  const rng = createRng(seed);
  const x = new Float64Array(n), y = new Float64Array(n), w = new Float64Array(n);
  const g: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    x[i] = rng.normal();
    y[i] = 0.8 * x[i]! + 0.6 * rng.normal();
    w[i] = Math.round(-Math.log(1 - rng.next()) * 100) / 100;
    if (i % 10 === 0) w[i] = NaN;
    g.push(rng.next() < 0.05 ? null : x[i]! > 0.5 ? 'hi' : 'lo');
  }
  return { rowCount: n, columns: [numericColumn('x', x, 6), numericColumn('y', y, 6), numericColumn('w', w, 2), stringColumn('g', g)] };
}

const plan: ColumnPlan[] = [
  { name: 'x', kind: 'continuous' },
  { name: 'y', kind: 'continuous' },
  { name: 'w', kind: 'continuous' },
  { name: 'g', kind: 'categorical' },
];

describe('Gaussian copula', () => {
  const real = fixture(4000);
  const model = fitCopula(real, plan, createRng(2));
  const synth = sampleCopula(model, 4000, createRng(3));

  it('reproduces a known correlation (r = 0.8 bivariate normal) within 0.05', () => {
    const r = pearson(values(synth.columns[0]!), values(synth.columns[1]!));
    expect(Math.abs(r - 0.8)).toBeLessThan(0.05);
  });

  it('matches each numeric marginal (KS < 0.05), keeps min/max, decimals and the null rate', () => {
    for (const j of [0, 1]) expect(ks(values(real.columns[j]!), values(synth.columns[j]!))).toBeLessThan(0.05);
    const rw = values(real.columns[2]!).filter((v) => !Number.isNaN(v));
    const sw = values(synth.columns[2]!);
    const present = sw.filter((v) => !Number.isNaN(v));
    expect(ks(rw, present)).toBeLessThan(0.05);
    expect(Math.min(...present)).toBeGreaterThanOrEqual(Math.min(...rw));
    expect(Math.max(...present)).toBeLessThanOrEqual(Math.max(...rw));
    expect(present.every((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6)).toBe(true);
    expect(Math.abs((sw.length - present.length) / sw.length - 0.1)).toBeLessThan(0.02);
  });

  it('matches the category frequencies (total variation < 0.03)', () => {
    const freq = (t: Table): Map<string | null, number> => {
      const m = new Map<string | null, number>();
      for (let r = 0; r < t.rowCount; r++) {
        const v = cellText(t.columns[3]!, r);
        m.set(v, (m.get(v) ?? 0) + 1 / t.rowCount);
      }
      return m;
    };
    const a = freq(real), b = freq(synth);
    let tv = 0;
    for (const k of new Set([...a.keys(), ...b.keys()])) tv += Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0)) / 2;
    expect(tv).toBeLessThan(0.03);
  });

  it('conditioning on a category gives only that category and shifts the correlated column', () => {
    const hi = sampleCopula(model, 2000, createRng(4), { column: 'g', value: 'hi' });
    const lo = sampleCopula(model, 2000, createRng(5), { column: 'g', value: 'lo' });
    for (let r = 0; r < hi.rowCount; r++) expect(cellText(hi.columns[3]!, r)).toBe('hi');
    for (let r = 0; r < lo.rowCount; r++) expect(cellText(lo.columns[3]!, r)).toBe('lo');
    // Real data: x > 0.5 exactly when g = 'hi' (E[x | hi] = 1.14, E[x | lo] = -0.51). A Gaussian
    // dependence blurs that hard edge (the copula's conditional means come out near 0.7 and -0.3),
    // so the check is the direction and a clear shift; unconditioned, E[x] = 0.
    const xHi = mean(values(hi.columns[0]!)), xLo = mean(values(lo.columns[0]!));
    expect(xHi).toBeGreaterThan(0.5);
    expect(xLo).toBeLessThan(-0.2);
    // y follows x through the correlation (E[y | x] = 0.8 x).
    expect(Math.abs(mean(values(hi.columns[1]!)) - 0.8 * xHi)).toBeLessThan(0.1);
    expect(Math.abs(mean(values(lo.columns[1]!)) - 0.8 * xLo)).toBeLessThan(0.1);
  });

  it('conditioning on a numeric value moves a correlated normal column to r * x (Gaussian conditional)', () => {
    const s = sampleCopula(model, 3000, createRng(6), { column: 'x', value: '1.5' });
    expect(values(s.columns[0]!).every((v) => v === 1.5)).toBe(true);
    const y = values(s.columns[1]!);
    expect(Math.abs(mean(y) - 1.2)).toBeLessThan(0.1);
    const sd = Math.sqrt(mean(y.map((v) => (v - mean(y)) ** 2)));
    expect(Math.abs(sd - 0.6)).toBeLessThan(0.08);
  });

  it('rejects impossible or malformed conditions with one-line errors', () => {
    expect(() => sampleCopula(model, 5, createRng(1), { column: 'g', value: 'nope' })).toThrow(/never occurs/);
    expect(() => sampleCopula(model, 5, createRng(1), { column: 'zz', value: '1' })).toThrow(/no such column/);
    expect(() => sampleCopula(model, 5, createRng(1), { column: 'x', value: 'abc' })).toThrow(/needs a number/);
    expect(() => sampleCopula(model, 5, createRng(1), { column: 'x', value: '99' })).toThrow(/outside the range/);
  });

  it('is JSON-serialisable: a parsed copy samples the same rows under the same seed', () => {
    const copy: unknown = JSON.parse(JSON.stringify(model));
    assertCopulaModel(copy);
    const a = sampleCopula(model, 50, createRng(9)), b = sampleCopula(copy, 50, createRng(9));
    expect(values(b.columns[1]!)).toEqual(values(a.columns[1]!));
    expect(() => assertCopulaModel({ format: 'x' })).toThrow(/Not a Gaussian copula model/);
  });

  it('drops excluded columns, regenerates identifiers and writes ISO dates back in their shape', () => {
    const t: Table = {
      rowCount: 6,
      columns: [
        stringColumn('id', ['C001', 'C002', 'C003', 'C004', 'C005', 'C006']),
        stringColumn('day', ['2024-01-01', '2024-01-05', null, '2024-02-01', '2024-01-20', '2024-03-01']),
        numericColumn('secret', Float64Array.from([1, 2, 3, 4, 5, 6])),
        numericColumn('flag', Float64Array.from([0, 1, 0, 0, 1, 0])),
      ],
    };
    const m = fitCopula(t, [
      { name: 'id', kind: 'identifier' },
      { name: 'day', kind: 'datetime' },
      { name: 'secret', kind: 'continuous', excluded: true },
      { name: 'flag', kind: 'boolean' },
    ], createRng(1));
    const s = sampleCopula(m, 20, createRng(2));
    expect(s.columns.map((c) => c.name)).toEqual(['id', 'day', 'flag']);
    expect(cellText(s.columns[0]!, 0)).toBe('C001');
    expect(cellText(s.columns[0]!, 19)).toBe('C020');
    for (let r = 0; r < 20; r++) {
      const d = cellText(s.columns[1]!, r);
      if (d !== null) {
        expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(d >= '2024-01-01' && d <= '2024-03-01').toBe(true);
      }
      expect(['0', '1']).toContain(cellText(s.columns[2]!, r));
    }
  });
});

describe('free-text columns in the copula', () => {
  it('never stores or outputs real text: only the missing share, as "text N" placeholders', () => {
    const secrets = Array.from({ length: 60 }, (_, i) => (i % 6 === 0 ? null : `secret note number ${i} about a customer`));
    const table = { rowCount: 60, columns: [numericColumn('x', Float64Array.from({ length: 60 }, (_, i) => i)), stringColumn('note', secrets)] };
    const plan: ColumnPlan[] = [{ name: 'x', kind: 'integer' }, { name: 'note', kind: 'text' }];
    const model = fitCopula(table, plan, createRng(1));
    expect(JSON.stringify(model)).not.toContain('secret');
    const out = sampleCopula(model, 600, createRng(2));
    const note = out.columns[1]!;
    expect(note.type).toBe('string');
    const texts = toRows(out).map((r) => r[1]);
    expect(texts.some((t) => t !== null && t.includes('secret'))).toBe(false);
    const missing = texts.filter((t) => t === null).length / texts.length;
    expect(missing).toBeGreaterThan(0.1);
    expect(missing).toBeLessThan(0.25);
    expect(texts.find((t) => t !== null)).toMatch(/^text \d+$/);
  });
});
