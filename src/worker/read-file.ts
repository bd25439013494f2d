/**
 * Streams a File/Blob into the CSV parser in ~4 MB slices, so a file of a million rows never sits
 * in memory twice as text, and the worker reports progress between slices.
 *
 * Bytes are decoded with TextDecoder in stream mode, so a multi-byte UTF-8 character split across
 * two slices decodes correctly. A file that is not valid UTF-8 is read again as Windows-1252 (the
 * usual encoding of spreadsheet exports), as core/csv's decodeCsvBytes does for whole buffers.
 */
import type { CsvParserLike } from './engine.ts';
import type { Table } from '../core/table/table.ts';
import { SynthtabError } from '../core/errors.ts';

export const SLICE_BYTES = 4 * 1024 * 1024;

export interface ParsedFile {
  table: Table;
  warnings: string[];
}

/** Progress callback: bytes (or characters) done and total. */
export type Progress = (done: number, total: number) => void;

/** Thrown inside readWith when the bytes are not UTF-8 (caught by parseBlob, never escapes). */
class NotUtf8 extends Error {}

function decodeOrMark(decoder: TextDecoder, bytes?: Uint8Array): string {
  try {
    return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
  } catch {
    throw new NotUtf8();
  }
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new SynthtabError('cancelled', 'Loading was cancelled.');
}

async function readWith(
  blob: Blob,
  encoding: 'utf-8' | 'windows-1252',
  parser: CsvParserLike,
  onProgress: Progress,
  sliceBytes: number,
  signal?: AbortSignal,
): Promise<ParsedFile> {
  // fatal: invalid UTF-8 throws, so we can fall back instead of writing U+FFFD into the data.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const total = blob.size;
  for (let offset = 0; offset < total; offset += sliceBytes) {
    checkAbort(signal);
    const bytes = new Uint8Array(await blob.slice(offset, Math.min(offset + sliceBytes, total)).arrayBuffer());
    const text = decodeOrMark(decoder, bytes);
    if (text) parser.push(text);
    onProgress(Math.min(offset + sliceBytes, total), total);
  }
  const tail = decodeOrMark(decoder);
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
  try {
    return await readWith(blob, 'utf-8', createParser(), onProgress, sliceBytes, options.signal);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
  }
  const result = await readWith(blob, 'windows-1252', createParser(), onProgress, sliceBytes, options.signal);
  return { table: result.table, warnings: [...result.warnings, 'The file is not valid UTF-8: it was read as Windows-1252.'] };
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
