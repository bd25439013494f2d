/**
 * Faker fillers for the columns a plan fakes (issue 7 item 2): the transformer's `inverse` (and so
 * CtganSynthesizer.sample / TvaeSynthesizer.sample) calls a Filler for each column it does not
 * learn, and these put realistic fakes there instead of placeholders.
 *
 * Per faked column (ColumnPlan.action 'fake'), from the real column:
 * - the personal kind: the profile's guess (ColumnProfile.pii), else 'identifier' (new values in
 *   the column's own shape) for a column the user chose to fake without a guess;
 * - the null share (exactly round(n x share) nulls per call) and uniqueness (a unique real column
 *   gives unique fakes, also across calls of the same filler: batches, conditional retries);
 * - for identifying kinds, the set of real values in canonical form: no fake ever equals one;
 * - a sample of real values, read only for their format (phone grouping, id shape, zip width)
 *   and kept as the FakeShape derived from them (fake-shape.ts), not as values.
 * The values to avoid never leave memory. A model file stores the rest (kind, locale, null share,
 * uniqueness, shape: saved-fakes.ts), so a loaded model can fake the column again.
 *
 * Determinism: a filler draws from the Rng the transformer hands it (forked from the sample
 * seed), so the same seed gives the same fakes, provided the fillers are fresh: across-call
 * uniqueness makes a filler remember what it emitted. Build them once per sampling run
 * (`prepareFakeColumns` once per dataset, `fillersFor` per run is cheap).
 */
import { SynthtabError } from '../errors.ts';
import { cellText, type Column, type Table } from '../table/table.ts';
import type { Filler } from '../transform/rule-column.ts';
import type { ColumnPlan, Profile } from '../types.ts';
import { deriveFakeShape, type FakeShape } from './fake-shape.ts';
import { canonicalValue, generateFakeColumn } from './generate.ts';
import { isIdentifyingPii, type PiiKind } from './kinds.ts';
import { normalizeLocale, type SupportedLocale } from './vocab.ts';

/** Real values kept as format examples per column. */
const TEMPLATE_SIZE = 1000;
/** Emitted values a filler remembers for uniqueness across calls (beyond it: per call only). */
export const MAX_TRACKED = 2_000_000;

/** What a faked column's filler needs from the real data (stays in memory, never saved). */
export interface FakeColumnSpec {
  name: string;
  kind: PiiKind;
  /** Share of missing cells in the real column. */
  nullRate: number;
  /** Every non-missing real value is different (and there are at least two). */
  unique: boolean;
  /** Canonical forms of the real values (identifying kinds only; empty otherwise). */
  forbiddenKeys: ReadonlySet<string>;
  /** The format fakes follow, derived from a sample of real values (no values kept). */
  shape: FakeShape | null;
  /** Faker locale for this column; default the one `fillersFor` is given. */
  locale?: SupportedLocale;
}

export interface FakeFillerOptions {
  /** Faker locale ('de', 'fr-FR', ...); default the profile's guess (Profile.locale), else English. */
  locale?: string;
}

function columnOf(table: Table, name: string): Column {
  const col = table.columns.find((c) => c.name === name);
  if (!col) throw new SynthtabError('bad-column', `The plan fakes a column '${name}' that the data does not have`);
  return col;
}

/** The fake spec of one column: one pass over its cells. */
export function fakeColumnSpec(col: Column, kind: PiiKind): FakeColumnSpec {
  const rows = col.type === 'numeric' ? col.values.length : col.codes.length;
  const seen = new Set<string>();
  let present = 0;
  for (let i = 0; i < rows; i++) {
    const t = cellText(col, i);
    if (t === null) continue;
    present++;
    seen.add(t);
  }
  const forbiddenKeys = new Set<string>();
  if (isIdentifyingPii(kind)) for (const v of seen) forbiddenKeys.add(canonicalValue(kind, v));
  const template: string[] = [];
  const stride = Math.max(1, Math.floor(seen.size / TEMPLATE_SIZE));
  let i = 0;
  for (const v of seen) if (i++ % stride === 0 && template.length < TEMPLATE_SIZE) template.push(v);
  return {
    name: col.name, kind, nullRate: rows ? 1 - present / rows : 0, unique: present > 1 && seen.size === present, forbiddenKeys,
    shape: deriveFakeShape(kind, template),
  };
}

/**
 * The specs of the plan's faked columns (action 'fake', not excluded), in plan order. The kind is
 * the profile's personal guess, else 'identifier'. Throws 'bad-column' for a column the table lacks.
 */
export function prepareFakeColumns(table: Table, profile: Profile, plan: readonly ColumnPlan[]): FakeColumnSpec[] {
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  const specs: FakeColumnSpec[] = [];
  for (const p of plan) {
    if (p.action !== 'fake' || p.excluded) continue;
    specs.push(fakeColumnSpec(columnOf(table, p.name), byName.get(p.name)?.pii?.kind ?? 'identifier'));
  }
  return specs;
}

/** A fresh filler per spec (fresh memory of emitted values), by column name; `locale` unless the spec has its own. */
export function fillersFor(specs: readonly FakeColumnSpec[], locale: SupportedLocale): Map<string, Filler> {
  const fillers = new Map<string, Filler>();
  for (const spec of specs) {
    const emitted = new Set<string>();
    fillers.set(spec.name, (n, rng) =>
      generateFakeColumn(spec.kind, n, {
        rng,
        locale: spec.locale ?? locale,
        nullRate: spec.nullRate,
        unique: spec.unique,
        forbidden: new Set<string>(),
        forbiddenKeys: spec.forbiddenKeys,
        shape: spec.shape,
        ...(spec.unique && emitted.size < MAX_TRACKED ? { used: emitted } : {}),
      }),
    );
  }
  return fillers;
}

/** The locale fakes are drawn in: the option, else the profile's guess, else English. Unknown -> SynthtabError. */
export function fakeLocale(profile: Profile, options: FakeFillerOptions = {}): SupportedLocale {
  return normalizeLocale(options.locale ?? profile.locale);
}

/**
 * Fillers for every column the plan fakes (ColumnPlan.action 'fake'), for
 * `synth.sample(n, { fillers })` / `transformer.inverse(..., { fillers })`: Faker values of the
 * column's personal kind with the real null share and uniqueness, never a real value for
 * identifying kinds. Deterministic under the Rng each call receives. Throws SynthtabError for an
 * unknown locale or a faked column the table lacks.
 */
export function buildFakeFillers(table: Table, profile: Profile, plan: readonly ColumnPlan[], options: FakeFillerOptions = {}): Map<string, Filler> {
  const locale = fakeLocale(profile, options);
  return fillersFor(prepareFakeColumns(table, profile, plan), locale);
}
