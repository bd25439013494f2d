import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/csv/parse.ts';
import { isSynthtabError } from '../../../src/core/errors.ts';
import { canonicalValue } from '../../../src/core/pii/generate.ts';
import { buildFakeFillers, fakeColumnSpec, prepareFakeColumns } from '../../../src/core/pii/fillers.ts';
import { planFromProfile } from '../../../src/core/profile/plan.ts';
import { profileTable } from '../../../src/core/profile/profile.ts';
import { createRng } from '../../../src/core/rng.ts';
import { cellText, numericColumn, stringColumn, type Column, type Table } from '../../../src/core/table/table.ts';
import type { ColumnPlan, Profile } from '../../../src/core/types.ts';

const customers = parseCsv(readFileSync(new URL('../../fixtures/customers.csv', import.meta.url), 'utf8')).table;
const profile = profileTable(customers);
const plan = planFromProfile(profile);

function texts(c: Column): (string | null)[] {
  const n = c.type === 'numeric' ? c.values.length : c.codes.length;
  return Array.from({ length: n }, (_, i) => cellText(c, i));
}

function realSet(name: string, lower = true): Set<string> {
  const c = customers.columns.find((x) => x.name === name)!;
  return new Set(texts(c).filter((x): x is string => x !== null).map((x) => (lower ? x.toLowerCase() : x)));
}

describe('buildFakeFillers on the customers fixture', () => {
  const fillers = buildFakeFillers(customers, profile, plan);

  it('has one filler per faked column and none for learned ones', () => {
    const faked = plan.filter((p) => p.action === 'fake').map((p) => p.name);
    // Identifying kinds, and city / country / zip with more than 50 distinct values.
    expect(faked).toEqual(['customer_id', 'account_uuid', 'name', 'email', 'phone', 'street_address', 'city', 'country', 'zip']);
    expect([...fillers.keys()]).toEqual(faked);
  });

  it('makes realistic values of each kind, never a real identifying one', () => {
    const rng = createRng(5);
    const n = 600;
    const out = new Map([...fillers].map(([name, f]) => [name, f(n, rng.fork())]));
    const email = out.get('email')!.filter((x): x is string => x !== null);
    expect(email.every((e) => /^[^@\s]+@example\.(com|net|org)$/.test(e))).toBe(true);
    expect(out.get('account_uuid')!.every((u) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(u!))).toBe(true);
    expect(out.get('customer_id')!.every((u) => /^C-\d{5}$/.test(u!))).toBe(true);
    expect(out.get('phone')!.filter((x) => x !== null).every((p) => /^\(\d{3}\) \d{3}-\d{4}$/.test(p!))).toBe(true);
    expect(out.get('zip')!.every((z) => /^\d{5}$/.test(z!))).toBe(true);
    expect(out.get('name')!.every((v) => /^\p{L}[\p{L}'. -]* \p{L}[\p{L}'. -]*$/u.test(v!))).toBe(true);
    for (const name of ['customer_id', 'account_uuid', 'name', 'email', 'street_address']) {
      const real = realSet(name);
      expect([name, out.get(name)!.filter((v) => v !== null && real.has(v.toLowerCase()))]).toEqual([name, []]);
    }
    // Phones compare by digits: '(212) 323-4946' and '212.323.4946' are the same number.
    const realPhones = new Set([...realSet('phone')].map((p) => canonicalValue('phone', p)));
    expect(out.get('phone')!.filter((p) => p !== null && realPhones.has(canonicalValue('phone', p)))).toEqual([]);
  });

  it('keeps the real null share exactly (phone: 12 of 300 -> 40 of 1000) and no nulls elsewhere', () => {
    const rng = createRng(1);
    expect(fillers.get('phone')!(1000, rng).filter((x) => x === null).length).toBe(40);
    expect(fillers.get('email')!(1000, rng).filter((x) => x === null).length).toBe(0);
  });

  it('keeps unique columns unique, also across calls of the same filler (batches)', () => {
    const fresh = buildFakeFillers(customers, profile, plan);
    const rng = createRng(2);
    const a = fresh.get('email')!(400, rng.fork());
    const b = fresh.get('email')!(400, rng.fork());
    const all = [...a, ...b].map((e) => e!.toLowerCase());
    expect(new Set(all).size).toBe(800);
    // Country repeats in the real data, so its fakes may repeat too.
    expect(new Set(fresh.get('country')!(400, rng.fork())).size).toBeLessThan(400);
  });

  it('is deterministic: fresh fillers and the same seed give the same fakes', () => {
    const one = buildFakeFillers(customers, profile, plan);
    const two = buildFakeFillers(customers, profile, plan);
    for (const name of one.keys()) expect(one.get(name)!(50, createRng(9))).toEqual(two.get(name)!(50, createRng(9)));
    expect(one.get('name')!(50, createRng(10))).not.toEqual(two.get('name')!(50, createRng(11)));
  });

  it('draws in the chosen locale (German city names) and rejects an unknown one', () => {
    const de = buildFakeFillers(customers, profile, plan, { locale: 'de-DE' });
    const cities = de.get('city')!(200, createRng(3));
    // Faker's German cities: umlauts and German endings show up; the English 'Port X' / 'X-ton' pattern does not dominate.
    expect(cities.some((c) => /[äöüß]|burg|dorf|stadt|heim/i.test(c!))).toBe(true);
    let err: unknown;
    try {
      buildFakeFillers(customers, profile, plan, { locale: 'xx' });
    } catch (e) {
      err = e;
    }
    expect(isSynthtabError(err) && err.code === 'bad-option').toBe(true);
  });
});

describe('fake specs', () => {
  it('reads null share, uniqueness and the values to avoid from the real column', () => {
    const col = stringColumn('email', ['a@x.org', 'B@x.org', null, 'c@x.org']);
    const spec = fakeColumnSpec(col, 'email');
    expect(spec.nullRate).toBe(0.25);
    expect(spec.unique).toBe(true);
    expect([...spec.forbiddenKeys].sort()).toEqual(['a@x.org', 'b@x.org', 'c@x.org']);
    // Non-identifying kinds forbid nothing (a real city may come back).
    expect(fakeColumnSpec(stringColumn('city', ['Paris', 'Lyon', 'Paris']), 'city')).toMatchObject({ unique: false, forbiddenKeys: new Set() });
  });

  it('fakes only action "fake" columns that are not excluded; a column without a guess becomes an identifier', () => {
    const table: Table = {
      rowCount: 3,
      columns: [stringColumn('code', ['K1', 'K2', 'K3']), numericColumn('n', new Float64Array([1, 2, 3])), stringColumn('x', ['a', 'b', 'c'])],
    };
    const prof: Profile = profileTable(table, { pii: false });
    const p: ColumnPlan[] = [
      { name: 'code', kind: 'text', action: 'fake' },
      { name: 'n', kind: 'integer', action: 'learn' },
      { name: 'x', kind: 'text', action: 'fake', excluded: true },
    ];
    const specs = prepareFakeColumns(table, prof, p);
    expect(specs.map((s) => [s.name, s.kind])).toEqual([['code', 'identifier']]);
    const out = buildFakeFillers(table, prof, p).get('code')!(20, createRng(4));
    expect(out.every((v) => /^K\d$/.test(v!) || /^K\d+/.test(v!))).toBe(true);
    expect(out.filter((v) => ['K1', 'K2', 'K3'].includes(v!))).toEqual([]);
  });

  it('throws bad-column for a faked column the table lacks', () => {
    const table: Table = { rowCount: 1, columns: [stringColumn('a', ['x'])] };
    expect(() => prepareFakeColumns(table, profileTable(table), [{ name: 'zz', kind: 'text', action: 'fake' }])).toThrow(/does not have/);
  });
});
