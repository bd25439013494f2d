import { describe, expect, it } from 'vitest';
import { blobChunks, parseCsvStream, type CsvProgress } from '../../../src/core/csv/stream.ts';
import { NOT_UTF8_WARNING } from '../../../src/core/csv/decode.ts';
import { cells } from './helpers.ts';

describe('parseCsvStream', () => {
  it('parses File-like blob slices, reporting progress', async () => {
    const text = 'id,name\n' + Array.from({ length: 5000 }, (_, i) => `${i},né${i}`).join('\n') + '\n';
    const blob = new Blob([text]);
    const seen: CsvProgress[] = [];
    const r = await parseCsvStream(() => blobChunks(blob, 1000), { onProgress: (p) => seen.push(p) });
    expect(r.table.rowCount).toBe(5000);
    expect(cells(r.table, 'name').slice(0, 2)).toEqual(['né0', 'né1']);
    expect(seen.length).toBe(Math.ceil(blob.size / 1000));
    expect(seen.at(-1)!.bytes).toBe(blob.size);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.rows).toBeGreaterThanOrEqual(seen[i - 1]!.rows);
  });

  it('re-reads from the start as Windows-1252 when a later chunk is not UTF-8', async () => {
    const ascii = new TextEncoder().encode('name\n' + 'plain\n'.repeat(2000));
    const bytes = new Uint8Array([...ascii, 0x63, 0x61, 0x66, 0xe9, 0x0a]); // "café" in Latin-1 at the end
    let opened = 0;
    const r = await parseCsvStream(() => {
      opened++;
      return blobChunks(new Blob([bytes]), 512);
    });
    expect(opened).toBe(2);
    expect(r.encoding).toBe('windows-1252');
    expect(r.warnings).toEqual([NOT_UTF8_WARNING]);
    expect(cells(r.table, 'name').at(-1)).toBe('café');
  });

  it('stops when asked, with a cancelled error', async () => {
    const blob = new Blob(['a\n' + '1\n'.repeat(10_000)]);
    await expect(parseCsvStream(() => blobChunks(blob, 100), { shouldStop: () => true })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
