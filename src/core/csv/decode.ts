/**
 * Bytes to text for CSV files: byte-order marks, UTF-8, and a Windows-1252 fallback for files
 * saved by older spreadsheet software (Latin-1 "café" is the byte 0xE9, invalid as UTF-8).
 * Uses only TextDecoder, so it runs in the browser worker and in Node alike.
 */
import { SynthtabError } from '../errors.ts';

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export const NOT_UTF8_WARNING = 'File is not UTF-8; read as Windows-1252';

/**
 * Windows-1252 code points for bytes 0x80..0x9F (the rest equal their byte). Decoded by hand
 * because Node's TextDecoder('windows-1252') reads these bytes as Latin-1 C1 controls (0x80 must
 * be the euro sign); browsers agree with this table (WHATWG Encoding, index-windows-1252).
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes Windows-1252 bytes (single-byte, so chunks can be decoded independently). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

/** The encoding named by a byte-order mark at the start of `bytes`, and the mark's length. */
export function sniffBom(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Decodes a whole file: strips a BOM (UTF-8 or UTF-16), reads UTF-8 strictly, and falls back to
 * Windows-1252 with a warning when the bytes are not valid UTF-8.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding; warnings: string[] } {
  const bom = sniffBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    try {
      return { text: new TextDecoder(bom.encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding: bom.encoding, warnings: [] };
    } catch {
      throw new SynthtabError('bad-encoding', `The file starts with a ${bom.encoding.toUpperCase()} byte-order mark but is not valid ${bom.encoding.toUpperCase()}.`);
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings: [NOT_UTF8_WARNING] };
  }
}

/** Incremental decoder for byte chunks (a File read in slices, an fs stream). */
export interface ByteDecoder {
  /** Text for these bytes (a character split across chunks comes out with the next chunk). */
  push(bytes: Uint8Array): string;
  /** Any text still held back. */
  end(): string;
  /** The encoding in use (known once the first bytes arrived). */
  readonly encoding: CsvEncoding;
  /** Whether the bytes started with a byte-order mark. */
  readonly bom: boolean;
}

/**
 * A streaming decoder. With no `encoding`, it sniffs a BOM and otherwise reads UTF-8 strictly:
 * on the first invalid byte it throws SynthtabError('bad-encoding'); the caller then restarts
 * from the first byte with `createByteDecoder('windows-1252')` (and adds NOT_UTF8_WARNING).
 * See src/cli/io.ts `readCsvFile` for the pattern.
 */
export function createByteDecoder(encoding?: CsvEncoding): ByteDecoder {
  if (encoding === 'windows-1252') {
    return { encoding, bom: false, push: decodeWindows1252, end: () => '' };
  }
  let decoder: TextDecoder | null = encoding ? new TextDecoder(encoding, { fatal: true }) : null;
  let current: CsvEncoding = encoding ?? 'utf-8';
  let head = new Uint8Array(0); // bytes held back until the BOM question is settled
  let started = encoding !== undefined;
  let hadBom = false;
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream });
    } catch {
      throw new SynthtabError('bad-encoding', `The file is not valid ${current.toUpperCase()}.`);
    }
  };
  return {
    get encoding() {
      return current;
    },
    get bom() {
      return hadBom;
    },
    push(bytes: Uint8Array): string {
      if (started) return decode(bytes, true);
      const joined = new Uint8Array(head.length + bytes.length);
      joined.set(head);
      joined.set(bytes, head.length);
      if (joined.length < 3) {
        head = joined;
        return '';
      }
      started = true;
      const bom = sniffBom(joined);
      hadBom = bom !== null;
      current = bom ? bom.encoding : 'utf-8';
      decoder = new TextDecoder(current, { fatal: true, ignoreBOM: true });
      return decode(joined.subarray(bom ? bom.length : 0), true);
    },
    end(): string {
      if (!started) {
        started = true;
        const bom = sniffBom(head);
        hadBom = bom !== null;
        current = bom ? bom.encoding : 'utf-8';
        decoder = new TextDecoder(current, { fatal: true, ignoreBOM: true });
        return decode(head.subarray(bom ? bom.length : 0), false);
      }
      return decode(new Uint8Array(0), false);
    },
  };
}
