import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import { numericColumn, stringColumn, type Table } from '../../../src/core/table/table.ts';
import { smote, _internals } from '../../../src/core/rebalance/smote.ts';
import { countLabels } from '../../../src/core/rebalance/training-set.ts';

/** 40 majority rows and 12 minority rows with two numerics, one categorical and a target. */
function fixture(): { table: Table; labels: Uint8Array } {
  const rng = createRng(3);
  const x: number[] = [], z: number[] = [], c: string[] = [], y: string[] = [];
  for (let i = 0; i < 52; i++) {
    const minority = i % 13 === 0 || i >= 43;
    x.push(minority ? 5 + rng.normal() : rng.normal());
    z.push(Math.round((minority ? 20 : 0) + 3 * rng.normal()));
    c.push(minority ? (rng.next() < 0.7 ? 'red' : 'blue') : rng.next() < 0.5 ? 'green' : 'blue');
    y.push(minority ? 'yes' : 'no');
  }
  const table: Table = {
    rowCount: 52,
    columns: [numericColumn('x', Float64Array.from(x), 3), stringColumn('c', c), numericColumn('z', Float64Array.from(z)), stringColumn('y', y)],
  };
  return { table, labels: Uint8Array.from(y, (v) => (v === 'yes' ? 1 : 0)) };
}

describe('smote (SMOTE-NC)', () => {
  it('balances the classes and labels the new rows as synthetic minority rows', () => {
    const { table, labels } = fixture();
    const before = countLabels(labels);
    const out = smote(table, 3, labels, 1, createRng(1));
    const after = countLabels(out.labels);
    expect(after.majority).toBe(before.majority);
    expect(after.minority).toBe(before.majority);
    expect(out.table.rowCount).toBe(2 * before.majority);
    expect(out.synthetic.reduce((a, b) => a + b, 0)).toBe(before.majority - before.minority);
    // Target cells of the new rows are the minority class.
    const y = out.table.columns[3]!;
    if (y.type !== 'string') throw new Error('target should be a string column');
    for (let r = table.rowCount; r < out.table.rowCount; r++) expect(y.dictionary[y.codes[r]!]).toBe('yes');
  });

  it('puts every synthetic row on a segment between a minority row and one of its k neighbours, with the neighbours\' majority category', () => {
    const { table, labels } = fixture();
    const out = smote(table, 3, labels, 1, createRng(2));
    const mm = _internals.minorityMatrix(table, 3, labels);
    const neighbours = mm.rows.map((_, i) => _internals.nearestMinority(mm, i, 5));
    const x = table.columns[0]!, c = table.columns[1]!, z = table.columns[2]!;
    const ox = out.table.columns[0]!, oc = out.table.columns[1]!, oz = out.table.columns[2]!;
    if (x.type !== 'numeric' || z.type !== 'numeric' || c.type !== 'string') throw new Error('fixture types');
    if (ox.type !== 'numeric' || oz.type !== 'numeric' || oc.type !== 'string') throw new Error('output types');
    for (let s = table.rowCount; s < out.table.rowCount; s++) {
      const sx = ox.values[s]!, sz = oz.values[s]!;
      const found = mm.rows.some((ri, i) =>
        neighbours[i]!.some((j) => {
          const rj = mm.rows[j]!;
          const dx = x.values[rj]! - x.values[ri]!, dz = z.values[rj]! - z.values[ri]!;
          // One gap u for all numeric columns: the point is on the segment [x_i, x_j].
          const u = Math.abs(dx) > 1e-12 ? (sx - x.values[ri]!) / dx : (sz - z.values[ri]!) / dz;
          if (!(u >= -1e-9 && u <= 1 + 1e-9)) return false;
          if (Math.abs(x.values[ri]! + u * dx - sx) > 1e-9 || Math.abs(z.values[ri]! + u * dz - sz) > 1e-9) return false;
          const counts = new Map<number, number>();
          for (const t of neighbours[i]!) counts.set(c.codes[mm.rows[t]!]!, (counts.get(c.codes[mm.rows[t]!]!) ?? 0) + 1);
          const top = Math.max(...counts.values());
          return counts.get(oc.codes[s]!) === top;
        }),
      );
      expect(found, `synthetic row ${s}`).toBe(true);
    }
  });

  it('uses Med^2 (median minority std of standardized numerics) as the categorical mismatch penalty', () => {
    // Minority rows only: the numerics are standardized over the whole table, which is the minority here.
    const table: Table = {
      rowCount: 4,
      columns: [
        numericColumn('a', Float64Array.from([0, 2, 0, 2])), // std 1 -> standardized std 1
        numericColumn('b', Float64Array.from([0, 0, 4, 4])), // std 2 -> standardized std 1
        stringColumn('c', ['p', 'q', 'p', 'q']),
        stringColumn('y', ['1', '1', '1', '1']),
      ],
    };
    const mm = _internals.minorityMatrix(table, 3, Uint8Array.from([1, 1, 1, 1]));
    expect(mm.penalty).toBeCloseTo(1, 12);
    // Rows 0 and 1: a differs by 2 raw = 2 standardized -> 4, plus one category mismatch -> 5.
    expect(_internals.distance(mm, 0, 1)).toBeCloseTo(5, 12);
    // Rows 0 and 2: b differs by 4 raw = 2 standardized -> 4, same category.
    expect(_internals.distance(mm, 0, 2)).toBeCloseTo(4, 12);
  });

  it('is deterministic under a seed', () => {
    const { table, labels } = fixture();
    const a = smote(table, 3, labels, 0.5, createRng(7));
    const b = smote(table, 3, labels, 0.5, createRng(7));
    const va = a.table.columns[0]!, vb = b.table.columns[0]!;
    if (va.type !== 'numeric' || vb.type !== 'numeric') throw new Error('types');
    expect([...va.values]).toEqual([...vb.values]);
    expect(countLabels(a.labels).minority).toBe(Math.ceil(0.5 * countLabels(labels).majority));
  });
});
