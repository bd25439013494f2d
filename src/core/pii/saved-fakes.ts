/**
 * Faked personal columns as a model file stores them (the optional `fakes` section, see
 * src/model/model-file.ts), so a saved model makes realistic fakes again instead of "text N"
 * placeholders:
 *
 *   { name, kind, locale, nullRate, unique, shape }
 *
 * Only what generation needs, and no real value: the personal kind, the Faker locale, the null
 * share, the uniqueness flag and the FakeShape derived from real examples (fake-shape.ts: Faker
 * format strings like '(###) ###-####', or an id shape 'C-' + 5 digits).
 *
 * What a file cannot carry is the set of real values to avoid (that would put them in the file).
 * `fillersFromSaved` takes the real table when the caller still has it (the app with the CSV
 * loaded) and avoids its values as before; without it, a fake may by chance equal a real value,
 * and callers say so (SAVED_FAKES_NOTE).
 */
import { z } from 'zod';
import { SynthtabError } from '../errors.ts';
import { cellText, type Table } from '../table/table.ts';
import type { Filler } from '../transform/rule-column.ts';
import type { FakeShape } from './fake-shape.ts';
import { fillersFor, type FakeColumnSpec } from './fillers.ts';
import { canonicalValue } from './generate.ts';
import { isIdentifyingPii, PII_KINDS, type PiiKind } from './kinds.ts';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type SupportedLocale } from './vocab.ts';

/** One faked column in a model file. */
export interface SavedFakeColumn {
  name: string;
  kind: PiiKind;
  locale: SupportedLocale;
  /** Share of missing cells in the real column, in [0, 1]. */
  nullRate: number;
  /** The real column was unique: fakes are too. */
  unique: boolean;
  /** The format to follow (null: Faker's own). */
  shape: FakeShape | null;
}

/** Said (CLI stderr, worker notice) when a loaded model fakes columns without the real data at hand. */
export const SAVED_FAKES_NOTE =
  'Personal columns are faked from the model file alone: without the real data at hand, a fake cannot be checked against the real values and may by chance equal one (e.g. a short id).';

const lengths = z.array(z.number().int().min(0)).min(1);
const segmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('literal'), text: z.string() }),
  z.object({ type: z.literal('digits'), lengths, padded: z.boolean() }),
  z.object({ type: z.literal('letters'), lengths, letterCase: z.enum(['upper', 'lower', 'mixed']) }),
]);
const shapeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('formats'), formats: z.array(z.object({ format: z.string(), count: z.number().int().min(1) })) }),
  z.object({ type: z.literal('id'), segments: z.array(segmentSchema).min(1) }),
]);

/** The model file's `fakes` section (zod; validated on load). */
export const savedFakesSchema = z.array(
  z.object({
    name: z.string(),
    kind: z.enum(PII_KINDS as [PiiKind, ...PiiKind[]]),
    locale: z.enum(SUPPORTED_LOCALES),
    nullRate: z.number().min(0).max(1),
    unique: z.boolean(),
    shape: shapeSchema.nullable(),
  }),
);

/** What a model file keeps of `specs` (drawn in `locale`): everything but the values to avoid. */
export function toSavedFakes(specs: readonly FakeColumnSpec[], locale: SupportedLocale): SavedFakeColumn[] {
  return specs.map((s) => ({ name: s.name, kind: s.kind, locale: s.locale ?? locale, nullRate: s.nullRate, unique: s.unique, shape: s.shape }));
}

/**
 * Validate a `fakes` value read from a model file; SynthtabError('bad-model-file') when it does not
 * fit. `undefined` (an older file) gives [].
 */
export function parseSavedFakes(value: unknown): SavedFakeColumn[] {
  if (value === undefined) return [];
  const r = savedFakesSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at 'fakes.${issue.path.join('.')}'` : '';
    throw new SynthtabError('bad-model-file', `The model file's personal-column section is damaged${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return r.data;
}

/** Canonical forms of the non-missing values of `real`'s column `name` (empty when it lacks one). */
function realKeys(real: Table | null | undefined, name: string, kind: PiiKind): Set<string> {
  const keys = new Set<string>();
  const col = real?.columns.find((c) => c.name === name);
  if (!real || !col || !isIdentifyingPii(kind)) return keys;
  for (let i = 0; i < real.rowCount; i++) {
    const t = cellText(col, i);
    if (t !== null) keys.add(canonicalValue(kind, t));
  }
  return keys;
}

/** Fillers for saved faked columns, with the real values to avoid read once. */
export interface SavedFakes {
  /** Fresh fillers by column name (fresh memory for uniqueness): one call per sampling run. */
  fillers(): Map<string, Filler>;
  /**
   * Whether every identifying faked column is checked against real values (the real table has a
   * column of that name); false: fakes may by chance equal real values (say SAVED_FAKES_NOTE).
   */
  checked: boolean;
}

/**
 * Fillers for the saved faked columns: same kind, locale, null share, uniqueness and format as
 * when the model was trained; same Rng -> same fakes. With `real` (the real table, when still at
 * hand), identifying values of its same-named columns are never output (read once, here).
 */
export function prepareSavedFakes(saved: readonly SavedFakeColumn[], real?: Table | null): SavedFakes {
  const specs: FakeColumnSpec[] = saved.map((s) => ({
    name: s.name, kind: s.kind, locale: s.locale, nullRate: s.nullRate, unique: s.unique, shape: s.shape, forbiddenKeys: realKeys(real, s.name, s.kind),
  }));
  const names = new Set(real?.columns.map((c) => c.name) ?? []);
  return {
    fillers: () => fillersFor(specs, DEFAULT_LOCALE),
    checked: saved.every((s) => !isIdentifyingPii(s.kind) || names.has(s.name)),
  };
}
