import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCsvParser, parseCsv, parseCsvBytes } from '../../../src/core/csv/parse.ts';
import { isSynthtabError } from '../../../src/core/errors.ts';
import { cells } from './helpers.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url), 'utf8');

/** The SynthtabError code and message thrown by fn. */
function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isSynthtabError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a SynthtabError');
}

describe('parseCsv: structure', () => {
  it('reads a header and typed columns', () => {
    const r = parseCsv('a,b,c\n1,x,2.5\n2,y,3\n');
    expect(r.hasHeader).toBe(true);
    expect(r.delimiter).toBe(',');
    expect(r.table.rowCount).toBe(2);
    expect(r.table.columns.map((c) => [c.name, c.type])).toEqual([['a', 'numeric'], ['b', 'string'], ['c', 'numeric']]);
    const c = r.table.columns[2]!;
    expect(c.type === 'numeric' && c.decimals).toBe(1);
    expect(cells(r.table, 'b')).toEqual(['x', 'y']);
  });

  it('handles CRLF, quoted commas, quoted CRLF newlines, escaped quotes and empty lines', () => {
    const r = parseCsv(fixture('quotes-crlf.csv'));
    expect(r.table.rowCount).toBe(3);
    expect(cells(r.table, 'name')).toEqual(['Smith, John', 'Ann', 'Lee']);
    expect(cells(r.table, 'comment')).toEqual(['said "hi"\r\nthen left', 'plain', 'multi\r\nline\r\nnote']);
    expect(cells(r.table, 'amount')).toEqual([12.5, -3, 7]);
  });

  it('strips a UTF-8 BOM from the first column name', () => {
    expect(parseCsv('\ufeffa,b\n1,2\n').table.columns[0]!.name).toBe('a');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b\n1,2\n')]);
    expect(parseCsvBytes(bytes).table.columns[0]!.name).toBe('a');
  });

  it('skips empty and blank lines anywhere, and a missing final newline is fine', () => {
    const r = parseCsv('\n\na,b\n\n1,2\n   \n3,4');
    expect(r.table.rowCount).toBe(2);
    expect(cells(r.table, 'a')).toEqual([1, 3]);
  });

  it('names columns column_1..n when the first row looks like data', () => {
    const r = parseCsv('1,2.5,3\n4,5,6\n');
    expect(r.hasHeader).toBe(false);
    expect(r.table.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
    expect(r.table.rowCount).toBe(2);
    // A header with a text cell among numbers is still a header.
    expect(parseCsv('id,2020,2021\n1,2,3\n').hasHeader).toBe(true);
    // The caller can force it either way.
    expect(parseCsv('1,2\n3,4\n', { header: true }).table.columns.map((c) => c.name)).toEqual(['1', '2']);
    expect(parseCsv('a,b\n3,4\n', { header: false }).table.rowCount).toBe(2);
  });

  it('renames duplicate and blank column names, with warnings', () => {
    const r = parseCsv('x,x,,x,x_2\n1,2,3,4,5\n');
    expect(r.table.columns.map((c) => c.name)).toEqual(['x', 'x_3', 'column_3', 'x_4', 'x_2']);
    expect(r.warnings).toContain('Column 3 has no name; called it column_3');
    expect(r.warnings).toContain("Duplicate column name 'x'; renamed to 'x_3'");
    const simple = parseCsv('a,a\n1,2\n');
    expect(simple.table.columns.map((c) => c.name)).toEqual(['a', 'a_2']);
  });
});

describe('parseCsv: values', () => {
  it('trims cells and keeps the trimmed text (Adult style " Private")', () => {
    const r = parseCsv('age,workclass\n39, State-gov\n50, Private \n');
    expect(cells(r.table, 'workclass')).toEqual(['State-gov', 'Private']);
  });

  it('reads the default missing tokens after trimming', () => {
    const r = parseCsv('a,b\n1,NA\n2, ? \n3,null\n4,None\n5,\n6,x\n7,nan\n8,N/A\n9,NULL\n10,NaN\n');
    expect(cells(r.table, 'b')).toEqual([null, null, null, null, null, 'x', null, null, null, null]);
    const n = parseCsv('a\n1\nNA\n 3 \n');
    expect(cells(n.table, 'a')).toEqual([1, null, 3]);
    expect(n.table.columns[0]!.type).toBe('numeric');
  });

  it('takes a configurable missing list (empty stays missing)', () => {
    const r = parseCsv('a,b\n1,NA\n2,-\n3,\n', { missingValues: ['-'] });
    expect(cells(r.table, 'b')).toEqual(['NA', null, null]);
  });

  it('keeps leading-zero codes as text, and turns a column to text at its first non-number', () => {
    const r = parseCsv('zip,n,mixed\n07500,0,1.50\n69001,0.5,2\n13001,-0.25,abc\n');
    expect(r.table.columns[0]!.type).toBe('string');
    expect(cells(r.table, 'zip')).toEqual(['07500', '69001', '13001']);
    expect(cells(r.table, 'n')).toEqual([0, 0.5, -0.25]);
    // Earlier numeric cells keep their exact text after the switch.
    expect(cells(r.table, 'mixed')).toEqual(['1.50', '2', 'abc']);
  });

  it('re-derives unusual number texts exactly when a column turns to text', () => {
    const r = parseCsv('v\n1e-05\n+3\n.5\n-0\n1.\n1234567890123456\nx\n');
    expect(cells(r.table, 'v')).toEqual(['1e-05', '+3', '.5', '-0', '1.', '1234567890123456', 'x']);
  });

  it('keeps whole numbers beyond 2^53 (19-digit ids) as text', () => {
    const r = parseCsv('id,n\n1234567890123456789,9007199254740991\n1234567890123456790,1\n');
    expect(cells(r.table, 'id')).toEqual(['1234567890123456789', '1234567890123456790']);
    expect(r.table.columns[1]!.type).toBe('numeric');
  });

  it('tracks the most decimals seen, including exponent forms', () => {
    const r = parseCsv('v\n1.5\n2.125\n3e-4\n');
    const c = r.table.columns[0]!;
    expect(c.type === 'numeric' && c.decimals).toBe(4);
  });
});

describe('parseCsv: dialects', () => {
  it('detects semicolon, tab and pipe delimiters, ignoring quoted parts', () => {
    expect(parseCsv('a;b\n1,5;2\n3,5;4\n').delimiter).toBe(';');
    expect(parseCsv('a\tb\n1\t2\n').delimiter).toBe('\t');
    expect(parseCsv('a|b\n1|2\n').delimiter).toBe('|');
    expect(parseCsv('"a,x";b\n"1,2";3\n"4,5";6\n').delimiter).toBe(';');
    const r = parseCsv('a;b\n1,5;2\n');
    expect(cells(r.table, 'a')).toEqual(['1,5']);
  });

  it('reads a one-column file', () => {
    const r = parseCsv('name\nann\nbob\n');
    expect(r.table.columns.length).toBe(1);
    expect(cells(r.table, 'name')).toEqual(['ann', 'bob']);
  });

  it('accepts an explicit delimiter and rejects a bad one', () => {
    expect(parseCsv('a;b\n1;2\n', { delimiter: ';' }).table.columns.length).toBe(2);
    expect(failure(() => parseCsv('a\n1\n', { delimiter: '"' })).code).toBe('bad-option');
  });
});

describe('parseCsv: errors', () => {
  it('reports an empty file', () => {
    expect(failure(() => parseCsv(''))).toEqual({ code: 'empty-file', message: 'The file is empty' });
    expect(failure(() => parseCsv('\n\n  \n')).code).toBe('empty-file');
    expect(failure(() => parseCsv('\ufeff')).code).toBe('empty-file');
  });

  it('reports a header with no rows', () => {
    expect(failure(() => parseCsv('a,b,c\n'))).toEqual({ code: 'header-only', message: 'The file has a header but no data rows' });
    expect(failure(() => parseCsv('a,b,c\r\n\r\n')).code).toBe('header-only');
  });

  it('names the physical line of a ragged row, counting quoted newlines and empty lines', () => {
    expect(failure(() => parseCsv(fixture('ragged.csv')))).toEqual({ code: 'ragged-row', message: 'Line 7 has 5 fields, expected 4' });
    expect(failure(() => parseCsv('a,b\n1,2\n3\n')).message).toBe('Line 3 has 1 field, expected 2');
    expect(failure(() => parseCsv('a,b\r\n"x\r\n\r\ny",2\r\n1,2,3\r\n')).message).toBe('Line 5 has 3 fields, expected 2');
  });

  it('does not call a trailing empty line ragged', () => {
    expect(parseCsv('a,b\n1,2\n\n').table.rowCount).toBe(1);
    expect(parseCsv('a,b\r\n1,2\r\n\r\n').table.rowCount).toBe(1);
  });

  it('names the line where an unterminated quote starts', () => {
    const e = failure(() => parseCsv('a,b\n1,2\n3,"open\nmore\n'));
    expect(e.code).toBe('parse-error');
    expect(e.message).toBe('Line 3 has a quoted field that is never closed (unterminated quote)');
  });

  it('reads stray quotes as text: inside an unquoted field silently, after a closing quote with a warning', () => {
    expect(cells(parseCsv('a,b\n5" screen,1\n').table, 'a')).toEqual(['5" screen']);
    const r = parseCsv('a,b\n"x"y",1\n2,3\n');
    expect(cells(r.table, 'a')).toEqual(['x"y', '2']);
    expect(r.warnings).toEqual(['Line 2 has a quote in the middle of a field; read it as text']);
  });

  it('refuses too many rows', () => {
    const e = failure(() => parseCsv('a\n1\n2\n3\n4\n', { maxRows: 3 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('more than 3 rows');
  });

  it('refuses too much text before reading it all', () => {
    const p = createCsvParser({ maxChars: 10 });
    expect(failure(() => p.push('a,b\n1,2\n3,4\n5,6\n')).code).toBe('too-large');
  });

  it('messages are one line', () => {
    for (const text of ['', 'a\n', 'a,b\n1\n', 'a\n"x\n']) expect(failure(() => parseCsv(text)).message).not.toContain('\n');
  });
});

describe('createCsvParser: progress', () => {
  it('counts rows as chunks arrive', () => {
    const p = createCsvParser();
    const head = 'a,b\n' + 'x'.repeat(70_000) + ',1\n';
    p.push(head);
    p.push('y,2\nz,3\n');
    expect(p.rows).toBe(3);
    expect(p.chars).toBe(head.length + 8);
    expect(p.finish().table.rowCount).toBe(3);
  });
});
