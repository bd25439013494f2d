import { describe, expect, it } from 'vitest';
import { appendSameSchema, concatTables, dictionaryCoder, numericColumn, stringColumn, toRows, type Table } from '../../../src/core/table/table.ts';

describe('dictionaryCoder', () => {
  it('keeps existing codes, appends new values in order of first appearance, null/undefined -> -1', () => {
    const dictionary = ['a', 'b'];
    const code = dictionaryCoder(dictionary);
    expect([code('b'), code('c'), code(null), code('a'), code('c'), code(undefined), code('d')]).toEqual([1, 2, -1, 0, 2, -1, 3]);
    expect(dictionary).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('stringColumn', () => {
  it('codes in order of first appearance', () => {
    const col = stringColumn('x', ['q', null, 'p', 'q']);
    expect(Array.from(col.codes)).toEqual([0, -1, 1, 0]);
    expect(col.dictionary).toEqual(['q', 'p']);
  });
});

describe('appendSameSchema / concatTables', () => {
  const a: Table = { rowCount: 2, columns: [numericColumn('n', Float64Array.of(1, NaN), 0), stringColumn('s', ['x', 'y'])] };
  it('appendSameSchema keeps codes and a`s decimals', () => {
    const sa = a.columns[1]!;
    if (sa.type !== 'string') throw new Error('fixture');
    const b: Table = { rowCount: 1, columns: [numericColumn('n', Float64Array.of(2.5), 1), { ...sa, codes: Int32Array.of(1) }] };
    const t = appendSameSchema(a, b);
    expect(t.rowCount).toBe(3);
    expect(toRows(t)).toEqual([['1', 'x'], [null, 'y'], ['3', 'y']]);
  });
  it('appendSameSchema rejects a column whose type changed', () => {
    const b: Table = { rowCount: 1, columns: [stringColumn('n', ['1']), stringColumn('s', ['x'])] };
    expect(() => appendSameSchema(a, b)).toThrow(/changed type/);
  });
  it('concatTables re-codes strings by text and widens decimals', () => {
    const b: Table = { rowCount: 1, columns: [numericColumn('n', Float64Array.of(2.5), 1), stringColumn('s', ['y'])] };
    const t = concatTables(a, b);
    expect(toRows(t)).toEqual([['1.0', 'x'], [null, 'y'], ['2.5', 'y']]);
  });
});
