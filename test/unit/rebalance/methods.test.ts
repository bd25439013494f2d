import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import { numericColumn, stringColumn, toRows, type Table } from '../../../src/core/table/table.ts';
import { undersample } from '../../../src/core/rebalance/undersample.ts';
import { oversample } from '../../../src/core/rebalance/oversample.ts';
import { classWeights } from '../../../src/core/rebalance/class-weights.ts';
import { countLabels, rowsToAdd } from '../../../src/core/rebalance/training-set.ts';
import { alignToSchema, ctganOversample } from '../../../src/core/rebalance/ctgan.ts';
import { resolveTarget, suggestTarget, binaryLabels } from '../../../src/core/rebalance/target.ts';
import type { Profile } from '../../../src/core/types.ts';

function table(n: number, positives: number): { t: Table; y: Uint8Array } {
  const ys = Array.from({ length: n }, (_, i) => (i < positives ? 'pos' : 'neg'));
  const t: Table = { rowCount: n, columns: [numericColumn('id', Float64Array.from({ length: n }, (_, i) => i)), stringColumn('y', ys)] };
  return { t, y: Uint8Array.from(ys, (v) => (v === 'pos' ? 1 : 0)) };
}

describe('resampling methods', () => {
  it('rowsToAdd reaches ceil(ratio * majority) minority rows', () => {
    expect(rowsToAdd(10, 90, 1)).toBe(80);
    expect(rowsToAdd(10, 90, 0.5)).toBe(35);
    expect(rowsToAdd(60, 90, 0.5)).toBe(0);
    expect(() => rowsToAdd(1, 2, 0)).toThrow(/Ratio/);
    expect(() => rowsToAdd(1, 2, 1.5)).toThrow(/Ratio/);
  });

  it('undersample keeps every minority row and ceil(minority / ratio) distinct majority rows', () => {
    const { t, y } = table(100, 8);
    const out = undersample(t, y, 0.5, createRng(1));
    expect(countLabels(out.labels)).toEqual({ minority: 8, majority: 16 });
    const ids = toRows(out.table).map((r) => Number(r[0]));
    expect(new Set(ids).size).toBe(24);
    for (let i = 0; i < 8; i++) expect(ids).toContain(i);
  });

  it('oversample duplicates minority rows only, up to balance', () => {
    const { t, y } = table(100, 8);
    const out = oversample(t, y, 1, createRng(1));
    expect(countLabels(out.labels)).toEqual({ minority: 92, majority: 92 });
    const added = toRows(out.table).slice(100);
    expect(added.every((r) => Number(r[0]) < 8 && r[1] === 'pos')).toBe(true);
  });

  it('class weights are n / (2 n_c), so each class carries half the weight', () => {
    const { t, y } = table(100, 20);
    const { weights } = classWeights(t, y);
    expect(weights![0]).toBeCloseTo(100 / 40, 12);
    expect(weights![99]).toBeCloseTo(100 / 160, 12);
    let w1 = 0, w0 = 0;
    for (let i = 0; i < 100; i++) {
      if (y[i]) w1 += weights![i]!;
      else w0 += weights![i]!;
    }
    expect(w1).toBeCloseTo(w0, 9);
  });

  it('ctganOversample aligns the synthesizer output by name and forces the minority target', async () => {
    const { t, y } = table(50, 5);
    const out = await ctganOversample(t, 1, y, 'pos', 1, createRng(1), async (train, n, value) => {
      expect(train.rowCount).toBe(50);
      expect(value).toBe('pos');
      // Columns in another order, the target partly wrong: both must be repaired.
      return { rowCount: n, columns: [stringColumn('y', Array.from({ length: n }, (_, i) => (i % 2 ? 'pos' : 'neg'))), stringColumn('id', Array.from({ length: n }, () => '7'))] };
    });
    expect(countLabels(out.labels)).toEqual({ minority: 45, majority: 45 });
    const rows = toRows(out.table).slice(50);
    expect(rows.every((r) => r[0] === '7' && r[1] === 'pos')).toBe(true);
    expect(out.synthetic.reduce((a, b) => a + b, 0)).toBe(40);
  });

  it('alignToSchema rejects a synthesizer output missing a column', () => {
    const { t } = table(4, 1);
    expect(() => alignToSchema({ rowCount: 1, columns: [stringColumn('y', ['pos'])] }, t)).toThrow(/no column 'id'/);
  });
});

describe('target', () => {
  it('picks the rarest class as minority, honours an explicit one, and rejects bad targets', () => {
    const t: Table = { rowCount: 6, columns: [stringColumn('k', ['a', 'b', 'a', 'c', 'a', 'b']), numericColumn('v', Float64Array.from([1, 2, 3, 4, 5, 6]))] };
    expect(resolveTarget(t, 'k').minorityClass).toBe('c');
    expect(resolveTarget(t, 'k', 'b').minorityClass).toBe('b');
    expect([...binaryLabels(t, resolveTarget(t, 'k', 'b'))]).toEqual([0, 1, 0, 0, 0, 1]);
    expect(() => resolveTarget(t, 'k', 'z')).toThrow(/not a value/);
    expect(() => resolveTarget(t, 'nope')).toThrow(/No column named 'nope'/);
    const one: Table = { rowCount: 2, columns: [stringColumn('k', ['a', 'a'])] };
    expect(() => resolveTarget(one, 'k')).toThrow(/at least two classes/);
  });

  it('suggestTarget prefers the most imbalanced binary column', () => {
    const n = 100;
    const t: Table = {
      rowCount: n,
      columns: [
        stringColumn('sex', Array.from({ length: n }, (_, i) => (i < 33 ? 'F' : 'M'))),
        stringColumn('race', Array.from({ length: n }, (_, i) => (i < 1 ? 'x' : i < 10 ? 'y' : 'z'))),
        stringColumn('income', Array.from({ length: n }, (_, i) => (i < 24 ? '>50K' : '<=50K'))),
      ],
    };
    const profile = { rows: n, columns: t.columns.map((c, index) => ({ name: c.name, index, kind: 'categorical', reason: '', count: n, missing: 0, distinct: 2 })) } as Profile;
    expect(suggestTarget(t, profile)).toBe('income');
  });
});
