/**
 * `synthtab synthesize --method profile` on the customers fixture: no training; every column from
 * its own marginal, personal columns as Faker fakes; stderr says correlations are not kept.
 * Plus --locale (German fakes) and a bad locale failing with one line before anything runs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSynthtabError, userMessage } from '../../../src/core/errors.ts';
import { missingCount, type Table } from '../../../src/core/table/table.ts';
import { run } from '../../../src/cli/commands/synthesize.ts';
import { captureStderr, column, customers, CUSTOMERS_PATH, FAKED, FORMATS, IDENTIFYING, readCsv, realCopies, texts } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'synthtab-pii-profile-'));
const profileArgs = (out: string, seed: number, extra: string[] = []): string[] =>
  [CUSTOMERS_PATH, '--out', out, '--method', 'profile', '--rows', '500', '--seed', String(seed), '--backend', 'cpu', ...extra];

let out: Table;
let same: Table;
let german: Table;
let stderr: string;

beforeAll(async () => {
  stderr = await captureStderr(() => run(profileArgs(join(dir, 'a.csv'), 3)));
  await captureStderr(() => run(profileArgs(join(dir, 'b.csv'), 3)));
  await captureStderr(() => run(profileArgs(join(dir, 'de.csv'), 3, ['--locale', 'de'])));
  out = readCsv(join(dir, 'a.csv'));
  same = readCsv(join(dir, 'b.csv'));
  german = readCsv(join(dir, 'de.csv'));
}, 60_000);

describe('synthesize --method profile', () => {
  it('says that correlations are ignored and which columns are faked', () => {
    expect(stderr).toContain('correlations between columns are not kept');
    expect(stderr).toContain('Personal columns replaced by en fakes (not learned)');
    expect(stderr).not.toMatch(/epoch \d+\/\d+/i); // nothing was trained
  });

  it('writes all columns with personal ones faked: real formats, no real identifying value', () => {
    expect(out.rowCount).toBe(500);
    expect(out.columns.map((c) => c.name)).toEqual(customers.columns.map((c) => c.name));
    for (const [name, re] of Object.entries(FORMATS)) {
      const bad = texts(out, name).filter((v) => v !== null && !re.test(v));
      expect([name, bad.slice(0, 3)]).toEqual([name, []]);
    }
    for (const name of IDENTIFYING) expect([name, realCopies(out, name)]).toEqual([name, []]);
    expect(new Set(texts(out, 'email')).size).toBe(500);
    expect(missingCount(column(out, 'phone'))).toBe(20); // 12 of 300 real -> 20 of 500
  });

  it('learned columns follow their marginals (plan keeps its three values, basic most frequent)', () => {
    const plan = texts(out, 'plan');
    const count = (v: string) => plan.filter((x) => x === v).length;
    for (const v of plan) expect(['basic', 'plus', 'premium']).toContain(v);
    const real = texts(customers, 'plan');
    const realBasic = real.filter((x) => x === 'basic').length / real.length;
    expect(Math.abs(count('basic') / 500 - realBasic)).toBeLessThan(0.08);
  });

  it('is deterministic under the seed', () => {
    for (const name of Object.keys(FAKED)) expect([name, texts(same, name)]).toEqual([name, texts(out, name)]);
    expect(texts(same, 'age')).toEqual(texts(out, 'age'));
  });

  it('--locale de draws German fakes', () => {
    const cities = texts(german, 'city').join(' ');
    expect(cities).toMatch(/[äöüß]|burg|dorf|stadt|heim|hausen/i);
    expect(texts(german, 'email').every((e) => FORMATS.email!.test(e!))).toBe(true);
  });

  it('an unknown --locale fails with a one-line message before anything is written', async () => {
    let err: unknown;
    await captureStderr(async () => {
      try {
        await run(profileArgs(join(dir, 'x.csv'), 3, ['--locale', 'klingon']));
      } catch (e) {
        err = e;
      }
    });
    expect(isSynthtabError(err)).toBe(true);
    expect(userMessage(err)).toMatch(/^Unknown locale 'klingon': use one of en, de/);
    expect(userMessage(err)).not.toContain('\n');
  });
});
