/**
 * Node file I/O for CSVs: read a file through the streaming parser, write a Table as CSV.
 * Node only (the browser worker feeds File slices to the same core parser).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { SynthtabError } from '../core/errors.ts';
import type { ParseResult } from '../core/csv/parse.ts';
import { parseCsvStream, type CsvStreamOptions } from '../core/csv/stream.ts';
import { tableToCsvChunks, type CsvWriteOptions } from '../core/csv/write.ts';
import type { Table } from '../core/table/table.ts';

/** Bytes read per chunk (the browser uses the same size for File slices). */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

async function checkReadable(path: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') throw new SynthtabError('bad-option', `File not found: ${path}`);
    throw new SynthtabError('bad-option', `Cannot read ${path}: ${errnoCode(e) ?? String(e)}`);
  }
  if (info.isDirectory()) throw new SynthtabError('bad-option', `${path} is a directory, not a CSV file`);
}

/** The file as byte chunks; fs errors become one-line SynthtabErrors. */
async function* fileChunks(path: string): AsyncIterable<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (e) {
    throw new SynthtabError('bad-option', `Cannot read ${path}: ${errnoCode(e) ?? String(e)}`);
  } finally {
    stream.destroy();
  }
}

/**
 * Reads and parses a CSV file, streaming it in 4 MB chunks (core/csv/stream.ts): UTF-8 (with or
 * without BOM) and UTF-16 with BOM are read as such; a file that is not valid UTF-8 is read again
 * from the start as Windows-1252, with a warning.
 */
export async function readCsvFile(path: string, options: CsvStreamOptions = {}): Promise<ParseResult> {
  await checkReadable(path);
  return parseCsvStream(() => fileChunks(path), options);
}

/** Writes `table` as CSV to `path` (see core/csv/write.ts for quoting and formula safety). */
export async function writeCsvFile(path: string, table: Table, options?: CsvWriteOptions): Promise<void> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => {
    out.once('error', (e) => reject(new SynthtabError('bad-option', `Cannot write ${path}: ${errnoCode(e) ?? e.message}`)));
  });
  failed.catch(() => undefined); // handled where awaited below
  const write = async (): Promise<void> => {
    for (const chunk of tableToCsvChunks(table, options)) {
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  };
  await Promise.race([write(), failed]);
}
