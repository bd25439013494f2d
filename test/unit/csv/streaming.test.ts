import fc from 'fast-check';
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCsvParser, parseCsv, type ParseResult } from '../../../src/core/csv/parse.ts';
import { isSynthtabError } from '../../../src/core/errors.ts';
import { snapshot } from './helpers.ts';

function chunked(text: string, cuts: number[]): ParseResult {
  const p = createCsvParser();
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let prev = 0;
  for (const c of points) {
    p.push(text.slice(prev, c));
    prev = c;
  }
  p.push(text.slice(prev));
  return p.finish();
}

function outcome(f: () => ParseResult): unknown {
  try {
    const r = f();
    return { table: snapshot(r.table), warnings: r.warnings, delimiter: r.delimiter, hasHeader: r.hasHeader };
  } catch (e) {
    if (isSynthtabError(e)) return { error: e.code, message: e.message };
    throw e;
  }
}

const cell = fc.oneof(
  fc.constantFrom('', 'NA', ' x ', '007', '-1.5', '3', '1e-3', 'a,b', 'say "hi"', 'two\nlines', 'crlf\r\nline', '"', ',', 'é'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -1000, max: 1000 }).map(String),
);

function quote(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvText = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 8 }), fc.constantFrom('\n', '\r\n'))
  .chain(([cols, rows, nl]) =>
    fc.tuple(
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      fc.constant(cols), fc.constant(nl), fc.boolean(),
    ).map(([body, n, newline, trailing]) => {
      const header = Array.from({ length: n }, (_, j) => `c${j}`).join(',');
      return [header, ...body.map((r) => r.map(quote).join(','))].join(newline) + (trailing ? newline : '');
    }),
  );

describe('streaming parser', () => {
  it('gives the same table (or the same error) for any chunking as one-shot parsing', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        expect(outcome(() => chunked(text, cuts))).toEqual(outcome(() => parseCsv(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with one-shot parsing on arbitrary (often malformed) text, errors included', () => {
    const raw = fc.array(fc.constantFrom(',', ';', '"', '\n', '\r', '\r\n', 'a', '1', ' ', '.', 'NA'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(raw, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        expect(outcome(() => chunked(text, cuts))).toEqual(outcome(() => parseCsv(text)));
      }),
      { numRuns: 1000 },
    );
  });

  it('is chunking-independent past the dialect-sniffing window, with errors at the right line', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},"name ${i}\nsecond line",${(i * 0.25).toFixed(2)}`);
    const text = 'id,label,value\n' + rows.join('\n') + '\n1,2\n';
    const oneShot = outcome(() => parseCsv(text));
    expect(oneShot).toEqual({ error: 'ragged-row', message: `Line ${2 + 3000 * 2} has 2 fields, expected 3` });
    fc.assert(
      fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 20 }), (cuts) => {
        expect(outcome(() => chunked(text, cuts))).toEqual(oneShot);
      }),
      { numRuns: 30 },
    );
    const ok = 'id,label,value\n' + rows.join('\n') + '\n';
    const whole = outcome(() => parseCsv(ok));
    expect(outcome(() => chunked(ok, [1, 2, 3, 65_530, 65_537, 65_538, 100_000]))).toEqual(whole);
  });

  it('streams the Adult demo in 1 KB chunks to the same table', () => {
    const path = new URL('../../../public/demo/adult.csv', import.meta.url);
    if (!existsSync(path)) return;
    const text = readFileSync(path, 'utf8');
    const cuts = Array.from({ length: Math.floor(text.length / 1024) }, (_, i) => (i + 1) * 1024);
    expect(outcome(() => chunked(text, cuts))).toEqual(outcome(() => parseCsv(text)));
  });
});
