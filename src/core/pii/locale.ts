/**
 * Which Faker locale the data's personal values come from (issue 7 item 2: "locale selectable,
 * default from the data: e.g. German names -> de").
 *
 * Every word of every value is looked up in each supported locale's own first names, last names
 * and city names (Faker's definitions, vocab.ts). The locale whose vocabulary covers the most words
 * wins, English on ties and unless another locale covers clearly more (MARGIN), so a column of
 * 'John Smith' stays English even though 'John' is also in the German list, while 'Jürgen Müller'
 * turns German. With too little evidence (fewer than MIN_COVERAGE of the words known anywhere) the
 * answer is the default, English.
 */
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, vocabKey, vocabulary, type SupportedLocale } from './vocab.ts';

/** Another locale must cover this many times more words than English to win. */
const MARGIN = 1.15;
/** Share of words the winner must cover. */
const MIN_COVERAGE = 0.25;
/** Values read, at most. */
const MAX_VALUES = 2000;

const wordSets = new Map<SupportedLocale, Set<string>>();

function wordsOf(locale: SupportedLocale): Set<string> {
  let s = wordSets.get(locale);
  if (!s) {
    const v = vocabulary([locale]);
    s = new Set<string>();
    for (const set of [v.firstNames, v.lastNames, v.cities]) for (const w of set) for (const part of w.split(/[\s-]+/)) if (part.length > 1) s.add(part);
    wordSets.set(locale, s);
  }
  return s;
}

/** The supported locale whose names and places best match the values ('en' when unsure). */
export function guessLocale(values: readonly (string | null)[]): SupportedLocale {
  const counts = new Map<SupportedLocale, number>(SUPPORTED_LOCALES.map((l) => [l, 0]));
  const sets = SUPPORTED_LOCALES.map((l) => [l, wordsOf(l)] as const);
  let words = 0;
  let read = 0;
  for (const v of values) {
    if (v === null || read++ >= MAX_VALUES) continue;
    for (const raw of vocabKey(v).split(/[\s,;]+/)) {
      // Address and e-mail parts ('12', 'x.y@z.com') carry no locale.
      if (raw.length < 2 || /[\d@]/.test(raw)) continue;
      words++;
      for (const [l, set] of sets) if (set.has(raw) || raw.split('-').every((p) => set.has(p))) counts.set(l, counts.get(l)! + 1);
    }
  }
  if (words === 0) return DEFAULT_LOCALE;
  const en = counts.get('en')!;
  let best: SupportedLocale = DEFAULT_LOCALE;
  let bestCount = en;
  for (const [l, c] of counts) if (l !== 'en' && c > bestCount && c >= MARGIN * en) [best, bestCount] = [l, c];
  return bestCount >= MIN_COVERAGE * words ? best : DEFAULT_LOCALE;
}
