/**
 * Column formats (core/csv/format.ts): the parser records each column's surrounding whitespace
 * and missing token; the writer puts them back, so output looks like the input.
 */
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatTracker, nonPlainFormats, type CsvFormats } from '../../../src/core/csv/format.ts';
import { parseCsv } from '../../../src/core/csv/parse.ts';
import { tableToCsv } from '../../../src/core/csv/write.ts';
import { numericColumn, stringColumn, type Table } from '../../../src/core/table/table.ts';
import { cells } from './helpers.ts';

const ADULT = new URL('../../../public/demo/adult.csv', import.meta.url);

describe('parser formats', () => {
  it('records Adult-style leading spaces and the missing token per column', () => {
    const text = 'age,workclass,income\n39, State-gov, <=50K\n50, ?, >50K\n38, Private, <=50K\n';
    const r = parseCsv(text);
    expect(cells(r.table, 'workclass')).toEqual(['State-gov', null, 'Private']);
    expect(r.formats).toEqual({
      age: { prefix: '', suffix: '', missing: '' },
      workclass: { prefix: ' ', suffix: '', missing: '?' },
      income: { prefix: ' ', suffix: '', missing: '' },
    });
  });

  it('keeps only the whitespace common to every non-missing cell, ignoring missing cells', () => {
    const r = parseCsv('a,b,c,d\n  x ,  p,q ,u\n y  , \tq, r,v\n   ,NA,NA,w \n', { header: true });
    expect(r.formats.a).toEqual({ prefix: ' ', suffix: ' ', missing: '' }); // '   ' trims to '' = missing
    expect(r.formats.b).toEqual({ prefix: ' ', suffix: '', missing: 'NA' }); // '  ' vs ' \t' share ' '
    expect(r.formats.c).toEqual({ prefix: '', suffix: '', missing: 'NA' }); // 'q ' has no prefix, ' r' no suffix
    expect(r.formats.d).toEqual({ prefix: '', suffix: '', missing: '' });
  });

  it('picks the most frequent missing token, the first seen on a tie', () => {
    const r = parseCsv('k,m,t\n1,?,NA\n2,NA,?\n3,NA,x\n4,,y\n', { header: true });
    expect(r.formats.m!.missing).toBe('NA'); // NA twice, ? once, '' once
    expect(r.formats.t!.missing).toBe('NA'); // NA and ? once each: NA came first
  });

  it('is the same whatever the chunking (streaming parser)', () => {
    const text = 'a,b\n x, ?\n y, z\n';
    const whole = parseCsv(text).formats;
    const t = new FormatTracker(2);
    t.value(0, ' x', 'x');
    t.missingCell(1, '?');
    t.value(0, ' y', 'y');
    t.value(1, ' z', 'z');
    expect(t.finish(['a', 'b'])).toEqual(whole);
  });

  it('nonPlainFormats drops the columns that change nothing', () => {
    const f: CsvFormats = { a: { prefix: '', suffix: '', missing: '' }, b: { prefix: ' ', suffix: '', missing: '' }, c: { prefix: '', suffix: '', missing: '?' } };
    expect(Object.keys(nonPlainFormats(f))).toEqual(['b', 'c']);
  });
});

describe('writer with formats', () => {
  const t: Table = {
    rowCount: 3,
    columns: [
      numericColumn('n', new Float64Array([1, NaN, 3]), 0),
      stringColumn('s', ['Private', null, 'a,b']),
      stringColumn('f', ['=1+2', 'x', null]),
    ],
  };

  it('writes whitespace bare around values and the missing token for missing cells', () => {
    const formats: CsvFormats = {
      n: { prefix: '', suffix: '', missing: 'NA' },
      s: { prefix: ' ', suffix: '', missing: '?' },
      f: { prefix: '  ', suffix: ' ', missing: '' },
    };
    // 'a,b' needs quotes anyway, so its whitespace goes inside them; formula guard still applies.
    expect(tableToCsv(t, { formats })).toBe('n,s,f\n1, Private,  \'=1+2 \nNA, ?,  x \n3," a,b",\n');
    const back = parseCsv(tableToCsv(t, { formats }));
    expect(cells(back.table, 's')).toEqual(['Private', null, 'a,b']);
    expect(back.formats.s).toEqual({ prefix: ' ', suffix: '', missing: '?' });
  });

  it('without formats (or for columns it does not name) writes plain cells', () => {
    expect(tableToCsv(t)).toBe("n,s,f\n1,Private,'=1+2\n,,x\n3,\"a,b\",\n");
    expect(tableToCsv(t, { formats: { other: { prefix: ' ', suffix: '', missing: '?' } } })).toBe(tableToCsv(t));
  });

  it('keeps NA for a one-column table whose missing token is empty', () => {
    const one: Table = { rowCount: 2, columns: [stringColumn('a', ['x', null])] };
    expect(tableToCsv(one, { formats: { a: { prefix: ' ', suffix: '', missing: '' } } })).toBe('a\n x\nNA\n');
  });

  it('quotes whitespace that holds the delimiter', () => {
    const one: Table = { rowCount: 1, columns: [stringColumn('a', ['x']), numericColumn('b', new Float64Array([2]))] };
    expect(tableToCsv(one, { delimiter: '\t', formats: { a: { prefix: '\t', suffix: '', missing: '' }, b: { prefix: '\t', suffix: '', missing: '' } } })).toBe(
      'a\tb\n"\tx"\t"\t2"\n',
    );
  });

  it.skipIf(!existsSync(ADULT))('reproduces the Adult demo file byte for byte', () => {
    const text = readFileSync(ADULT, 'utf8');
    const r = parseCsv(text);
    expect(r.formats.workclass).toEqual({ prefix: ' ', suffix: '', missing: '?' });
    expect(tableToCsv(r.table, { formats: r.formats })).toBe(text);
  });

  it('property: write then parse gives the same values and the same formats', () => {
    const word = fc.stringMatching(/^[a-z][a-z ,"]{0,6}[a-z]$/);
    const column = fc.record({
      values: fc.array(fc.option(word, { nil: null, freq: 4 }), { minLength: 6, maxLength: 6 }),
      prefix: fc.constantFrom('', ' ', '  '),
      suffix: fc.constantFrom('', ' '),
      missing: fc.constantFrom('', '?', 'NA'),
    });
    fc.assert(
      fc.property(fc.array(column, { minLength: 2, maxLength: 4 }), (cols) => {
        const table: Table = { rowCount: 6, columns: cols.map((c, j) => stringColumn(`c${j}`, c.values)) };
        const formats: CsvFormats = Object.fromEntries(cols.map((c, j) => [`c${j}`, { prefix: c.prefix, suffix: c.suffix, missing: c.missing }]));
        const back = parseCsv(tableToCsv(table, { formats }), { header: true });
        cols.forEach((c, j) => {
          const name = `c${j}`;
          expect(cells(back.table, name)).toEqual(c.values);
          const hasValue = c.values.some((v) => v !== null);
          const hasMissing = c.values.some((v) => v === null);
          expect(back.formats[name]).toEqual({
            prefix: hasValue ? c.prefix : '',
            suffix: hasValue ? c.suffix : '',
            missing: hasMissing ? c.missing : '',
          });
        });
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
