/**
 * Faker's own locale definitions, as the vocabularies detection and locale guessing read (issue 7:
 * "use Faker's own vocabularies; write no fake-data dictionaries by hand").
 *
 * Only the locales in SUPPORTED_LOCALES are imported, so the browser bundle carries nine locale
 * files, not Faker's 77 (each is 12-290 kB; `allFakers` would add ~3.5 MB). Sets are built lazily,
 * once, on first use.
 */
import { Faker, base, de, en, es, fr, it, nl, pl, pt_BR, sv, type LocaleDefinition } from '@faker-js/faker';
import { SynthtabError } from '../errors.ts';

/** Locales Synthtab can generate in and recognise (Faker locale codes). */
export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt_BR', 'pl', 'sv'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = 'en';

const DEFINITIONS: Readonly<Record<SupportedLocale, LocaleDefinition>> = { en, de, fr, es, it, nl, pt_BR, pl, sv };

export function isSupportedLocale(x: string): x is SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(x);
}

/**
 * A supported locale from user text: 'de', 'de-DE', 'de_AT', 'pt', 'en_US' all work (case and
 * separator are ignored; a region falls back to its language). Unknown -> SynthtabError.
 */
export function normalizeLocale(locale: string | undefined): SupportedLocale {
  if (locale === undefined || locale.trim() === '') return DEFAULT_LOCALE;
  const parts = locale.trim().replace(/-/g, '_').split('_');
  const lang = parts[0]!.toLowerCase();
  const full = parts.length > 1 ? `${lang}_${parts[1]!.toUpperCase()}` : lang;
  if (isSupportedLocale(full)) return full;
  if (isSupportedLocale(lang)) return lang;
  if (lang === 'pt') return 'pt_BR';
  throw new SynthtabError('bad-option', `Unknown locale '${locale}': use one of ${SUPPORTED_LOCALES.join(', ')}`);
}

const fakers = new Map<SupportedLocale, Faker>();

/** A Faker for the locale, falling back to English then to Faker's base data for missing entries. */
export function fakerFor(locale: SupportedLocale): Faker {
  let f = fakers.get(locale);
  if (!f) {
    f = new Faker({ locale: locale === 'en' ? [en, base] : [DEFINITIONS[locale], en, base] });
    fakers.set(locale, f);
  }
  return f;
}

/** Every string inside a definition entry (arrays, nested records, weighted {value} lists). */
function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (x !== null && typeof x === 'object') for (const v of Object.values(x)) strings(v, out);
  return out;
}

function entry(locale: SupportedLocale, module: 'person' | 'location', key: string): string[] {
  const mod = DEFINITIONS[locale][module] as Record<string, unknown> | undefined;
  // Faker patterns such as '{{person.firstName}}' are templates, not vocabulary.
  return strings(mod?.[key]).filter((s) => !s.includes('{{') && !s.includes('#'));
}

/** Lower-cased, trimmed, inner spaces collapsed: the form every vocabulary set holds. */
export function vocabKey(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Country names compared without case, hyphens, underscores, dots or '&' vs 'and'. */
export function countryKey(s: string): string {
  return vocabKey(s.replace(/[-_]/g, ' ').replace(/\./g, '').replace(/&/g, ' and '));
}

/** Detection aids only (never generated): names for countries that Faker's lists spell otherwise. */
const COUNTRY_ALIASES = ['usa', 'united states', 'uk', 'great britain', 'england', 'scotland', 'wales', 'northern ireland', 'south korea', 'north korea', 'holland'];

export interface Vocabulary {
  firstNames: Set<string>;
  lastNames: Set<string>;
  /** Real city names (some locales only have generated city patterns, see citySuffixes). */
  cities: Set<string>;
  /** Parts Faker glues onto a name to make a city ('North ...', '...ville', '...stad'). */
  cityPrefixes: Set<string>;
  citySuffixes: string[];
  countries: Set<string>;
  /** Street words: 'Street', 'Avenue', 'straat', 'vägen', 'Via', ... */
  streetWords: Set<string>;
  /** 'Mr.', 'Dr.', 'Jr.', 'PhD', ... */
  nameAffixes: Set<string>;
}

function buildVocabulary(locales: readonly SupportedLocale[]): Vocabulary {
  const set = (module: 'person' | 'location', key: string, keyFn = vocabKey): Set<string> =>
    new Set(locales.flatMap((l) => entry(l, module, key)).map(keyFn));
  const streetWords = new Set<string>();
  for (const l of locales) {
    // Single words only: French 'street suffixes' are whole street names ('de Paris').
    for (const s of entry(l, 'location', 'street_suffix')) if (/^[\p{L}.]+$/u.test(s)) streetWords.add(vocabKey(s));
    // Dutch/German/Swedish street names end in a street word ('Hauptstraße', 'Ackerweg', 'Kerkstraat').
    for (const s of entry(l, 'location', 'street_name')) {
      const m = /(stra(ß|ss)e|str\.|weg|gasse|allee|platz|ring|straat|laan|gatan|vägen)$/i.exec(s);
      if (m) streetWords.add(m[1]!.toLowerCase());
    }
  }
  const countries = set('location', 'country', countryKey);
  // Leading words of long names ('united states' of 'United States of America'), as data often
  // shortens them, plus the few common names Faker's lists spell differently.
  for (const c of [...countries]) {
    const words = c.split(' ');
    for (let k = 2; k < words.length; k++) if (words[k] === 'of') countries.add(words.slice(0, k).join(' '));
  }
  for (const c of COUNTRY_ALIASES) countries.add(c);
  return {
    firstNames: set('person', 'first_name'),
    lastNames: set('person', 'last_name'),
    cities: set('location', 'city_name'),
    cityPrefixes: set('location', 'city_prefix'),
    citySuffixes: [...set('location', 'city_suffix')].filter((s) => s.length >= 3),
    countries,
    streetWords,
    nameAffixes: new Set([...set('person', 'prefix'), ...set('person', 'suffix')].map((s) => s.replace(/\.$/, ''))),
  };
}

const vocabularies = new Map<string, Vocabulary>();
/** The hot path: detection asks for the all-locale vocabulary once per value. */
let allLocales: Vocabulary | null = null;

/** The union vocabulary of all supported locales (default), or of the given ones. */
export function vocabulary(locales: readonly SupportedLocale[] = SUPPORTED_LOCALES): Vocabulary {
  if (locales === SUPPORTED_LOCALES && allLocales) return allLocales;
  const key = locales.join(',');
  let v = vocabularies.get(key);
  if (!v) {
    v = buildVocabulary(locales);
    vocabularies.set(key, v);
  }
  if (locales === SUPPORTED_LOCALES) allLocales = v;
  return v;
}

let countryCodes: Set<string> | null = null;

/** ISO 3166 alpha-2 and alpha-3 codes (upper case), from Faker's base locale. */
export function isoCountryCodes(): Set<string> {
  if (!countryCodes) {
    const raw = (base.location as Record<string, unknown> | undefined)?.['country_code'];
    countryCodes = new Set<string>();
    if (Array.isArray(raw)) {
      for (const c of raw) {
        if (c && typeof c === 'object') {
          for (const v of Object.values(c)) if (typeof v === 'string' && /^[A-Za-z]{2,3}$/.test(v)) countryCodes.add(v.toUpperCase());
        }
      }
    }
  }
  return countryCodes;
}
