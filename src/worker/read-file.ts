/**
 * Streams a File/Blob into the CSV parser in ~4 MB slices, so a file of a million rows never sits
 * in memory twice as text, and the worker reports progress between slices.
 *
 * Bytes go through core/csv's streaming decoder (a BOM picks UTF-8/UTF-16; a character split across
 * two slices decodes correctly). A file that is not valid UTF-8 is read again from the start as
 * Windows-1252 (the usual encoding of spreadsheet exports), as decodeCsvBytes does for whole buffers.
 */
import type { CsvParserLike } from './engine.ts';
import type { Table } from '../core/table/table.ts';
import { isSynthtabError, SynthtabError } from '../core/errors.ts';
import { createByteDecoder, NOT_UTF8_WARNING, type CsvEncoding } from '../core/csv/decode.ts';

export const SLICE_BYTES = 4 * 1024 * 1024;

export interface ParsedFile {
  table: Table;
  warnings: string[];
}

/** Progress callback: bytes (or characters) done and total. */
export type Progress = (done: number, total: number) => void;

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new SynthtabError('cancelled', 'Loading was cancelled.');
}

async function readWith(
  blob: Blob,
  encoding: CsvEncoding | undefined,
  parser: CsvParserLike,
  onProgress: Progress,
  sliceBytes: number,
  signal: AbortSignal | undefined,
  sniffed: { encoding: CsvEncoding },
): Promise<ParsedFile> {
  // Strict UTF-8 throws 'bad-encoding' on the first invalid byte, so we can fall back instead of
  // writing U+FFFD into the data.
  const decoder = createByteDecoder(encoding);
  const total = blob.size;
  for (let offset = 0; offset < total; offset += sliceBytes) {
    checkAbort(signal);
    const bytes = new Uint8Array(await blob.slice(offset, Math.min(offset + sliceBytes, total)).arrayBuffer());
    try {
      const text = decoder.push(bytes);
      if (text) parser.push(text);
    } finally {
      sniffed.encoding = decoder.encoding;
    }
    onProgress(Math.min(offset + sliceBytes, total), total);
  }
  const tail = decoder.end();
  if (tail) parser.push(tail);
  return parser.finish();
}

/** Parse a CSV File/Blob in slices; `createParser` is called again if the file must be re-read as Windows-1252. */
export async function parseBlob(
  blob: Blob,
  createParser: () => CsvParserLike,
  onProgress: Progress,
  options: { sliceBytes?: number; signal?: AbortSignal } = {},
): Promise<ParsedFile> {
  const sliceBytes = options.sliceBytes ?? SLICE_BYTES;
  if (blob.size === 0) throw new SynthtabError('empty-file', 'The file is empty.');
  const sniffed = { encoding: 'utf-8' as CsvEncoding };
  try {
    return await readWith(blob, undefined, createParser(), onProgress, sliceBytes, options.signal, sniffed);
  } catch (e) {
    // Only plain UTF-8 falls back; a file with a UTF-16 byte-order mark that does not decode is broken.
    if (!(isSynthtabError(e) && e.code === 'bad-encoding' && sniffed.encoding === 'utf-8')) throw e;
  }
  const result = await readWith(blob, 'windows-1252', createParser(), onProgress, sliceBytes, options.signal, sniffed);
  return { table: result.table, warnings: [NOT_UTF8_WARNING, ...result.warnings] };
}

/** Parse CSV text already in memory, in pieces (progress in characters). */
export function parseText(text: string, parser: CsvParserLike, onProgress: Progress, sliceChars = SLICE_BYTES): ParsedFile {
  if (text.length === 0) throw new SynthtabError('empty-file', 'The file is empty.');
  for (let i = 0; i < text.length; i += sliceChars) {
    parser.push(text.slice(i, i + sliceChars));
    onProgress(Math.min(i + sliceChars, text.length), text.length);
  }
  return parser.finish();
}
