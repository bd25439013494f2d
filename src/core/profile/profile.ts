/**
 * Table -> Profile: a kind per column (with the reason in words) and the statistics the UI shows
 * and the transformer needs. Kind rules live in infer-kind.ts; statistics in stats.ts.
 *
 * Conventions:
 * - `count` is the number of non-missing cells; `distinct` counts distinct non-missing values.
 * - `numeric` is present for numeric columns, and for datetime columns as milliseconds since the
 *   epoch (UTC) of the parsed values.
 * - `categories.top` (at most 20, most frequent first) is present for text columns and for numeric
 *   columns with at most 2 x TOP_CATEGORIES distinct values.
 */
import { detectDatetimeFormat, parseDatetime } from '../datetime.ts';
import { formatFixed } from '../csv/number-text.ts';
import type { Column, NumericColumn, StringColumn, Table } from '../table/table.ts';
import type { ColumnProfile, Profile } from '../types.ts';
import { inferKind, type ColumnFacts } from './infer-kind.ts';
import { columnPii, examinesPii, numericSample, profileLocale, stringSample } from './pii.ts';
import {
  HISTOGRAM_BINS, TOP_CATEGORIES, codeCounts, distinctSorted, numericSummary, sortedFinite, sortedValueCounts, topCounts,
} from './stats.ts';

export interface ProfileOptions {
  /** Histogram bins (default 20). */
  histogramBins?: number;
  /** Categories listed per column (default 20). */
  topCategories?: number;
  /** Look for personal data (ColumnProfile.pii, Profile.locale; default true). */
  pii?: boolean;
}

type Resolved = Required<ProfileOptions>;

/** A column's profile and the sample of distinct values its personal-data guess was made on. */
interface Profiled {
  profile: ColumnProfile;
  sample: string[] | null;
}

/** Values checked first when sniffing a datetime format (the rest are checked only on a match). */
const DATETIME_SNIFF = 50;

function profileNumeric(col: NumericColumn, index: number, rows: number, opts: Resolved): Profiled {
  const sorted = sortedFinite(col.values);
  const count = sorted.length;
  const distinct = distinctSorted(sorted);
  let integer = col.decimals === 0;
  if (integer) for (let i = 0; i < count; i++) if (!Number.isInteger(sorted[i]!)) { integer = false; break; }
  const few = distinct <= 2 * TOP_CATEGORIES ? sortedValueCounts(sorted) : null;
  const text = (v: number): string => formatFixed(v, col.decimals);
  const facts: ColumnFacts = {
    name: col.name, valueType: 'numeric', rows, count, distinct, integer,
    min: count ? sorted[0] : undefined, max: count ? sorted[count - 1] : undefined,
    fewValues: few && distinct <= 2 ? few.values.map(text) : undefined,
  };
  const decision = inferKind(facts);
  const p: ColumnProfile = {
    name: col.name, index, kind: decision.kind, reason: decision.reason, count, missing: rows - count, distinct,
    valueType: 'numeric',
  };
  if (decision.warning) p.warning = decision.warning;
  if (count > 0) p.numeric = numericSummary(sorted, col.decimals, opts.histogramBins);
  if (few) p.categories = topCounts(few.counts, (i) => text(few.values[i]!), opts.topCategories);
  return withPii(p, rows, opts.pii && examinesPii(p, integer) ? numericSample(col, sorted) : null);
}

function profileString(col: StringColumn, index: number, rows: number, opts: Resolved): Profiled {
  const counts = codeCounts(col.codes, col.dictionary.length);
  let count = 0, distinct = 0, lengthSum = 0;
  const used: string[] = []; // the first DATETIME_SNIFF distinct values
  for (let c = 0; c < counts.length; c++) {
    const k = counts[c]!;
    if (k === 0) continue;
    count += k;
    distinct++;
    lengthSum += k * col.dictionary[c]!.length;
    if (used.length < DATETIME_SNIFF) used.push(col.dictionary[c]!);
  }
  // Sniff on a few values, then confirm on every distinct value (keeping the parsed instants).
  let datetimeFormat: string | null = null;
  let instants: Float64Array | null = null; // per dictionary entry
  if (distinct >= 2) {
    const guess = detectDatetimeFormat(used);
    if (guess) {
      instants = new Float64Array(col.dictionary.length).fill(NaN);
      let ok = true;
      for (let c = 0; c < counts.length && ok; c++) {
        if (counts[c]! === 0) continue;
        const t = parseDatetime(col.dictionary[c]!, guess);
        instants[c] = t;
        ok = !Number.isNaN(t);
      }
      if (ok) datetimeFormat = guess;
    }
  }
  const facts: ColumnFacts = {
    name: col.name, valueType: 'string', rows, count, distinct,
    fewValues: distinct <= 2 ? used : undefined,
    datetimeFormat,
    meanLength: count ? lengthSum / count : 0,
  };
  const decision = inferKind(facts);
  const p: ColumnProfile = {
    name: col.name, index, kind: decision.kind, reason: decision.reason, count, missing: rows - count, distinct,
    valueType: 'string',
  };
  if (decision.warning) p.warning = decision.warning;
  p.categories = topCounts(counts, (i) => col.dictionary[i]!, opts.topCategories);
  if (decision.kind === 'datetime' && datetimeFormat && instants) {
    p.datetimeFormat = datetimeFormat;
    const ms = new Float64Array(col.codes.length);
    for (let i = 0; i < ms.length; i++) {
      const c = col.codes[i]!;
      ms[i] = c < 0 ? NaN : instants[c]!;
    }
    p.numeric = numericSummary(sortedFinite(ms), 0, opts.histogramBins);
  }
  return withPii(p, rows, opts.pii && examinesPii(p, false) ? stringSample(col, counts) : null);
}

function withPii(p: ColumnProfile, rows: number, sample: string[] | null): Profiled {
  const pii = sample ? columnPii(p, rows, sample) : undefined;
  if (pii) p.pii = pii;
  return { profile: p, sample };
}

function resolve(options: ProfileOptions): Resolved {
  return { histogramBins: options.histogramBins ?? HISTOGRAM_BINS, topCategories: options.topCategories ?? TOP_CATEGORIES, pii: options.pii ?? true };
}

function profiled(col: Column, index: number, rows: number, opts: Resolved): Profiled {
  return col.type === 'numeric' ? profileNumeric(col, index, rows, opts) : profileString(col, index, rows, opts);
}

/** Profiles one column (with its personal-data guess, `pii`, unless options.pii is false). */
export function profileColumn(col: Column, index: number, rows: number, options: ProfileOptions = {}): ColumnProfile {
  return profiled(col, index, rows, resolve(options)).profile;
}

/**
 * Profiles every column of `table`: kinds, reasons and statistics, plus (unless options.pii is
 * false) each column's personal-data guess and the data's Faker locale (see pii.ts).
 */
export function profileTable(table: Table, options: ProfileOptions = {}): Profile {
  const opts = resolve(options);
  const results = table.columns.map((col, j) => profiled(col, j, table.rowCount, opts));
  const columns = results.map((r) => r.profile);
  const profile: Profile = { rows: table.rowCount, columns };
  if (opts.pii) {
    const samples = new Map<string, string[]>();
    for (const r of results) if (r.sample) samples.set(r.profile.name, r.sample);
    const locale = profileLocale(columns, samples);
    if (locale !== undefined) profile.locale = locale;
  }
  return profile;
}
