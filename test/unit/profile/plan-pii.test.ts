import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/csv/parse.ts';
import { FAKE_KIND, planFromProfile } from '../../../src/core/profile/plan.ts';
import { PII_SAMPLE, stringSample } from '../../../src/core/profile/pii.ts';
import { profileTable } from '../../../src/core/profile/profile.ts';
import { codeCounts } from '../../../src/core/profile/stats.ts';
import { numericColumn, stringColumn, type Table } from '../../../src/core/table/table.ts';
import { resolvePlan } from '../../../src/core/synth/personal.ts';

const customers = parseCsv(readFileSync(new URL('../../fixtures/customers.csv', import.meta.url), 'utf8')).table;
const profile = profileTable(customers);
const byName = new Map(profile.columns.map((c) => [c.name, c]));

describe('profileTable: personal-data guesses', () => {
  it('labels each customer column with the kind decided by hand, identifying or not', () => {
    const got = Object.fromEntries(profile.columns.map((c) => [c.name, c.pii ? [c.pii.kind, c.pii.identifying] : null]));
    expect(got).toEqual({
      customer_id: ['identifier', true],
      account_uuid: ['uuid', true],
      name: ['full_name', true],
      email: ['email', true],
      phone: ['phone', true],
      street_address: ['street_address', true],
      city: ['city', false],
      country: ['country', false],
      zip: ['postal_code', false],
      age: null,
      plan: null,
      monthly_spend: null,
      churned: null,
    });
    for (const c of profile.columns) {
      if (!c.pii) continue;
      expect(c.pii.confidence).toBeGreaterThanOrEqual(0.5);
      expect(c.pii.confidence).toBeLessThanOrEqual(1);
      expect(c.pii.reason.length).toBeGreaterThan(10);
    }
    expect(byName.get('email')!.pii!.reason).toMatch(/e-mail/);
  });

  it('guesses the locale from name and place columns: English here, German for German names', () => {
    expect(profile.locale).toBe('en');
    const names = ['Jürgen Müller', 'Hans Schmidt', 'Günther Schäfer', 'Lieselotte Weiß', 'Uwe Krüger', 'Dieter Hoffmann', 'Sabine Köhler', 'Ute Schröder'];
    const cities = ['München', 'Köln', 'Düsseldorf', 'Nürnberg', 'Lübeck', 'Würzburg', 'Göttingen', 'Saarbrücken'];
    const n = 40;
    const german: Table = {
      rowCount: n,
      columns: [
        stringColumn('name', Array.from({ length: n }, (_, i) => `${names[i % 8]!.split(' ')[0]} ${names[(i * 3 + 1) % 8]!.split(' ')[1]}${i >= 8 ? ` ${i}` : ''}`)),
        stringColumn('city', Array.from({ length: n }, (_, i) => cities[i % 8]!)),
      ],
    };
    const p = profileTable(german);
    expect(p.columns.find((c) => c.name === 'city')!.pii?.kind).toBe('city');
    expect(p.locale).toBe('de');
  });

  it('has no pii and no locale for impersonal data, nor with the pass turned off', () => {
    const plain: Table = {
      rowCount: 60,
      columns: [
        numericColumn('amount', Float64Array.from({ length: 60 }, (_, i) => i * 1.25 + 0.5), 2),
        stringColumn('color', Array.from({ length: 60 }, (_, i) => ['red', 'green', 'blue'][i % 3]!)),
      ],
    };
    const p = profileTable(plain);
    expect(p.columns.map((c) => c.pii)).toEqual([undefined, undefined]);
    expect(p.locale).toBeUndefined();
    const off = profileTable(customers, { pii: false });
    expect(off.columns.some((c) => c.pii)).toBe(false);
    expect(off.locale).toBeUndefined();
  });

  it('detects whole-number ids stored as numbers', () => {
    const t: Table = { rowCount: 50, columns: [numericColumn('user_id', Float64Array.from({ length: 50 }, (_, i) => 1000 + i))] };
    expect(profileTable(t).columns[0]!.pii).toMatchObject({ kind: 'identifier', identifying: true });
  });

  it('reads a bounded, spread-out sample of distinct values however many rows there are', () => {
    const n = 20_000;
    const col = stringColumn('email', Array.from({ length: n }, (_, i) => `user${i}@mail.test`));
    const sample = stringSample(col, codeCounts(col.codes, col.dictionary.length));
    expect(sample.length).toBe(PII_SAMPLE);
    expect(new Set(sample).size).toBe(PII_SAMPLE);
    expect(sample[0]).toBe('user0@mail.test');
    expect(sample[PII_SAMPLE - 1]).toBe(`user${Math.floor(((PII_SAMPLE - 1) * n) / PII_SAMPLE)}@mail.test`); // spread, not the first 400
  });
});

describe('planFromProfile: personal-data actions', () => {
  const plan = planFromProfile(profile);
  const entry = (name: string) => plan.find((p) => p.name === name)!;

  it('fakes identifying columns and many-valued places as non-learned text; learns the rest', () => {
    for (const name of ['customer_id', 'account_uuid', 'name', 'email', 'phone', 'street_address', 'city', 'country', 'zip']) {
      expect(entry(name)).toEqual({ name, kind: FAKE_KIND, action: 'fake' });
    }
    expect(entry('age')).toEqual({ name: 'age', kind: 'integer' });
    expect(entry('plan')).toEqual({ name: 'plan', kind: 'categorical' });
    expect(entry('churned')).toEqual({ name: 'churned', kind: 'boolean' });
  });

  it('learns a non-identifying column with few values (Adult native-country style)', () => {
    const n = 200;
    const countries = ['United States', 'Mexico', 'Germany', 'Canada', 'India'];
    const t: Table = { rowCount: n, columns: [stringColumn('country', Array.from({ length: n }, (_, i) => countries[i % 5]!))] };
    const p = profileTable(t);
    expect(p.columns[0]!.pii?.kind).toBe('country');
    expect(planFromProfile(p)).toEqual([{ name: 'country', kind: 'categorical', action: 'learn' }]);
  });

  it('lets overrides learn, fake or drop a column; exclusion of a personal column means drop', () => {
    const p = planFromProfile(profile, {
      email: { action: 'drop' },
      country: { action: 'learn' },
      plan: { action: 'fake' },
      phone: { excluded: true },
    });
    expect(p.find((x) => x.name === 'email')).toEqual({ name: 'email', kind: 'identifier', action: 'drop', excluded: true });
    expect(p.find((x) => x.name === 'country')).toEqual({ name: 'country', kind: 'categorical', action: 'learn' });
    expect(p.find((x) => x.name === 'plan')).toEqual({ name: 'plan', kind: FAKE_KIND, action: 'fake' });
    expect(p.find((x) => x.name === 'phone')).toEqual({ name: 'phone', kind: 'text', action: 'drop', excluded: true });
    expect(() => planFromProfile(profile, { email: { action: 'keep' as never } })).toThrow("'keep' is not an action");
  });

  it('resolvePlan gives a plan without actions (the worker and UI plan) the profile defaults', () => {
    const bare = profile.columns.map((c) => ({ name: c.name, kind: c.kind }));
    expect(resolvePlan(profile, bare)).toEqual(plan);
    // An explicit choice wins over the default.
    const chosen = bare.map((p) => (p.name === 'email' ? { ...p, action: 'learn' as const } : p));
    expect(resolvePlan(profile, chosen).find((p) => p.name === 'email')).toEqual({ name: 'email', kind: 'identifier', action: 'learn' });
  });
});
