/**
 * `synthesize` and `sample` end to end through the real CLI, on a 40-row fixture with Adult-style
 * formats (leading spaces, '?' for missing), 1 epoch and a batch of 20 so each run takes seconds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/csv/parse.ts';
import { cellText, type Table } from '../../../src/core/table/table.ts';
import { fixture, synthtab, type CliResult } from './run-cli.ts';

const INPUT = fixture('tiny.csv');
const inputText = readFileSync(INPUT, 'utf8');
const header = inputText.split('\n')[0]!;
const FAST = ['--epochs', '1', '--batch', '20', '--backend', 'wasm'];

let dir: string;
let plain: CliResult;
let conditional: CliResult;

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').slice(0, -1); // the file ends with a newline
}

function column(t: Table, name: string): (string | null)[] {
  const c = t.columns.find((x) => x.name === name)!;
  return Array.from({ length: t.rowCount }, (_, i) => cellText(c, i));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'synthtab-cli-'));
  // The two trainings run side by side (each is mostly process start-up and TF.js loading).
  [plain, conditional] = await Promise.all([
    synthtab(['synthesize', INPUT, '--out', join(dir, 'plain.csv'), '--rows', '25', '--seed', '1', '--model-out', join(dir, 'model.json'), ...FAST]),
    synthtab(['synthesize', INPUT, '--out', join(dir, 'red.csv'), '--rows', '12', '--seed', '2', '--condition', 'color=red', ...FAST]),
  ]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthtab synthesize', () => {
  it('writes --rows rows under the input header, in the input formats', () => {
    expect(plain.stderr).not.toMatch(/synthtab:/);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toBe(''); // progress goes to stderr only
    expect(plain.stderr).toMatch(/Wrote 25 rows/);
    const out = lines(join(dir, 'plain.csv'));
    expect(out[0]).toBe(header);
    expect(out).toHaveLength(26);
    // " red", " ?" as in the input: every color and shape cell starts with one space.
    for (const row of out.slice(1)) {
      const [, color, , shape] = row.split(',');
      expect(color).toMatch(/^ (red|blue|green)$/);
      expect(shape).toMatch(/^ (circle|square|\?)$/);
    }
    expect(out.some((l) => l.endsWith(', ?'))).toBe(true); // missing shapes written as the input's " ?", not empty
    const parsed = parseCsv(readFileSync(join(dir, 'plain.csv'), 'utf8'));
    expect(parsed.table.rowCount).toBe(25);
    expect(parsed.formats.color).toEqual({ prefix: ' ', suffix: '', missing: '' });
  });

  it('--condition gives only matching rows', () => {
    expect(conditional.status).toBe(0);
    const t = parseCsv(readFileSync(join(dir, 'red.csv'), 'utf8')).table;
    expect(t.rowCount).toBe(12);
    expect(new Set(column(t, 'color'))).toEqual(new Set(['red']));
    expect(lines(join(dir, 'red.csv')).slice(1).every((l) => l.split(',')[1] === ' red')).toBe(true);
  });
});

describe('synthtab sample (from synthesize --model-out)', () => {
  const runs: Record<string, CliResult> = {};
  const path = (name: string): string => join(dir, `${name}.csv`);

  beforeAll(async () => {
    const model = join(dir, 'model.json');
    const sample = (name: string, ...extra: string[]) => synthtab(['sample', model, '--out', path(name), '--rows', '15', '--backend', 'wasm', ...extra]);
    const [a, b, c, d] = await Promise.all([sample('s5a', '--seed', '5'), sample('s5b', '--seed', '5'), sample('s6', '--seed', '6'), sample('blue', '--seed', '5', '--condition', 'color=blue')]);
    Object.assign(runs, { a, b, c, d });
  }, 120_000);

  it('writes the same header and row count, in the input formats', () => {
    expect(runs.a!.status).toBe(0);
    const out = lines(path('s5a'));
    expect(out[0]).toBe(header);
    expect(out).toHaveLength(16);
    expect(out.slice(1).every((l) => / (red|blue|green),/.test(l))).toBe(true);
  });

  it('is deterministic under --seed (and a different seed gives different rows)', () => {
    expect(runs.b!.status).toBe(0);
    expect(runs.c!.status).toBe(0);
    expect(readFileSync(path('s5b'), 'utf8')).toBe(readFileSync(path('s5a'), 'utf8'));
    expect(readFileSync(path('s6'), 'utf8')).not.toBe(readFileSync(path('s5a'), 'utf8'));
  });

  it('honours --condition', () => {
    expect(runs.d!.status).toBe(0);
    const t = parseCsv(readFileSync(path('blue'), 'utf8')).table;
    expect(t.rowCount).toBe(15);
    expect(new Set(column(t, 'color'))).toEqual(new Set(['blue']));
  });
});
