import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/csv/parse.ts';
import { isSynthtabError } from '../../../src/core/errors.ts';
import type { PiiKind } from '../../../src/core/pii/kinds.ts';
import { PROFILE_SAMPLE_NOTE, sampleFromProfile } from '../../../src/core/pii/profile-sample.ts';
import { planFromProfile } from '../../../src/core/profile/plan.ts';
import { profileTable } from '../../../src/core/profile/profile.ts';
import { createRng } from '../../../src/core/rng.ts';
import { cellText, missingCount, stringColumn, toRows, type Column, type Table } from '../../../src/core/table/table.ts';
import type { ColumnPlan } from '../../../src/core/types.ts';

const customers = parseCsv(readFileSync(new URL('../../fixtures/customers.csv', import.meta.url), 'utf8')).table;
const adult = parseCsv(readFileSync(new URL('../../../public/demo/adult.csv', import.meta.url), 'utf8')).table;

const CUSTOMER_PLAN: ColumnPlan[] = [
  { name: 'customer_id', kind: 'identifier' }, { name: 'account_uuid', kind: 'identifier' }, { name: 'name', kind: 'text' },
  { name: 'email', kind: 'text' }, { name: 'phone', kind: 'text' }, { name: 'street_address', kind: 'text' },
  { name: 'city', kind: 'text' }, { name: 'country', kind: 'categorical', excluded: true }, { name: 'zip', kind: 'identifier' },
  { name: 'age', kind: 'integer' }, { name: 'plan', kind: 'categorical' }, { name: 'monthly_spend', kind: 'continuous' },
  { name: 'churned', kind: 'boolean' },
];
const CUSTOMER_PII: Record<string, PiiKind> = {
  account_uuid: 'uuid', name: 'full_name', email: 'email', phone: 'phone', street_address: 'street_address', city: 'city', zip: 'postal_code',
};

function col(t: Table, name: string): Column {
  const c = t.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
}

function texts(c: Column): (string | null)[] {
  const n = c.type === 'numeric' ? c.values.length : c.codes.length;
  return Array.from({ length: n }, (_, i) => cellText(c, i));
}

function share(values: (string | null)[], v: string): number {
  return values.filter((x) => x === v).length / values.length;
}

function numbers(c: Column): number[] {
  if (c.type !== 'numeric') throw new Error(`${c.name} is not numeric`);
  return Array.from(c.values).filter((v) => !Number.isNaN(v));
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('sampleFromProfile on the customers fixture', () => {
  const out = sampleFromProfile(customers, CUSTOMER_PLAN, 500, createRng(42), CUSTOMER_PII);

  it('keeps the columns in order, drops excluded ones, and makes n rows', () => {
    expect(out.rowCount).toBe(500);
    expect(out.columns.map((c) => c.name)).toEqual(customers.columns.map((c) => c.name).filter((n) => n !== 'country'));
    for (const c of out.columns) expect(c.type === 'numeric' ? c.values.length : c.codes.length).toBe(500);
  });

  it('identifying and id columns never contain a real value and stay unique', () => {
    for (const name of ['customer_id', 'account_uuid', 'name', 'email', 'phone', 'street_address']) {
      const real = new Set(texts(col(customers, name)).filter((x) => x !== null).map((x) => x!.toLowerCase()));
      const fake = texts(col(out, name)).filter((x): x is string => x !== null);
      expect([name, fake.filter((x) => real.has(x.toLowerCase()))]).toEqual([name, []]);
      if (name !== 'phone') expect([name, new Set(fake).size]).toEqual([name, fake.length]);
    }
    expect(texts(col(out, 'customer_id')).every((x) => /^C-\d{5}$/.test(x!))).toBe(true);
  });

  it('keeps the null share (phone: 12 of 300 missing -> 20 of 500)', () => {
    expect(missingCount(col(customers, 'phone'))).toBe(12);
    expect(missingCount(col(out, 'phone'))).toBe(20);
  });

  it('zip codes stay 5-digit text with leading zeros', () => {
    const z = texts(col(out, 'zip'));
    expect(col(out, 'zip').type).toBe('string');
    expect(z.every((x) => /^\d{5}$/.test(x!))).toBe(true);
    expect(z.filter((x) => x!.startsWith('0')).length).toBeGreaterThan(50);
  });

  it('numbers follow the marginal: within the real range, rounded alike, similar mean', () => {
    const realAge = numbers(col(customers, 'age'));
    const age = numbers(col(out, 'age'));
    expect(age.every((a) => Number.isInteger(a) && a >= Math.min(...realAge) && a <= Math.max(...realAge))).toBe(true);
    expect(Math.abs(mean(age) - mean(realAge))).toBeLessThan(2.5);
    const realSpend = numbers(col(customers, 'monthly_spend'));
    const spend = col(out, 'monthly_spend');
    expect(spend.type === 'numeric' && spend.decimals).toBe(2);
    for (const s of numbers(spend)) {
      expect(s).toBeGreaterThanOrEqual(Math.min(...realSpend));
      expect(s).toBeLessThanOrEqual(Math.max(...realSpend));
      expect(Math.abs(s * 100 - Math.round(s * 100))).toBeLessThan(1e-6);
    }
    expect(Math.abs(mean(numbers(spend)) - mean(realSpend)) / mean(realSpend)).toBeLessThan(0.12);
  });

  it('categories follow their real frequencies', () => {
    const realPlan = texts(col(customers, 'plan'));
    const plan = texts(col(out, 'plan'));
    for (const p of ['basic', 'plus', 'premium']) expect(Math.abs(share(plan, p) - share(realPlan, p))).toBeLessThan(0.07);
    expect(Math.abs(share(texts(col(out, 'churned')), 'yes') - share(texts(col(customers, 'churned')), 'yes'))).toBeLessThan(0.06);
  });

  it('ignores correlations, as documented: spend no longer depends on the plan', () => {
    const byPlan = (t: Table, p: string): number => {
      const plan = texts(col(t, 'plan'));
      return mean(numbers(col(t, 'monthly_spend')).filter((_, i) => plan[i] === p));
    };
    expect(byPlan(customers, 'premium') - byPlan(customers, 'basic')).toBeGreaterThan(50);
    expect(Math.abs(byPlan(out, 'premium') - byPlan(out, 'basic'))).toBeLessThan(15);
    expect(PROFILE_SAMPLE_NOTE).toMatch(/correlations/);
  });

  it('is deterministic under the seed', () => {
    const again = sampleFromProfile(customers, CUSTOMER_PLAN, 500, createRng(42), CUSTOMER_PII);
    const other = sampleFromProfile(customers, CUSTOMER_PLAN, 500, createRng(43), CUSTOMER_PII);
    expect(toRows(again)).toEqual(toRows(out));
    expect(toRows(other)).not.toEqual(toRows(out));
  });

  it('guesses the locale from the name columns, or takes the one given', () => {
    const de = sampleFromProfile(customers, CUSTOMER_PLAN, 20, createRng(1), CUSTOMER_PII, { locale: 'de' });
    const en = sampleFromProfile(customers, CUSTOMER_PLAN, 20, createRng(1), CUSTOMER_PII);
    expect(texts(col(de, 'name'))).not.toEqual(texts(col(en, 'name')));
  });
});

describe('sampleFromProfile on Adult with the profiler\'s plan', () => {
  const plan = planFromProfile(profileTable(adult));
  const out = sampleFromProfile(adult, plan, adult.rowCount, createRng(7));

  it('keeps every column, its storage type and its missing count (? in workclass)', () => {
    expect(out.columns.map((c) => [c.name, c.type])).toEqual(adult.columns.map((c) => [c.name, c.type]));
    expect(missingCount(col(adult, 'workclass'))).toBe(105);
    expect(missingCount(col(out, 'workclass'))).toBe(105);
  });

  it('categories are real categories; the 0 spike of capital-gain survives the smoothing', () => {
    const real = new Set(texts(col(adult, 'occupation')));
    expect(texts(col(out, 'occupation')).every((x) => real.has(x))).toBe(true);
    const zeros = (c: Column): number => numbers(c).filter((v) => v === 0).length / numbers(c).length;
    expect(Math.abs(zeros(col(out, 'capital-gain')) - zeros(col(adult, 'capital-gain')))).toBeLessThan(0.04);
  });
});

describe('sampleFromProfile: other kinds and bad input', () => {
  const t: Table = {
    rowCount: 4,
    columns: [
      stringColumn('note', ['the quick brown fox', null, 'jumps over', 'the lazy dog today']),
      stringColumn('blank', [null, null, null, null]),
    ],
  };

  it('long text becomes lorem ipsum with real word counts; empty stays empty', () => {
    const out = sampleFromProfile(t, [{ name: 'note', kind: 'text' }, { name: 'blank', kind: 'empty' }], 40, createRng(3));
    const note = texts(col(out, 'note'));
    expect(note.filter((x) => x === null).length).toBe(10);
    for (const x of note) if (x !== null) expect([2, 4].includes(x.split(' ').length)).toBe(true);
    expect(texts(col(out, 'blank')).every((x) => x === null)).toBe(true);
  });

  it('rejects bad plans, columns, kinds, counts and locales with SynthtabError', () => {
    const plan: ColumnPlan[] = [{ name: 'note', kind: 'text' }, { name: 'blank', kind: 'empty' }];
    const bad: (() => unknown)[] = [
      () => sampleFromProfile(t, [{ name: 'note', kind: 'text' }], 5, createRng(1)),
      () => sampleFromProfile(t, [...plan, { name: 'ghost', kind: 'categorical' }], 5, createRng(1)),
      () => sampleFromProfile(t, plan, 5, createRng(1), { ghost: 'email' }),
      () => sampleFromProfile(t, plan, 5, createRng(1), { note: 'shoe_size' as PiiKind }),
      () => sampleFromProfile(t, plan, -2, createRng(1)),
      () => sampleFromProfile(t, plan, 5, createRng(1), {}, { locale: 'zz' }),
    ];
    for (const f of bad) {
      let err: unknown = null;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(isSynthtabError(err)).toBe(true);
    }
  });
});
