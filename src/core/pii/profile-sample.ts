/**
 * The "no training" mode (issue 7 item 3; CLI `synthesize --method profile`): N rows straight from
 * the data's profile, each column drawn from its own marginal distribution.
 *
 * IT IGNORES CORRELATIONS. Every column is sampled independently of the others, so relations
 * between columns (age vs income, plan vs spend) are lost; only each column's own distribution,
 * null share and uniqueness are kept. Show PROFILE_SAMPLE_NOTE wherever such data is offered.
 *
 * Per column, by its plan kind (excluded columns are dropped):
 * - a personal column (`piiByColumn`): Faker fakes (generate.ts): same null share and uniqueness,
 *   identifying kinds never equal a real value;
 * - identifier: new unique values of the real shape, never a real one;
 * - categorical, boolean, constant, datetime: real values drawn by their frequency;
 * - continuous, integer: a smoothed bootstrap (marginals.ts), rounded like the column, within the
 *   real min/max;
 * - text (long free text): Faker lorem ipsum with the real word counts;
 * - empty: all missing.
 */
import { SynthtabError } from '../errors.ts';
import type { Rng } from '../rng.ts';
import {
  cellText, numericColumn, stringColumn, type Column, type NumericColumn, type StringColumn, type Table,
} from '../table/table.ts';
import type { ColumnKind, ColumnPlan } from '../types.ts';
import { generateFakeColumn, nullPositions } from './generate.ts';
import { isPiiKind, type PiiKind } from './kinds.ts';
import { guessLocale } from './locale.ts';
import { sampleCategories, sampleNumeric, sampleNumericCategories } from './marginals.ts';
import { fakerFor, normalizeLocale, type SupportedLocale } from './vocab.ts';

/** The label for the UI and the report. */
export const PROFILE_SAMPLE_NOTE =
  'Generated from the profile without training: each column follows its own distribution, correlations between columns are not kept.';

export interface ProfileSampleOptions {
  /** Faker locale for personal columns; default guessed from the name, city and address columns. */
  locale?: string;
}

/** Examples passed to the fake generators for the column format (a sample, never the output). */
const TEMPLATE_SIZE = 1000;
const LOCALE_KINDS: readonly PiiKind[] = ['first_name', 'last_name', 'full_name', 'city', 'street_address'];

interface RealValues {
  /** Distinct non-missing texts. */
  distinct: string[];
  present: number;
  rows: number;
}

function realValues(col: Column): RealValues {
  const seen = new Set<string>();
  let present = 0;
  for (let i = 0; i < (col.type === 'numeric' ? col.values.length : col.codes.length); i++) {
    const t = cellText(col, i);
    if (t === null) continue;
    present++;
    seen.add(t);
  }
  return { distinct: [...seen], present, rows: col.type === 'numeric' ? col.values.length : col.codes.length };
}

function fake(kind: PiiKind, col: Column, n: number, rng: Rng, locale: SupportedLocale): (string | null)[] {
  const real = realValues(col);
  return generateFakeColumn(kind, n, {
    rng,
    locale,
    nullRate: real.rows ? 1 - real.present / real.rows : 0,
    unique: real.present > 1 && real.distinct.length === real.present,
    forbidden: new Set(real.distinct),
    template: real.distinct.slice(0, TEMPLATE_SIZE),
  });
}

/** Lorem ipsum with word counts drawn from the real texts (the text itself is never reused). */
function loremLike(col: StringColumn, n: number, rng: Rng, locale: SupportedLocale): (string | null)[] {
  const f = fakerFor(locale);
  f.seed(rng.seed32());
  const wordCounts: number[] = [];
  let present = 0;
  for (const c of col.codes) {
    if (c < 0) continue;
    present++;
    wordCounts.push(Math.max(1, col.dictionary[c]!.trim().split(/\s+/).length));
  }
  const nulls = nullPositions(n, col.codes.length ? 1 - present / col.codes.length : 0, rng);
  const out: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    if (nulls[i] || wordCounts.length === 0) {
      out.push(null);
      continue;
    }
    const s = f.lorem.words(wordCounts[rng.int(wordCounts.length)]!);
    out.push(s.charAt(0).toUpperCase() + s.slice(1));
  }
  return out;
}

function numericFromTexts(col: NumericColumn, texts: (string | null)[]): Column {
  const values = Float64Array.from(texts, (t) => (t === null ? NaN : Number(t)));
  // A shape fallback can add a suffix ('123-1'): keep such a column as text rather than lose values.
  if (texts.some((t, i) => t !== null && !Number.isFinite(values[i]!))) return stringColumn(col.name, texts);
  return numericColumn(col.name, values, col.decimals);
}

function sampleColumn(col: Column, kind: ColumnKind, pii: PiiKind | undefined, n: number, rng: Rng, locale: SupportedLocale): Column {
  if (pii) {
    const texts = fake(pii, col, n, rng, locale);
    return col.type === 'numeric' ? numericFromTexts(col, texts) : stringColumn(col.name, texts);
  }
  if (kind === 'empty') {
    return col.type === 'numeric' ? numericColumn(col.name, new Float64Array(n).fill(NaN), col.decimals) : stringColumn(col.name, new Array<null>(n).fill(null));
  }
  if (kind === 'identifier') {
    const texts = fake('identifier', col, n, rng, locale);
    return col.type === 'numeric' ? numericFromTexts(col, texts) : stringColumn(col.name, texts);
  }
  if (col.type === 'numeric') {
    if (kind === 'continuous' || kind === 'integer' || kind === 'datetime' || kind === 'text') {
      return numericColumn(col.name, sampleNumeric(col, n, rng, kind === 'integer'), kind === 'integer' ? 0 : col.decimals);
    }
    return numericColumn(col.name, sampleNumericCategories(col, n, rng), col.decimals);
  }
  if (kind === 'text') return stringColumn(col.name, loremLike(col, n, rng, locale));
  return stringColumn(col.name, sampleCategories(col, n, rng));
}

function chooseLocale(table: Table, pii: Readonly<Record<string, PiiKind>>, locale: string | undefined): SupportedLocale {
  if (locale !== undefined) return normalizeLocale(locale);
  const values: string[] = [];
  for (const col of table.columns) {
    const kind = pii[col.name];
    if (kind && LOCALE_KINDS.includes(kind)) values.push(...realValues(col).distinct.slice(0, 500));
  }
  return guessLocale(values);
}

/**
 * n rows sampled column by column from `table`'s marginals (correlations are NOT kept; see the
 * module comment and PROFILE_SAMPLE_NOTE). Columns keep the table's order; excluded ones are
 * dropped. Deterministic under `rng`.
 * @param plan one entry per table column (by name): its kind and whether it is excluded
 * @param piiByColumn columns to fill with fakes, by name -> personal kind
 */
export function sampleFromProfile(
  table: Table, plan: readonly ColumnPlan[], n: number, rng: Rng,
  piiByColumn: Readonly<Record<string, PiiKind>> = {}, options: ProfileSampleOptions = {},
): Table {
  if (!Number.isInteger(n) || n < 0) throw new SynthtabError('bad-option', `Row count must be a whole number >= 0, got ${n}`);
  const names = new Set(table.columns.map((c) => c.name));
  const byName = new Map(plan.map((p) => [p.name, p]));
  for (const p of plan) if (!names.has(p.name)) throw new SynthtabError('bad-column', `The plan names a column '${p.name}' that the data does not have`);
  for (const [name, kind] of Object.entries(piiByColumn)) {
    if (!names.has(name)) throw new SynthtabError('bad-column', `No column '${name}' to fill with fake values`);
    if (!isPiiKind(kind)) throw new SynthtabError('bad-option', `Unknown personal-data kind '${String(kind)}' for column '${name}'`);
  }
  const locale = chooseLocale(table, piiByColumn, options.locale);
  // One child stream per column, forked in column order: a column's draws do not depend on others.
  const rngs = table.columns.map(() => rng.fork());
  const columns: Column[] = [];
  table.columns.forEach((col, j) => {
    const p = byName.get(col.name);
    if (!p) throw new SynthtabError('bad-column', `The plan has no entry for column '${col.name}'`);
    if (p.excluded) return;
    columns.push(sampleColumn(col, p.kind, piiByColumn[col.name], n, rngs[j]!, locale));
  });
  return { rowCount: n, columns };
}
