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
import {
  HISTOGRAM_BINS, TOP_CATEGORIES, codeCounts, distinctSorted, numericSummary, sortedFinite, sortedValueCounts, topCounts,
} from './stats.ts';

export interface ProfileOptions {
  /** Histogram bins (default 20). */
  histogramBins?: number;
  /** Categories listed per column (default 20). */
  topCategories?: number;
}

/** Values checked first when sniffing a datetime format (the rest are checked only on a match). */
const DATETIME_SNIFF = 50;

function profileNumeric(col: NumericColumn, index: number, rows: number, opts: Required<ProfileOptions>): ColumnProfile {
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
  return p;
}

function profileString(col: StringColumn, index: number, rows: number, opts: Required<ProfileOptions>): ColumnProfile {
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
  return p;
}

/** Profiles one column. */
export function profileColumn(col: Column, index: number, rows: number, options: ProfileOptions = {}): ColumnProfile {
  const opts = { histogramBins: options.histogramBins ?? HISTOGRAM_BINS, topCategories: options.topCategories ?? TOP_CATEGORIES };
  return col.type === 'numeric' ? profileNumeric(col, index, rows, opts) : profileString(col, index, rows, opts);
}

/** Profiles every column of `table`: kinds, reasons and statistics. */
export function profileTable(table: Table, options: ProfileOptions = {}): Profile {
  const columns = table.columns.map((col, j) => profileColumn(col, j, table.rowCount, options));
  // PII hook: when src/core/pii lands (another engineer's `detectPii`), attach its findings here as
  // `columns[j].pii`; the profiler must not depend on it before then.
  return { rows: table.rowCount, columns };
}
