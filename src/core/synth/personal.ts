/**
 * The method-independent "personal columns" step of synthesis (issue 7), shared by the CLI, the
 * worker and any method (CTGAN, TVAE, copula, profile):
 *
 * 1. `preparePersonal` resolves the plan: a personal column (ColumnProfile.pii) without a chosen
 *    action gets the profile's default (suggestPiiAction); 'fake' columns become kind 'text' (never
 *    learned, nothing stored), 'drop' columns excluded. It reads each faked column's real values
 *    once (null share, uniqueness, values to avoid, format examples; core/pii/fillers.ts).
 * 2. Sampling then gets the fakes one of two ways, both from the same Fillers:
 *    - `fillers()` for synthesizers whose transformer takes them (CtganSynthesizer.sample,
 *      TvaeSynthesizer.sample, DataTransformer.inverse);
 *    - `fill(table, rng)` after any other method: the faked columns of its output are replaced.
 * The real values never reach the model: the transformer sees the column as 'text', and a model
 * file keeps only `saved` (core/pii/saved-fakes.ts: kind, locale, null share, format), so a loaded
 * model fakes the column again.
 */
import { SynthtabError } from '../errors.ts';
import { fakeLocale, fillersFor, prepareFakeColumns, type FakeColumnSpec } from '../pii/fillers.ts';
import { toSavedFakes, type SavedFakeColumn } from '../pii/saved-fakes.ts';
import type { SupportedLocale } from '../pii/vocab.ts';
import { applyAction, defaultAction } from '../profile/plan.ts';
import type { Rng } from '../rng.ts';
import { numericColumn, stringColumn, type Column, type Table } from '../table/table.ts';
import type { Filler } from '../transform/rule-column.ts';
import type { ColumnPlan, Profile } from '../types.ts';

export interface PersonalOptions {
  /** Faker locale (--locale); default the profile's guess, else English. */
  locale?: string;
}

/** The resolved plan and the fakes for one dataset (see the module comment). */
export interface PersonalColumns {
  /** The plan to train on: actions applied ('fake' -> 'text', 'drop' -> excluded). */
  plan: ColumnPlan[];
  /** The faked columns, by name, in plan order. */
  faked: string[];
  locale: SupportedLocale;
  /**
   * The faked columns as a model file stores them (kind, locale, null share, uniqueness, format;
   * no real value): set CtganSynthesizer.fakes, or add with model-file.ts withFakes.
   */
  saved: SavedFakeColumn[];
  /** Fresh fillers for one sampling run (same seed -> same fakes). */
  fillers(): Map<string, Filler>;
  /** `table` with its faked columns replaced by fresh fakes drawn from `rng` (other columns untouched). */
  fill(table: Table, rng: Rng): Table;
}

/**
 * The plan with every entry's action resolved against the profile: an entry without an action
 * takes the profile's default for a personal column, then applyAction. Entries the profile lacks
 * are kept as they are.
 */
export function resolvePlan(profile: Profile, plan: readonly ColumnPlan[]): ColumnPlan[] {
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  return plan.map((p) => {
    const col = byName.get(p.name);
    const action = p.action ?? (col ? defaultAction(col) : undefined);
    return action === undefined ? p : applyAction({ ...p, action });
  });
}

/** Replace the filler columns of `table` (same column type as before; absent columns are skipped). */
export function fillColumns(table: Table, fillers: ReadonlyMap<string, Filler>, rng: Rng): Table {
  const n = table.rowCount;
  // One fork per table column, in order: a column's fakes do not depend on which others are faked.
  const rngs = table.columns.map(() => rng.fork());
  const columns = table.columns.map((col, j): Column => {
    const filler = fillers.get(col.name);
    if (!filler) return col;
    const texts = filler(n, rngs[j]!);
    if (texts.length !== n) throw new SynthtabError('internal', `The generator for column '${col.name}' returned ${texts.length} values for ${n} rows.`);
    if (col.type === 'string') return stringColumn(col.name, texts);
    const values = Float64Array.from(texts, (t) => (t === null || t.trim() === '' ? NaN : Number(t)));
    // Fakes that are not numbers (a shape fallback suffix) keep the column as text rather than lose values.
    if (texts.some((t, i) => t !== null && !Number.isFinite(values[i]!))) return stringColumn(col.name, texts);
    return numericColumn(col.name, values, col.decimals);
  });
  return { rowCount: n, columns };
}

/**
 * Resolve `plan` against `profile` and prepare the fakes of its faked columns (reads `table` once
 * per faked column). Throws SynthtabError for an unknown locale or a plan column the table lacks.
 */
export function preparePersonal(table: Table, profile: Profile, plan: readonly ColumnPlan[], options: PersonalOptions = {}): PersonalColumns {
  const locale = fakeLocale(profile, options);
  const resolved = resolvePlan(profile, plan);
  const specs: FakeColumnSpec[] = prepareFakeColumns(table, profile, resolved);
  return {
    plan: resolved,
    faked: specs.map((s) => s.name),
    locale,
    saved: toSavedFakes(specs, locale),
    fillers: () => fillersFor(specs, locale),
    fill: (t, rng) => (specs.length === 0 ? t : fillColumns(t, fillersFor(specs, locale), rng)),
  };
}
