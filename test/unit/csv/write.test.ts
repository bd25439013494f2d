import fc from 'fast-check';
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/csv/parse.ts';
import { isFormulaLike, quoteField, tableToCsv, tableToCsvChunks } from '../../../src/core/csv/write.ts';
import { numericColumn, stringColumn, type Table } from '../../../src/core/table/table.ts';
import { snapshot } from './helpers.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url), 'utf8');

describe('tableToCsv', () => {
  it('writes header first, quotes per RFC 4180, leaves missing cells empty', () => {
    const t: Table = {
      rowCount: 3,
      columns: [
        stringColumn('name, full', ['Smith, John', 'say "hi"', null]),
        numericColumn('x', new Float64Array([1.5, NaN, -2]), 2),
        stringColumn('note', ['a\nb', ' padded', 'plain']),
      ],
    };
    expect(tableToCsv(t)).toBe('"name, full",x,note\n"Smith, John",1.50,"a\nb"\n"say ""hi""",," padded"\n,-2.00,plain\n');
  });

  it('never prints scientific notation or negative zero', () => {
    const t: Table = { rowCount: 5, columns: [numericColumn('v', new Float64Array([1e-7, -0, -0.0001, 1e21, 123456789012]), 3)] };
    expect(tableToCsv(t)).toBe('v\n0.000\n0.000\n0.000\n1000000000000000000000.000\n123456789012.000\n');
    const ints: Table = { rowCount: 2, columns: [numericColumn('v', new Float64Array([-0.4, 2.6]), 0)] };
    expect(tableToCsv(ints)).toBe('v\n0\n3\n');
  });

  it('writes a one-column table\'s missing cells as NA so they survive a round trip', () => {
    const t: Table = { rowCount: 3, columns: [stringColumn('a', ['x', null, 'y'])] };
    expect(tableToCsv(t)).toBe('a\nx\nNA\ny\n');
    expect(snapshot(parseCsv(tableToCsv(t)).table)).toEqual(snapshot(t));
  });

  it('yields the header then rowsPerChunk rows per chunk, CRLF on request', () => {
    const t: Table = { rowCount: 5, columns: [numericColumn('n', new Float64Array([1, 2, 3, 4, 5]))] };
    expect([...tableToCsvChunks(t, { rowsPerChunk: 2 })]).toEqual(['n\n', '1\n2\n', '3\n4\n', '5\n']);
    expect(tableToCsv(t, { newline: '\r\n', rowsPerChunk: 3 })).toBe('n\r\n1\r\n2\r\n3\r\n4\r\n5\r\n');
  });
});

describe('formula-injection protection', () => {
  it('prefixes text cells starting with = + - @ TAB CR with a single quote', () => {
    const t: Table = { rowCount: 6, columns: [stringColumn('c', ['=SUM(A1:A9)', '+1+1', '-2+3', '@cmd', '\tx', 'safe'])] };
    expect(tableToCsv(t)).toBe("c\n'=SUM(A1:A9)\n'+1+1\n'-2+3\n'@cmd\n'\tx\nsafe\n");
  });

  it('leaves numbers alone: numeric columns and text cells that are plain numbers', () => {
    const t: Table = {
      rowCount: 2,
      columns: [numericColumn('n', new Float64Array([-3.5, 2]), 1), stringColumn('s', ['-5', 'abc'])],
    };
    expect(tableToCsv(t)).toBe('n,s\n-3.5,-5\n2.0,abc\n');
  });

  it('protects column names too, and can be turned off', () => {
    const t: Table = { rowCount: 1, columns: [stringColumn('=evil', ['=1+2'])] };
    expect(tableToCsv(t)).toBe("'=evil\n'=1+2\n");
    expect(tableToCsv(t, { formulaSafe: false })).toBe('=evil\n=1+2\n');
  });

  it('isFormulaLike and quoteField on their own', () => {
    expect(isFormulaLike('=1')).toBe(true);
    expect(isFormulaLike('-1.5')).toBe(false);
    expect(isFormulaLike('-x')).toBe(true);
    expect(isFormulaLike('a=1')).toBe(false);
    expect(quoteField('a;b', ';')).toBe('"a;b"');
    expect(quoteField('a;b')).toBe('a;b');
  });
});

describe('round trip parse(write(t))', () => {
  it('reproduces fixture tables with quotes, newlines, CRLF and missing cells', () => {
    for (const name of ['quotes-crlf.csv', 'mixed.csv']) {
      const t = parseCsv(fixture(name)).table;
      expect(snapshot(parseCsv(tableToCsv(t)).table)).toEqual(snapshot(t));
    }
  });

  it('reproduces the Adult demo', () => {
    const path = new URL('../../../public/demo/adult.csv', import.meta.url);
    if (!existsSync(path)) return;
    const t = parseCsv(readFileSync(path, 'utf8')).table;
    expect(snapshot(parseCsv(tableToCsv(t)).table)).toEqual(snapshot(t));
  });

  it('reproduces random tables (property)', () => {
    const text = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s.trim() !== '' && !['NA', 'N/A', 'null', 'NULL', 'NaN', '?', 'nan', 'None'].includes(s));
    const table = fc.integer({ min: 1, max: 12 }).chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        fc.array(fc.option(text, { nil: null }), { minLength: rows, maxLength: rows }),
        fc.array(fc.option(fc.integer({ min: -1e6, max: 1e6 }), { nil: null }), { minLength: rows, maxLength: rows }),
      ),
    );
    fc.assert(
      fc.property(table, ([rows, texts, nums]) => {
        // Give the text column one surely-non-numeric value so it stays text when read back.
        const t: Table = {
          rowCount: rows + 1,
          columns: [
            stringColumn('s', [...texts, 'zz']),
            numericColumn('n', Float64Array.from([...nums, 7], (v) => (v === null ? NaN : v / 100)), 2),
          ],
        };
        expect(snapshot(parseCsv(tableToCsv(t, { formulaSafe: false })).table)).toEqual(snapshot(t));
      }),
      { numRuns: 200 },
    );
  });
});
