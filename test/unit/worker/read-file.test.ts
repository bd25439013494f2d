import { describe, expect, it } from 'vitest';
import { parseBlob, parseText } from '../../../src/worker/read-file.ts';
import { fakeParser } from './fakes.ts';
import { toRows } from '../../../src/core/table/table.ts';
import { NOT_UTF8_WARNING } from '../../../src/core/csv/decode.ts';

describe('reading a CSV file in slices', () => {
  it('decodes a multi-byte UTF-8 character split across slices', async () => {
    const text = 'name,city\nZoë,Kraków\n€uro,日本\n';
    const bytes = new TextEncoder().encode(text);
    const parsers: ReturnType<typeof fakeParser>[] = [];
    const progress: [number, number][] = [];
    // 3-byte slices cut through every multi-byte character somewhere.
    const result = await parseBlob(new Blob([bytes]), () => {
      const p = fakeParser();
      parsers.push(p);
      return p;
    }, (d, t) => progress.push([d, t]), { sliceBytes: 3 });
    expect(parsers).toHaveLength(1);
    expect(parsers[0]!.pieces.join('')).toBe(text);
    expect(toRows(result.table)).toEqual([['Zoë', 'Kraków'], ['€uro', '日本']]);
    expect(result.warnings).toEqual([]);
    expect(progress.at(-1)).toEqual([bytes.length, bytes.length]);
    expect(progress.length).toBe(Math.ceil(bytes.length / 3));
  });

  it('strips a UTF-8 byte-order mark', async () => {
    const blob = new Blob([Uint8Array.of(0xef, 0xbb, 0xbf), 'a\n1\n']);
    const result = await parseBlob(blob, fakeParser, () => {}, { sliceBytes: 2 });
    expect(result.table.columns[0]!.name).toBe('a');
  });

  it('re-reads invalid UTF-8 as Windows-1252 with a fresh parser and says so', async () => {
    // "café" in Windows-1252: é = 0xE9, not valid UTF-8 on its own.
    const blob = new Blob([Uint8Array.of(0x77, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a)]);
    let made = 0;
    const result = await parseBlob(blob, () => {
      made++;
      return fakeParser();
    }, () => {});
    expect(made).toBe(2);
    expect(toRows(result.table)).toEqual([['café']]);
    expect(result.warnings).toEqual([NOT_UTF8_WARNING]);
  });

  it('reads UTF-16LE with a byte-order mark, split mid-character', async () => {
    const body = new Uint8Array(new Uint16Array(Array.from('k\nä\n', (ch) => ch.charCodeAt(0))).buffer);
    const blob = new Blob([Uint8Array.of(0xff, 0xfe), body]);
    const result = await parseBlob(blob, fakeParser, () => {}, { sliceBytes: 3 });
    expect(toRows(result.table)).toEqual([['ä']]);
  });

  it('refuses an empty file', async () => {
    await expect(parseBlob(new Blob([]), fakeParser, () => {})).rejects.toThrow('The file is empty.');
    expect(() => parseText('', fakeParser(), () => {})).toThrow('The file is empty.');
  });

  it('stops when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(parseBlob(new Blob(['a\n1\n']), fakeParser, () => {}, { signal: ac.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('feeds text in pieces with progress in characters', () => {
    const p = fakeParser();
    const progress: number[] = [];
    parseText('a\n1\n2\n', p, (d) => progress.push(d), 2);
    expect(p.pieces).toEqual(['a\n', '1\n', '2\n']);
    expect(progress).toEqual([2, 4, 6]);
  });
});
