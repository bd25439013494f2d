import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_UTF8_WARNING, createByteDecoder, decodeCsvBytes } from '../../../src/core/csv/decode.ts';
import { parseCsvBytes } from '../../../src/core/csv/parse.ts';
import { isSynthtabError } from '../../../src/core/errors.ts';
import { numericColumn, stringColumn, type Table } from '../../../src/core/table/table.ts';
import { readCsvFile, writeCsvFile } from '../../../src/cli/io.ts';
import { cells, snapshot } from './helpers.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
// "name\ncafé\n" in Latin-1 / Windows-1252: é is the single byte 0xE9 (invalid as UTF-8).
const latin1Cafe = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]);

function utf16(s: string, le: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = le ? c & 0xff : c >> 8;
    out[3 + 2 * i] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

describe('decodeCsvBytes', () => {
  it('reads UTF-8 and strips its BOM', () => {
    expect(decodeCsvBytes(utf8('a\nʤ\n'))).toEqual({ text: 'a\nʤ\n', encoding: 'utf-8', warnings: [] });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b')])).text).toBe('a,b');
  });

  it('falls back to Windows-1252 for non-UTF-8 bytes, with a warning', () => {
    const r = decodeCsvBytes(latin1Cafe);
    expect(r).toEqual({ text: 'name\ncafé\n', encoding: 'windows-1252', warnings: [NOT_UTF8_WARNING] });
    const parsed = parseCsvBytes(latin1Cafe);
    expect(cells(parsed.table, 'name')).toEqual(['café']);
    expect(parsed.warnings).toEqual(['File is not UTF-8; read as Windows-1252']);
    expect(parsed.encoding).toBe('windows-1252');
    // 0x80 is the euro sign in Windows-1252 (not a C1 control as in ISO-8859-1).
    expect(decodeCsvBytes(new Uint8Array([0x80])).text).toBe('€');
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeCsvBytes(utf16('a,b\n1,é\n', true))).toEqual({ text: 'a,b\n1,é\n', encoding: 'utf-16le', warnings: [] });
    expect(decodeCsvBytes(utf16('a,b\n1,é\n', false)).text).toBe('a,b\n1,é\n');
  });
});

describe('createByteDecoder', () => {
  it('joins a character split across chunks, and sniffs a BOM split across chunks', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('ʤé€')]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (let cut2 = cut; cut2 <= bytes.length; cut2++) {
        const d = createByteDecoder();
        const text = d.push(bytes.subarray(0, cut)) + d.push(bytes.subarray(cut, cut2)) + d.push(bytes.subarray(cut2)) + d.end();
        expect(text).toBe('ʤé€');
        expect(d.bom).toBe(true);
      }
    }
  });

  it('throws bad-encoding on invalid UTF-8 so the caller can restart as Windows-1252', () => {
    const d = createByteDecoder();
    let code = '';
    try {
      d.push(latin1Cafe);
      d.end();
    } catch (e) {
      code = isSynthtabError(e) ? e.code : 'other';
    }
    expect(code).toBe('bad-encoding');
    const w = createByteDecoder('windows-1252');
    expect(w.push(latin1Cafe) + w.end()).toBe('name\ncafé\n');
  });
});

describe('readCsvFile / writeCsvFile (Node)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synthtab-io-'));

  it('streams a file through the parser, Latin-1 included', async () => {
    const p = join(dir, 'latin.csv');
    writeFileSync(p, latin1Cafe);
    const r = await readCsvFile(p);
    expect(cells(r.table, 'name')).toEqual(['café']);
    expect(r.encoding).toBe('windows-1252');
    expect(r.warnings).toEqual([NOT_UTF8_WARNING]);
  });

  it('reads a file larger than one 4 MB chunk with multi-byte characters at the boundaries', async () => {
    const rows = Array.from({ length: 250_000 }, (_, i) => `${i},é${i % 7}€,${(i / 4).toFixed(2)}`);
    const p = join(dir, 'big.csv');
    writeFileSync(p, 'id,label,value\n' + rows.join('\n') + '\n');
    const r = await readCsvFile(p);
    expect(r.table.rowCount).toBe(250_000);
    expect(cells(r.table, 'label').slice(0, 3)).toEqual(['é0€', 'é1€', 'é2€']);
    expect(r.encoding).toBe('utf-8');
  });

  it('gives one-line errors for a missing file, a directory and a ragged file', async () => {
    await expect(readCsvFile(join(dir, 'nope.csv'))).rejects.toThrow(/^File not found: .*nope\.csv$/);
    await expect(readCsvFile(dir)).rejects.toThrow('is a directory, not a CSV file');
    const p = join(dir, 'ragged.csv');
    writeFileSync(p, 'a,b\n1,2\n3\n');
    await expect(readCsvFile(p)).rejects.toThrow('Line 3 has 1 field, expected 2');
  });

  it('writes a table that reads back the same, and reports an unwritable path', async () => {
    const t: Table = {
      rowCount: 3,
      columns: [stringColumn('s', ['a, b', 'line\nbreak', null]), numericColumn('n', new Float64Array([1.25, NaN, -3]), 2)],
    };
    const p = join(dir, 'out.csv');
    await writeCsvFile(p, t);
    expect(snapshot((await readCsvFile(p)).table)).toEqual(snapshot(t));
    await expect(writeCsvFile(join(dir, 'no-such-dir', 'x.csv'), t)).rejects.toThrow(/^Cannot write .*ENOENT/);
  });
});
