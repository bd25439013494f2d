/**
 * Issue 7 acceptance: `synthtab synthesize` (CTGAN, 2 short epochs on the wasm backend) on the
 * customers fixture. Personal columns come out as realistic Faker values, never a real identifying
 * value, and are not learned (the model file holds none of them); learned columns still come from
 * the GAN; the same seed gives the same fakes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { missingCount, type Table } from '../../../src/core/table/table.ts';
import { run } from '../../../src/cli/commands/synthesize.ts';
import { captureStderr, column, customers, CUSTOMERS_PATH, FAKED, FORMATS, IDENTIFYING, readCsv, realCopies, texts } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'synthtab-pii-'));
const args = (out: string, seed: number, extra: string[] = []): string[] =>
  [CUSTOMERS_PATH, '--out', out, '--epochs', '2', '--batch', '100', '--seed', String(seed), '--rows', '400', '--backend', 'wasm', ...extra];

let first: Table;
let again: Table;
let other: Table;
let stderr: string;
let modelText: string;

beforeAll(async () => {
  stderr = await captureStderr(() => run(args(join(dir, 'a.csv'), 11, ['--model-out', join(dir, 'model.json')])));
  await captureStderr(() => run(args(join(dir, 'b.csv'), 11)));
  await captureStderr(() => run(args(join(dir, 'c.csv'), 12)));
  first = readCsv(join(dir, 'a.csv'));
  again = readCsv(join(dir, 'b.csv'));
  other = readCsv(join(dir, 'c.csv'));
  modelText = readFileSync(join(dir, 'model.json'), 'utf8');
}, 120_000);

describe('synthesize (ctgan) on the customers fixture', () => {
  it('writes every input column, in order, with the rows asked for, and says which columns were faked', () => {
    expect(first.rowCount).toBe(400);
    expect(first.columns.map((c) => c.name)).toEqual(customers.columns.map((c) => c.name));
    expect(stderr).toContain('Personal columns replaced by en fakes (not learned): customer_id, account_uuid, name, email, phone, street_address, city, country, zip.');
  });

  it('fills personal columns with realistic fakes in the real format', () => {
    for (const [name, re] of Object.entries(FORMATS)) {
      const bad = texts(first, name).filter((v) => v !== null && !re.test(v));
      expect([name, bad.slice(0, 3)]).toEqual([name, []]);
    }
    // Zip codes keep their leading zeros (text), as in the real column.
    expect(column(first, 'zip').type).toBe('string');
    expect(texts(first, 'zip').some((z) => z!.startsWith('0'))).toBe(true);
  });

  it('never outputs a real identifying value, and keeps unique columns unique', () => {
    for (const name of IDENTIFYING) {
      expect([name, realCopies(first, name)]).toEqual([name, []]);
      if (name !== 'phone') expect([name, new Set(texts(first, name)).size]).toEqual([name, 400]);
    }
  });

  it('keeps the real null share of a faked column (phone: 12 of 300 -> 16 of 400)', () => {
    expect(missingCount(column(customers, 'phone'))).toBe(12);
    expect(missingCount(column(first, 'phone'))).toBe(16);
  });

  it('learned columns come from the GAN: values in the real category sets and ranges', () => {
    for (const v of texts(first, 'plan')) expect(['basic', 'plus', 'premium']).toContain(v);
    for (const v of texts(first, 'churned')) expect(['yes', 'no']).toContain(v);
    const age = column(first, 'age');
    if (age.type !== 'numeric') throw new Error('age should stay numeric');
    for (const a of age.values) expect(Number.isInteger(a) && a >= 18 && a <= 90).toBe(true);
  });

  it('keeps personal values out of the model file: faked columns are text rules with nothing stored', () => {
    const file = JSON.parse(modelText) as { plan: { name: string; kind: string }[]; transformer: { columns: Record<string, unknown>[] } };
    for (const name of Object.keys(FAKED)) {
      expect(file.plan.find((p) => p.name === name)).toEqual({ name, kind: 'text' });
      const state = file.transformer.columns.find((c) => c.name === name)!;
      expect(state).toMatchObject({ handler: 'rule', kind: 'text', constant: null, idShape: null });
    }
    // No real personal value appears anywhere in the file (quoted, or as a substring when long).
    for (const name of Object.keys(FAKED)) {
      for (const v of new Set(texts(customers, name))) {
        if (v === null) continue;
        const leaked = modelText.includes(JSON.stringify(v)) || (v.length >= 8 && modelText.includes(v));
        expect([name, v, leaked]).toEqual([name, v, false]);
      }
    }
  });

  it('the same seed gives the same fakes; another seed other ones', () => {
    for (const name of Object.keys(FAKED)) expect([name, texts(again, name)]).toEqual([name, texts(first, name)]);
    expect(texts(other, 'email')).not.toEqual(texts(first, 'email'));
  });
});
