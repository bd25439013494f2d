/**
 * The profiler's personal-data pass (issue 7 item 1): a small, spread-out sample of each column's
 * distinct values goes to core/pii `detectPii`, and the name and place columns to `guessLocale`.
 *
 * Cost: at most PII_SAMPLE distinct values per column are read, picked at an even stride through
 * the dictionary (text) or the sorted distinct numbers, so detection costs the same on 1k and 1M
 * rows; only the distinct counting the profiler does anyway touches every row.
 *
 * Which columns are examined:
 * - text columns with at least two distinct values (except datetimes: a date is not a personal kind
 *   here; constants and booleans hold too few values to say anything);
 * - whole-number columns (ids, zip codes or phone numbers read as numbers). Numbers with decimals are
 *   amounts or measurements and are never personal kinds.
 */
import { formatFixed } from '../csv/number-text.ts';
import { detectPii } from '../pii/detect.ts';
import { isIdentifyingPii, type PiiKind } from '../pii/kinds.ts';
import { guessLocale } from '../pii/locale.ts';
import type { NumericColumn, StringColumn } from '../table/table.ts';
import type { ColumnPii, ColumnProfile } from '../types.ts';

/** Distinct values handed to detectPii per column (its own cap, MAX_SAMPLE, is 1000). */
export const PII_SAMPLE = 400;
/** Kinds whose words tell the language (locale guess). */
export const LOCALE_KINDS: readonly PiiKind[] = ['first_name', 'last_name', 'full_name', 'city', 'street_address'];
/** Values per column read for the locale guess. */
const LOCALE_VALUES = 300;

/** At most `k` indices out of `m`, evenly spread (all of them when m <= k). */
function strideIndices(m: number, k: number): number[] {
  if (m <= k) return Array.from({ length: m }, (_, i) => i);
  return Array.from({ length: k }, (_, i) => Math.floor((i * m) / k));
}

/** A spread-out sample of the distinct non-missing texts of a text column, given its code counts. */
export function stringSample(col: StringColumn, counts: ArrayLike<number>, k = PII_SAMPLE): string[] {
  const used: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) used.push(c);
  return strideIndices(used.length, k).map((i) => col.dictionary[used[i]!]!);
}

/** A spread-out sample of the distinct values of a whole-number column, as text (`sorted` ascending, no NaN). */
export function numericSample(col: NumericColumn, sorted: Float64Array, k = PII_SAMPLE): string[] {
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  return strideIndices(distinct.length, k).map((i) => formatFixed(distinct[i]!, col.decimals));
}

/** Whether a profiled column is worth a detection pass (see the module comment). */
export function examinesPii(p: ColumnProfile, integer: boolean): boolean {
  if (p.distinct < 2 || p.kind === 'datetime' || p.kind === 'boolean' || p.kind === 'constant' || p.kind === 'empty') return false;
  return p.valueType === 'string' || integer;
}

/** The ColumnProfile.pii for a column from its sample, or undefined when it looks impersonal. */
export function columnPii(p: ColumnProfile, rows: number, sample: readonly string[]): ColumnPii | undefined {
  const d = detectPii(p.name, sample, rows, p.distinct);
  if (!d) return undefined;
  return { kind: d.kind, confidence: d.confidence, reason: d.reason, identifying: isIdentifyingPii(d.kind) };
}

/**
 * The Faker locale of the data, from the sampled values of the columns detected as names, cities
 * or street addresses; undefined when there are none (the generators then use English).
 */
export function profileLocale(columns: readonly ColumnProfile[], samples: ReadonlyMap<string, readonly string[]>): string | undefined {
  const values: string[] = [];
  for (const c of columns) {
    if (!c.pii || !LOCALE_KINDS.includes(c.pii.kind)) continue;
    values.push(...(samples.get(c.name) ?? []).slice(0, LOCALE_VALUES));
  }
  return values.length > 0 ? guessLocale(values) : undefined;
}
