/**
 * Value tests for each personal kind: strict patterns (the value surely is one) and the vocabulary
 * checks that read Faker's locale data (vocab.ts). Each test takes one trimmed, non-empty value.
 */
import { countryKey, isoCountryCodes, vocabKey, vocabulary } from './vocab.ts';

const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const URL_SCHEME = /^(https?|ftp):\/\/[^\s/$.?#][^\s]*$/i;
const URL_WWW = /^www\.[^\s.]+(\.[^\s.]+)+(\/\S*)?$/i;
const UUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const PHONE_CHARS = /^\+?[\d\s().\-/]+((\s*(x|ext\.?)\s*\d{1,6}))?$/i;
const CARD_CHARS = /^\d[\d -]*\d$/;
const INTEGER = /^-?\d+$/;
const DATE_LIKE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;

export const isEmail = (v: string): boolean => EMAIL.test(v);
export const isUrl = (v: string): boolean => URL_SCHEME.test(v) || URL_WWW.test(v);
export const isUuid = (v: string): boolean => UUID.test(v);
export const isIpv4 = (v: string): boolean => IPV4.test(v);
export const isInteger = (v: string): boolean => INTEGER.test(v);
/** Dates and timestamps ('2024-01-15', '15.01.2024', '2024-01-15T10:00:00Z'): never ids or phones. */
export const isDateLike = (v: string): boolean => DATE_LIKE.test(v) || /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/.test(v);

/** The digits of a value, in order. */
export function digitsOf(v: string): string {
  return v.replace(/\D/g, '');
}

/** Luhn (mod 10) check, as every payment card number satisfies (ISO/IEC 7812). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** 13-19 digits (optionally grouped by spaces or dashes) passing the Luhn check. */
export function isCreditCard(v: string): boolean {
  if (!CARD_CHARS.test(v)) return false;
  const d = digitsOf(v);
  return d.length >= 13 && d.length <= 19 && luhnValid(d);
}

/**
 * A formatted phone number: 7-15 digits (ITU E.164 allows 15) written with a leading '+', brackets,
 * or separators. A bare run of digits is only `phone`-compatible (it may as well be an id).
 */
export function isFormattedPhone(v: string): boolean {
  if (!PHONE_CHARS.test(v) || DATE_LIKE.test(v)) return false;
  const main = v.replace(/\s*(x|ext\.?)\s*\d{1,6}$/i, '');
  const n = digitsOf(main).length;
  if (n < 7 || n > 15) return false;
  return /^\+/.test(main) || /[\s().\-/]/.test(main);
}

export function isBarePhoneDigits(v: string): boolean {
  return /^\+?\d{7,15}$/.test(v);
}

/**
 * Postal-code shapes distinctive enough to recognise without a header. Letters must be upper case,
 * as the postal services write them: lower-case 'a3f9c2' is a hex code, not a Canadian postcode.
 */
const DISTINCT_POSTCODES = [
  /^\d{5}-\d{4}$/, // US ZIP+4
  /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, // UK
  /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/, // Canada
  /^\d{4} ?[A-Z]{2}$/, // Netherlands
  /^\d{2}-\d{3}$/, // Poland
  /^\d{5}-\d{3}$/, // Brazil
];

export function isDistinctivePostcode(v: string): boolean {
  return DISTINCT_POSTCODES.some((re) => re.test(v));
}

/** 3-6 digits (US, DE, FR, ES, IT, SE 5; many others 4): only a postal code given other evidence. */
export function isDigitPostcode(v: string): boolean {
  return /^\d{3,6}$/.test(v) || /^\d{3} \d{2}$/.test(v);
}

function words(v: string): string[] {
  return v.split(/\s+/).filter((w) => w.length > 0);
}

/** Case-insensitive vocabulary membership, also for hyphenated parts ('Anna-Lena', 'Müller-Lüdenscheidt'). */
function inSet(set: Set<string>, token: string): boolean {
  const k = vocabKey(token);
  if (set.has(k)) return true;
  const parts = k.split('-');
  return parts.length > 1 && parts.every((p) => set.has(p));
}

export function isFirstName(v: string): boolean {
  const w = words(v);
  return w.length >= 1 && w.length <= 2 && w.every((t) => inSet(vocabulary().firstNames, t));
}

export function isLastName(v: string): boolean {
  const w = words(v);
  const set = vocabulary().lastNames;
  // 'van der Berg', 'García López': every capitalised word a known surname, particles allowed.
  return w.length >= 1 && w.length <= 3 && w.some((t) => inSet(set, t)) && w.every((t) => inSet(set, t) || /^[a-z]{1,3}$/.test(t));
}

function stripAffixes(tokens: string[]): string[] {
  const aff = vocabulary().nameAffixes;
  const strip = (t: string): boolean => aff.has(vocabKey(t).replace(/[.,]$/, ''));
  let a = 0;
  let b = tokens.length;
  while (a < b && strip(tokens[a]!)) a++;
  while (b > a && strip(tokens[b - 1]!)) b--;
  return tokens.slice(a, b);
}

/**
 * How much a value looks like a person's full name: 1 for 'First Last' (or 'Last, First') with
 * both parts in Faker's vocabulary, 0.5 with one part known, 0 otherwise. Titles such as 'Dr.' and
 * 'Jr.' are ignored.
 */
export function fullNameScore(v: string): number {
  let tokens = words(v.replace(/,/g, ', '));
  const comma = tokens.findIndex((t) => t.endsWith(','));
  if (comma >= 0) tokens = [...tokens.slice(comma + 1), ...tokens.slice(0, comma + 1)].map((t) => t.replace(/,$/, ''));
  tokens = stripAffixes(tokens);
  if (tokens.length < 2 || tokens.length > 4) return 0;
  if (!tokens.every((t) => /^\p{Lu}/u.test(t) || /^(van|von|de|der|den|del|da|di|du|la|le|y|bin|al)$/i.test(t))) return 0;
  const vocab = vocabulary();
  const first = inSet(vocab.firstNames, tokens[0]!);
  const last = inSet(vocab.lastNames, tokens[tokens.length - 1]!);
  return first && last ? 1 : first || last ? 0.5 : 0;
}

/** A known city name (any supported locale), or a name built like Faker's city patterns. */
export function cityScore(v: string): number {
  const vocab = vocabulary();
  const k = vocabKey(v);
  if (vocab.cities.has(k)) return 1;
  const w = k.split(' ');
  if (!/^\p{Lu}/u.test(v.trim()) || w.length > 4) return 0;
  if (w.length >= 2 && vocab.cityPrefixes.has(w[0]!)) return 0.8;
  const lastWord = w[w.length - 1]!;
  for (const s of vocab.citySuffixes) if (lastWord.length > s.length + 2 && lastWord.endsWith(s)) return 0.6;
  return 0;
}

export function isCountry(v: string): boolean {
  return vocabulary().countries.has(countryKey(v));
}

export function isCountryCode(v: string): boolean {
  return /^[A-Z]{2,3}$/.test(v) && isoCountryCodes().has(v);
}

/** Postal abbreviations (USPS Publication 28) that Faker's vocabulary spells out in full. */
const STREET_ABBREVIATIONS = new Set(['st', 'ave', 'av', 'rd', 'blvd', 'dr', 'ln', 'ct', 'pl', 'sq', 'hwy', 'pkwy', 'ter', 'cir', 'trl']);

/**
 * A street address: a house number and at least one word, number first ('12 Oak Street') or last
 * ('Hauptstraße 5'). Strong (1) with a street word from Faker's vocabulary ('Street', 'Avenue',
 * '-straße', 'Via', 'Calle'), 0.5 without one.
 */
export function streetAddressScore(v: string): number {
  const numberFirst = /^\d+[A-Za-z]?(-\d+)?,?\s+\p{L}/u.test(v);
  const numberLast = /\p{L}[\p{L}.]*\s+\d+[A-Za-z]?(-\d+)?$/u.test(v);
  if (!numberFirst && !numberLast) return 0;
  const w = vocabKey(v).replace(/[,#]/g, ' ').split(/\s+/).filter((t) => /\p{L}/u.test(t));
  if (w.length === 0) return 0;
  const streetWords = vocabulary().streetWords;
  const ends = ['straße', 'strasse', 'str.', 'weg', 'gasse', 'allee', 'platz', 'straat', 'laan', 'gatan', 'vägen'];
  const known = w.some((t) => streetWords.has(t.replace(/\.$/, '')) || STREET_ABBREVIATIONS.has(t.replace(/\.$/, '')) || ends.some((e) => t.endsWith(e)));
  return known ? 1 : 0.5;
}
