/**
 * Byte chunks -> ParseResult: the decode + parse pipeline shared by the browser worker (File
 * slices) and the CLI (fs stream). Environment-free: the caller supplies the chunks.
 *
 * Encoding: a BOM picks UTF-8 or UTF-16; otherwise the bytes are read as strict UTF-8, and at the
 * first invalid byte the whole input is read again from the start as Windows-1252 (which is why
 * the source is a function that can open the input twice).
 */
import { SynthtabError, isSynthtabError } from '../errors.ts';
import { NOT_UTF8_WARNING, createByteDecoder, type CsvEncoding } from './decode.ts';
import { createCsvParser, type CsvOptions, type ParseResult } from './parse.ts';

/** Progress while streaming: data rows parsed and bytes consumed so far. */
export interface CsvProgress {
  rows: number;
  bytes: number;
}

export interface CsvStreamOptions extends CsvOptions {
  /** Called after each chunk. */
  onProgress?: (p: CsvProgress) => void;
  /** Return true to stop early (checked after each chunk); the parse then throws 'cancelled'. */
  shouldStop?: () => boolean;
}

/** Thrown inside one pass when the bytes turn out not to be UTF-8 (and had no BOM). */
class NotUtf8 extends Error {}

async function onePass(
  open: () => AsyncIterable<Uint8Array>,
  encoding: CsvEncoding | undefined,
  options: CsvStreamOptions,
): Promise<ParseResult> {
  const decoder = createByteDecoder(encoding);
  const warnings = encoding === 'windows-1252' ? [NOT_UTF8_WARNING] : [];
  const { onProgress, shouldStop, ...csvOptions } = options;
  const parser = createCsvParser({ ...csvOptions, warnings: [...warnings, ...(options.warnings ?? [])] });
  let bytes = 0;
  try {
    for await (const chunk of open()) {
      bytes += chunk.length;
      const text = decoder.push(chunk);
      if (text) parser.push(text);
      onProgress?.({ rows: parser.rows, bytes });
      if (shouldStop?.()) throw new SynthtabError('cancelled', 'Reading the file was cancelled');
    }
    const rest = decoder.end();
    if (rest) parser.push(rest);
  } catch (e) {
    if (isSynthtabError(e) && e.code === 'bad-encoding' && encoding === undefined && !decoder.bom) throw new NotUtf8();
    throw e;
  }
  const result = parser.finish();
  result.encoding = decoder.encoding;
  return result;
}

/**
 * Parses CSV bytes from `open()` (called again from the start if the bytes are not UTF-8).
 * Memory: one chunk of text plus the columnar Table being built; never the whole file as text.
 */
export async function parseCsvStream(open: () => AsyncIterable<Uint8Array>, options: CsvStreamOptions = {}): Promise<ParseResult> {
  try {
    return await onePass(open, undefined, options);
  } catch (e) {
    if (e instanceof NotUtf8) return onePass(open, 'windows-1252', options);
    throw e;
  }
}

/** Slices of a Blob/File as byte chunks (browser and Node >= 20 both have Blob). */
export async function* blobChunks(blob: Blob, chunkBytes = 4 * 1024 * 1024): AsyncIterable<Uint8Array> {
  for (let start = 0; start < blob.size; start += chunkBytes) {
    yield new Uint8Array(await blob.slice(start, start + chunkBytes).arrayBuffer());
  }
}
