/**
 * Guess whether a column holds personal data, and which kind (issue 7 item 1), from a sample of
 * its distinct values and its header. Pure: the profiler passes the values in.
 *
 * Each kind gets a confidence in [0, 1]; the best one at or above MIN_CONFIDENCE wins.
 * - Values decide first: the share of sampled values matching the kind's pattern or Faker's
 *   vocabulary (names, cities, countries, street words) must reach the kind's threshold. Strong
 *   value evidence alone gives 0.75-0.95; a matching header adds a little.
 * - A header alone (SDV-style name tokens, CTGAN-SPEC.md section 7) with values that merely fit
 *   the kind (a 'phone' column of bare digits) gives 0.55-0.7; with values that contradict it
 *   (an 'email_count' column of small numbers) it gives nothing.
 *
 * Tricky cases, on purpose:
 * - Numeric ids vs amounts: an identifier is whole numbers, unique in the column, dense like a
 *   sequence (or named like a key); values with decimals or repeats are measurements, not ids.
 * - Zip codes with leading zeros are text of one fixed width; without a header they count as
 *   postal codes only when some start with 0 and values repeat (a unique fixed-width code is an id).
 * - Credit-card-like numbers must pass the Luhn check: 1 in 10 random digit strings does, so a
 *   column is card-like only when at least 90% of its values do.
 */
import { headerHint, type HeaderHint } from './header.ts';
import { PII_PLURALS, type PiiKind } from './kinds.ts';
import {
  cityScore, fullNameScore, isBarePhoneDigits, isCountry, isCountryCode, isCreditCard, isDigitPostcode,
  isDateLike, isDistinctivePostcode, isEmail, isFirstName, isFormattedPhone, isInteger, isIpv4, isLastName, isUrl, isUuid,
  streetAddressScore,
} from './patterns.ts';

export interface PiiDetection {
  kind: PiiKind;
  confidence: number;
  /** Why, in words, for the profile table. */
  reason: string;
}

/** Below this, detection says nothing. */
export const MIN_CONFIDENCE = 0.5;
/** At most this many distinct values are examined. */
export const MAX_SAMPLE = 1000;

type Scorer = (v: string) => number;

interface KindTest {
  kind: PiiKind;
  /** Per-value evidence in [0, 1]. */
  score: Scorer;
  /** Mean evidence needed to call the column this kind from values alone. */
  threshold: number;
  /** Values that fit the kind loosely enough for a header to decide (defaults to `score` > 0). */
  compatible?: Scorer;
  /** Fewest distinct values for a vocabulary kind (two 'White'/'Black' categories are not surnames). */
  minDistinct?: number;
}

const TESTS: KindTest[] = [
  { kind: 'uuid', score: (v) => +isUuid(v), threshold: 0.95 },
  { kind: 'email', score: (v) => +isEmail(v), threshold: 0.9 },
  { kind: 'url', score: (v) => +isUrl(v), threshold: 0.9 },
  { kind: 'ipv4', score: (v) => +isIpv4(v), threshold: 0.95 },
  { kind: 'credit_card', score: (v) => +isCreditCard(v), threshold: 0.9, compatible: (v) => +/^[\d -]{12,23}$/.test(v) },
  { kind: 'phone', score: (v) => +isFormattedPhone(v), threshold: 0.9, compatible: (v) => +(isFormattedPhone(v) || isBarePhoneDigits(v)) },
  // Plain digit runs are half evidence: with a 'zip' header that is enough, alone it is not.
  { kind: 'postal_code', score: (v) => (isDistinctivePostcode(v) ? 1 : isDigitPostcode(v) ? 0.5 : 0), threshold: 0.9 },
  { kind: 'full_name', score: fullNameScore, threshold: 0.6, minDistinct: 3, compatible: (v) => +/^\p{L}[\p{L}.'-]*(,?\s+\p{L}[\p{L}.'-]*){1,4}$/u.test(v) },
  { kind: 'first_name', score: (v) => +isFirstName(v), threshold: 0.7, minDistinct: 3, compatible: (v) => +/^\p{L}[\p{L}'-]*$/u.test(v) },
  { kind: 'last_name', score: (v) => +isLastName(v), threshold: 0.6, minDistinct: 3, compatible: (v) => +/^\p{L}[\p{L}' -]*$/u.test(v) },
  { kind: 'street_address', score: streetAddressScore, threshold: 0.7, compatible: (v) => +(streetAddressScore(v) > 0 || /\p{L}/u.test(v)) },
  { kind: 'city', score: cityScore, threshold: 0.6, minDistinct: 2, compatible: (v) => +/^\p{L}[\p{L}.' -]*$/u.test(v) },
  { kind: 'country', score: (v) => +isCountry(v), threshold: 0.7, compatible: (v) => +(isCountry(v) || isCountryCode(v) || /^\p{L}[\p{L}.()&' -]*$/u.test(v)) },
];

function mean(values: string[], f: Scorer): number {
  let s = 0;
  for (const v of values) s += f(v);
  return values.length ? s / values.length : 0;
}

function pct(x: number): string {
  return `${Math.round(100 * x)}%`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Confidence from value evidence `m` against threshold `t`, and whether the header agrees. */
function confidenceOf(m: number, t: number, header: boolean, compatible: number): number {
  if (m >= t) return Math.min(0.99, 0.75 + (0.2 * (m - t)) / Math.max(1e-9, 1 - t) + (header ? 0.04 : 0));
  if (header && m >= t / 2) return 0.6 + 0.1 * (m / t);
  if (header && compatible >= 0.8) return 0.55;
  return 0;
}

function evaluateKind(test: KindTest, values: string[], distinct: number, hint: HeaderHint | null): PiiDetection | null {
  if (test.minDistinct !== undefined && distinct < test.minDistinct) return null;
  const header = hint?.kind === test.kind;
  const m = mean(values, test.score);
  const compatible = header ? mean(values, test.compatible ?? ((v) => +(test.score(v) > 0))) : 0;
  const confidence = confidenceOf(m, test.threshold, header, compatible);
  if (confidence < MIN_CONFIDENCE) return null;
  const byValues = m >= test.threshold;
  const reason = byValues
    ? `${pct(m)} of the sampled values look like ${PII_PLURALS[test.kind]}${header ? `; the header says '${hint!.matched}'` : ''}`
    : `The header says '${hint!.matched}' and the values fit`;
  return { kind: test.kind, confidence: round2(confidence), reason };
}

/**
 * Identifiers: unique keys that are not one of the richer kinds. Numbers must be whole; text codes
 * short, without spaces, mostly sharing one shape and containing a digit.
 */
function evaluateIdentifier(values: string[], rowCount: number, distinct: number, hint: HeaderHint | null): PiiDetection | null {
  const header = hint?.kind === 'identifier';
  const unique = rowCount > 0 && distinct >= rowCount;
  const mostlyUnique = rowCount > 0 && distinct >= 0.95 * rowCount;
  if (values.every(isInteger) && values.length > 0) {
    const nums = values.map(Number).sort((a, b) => a - b);
    const leadingZeros = values.some((v) => v.length > 1 && v.startsWith('0'));
    const dense = nums[nums.length - 1]! - nums[0]! + 1 <= 2 * Math.max(values.length, distinct);
    if (unique && (dense || leadingZeros)) {
      return { kind: 'identifier', confidence: header ? 0.95 : 0.85, reason: `Whole numbers, a different one in every row${dense ? ', dense like a sequence' : ''}` };
    }
    if (header && mostlyUnique) return { kind: 'identifier', confidence: 0.8, reason: `The header says '${hint!.matched}' and the whole numbers are unique` };
    if (header && !hint!.weak) return { kind: 'identifier', confidence: 0.55, reason: `The header says '${hint!.matched}'; values repeat (a reference to another table?)` };
    return null;
  }
  if (mean(values, (v) => +isDateLike(v)) > 0.5) return null; // unique timestamps are datetimes
  const codeLike = mean(values, (v) => +(v.length <= 40 && !/\s/.test(v)));
  const withDigit = mean(values, (v) => +/\d/.test(v));
  const decimals = mean(values, (v) => +/^-?\d*\.\d+$/.test(v));
  if (decimals > 0.5) return null; // amounts, measurements
  if (unique && codeLike >= 0.95 && withDigit >= 0.9) {
    return { kind: 'identifier', confidence: header ? 0.95 : 0.8, reason: `Short codes with digits, a different one in every row` };
  }
  if (header && mostlyUnique && codeLike >= 0.9) return { kind: 'identifier', confidence: 0.8, reason: `The header says '${hint!.matched}' and the values are unique codes` };
  if (header && !hint!.weak && codeLike >= 0.9) return { kind: 'identifier', confidence: 0.55, reason: `The header says '${hint!.matched}'; values repeat (a reference to another table?)` };
  return null;
}

/** Fixed-width digit codes with leading zeros that repeat: postal codes even without a header. */
function evaluateZeroPaddedCodes(values: string[], rowCount: number, distinct: number, hint: HeaderHint | null): PiiDetection | null {
  if (values.length < 5 || !values.every((v) => /^\d{4,6}$/.test(v))) return null;
  const width = values[0]!.length;
  if (!values.every((v) => v.length === width)) return null;
  const zeros = values.filter((v) => v.startsWith('0')).length;
  const header = hint?.kind === 'postal_code';
  if (zeros === 0 || (distinct >= rowCount && !header)) return null;
  const text = `${width}-digit codes kept as text (${zeros} of ${values.length} start with 0)`;
  if (header) return { kind: 'postal_code', confidence: 0.9, reason: `${text}; the header says '${hint.matched}'` };
  return { kind: 'postal_code', confidence: 0.7, reason: `${text}, values repeat` };
}

/**
 * The personal kind of a column, or null.
 * @param name the column header
 * @param values distinct non-missing values (a sample, at most MAX_SAMPLE are read)
 * @param rowCount rows in the column (with missing cells)
 * @param distinct distinct non-missing values in the whole column
 */
export function detectPii(name: string, values: readonly string[], rowCount: number, distinct: number): PiiDetection | null {
  const sample: string[] = [];
  for (const v of values) {
    const t = v.trim();
    if (t.length > 0) sample.push(t);
    if (sample.length >= MAX_SAMPLE) break;
  }
  if (sample.length === 0) return null;
  const hint = headerHint(name);
  const found: PiiDetection[] = [];
  for (const test of TESTS) {
    const d = evaluateKind(test, sample, distinct, hint);
    if (d) found.push(d);
  }
  const zeros = evaluateZeroPaddedCodes(sample, rowCount, distinct, hint);
  if (zeros) found.push(zeros);
  // Identifier last: a richer kind (uuid, email, phone) explains a unique column better, and so
  // does a header naming another kind that the values fit ('zip' over unique 5-digit codes).
  const headerKindFound = hint !== null && hint.kind !== 'identifier' && found.some((d) => d.kind === hint.kind);
  if (!headerKindFound && found.every((d) => d.confidence < 0.75)) {
    const id = evaluateIdentifier(sample, rowCount, distinct, hint);
    if (id) found.push(id);
  }
  let best: PiiDetection | null = null;
  for (const d of found) if (!best || d.confidence > best.confidence) best = d;
  return best;
}
