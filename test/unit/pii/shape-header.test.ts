import { describe, expect, it } from 'vitest';
import { headerHint, headerTokens } from '../../../src/core/pii/header.ts';
import { isIdentifyingPii, suggestPiiAction } from '../../../src/core/pii/kinds.ts';
import { isFormattedPhone, luhnValid } from '../../../src/core/pii/patterns.ts';
import { drawFromShape, formatOf, learnShape } from '../../../src/core/pii/shape.ts';
import { createRng } from '../../../src/core/rng.ts';

describe('headerTokens / headerHint', () => {
  it('splits camelCase, separators and acronyms', () => {
    expect(headerTokens('customerEmail')).toEqual(['customer', 'email']);
    expect(headerTokens('E-Mail Address')).toEqual(['e', 'mail', 'address']);
    expect(headerTokens('IPAddress')).toEqual(['ip', 'address']);
    expect(headerTokens('first_name')).toEqual(['first', 'name']);
  });

  it('maps SDV-style header names to kinds', () => {
    const cases: [string, string | null][] = [
      ['email', 'email'], ['E-Mail', 'email'], ['phoneNumber', 'phone'], ['tel', 'phone'], ['first_name', 'first_name'],
      ['LastName', 'last_name'], ['surname', 'last_name'], ['full name', 'full_name'], ['customer_name', 'full_name'],
      ['name', 'full_name'], ['city', 'city'], ['country', 'country'], ['native-country', 'country'], ['zip', 'postal_code'],
      ['postcode', 'postal_code'], ['street_address', 'street_address'], ['address', 'street_address'], ['ip_address', 'ipv4'],
      ['IPAddress', 'ipv4'], ['uuid', 'uuid'], ['creditCardNumber', 'credit_card'], ['website', 'url'], ['id', 'identifier'],
      ['customer_id', 'identifier'], ['userId', 'identifier'], ['ssn', 'identifier'], ['order_no', 'identifier'],
      ['product_name', null], ['age', null], ['paid', null], ['valid', null], ['education-num', null], ['num_children', null],
      ['first_purchase', null], ['hours-per-week', null],
    ];
    for (const [name, kind] of cases) expect([name, headerHint(name)?.kind ?? null]).toEqual([name, kind]);
  });
});

describe('patterns', () => {
  it('Luhn: known valid and invalid numbers', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('79927398713')).toBe(true); // the classic worked example
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('41a1')).toBe(false);
  });

  it('formatted phones need 7-15 digits and a separator, "+" or bracket', () => {
    expect(isFormattedPhone('(212) 555-0143')).toBe(true);
    expect(isFormattedPhone('+4930901820')).toBe(true);
    expect(isFormattedPhone('555-0143 x123')).toBe(true);
    expect(isFormattedPhone('2125550143')).toBe(false);
    expect(isFormattedPhone('12-34')).toBe(false);
    // Dates have the same characters but are not phone numbers.
    expect(isFormattedPhone('2024-01-15')).toBe(false);
    expect(isFormattedPhone('15.01.2024')).toBe(false);
    expect(isFormattedPhone('1/15/2024')).toBe(false);
  });
});

describe('identifier shapes', () => {
  it('learns literals, padded digits and letter runs', () => {
    expect(learnShape(['C-00123', 'C-04567', 'C-10001'])).toEqual({
      segments: [
        { type: 'literal', text: 'C' }, { type: 'literal', text: '-' }, { type: 'digits', lengths: [5, 5, 5], padded: true },
      ],
    });
    const s = learnShape(['ab-1', 'cd-22', 'ef-333'])!;
    expect(s.segments[0]).toEqual({ type: 'letters', lengths: [2, 2, 2], letterCase: 'lower' });
    expect(s.segments[2]).toEqual({ type: 'digits', lengths: [1, 2, 3], padded: false });
  });

  it('the most common signature wins over outliers', () => {
    const s = learnShape(['A1', 'B2', 'C3', 'weird value'])!;
    expect(s.segments.map((x) => x.type)).toEqual(['letters', 'digits']);
  });

  it('draws follow the shape; widening lengthens variable runs', () => {
    const s = learnShape(['X-12', 'Y-34'])!;
    const rng = createRng(1);
    for (let i = 0; i < 20; i++) expect(drawFromShape(s, rng)).toMatch(/^[A-Z]-[1-9]\d$/);
    expect(drawFromShape(s, rng, 2)).toMatch(/^[A-Z]{3}-\d{4}$/);
  });

  it('formatOf turns digits into # and letters into ?, keeping a literal head', () => {
    expect(formatOf('(212) 555-0143')).toBe('(###) ###-####');
    expect(formatOf('SW1A 1AA')).toBe('??#? #??');
    expect(formatOf('+49 30 1234567', 3)).toBe('+49 ## #######');
  });
});

describe('policy', () => {
  it('identifying kinds are faked; non-identifying ones learned when they have few values', () => {
    expect(isIdentifyingPii('email')).toBe(true);
    expect(isIdentifyingPii('city')).toBe(false);
    expect(suggestPiiAction('email', 3)).toBe('fake');
    expect(suggestPiiAction('country', 41)).toBe('learn');
    expect(suggestPiiAction('city', 900)).toBe('fake');
  });
});
