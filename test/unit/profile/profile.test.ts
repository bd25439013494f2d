import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/csv/parse.ts';
import { profileTable } from '../../../src/core/profile/profile.ts';
import { numericColumn, stringColumn, type Table } from '../../../src/core/table/table.ts';
import { createRng } from '../../../src/core/rng.ts';

const adultPath = new URL('../../../public/demo/adult.csv', import.meta.url);

describe('profileTable on the Adult demo', () => {
  it.runIf(existsSync(adultPath))('gives the kinds decided by hand', () => {
    const profile = profileTable(parseCsv(readFileSync(adultPath, 'utf8')).table);
    const kinds = Object.fromEntries(profile.columns.map((c) => [c.name, c.kind]));
    // Decisions (written before running): whole-number measures are `integer` (modelled as
    // continuous and rounded back, as CTGAN treats them); education-num has 16 values, above the
    // 10-value categorical limit, so it is `integer` too; income has two values that are not a
    // yes/no pair, so it is `categorical` (one-hot either way); fnlwgt is nearly but not fully
    // unique in this sample and sparse, so not an identifier.
    expect(kinds).toEqual({
      age: 'integer',
      workclass: 'categorical',
      fnlwgt: 'integer',
      education: 'categorical',
      'education-num': 'integer',
      'marital-status': 'categorical',
      occupation: 'categorical',
      relationship: 'categorical',
      race: 'categorical',
      sex: 'categorical',
      'capital-gain': 'integer',
      'capital-loss': 'integer',
      'hours-per-week': 'integer',
      'native-country': 'categorical',
      income: 'categorical',
    });
    const workclass = profile.columns.find((c) => c.name === 'workclass')!;
    expect(workclass.missing).toBeGreaterThan(0); // '?' is missing
    expect(workclass.categories!.top[0]!.value).toBe('Private'); // trimmed
    expect(profile.columns.find((c) => c.name === 'income')!.categories!.top.map((t) => t.value).sort()).toEqual(['<=50K', '>50K']);
    const age = profile.columns.find((c) => c.name === 'age')!;
    expect(age.numeric!.histogram.counts.reduce((a, b) => a + b, 0)).toBe(profile.rows);
  });
});

describe('profileTable on hand-built columns of every kind', () => {
  const n = 200;
  const rng = createRng(3);
  const table: Table = {
    rowCount: n,
    columns: [
      numericColumn('row_id', Float64Array.from({ length: n }, (_, i) => i + 1)),
      stringColumn('uuid', Array.from({ length: n }, (_, i) => `u-${(i * 7919).toString(36)}`)),
      numericColumn('price', Float64Array.from({ length: n }, () => Math.round(rng.next() * 10000) / 100), 2),
      numericColumn('count', Float64Array.from({ length: n }, (_, i) => (i * 37) % 150)),
      numericColumn('rating', Float64Array.from({ length: n }, (_, i) => 1 + (i % 5))),
      stringColumn('color', Array.from({ length: n }, (_, i) => ['red', 'green', 'blue'][i % 3]!)),
      stringColumn('active', Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'Yes' : 'no'))),
      numericColumn('flag', Float64Array.from({ length: n }, (_, i) => i % 2)),
      stringColumn('day', Array.from({ length: n }, (_, i) => `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`)),
      stringColumn('comment', Array.from({ length: n }, (_, i) => `This is a fairly long free-text comment number ${i} about the item`)),
      stringColumn('country', Array.from({ length: n }, () => 'FR')),
      stringColumn('nothing', Array.from({ length: n }, () => null)),
      numericColumn('gaps', Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? NaN : i * 1.5)), 1),
    ],
  };
  const profile = profileTable(table);
  const by = (name: string) => profile.columns.find((c) => c.name === name)!;

  it('decides each kind', () => {
    expect(profile.columns.map((c) => [c.name, c.kind])).toEqual([
      ['row_id', 'identifier'], ['uuid', 'identifier'], ['price', 'continuous'], ['count', 'integer'],
      ['rating', 'categorical'], ['color', 'categorical'], ['active', 'boolean'], ['flag', 'boolean'],
      ['day', 'datetime'], ['comment', 'text'], ['country', 'constant'], ['nothing', 'empty'], ['gaps', 'continuous'],
    ]);
    for (const c of profile.columns) expect(c.reason.length).toBeGreaterThan(5);
  });

  it('counts missing and distinct values', () => {
    expect(by('gaps')).toMatchObject({ count: 150, missing: 50, distinct: 150 });
    expect(by('nothing')).toMatchObject({ count: 0, missing: 200, distinct: 0 });
    expect(by('color')).toMatchObject({ count: 200, missing: 0, distinct: 3 });
  });

  it('summarises numbers with hand-checkable statistics', () => {
    const r = by('rating').numeric!;
    expect([r.min, r.max, r.mean]).toEqual([1, 5, 3]);
    expect(r.quantiles.p50).toBe(3);
    expect(r.decimals).toBe(0);
    expect(by('rating').categories!.top).toEqual([1, 2, 3, 4, 5].map((v) => ({ value: String(v), count: 40 })));
    expect(by('price').numeric!.decimals).toBe(2);
    expect(by('price').numeric!.histogram.counts.length).toBe(20);
  });

  it('lists the top categories, most frequent first', () => {
    expect(by('active').categories!.top).toEqual([{ value: 'no', count: 133 }, { value: 'Yes', count: 67 }]);
    expect(by('comment').categories!.top.length).toBe(20);
  });

  it('records the datetime format and a summary in epoch milliseconds', () => {
    const day = by('day');
    expect(day.datetimeFormat).toBe('YYYY-MM-DD');
    expect(day.numeric!.min).toBe(Date.UTC(2024, 0, 1));
    expect(day.numeric!.max).toBe(Date.UTC(2024, 11, 28));
  });

  it('calls a 10,000-category text column categorical with a warning', () => {
    const rows = 50_000;
    const t: Table = { rowCount: rows, columns: [stringColumn('sku', Array.from({ length: rows }, (_, i) => `sku-${i % 10_000}`))] };
    const c = profileTable(t).columns[0]!;
    expect(c.kind).toBe('categorical');
    expect(c.distinct).toBe(10_000);
    expect(c.warning).toMatch(/10000 categories/);
  });

  it('does not call an almost-date column datetime', () => {
    const t: Table = { rowCount: 3, columns: [stringColumn('d', ['2024-01-01', '2024-02-30', '2024-03-01'])] };
    expect(profileTable(t).columns[0]!.kind).toBe('categorical');
  });
});
