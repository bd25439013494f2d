import { describe, expect, it } from 'vitest';
import { canonicalValue, generateFakeColumn, type FakeOptions } from '../../../src/core/pii/generate.ts';
import { PII_KINDS, isIdentifyingPii, type PiiKind } from '../../../src/core/pii/kinds.ts';
import { digitsOf, isCreditCard, isEmail, isIpv4, isUuid, luhnValid } from '../../../src/core/pii/patterns.ts';
import { createRng } from '../../../src/core/rng.ts';
import { isSynthtabError } from '../../../src/core/errors.ts';

function opts(seed: number, extra: Partial<FakeOptions> = {}): FakeOptions {
  return { rng: createRng(seed), nullRate: 0, unique: false, forbidden: new Set(), ...extra };
}

const nonNull = (xs: (string | null)[]): string[] => xs.filter((x): x is string => x !== null);

describe('generateFakeColumn: reproducible and well-formed', () => {
  for (const kind of PII_KINDS) {
    it(`${kind}: the same seed gives the same column, another seed another one`, () => {
      const a = generateFakeColumn(kind, 40, opts(7));
      const b = generateFakeColumn(kind, 40, opts(7));
      const c = generateFakeColumn(kind, 40, opts(8));
      expect(a).toEqual(b);
      expect(a).not.toEqual(c);
      expect(nonNull(a)).toHaveLength(40);
      for (const v of a) expect(v!.trim().length).toBeGreaterThan(0);
    });
  }

  it('values have the kind\'s format', () => {
    expect(generateFakeColumn('email', 50, opts(1)).every((v) => isEmail(v!) && /@example\.(com|net|org)$/.test(v!))).toBe(true);
    expect(generateFakeColumn('uuid', 50, opts(1)).every((v) => isUuid(v!))).toBe(true);
    expect(generateFakeColumn('ipv4', 50, opts(1)).every((v) => isIpv4(v!))).toBe(true);
    expect(generateFakeColumn('credit_card', 50, opts(1)).every((v) => isCreditCard(v!))).toBe(true);
    expect(generateFakeColumn('full_name', 50, opts(1)).every((v) => v!.split(' ').length >= 2)).toBe(true);
  });

  it('does not disturb the caller Rng beyond its own draws (same rng state -> same next value)', () => {
    const r1 = createRng(3);
    const r2 = createRng(3);
    generateFakeColumn('city', 10, { ...opts(0), rng: r1 });
    generateFakeColumn('email', 500, { ...opts(0), rng: r2 });
    // A fixed number of draws from the parent, whatever the column: later columns stay stable.
    expect(r1.next()).toBe(r2.next());
  });
});

describe('generateFakeColumn: null rate and uniqueness', () => {
  it('keeps the null rate: exactly round(n x rate) nulls', () => {
    for (const rate of [0, 0.04, 0.25, 0.5, 1]) {
      const v = generateFakeColumn('phone', 1000, opts(2, { nullRate: rate }));
      expect(v.filter((x) => x === null).length).toBe(Math.round(1000 * rate));
    }
  });

  it('null positions are spread (not all at the start)', () => {
    const v = generateFakeColumn('city', 1000, opts(4, { nullRate: 0.2 }));
    const firstHalf = v.slice(0, 500).filter((x) => x === null).length;
    expect(firstHalf).toBeGreaterThan(60);
    expect(firstHalf).toBeLessThan(140);
  });

  const uniqueKinds: PiiKind[] = ['email', 'full_name', 'phone', 'street_address', 'uuid', 'ipv4', 'credit_card', 'identifier', 'first_name', 'city'];
  for (const kind of uniqueKinds) {
    it(`unique stays unique: ${kind}`, () => {
      const v = nonNull(generateFakeColumn(kind, 2000, opts(5, { unique: true, nullRate: 0.1, template: kind === 'identifier' ? ['A-001', 'A-002'] : undefined })));
      expect(new Set(v.map((x) => canonicalValue(kind, x))).size).toBe(v.length);
    });
  }

  it('unique holds even past the vocabulary (250 countries for 400 rows)', () => {
    const v = nonNull(generateFakeColumn('country', 400, opts(6, { unique: true })));
    expect(new Set(v).size).toBe(400);
  });

  it('without unique, a small vocabulary repeats (countries)', () => {
    const v = nonNull(generateFakeColumn('country', 1000, opts(6)));
    expect(new Set(v).size).toBeLessThan(400);
  });
});

describe('generateFakeColumn: identifying kinds never reproduce a real value', () => {
  const identifying = PII_KINDS.filter(isIdentifyingPii);
  for (const kind of identifying) {
    it(`${kind}: forbidding the first 50 values the same seed produces removes them all`, () => {
      const first = nonNull(generateFakeColumn(kind, 50, opts(11)));
      const again = nonNull(generateFakeColumn(kind, 200, opts(11, { forbidden: new Set(first) })));
      const banned = new Set(first.map((x) => canonicalValue(kind, x)));
      expect(again.filter((x) => banned.has(canonicalValue(kind, x)))).toEqual([]);
      // Without the ban the same seed does hit them: the test would catch a missing check.
      const unbanned = nonNull(generateFakeColumn(kind, 200, opts(11)));
      expect(unbanned.filter((x) => banned.has(canonicalValue(kind, x))).length).toBeGreaterThan(0);
    });
  }

  it('a reformatted real phone number still counts as real (compared by digits)', () => {
    const first = nonNull(generateFakeColumn('phone', 30, opts(12)));
    const reformatted = new Set(first.map((p) => digitsOf(p).replace(/(\d{3})(\d{3})(\d+)/, '$1 $2 $3')));
    const again = nonNull(generateFakeColumn('phone', 100, opts(12, { forbidden: reformatted })));
    const banned = new Set(first.map(digitsOf));
    expect(again.filter((p) => banned.has(digitsOf(p)))).toEqual([]);
  });

  it('e-mails are compared without case', () => {
    const first = nonNull(generateFakeColumn('email', 30, opts(13)));
    const again = nonNull(generateFakeColumn('email', 100, opts(13, { forbidden: new Set(first.map((e) => e.toUpperCase())) })));
    const banned = new Set(first.map((e) => e.toLowerCase()));
    expect(again.filter((e) => banned.has(e.toLowerCase()))).toEqual([]);
  });

  it('non-identifying kinds may repeat real values (cities)', () => {
    const first = nonNull(generateFakeColumn('city', 200, opts(14)));
    const again = nonNull(generateFakeColumn('city', 200, opts(14, { forbidden: new Set(first) })));
    expect(again).toEqual(first);
  });

  it('sequential numeric ids 1..300 all forbidden: 300 new unique ids, none real', () => {
    const real = Array.from({ length: 300 }, (_, i) => String(i + 1));
    const v = nonNull(generateFakeColumn('identifier', 300, opts(15, { unique: true, forbidden: new Set(real), template: real })));
    expect(new Set(v).size).toBe(300);
    const realSet = new Set(real);
    expect(v.filter((x) => realSet.has(x))).toEqual([]);
    expect(v.every((x) => /^[1-9]\d*$/.test(x))).toBe(true);
  });
});

describe('generateFakeColumn: templates keep the real format', () => {
  it("identifiers take the real shape ('C-00123' -> 'C-' + 5 digits)", () => {
    const v = nonNull(generateFakeColumn('identifier', 100, opts(21, { unique: true, template: ['C-00123', 'C-04567', 'C-10001'] })));
    expect(v.every((x) => /^C-\d{5}$/.test(x))).toBe(true);
  });

  it('numeric ids keep their digit counts (no leading zero when the real ones have none)', () => {
    const real = ['48213', '90311', '12876', '55555', '70001'];
    const v = nonNull(generateFakeColumn('identifier', 100, opts(22, { unique: true, template: real, forbidden: new Set(real) })));
    expect(v.every((x) => /^[1-9]\d{4}$/.test(x))).toBe(true);
  });

  it('mixed-case letter + digit codes keep run lengths and case', () => {
    const v = nonNull(generateFakeColumn('identifier', 50, opts(23, { template: ['AB12cd', 'XY99zz', 'QR05ab'] })));
    expect(v.every((x) => /^[A-Z]{2}\d{2}[a-z]{2}$/.test(x))).toBe(true);
  });

  it('phone numbers follow a real format, keeping the country code', () => {
    const v = nonNull(generateFakeColumn('phone', 50, opts(24, { template: ['+49 30 1234567'] })));
    expect(v.every((x) => /^\+49 \d{2} \d{7}$/.test(x))).toBe(true);
  });

  it('zip codes with leading zeros stay 5-digit text and keep the region digit', () => {
    const v = nonNull(generateFakeColumn('postal_code', 50, opts(25, { template: ['02134', '06511'] })));
    expect(v.every((x) => /^0\d{4}$/.test(x))).toBe(true);
  });

  it('card numbers keep the grouping and pass Luhn', () => {
    const v = nonNull(generateFakeColumn('credit_card', 50, opts(26, { template: ['4111-1111-1111-1111'] })));
    expect(v.every((x) => /^4\d{3}-\d{4}-\d{4}-\d{4}$/.test(x) && luhnValid(digitsOf(x)))).toBe(true);
  });
});

describe('generateFakeColumn: locale and bad input', () => {
  it('a German locale gives German-looking names; aliases like de-DE work', () => {
    const de = nonNull(generateFakeColumn('full_name', 20, opts(31, { locale: 'de-DE' })));
    const en = nonNull(generateFakeColumn('full_name', 20, opts(31)));
    expect(de).not.toEqual(en);
    expect(nonNull(generateFakeColumn('phone', 20, opts(31, { locale: 'de' }))).some((p) => p.startsWith('+49') || p.startsWith('(0'))).toBe(true);
  });

  it('rejects unknown locales, bad counts and bad null rates with SynthtabError', () => {
    const bad: [PiiKind, number, Partial<FakeOptions>][] = [
      ['email', 5, { locale: 'xx' }], ['email', -1, {}], ['email', 2.5, {}], ['email', 5, { nullRate: 1.5 }], ['email', 5, { nullRate: NaN }],
      ['nonsense' as PiiKind, 5, {}],
    ];
    for (const [kind, n, extra] of bad) {
      let err: unknown = null;
      try {
        generateFakeColumn(kind, n, opts(1, extra));
      } catch (e) {
        err = e;
      }
      expect(isSynthtabError(err)).toBe(true);
    }
  });

  it('n = 0 gives an empty column', () => {
    expect(generateFakeColumn('email', 0, opts(1))).toEqual([]);
  });
});
