import { Faker, base, de, en, fr, it as itLocale, es } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { guessLocale } from '../../../src/core/pii/locale.ts';
import { normalizeLocale } from '../../../src/core/pii/vocab.ts';
import { isSynthtabError } from '../../../src/core/errors.ts';

function names(locale: Faker, n: number, seed: number): string[] {
  locale.seed(seed);
  return Array.from({ length: n }, () => locale.person.fullName());
}

describe('guessLocale', () => {
  it('hand-written German names -> de, English names -> en', () => {
    expect(guessLocale(['Jürgen Müller', 'Sabine Schröder', 'Klaus Weißmann', 'Ute Hoffmann', 'Dieter Köhler'])).toBe('de');
    expect(guessLocale(['John Smith', 'Mary Johnson', 'Robert Brown', 'Linda Davis', 'James Wilson'])).toBe('en');
  });

  it('recovers the locale Faker generated the names in', () => {
    const cases: [string, Faker][] = [
      ['en', new Faker({ locale: [en, base] })],
      ['de', new Faker({ locale: [de, en, base] })],
      ['fr', new Faker({ locale: [fr, en, base] })],
      ['es', new Faker({ locale: [es, en, base] })],
      ['it', new Faker({ locale: [itLocale, en, base] })],
    ];
    for (const [want, f] of cases) expect(guessLocale(names(f, 100, 5))).toBe(want);
  });

  it('falls back to en with no usable evidence (numbers, e-mails, nulls, nothing)', () => {
    expect(guessLocale([])).toBe('en');
    expect(guessLocale([null, null])).toBe('en');
    expect(guessLocale(['12', '3.5', 'a@b.com'])).toBe('en');
    expect(guessLocale(['qwzx', 'vbnm', 'plok'])).toBe('en');
  });

  it('one German name among many English ones does not flip the guess', () => {
    const mixed = [...names(new Faker({ locale: [en, base] }), 50, 9), 'Jürgen Müller'];
    expect(guessLocale(mixed)).toBe('en');
  });
});

describe('normalizeLocale', () => {
  it('accepts language, region and separator variants', () => {
    expect(normalizeLocale(undefined)).toBe('en');
    expect(normalizeLocale('')).toBe('en');
    expect(normalizeLocale('de')).toBe('de');
    expect(normalizeLocale('de-DE')).toBe('de');
    expect(normalizeLocale('DE_at')).toBe('de');
    expect(normalizeLocale('en_US')).toBe('en');
    expect(normalizeLocale('pt')).toBe('pt_BR');
    expect(normalizeLocale('pt-br')).toBe('pt_BR');
  });

  it('rejects an unknown locale with a one-line SynthtabError', () => {
    try {
      normalizeLocale('klingon');
      expect.unreachable();
    } catch (e) {
      expect(isSynthtabError(e)).toBe(true);
      expect((e as Error).message).toMatch(/Unknown locale 'klingon'/);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
