import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/metrics/evaluate.ts';
import { associationMatrix, quickQuality } from '../../../src/core/metrics/quality-report.ts';
import { efficacy } from '../../../src/core/metrics/efficacy.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { Rng } from '../../../src/core/rng.ts';
import { numericColumn, stringColumn, takeRows } from '../../../src/core/table/table.ts';
import type { Table } from '../../../src/core/table/table.ts';

/** Correlated mixed data: x, y = x + noise, a category from x, a category from y, an id column. */
function correlated(n: number, rng: Rng): Table {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const cx: string[] = [];
  const cy: string[] = [];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    x[i] = rng.normal();
    y[i] = x[i]! + 0.3 * rng.normal();
    cx.push(x[i]! > 0.5 ? 'high' : x[i]! > -0.5 ? 'mid' : 'low');
    cy.push(y[i]! > 0 ? 'yes' : 'no');
    ids.push(`id-${i}`);
  }
  return { rowCount: n, columns: [numericColumn('x', x, 3), numericColumn('y', y, 3), stringColumn('cx', cx), stringColumn('cy', cy), stringColumn('id', ids)] };
}

/** Every column permuted independently: same marginals, no joint structure. */
function shuffleColumns(t: Table, rng: Rng): Table {
  return {
    rowCount: t.rowCount,
    columns: t.columns.map((c) => takeRows({ rowCount: t.rowCount, columns: [c] }, rng.shuffle(Int32Array.from({ length: t.rowCount }, (_, i) => i))).columns[0]!),
  };
}

describe('evaluate', () => {
  const real = correlated(1500, createRng(1));

  it('scores identical real and synthetic data 1.0 everywhere', () => {
    const r = evaluate(real, real);
    expect(r.quality.overall).toBe(1);
    expect(r.quality.columnShapes).toBe(1);
    expect(r.quality.columnPairTrends).toBe(1);
    expect(r.quality.columnPairTrendsTrending).toBe(1);
    for (const c of r.quality.columns) expect(c.score).toBe(1);
    for (const p of r.quality.pairs) expect(p.score).toBeCloseTo(1, 12);
    expect(r.diagnostics).toMatchObject({ boundaryAdherence: 1, categoryAdherence: 1 });
    expect(r.privacy.exactCopyRate).toBe(1);
    expect(r.privacy.dcrMedian).toBe(0);
  });

  it('independently shuffled columns keep the shapes (1.0) but lose the pair trends, in both variants', () => {
    const r = evaluate(real, shuffleColumns(real, createRng(2)));
    expect(r.quality.columnShapes).toBe(1);
    expect(r.quality.columnPairTrends).toBeLessThan(0.75);
    expect(r.quality.columnPairTrendsTrending!).toBeLessThan(0.7);
    // x-y correlation ~0.96 in real, ~0 when shuffled -> score ~0.52.
    const xy = r.quality.pairs.find((p) => p.a === 'x' && p.b === 'y')!;
    expect(xy.trending).toBe(true);
    expect(xy.score).toBeLessThan(0.56);
  });

  it('reports the DESIGN.md JSON shape and the column roles', () => {
    const r = evaluate(real, correlated(800, createRng(3)), { target: 'cy', model: 'logistic' });
    expect(Object.keys(r.quality)).toEqual(expect.arrayContaining(['overall', 'columnShapes', 'columnPairTrends', 'columnPairTrendsTrending', 'columns', 'pairs']));
    expect(Object.keys(r.privacy)).toEqual(expect.arrayContaining(['exactCopyRate', 'dcrMedian', 'holdoutDcrMedian']));
    expect(r.columns.find((c) => c.name === 'id')).toEqual({ name: 'id', kind: 'identifier', role: 'excluded' });
    expect(r.quality.columns.map((c) => c.name)).toEqual(['x', 'y', 'cx', 'cy']);
    expect(r.quality.pairs).toHaveLength(6);
    expect(r.efficacy!.target).toBe('cy');
    for (const k of ['accuracy', 'f1', 'rocAuc', 'prAuc'] as const) {
      expect(r.efficacy!.real[k]).toBeGreaterThan(0.8);
      expect(r.efficacy!.synthetic[k]).toBeGreaterThan(0.8);
    }
    // JSON round trip keeps every number finite here.
    expect(JSON.parse(JSON.stringify(r)).quality.overall).toBeCloseTo(r.quality.overall, 12);
  });

  it('is deterministic under a seed', () => {
    const synth = correlated(600, createRng(4));
    const a = evaluate(real, synth, { rng: createRng(9), target: 'cx' });
    const b = evaluate(real, synth, { rng: createRng(9), target: 'cx' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('names the mismatching columns', () => {
    const synth: Table = { rowCount: real.rowCount, columns: [...real.columns.slice(0, 3), stringColumn('extra', new Array<string>(real.rowCount).fill('z'))] };
    expect(() => evaluate(real, synth)).toThrow(/lacks 'cy', 'id' and has extra 'extra'/);
  });

  it('rejects a continuous target and an empty synthetic table', () => {
    expect(() => evaluate(real, real, { target: 'x' })).toThrow(/categorical target/);
    expect(() => evaluate(real, takeRows(real, []))).toThrow(/no rows/);
  });
});

describe('quickQuality and associationMatrix', () => {
  it('quickQuality matches the full report on small tables and drops on shuffled data', () => {
    const real = correlated(500, createRng(5));
    const synth = correlated(500, createRng(6));
    const full = evaluate(real, synth).quality;
    const quick = quickQuality(real, synth, { maxRows: 1000 });
    expect(quick.overall).toBeCloseTo(full.overall, 12);
    expect(quickQuality(real, shuffleColumns(real, createRng(7))).columnPairTrends).toBeLessThan(0.75);
  });

  it('associationMatrix gives r, V and eta per pair, symmetric with a unit diagonal', () => {
    const real = correlated(800, createRng(8));
    const m = associationMatrix(real, shuffleColumns(real, createRng(9)));
    expect(m.columns).toEqual(['x', 'y', 'cx', 'cy']);
    expect(m.method[0]![1]).toBe('pearson');
    expect(m.method[0]![2]).toBe('correlation-ratio');
    expect(m.method[2]![3]).toBe('cramers-v');
    expect(m.real[0]![1]).toBeGreaterThan(0.9);
    expect(Math.abs(m.synthetic[0]![1]!)).toBeLessThan(0.15);
    expect(m.real[1]![0]).toBe(m.real[0]![1]);
    expect(m.real[2]![2]).toBe(1);
  });
});

describe('efficacy', () => {
  it('TSTR on good synthetic data is close to TRTR; on shuffled data it collapses to chance', () => {
    const real = correlated(1500, createRng(10));
    const holdout = correlated(600, createRng(11));
    const good = efficacy(real, correlated(1500, createRng(12)), { target: 'cy', rng: createRng(1), holdout });
    expect(good.test).toBe('holdout');
    expect(good.positiveClass).toBe(good.classes[1]);
    expect(Math.abs(good.real.rocAuc - good.synthetic.rocAuc)).toBeLessThan(0.03);
    const bad = efficacy(real, shuffleColumns(real, createRng(13)), { target: 'cy', rng: createRng(1), holdout });
    expect(bad.synthetic.rocAuc).toBeLessThan(0.6);
    expect(bad.real.rocAuc).toBeGreaterThan(0.9);
  });

  it('multi-class targets use macro F1 and one-vs-rest AUC', () => {
    const real = correlated(900, createRng(14));
    const e = efficacy(real, correlated(900, createRng(15)), { target: 'cx', rng: createRng(2) });
    expect(e.task).toBe('multiclass');
    expect(e.test).toBe('real-split');
    expect(e.classes).toHaveLength(3);
    expect(e.real.rocAuc).toBeGreaterThan(0.85);
    expect(e.synthetic.f1).toBeGreaterThan(0.5);
  });
});
