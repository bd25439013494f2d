/**
 * User overrides on top of the profiler: change a column's kind, exclude columns, choose what to do
 * with personal columns (learn / fake / drop, issue 7), and turn the result into the ColumnPlan[]
 * that synthesis consumes.
 */
import { SynthtabError } from '../errors.ts';
import { suggestPiiAction } from '../pii/kinds.ts';
import { COLUMN_KINDS, type ColumnAction, type ColumnKind, type ColumnPlan, type ColumnProfile, type Profile } from '../types.ts';

const ACTIONS: readonly ColumnAction[] = ['learn', 'fake', 'drop'];

/**
 * The kind a faked column gets in the plan: 'text', a kind the transformer never learns and whose
 * saved state holds no value at all (only the null share). 'identifier' would keep the real id shape
 * (min/max of numeric ids) and 'constant' the value itself, so neither is used. The Faker values
 * are put in at sampling time (src/core/pii/fillers.ts).
 */
export const FAKE_KIND: ColumnKind = 'text';

/** Why `kind` cannot apply to the column, or null when it can. */
export function kindProblem(col: ColumnProfile, kind: ColumnKind): string | null {
  if (!COLUMN_KINDS.includes(kind)) return `'${String(kind)}' is not a column kind (one of ${COLUMN_KINDS.join(', ')})`;
  const text = col.valueType === 'string';
  switch (kind) {
    case 'continuous':
    case 'integer':
      return text ? `Column '${col.name}' holds text, so it cannot be ${kind}` : null;
    case 'boolean':
      return col.distinct > 2 ? `Column '${col.name}' has ${col.distinct} distinct values, so it cannot be boolean` : null;
    case 'datetime':
      return col.datetimeFormat ? null : `Column '${col.name}' has no date format that reads every value, so it cannot be datetime`;
    case 'text':
      return text ? null : `Column '${col.name}' holds numbers, so it cannot be text`;
    case 'constant':
      return col.distinct > 1 ? `Column '${col.name}' has ${col.distinct} distinct values, so it cannot be constant` : null;
    case 'empty':
      return col.count > 0 ? `Column '${col.name}' has values, so it cannot be empty` : null;
    case 'categorical':
    case 'identifier':
      return null;
  }
}

function findColumn(profile: Profile, name: string): ColumnProfile {
  const col = profile.columns.find((c) => c.name === name);
  if (!col) throw new SynthtabError('bad-column', `No column named '${name}' (columns: ${profile.columns.map((c) => c.name).join(', ')})`);
  return col;
}

/**
 * A copy of `profile` with column `name` set to `kind`; the reason says it was the user's choice
 * and keeps the profiler's. Throws 'bad-column' for an unknown name and 'bad-option' for a kind
 * the column's values cannot have (see kindProblem).
 */
export function applyKindOverride(profile: Profile, name: string, kind: ColumnKind): Profile {
  const col = findColumn(profile, name);
  if (col.kind === kind) return profile;
  const problem = kindProblem(col, kind);
  if (problem) throw new SynthtabError('bad-option', problem);
  const reason = `Set by the user (detected as ${col.kind}: ${col.reason})`;
  return { ...profile, columns: profile.columns.map((c) => (c === col ? { ...c, kind, reason } : c)) };
}

/** Per-column user choices for `planFromProfile`, by column name. */
export type PlanOverrides = Record<string, { kind?: ColumnKind; excluded?: boolean; action?: ColumnAction }>;

/** The default action for a profiled column: suggestPiiAction for a detected personal column, else none. */
export function defaultAction(col: ColumnProfile): ColumnAction | undefined {
  return col.pii ? suggestPiiAction(col.pii.kind, col.distinct) : undefined;
}

/**
 * A plan entry with its action applied: 'fake' -> kind FAKE_KIND (never learned, nothing stored),
 * 'drop' -> excluded. Entries without an action, or with 'learn', are returned as they are.
 */
export function applyAction(p: ColumnPlan): ColumnPlan {
  if (p.action === 'fake') return { ...p, kind: FAKE_KIND };
  if (p.action === 'drop') return { ...p, excluded: true };
  return p;
}

/**
 * One ColumnPlan per profiled column, in order: the profile's kind unless overridden, and
 * `excluded: true` for excluded columns. Personal columns (ColumnProfile.pii) get an `action`
 * (the override's, else suggestPiiAction), applied by applyAction; an override `excluded: true`
 * without an action means 'drop'. Unknown names, unknown actions and impossible kinds throw, as in
 * applyKindOverride.
 */
export function planFromProfile(profile: Profile, overrides: PlanOverrides = {}): ColumnPlan[] {
  for (const name of Object.keys(overrides)) findColumn(profile, name);
  return profile.columns.map((col) => {
    const o = Object.prototype.hasOwnProperty.call(overrides, col.name) ? overrides[col.name] : undefined;
    let kind = col.kind;
    if (o?.kind !== undefined && o.kind !== col.kind) {
      const problem = kindProblem(col, o.kind);
      if (problem) throw new SynthtabError('bad-option', problem);
      kind = o.kind;
    }
    if (o?.action !== undefined && !ACTIONS.includes(o.action)) {
      throw new SynthtabError('bad-option', `'${String(o.action)}' is not an action for column '${col.name}' (one of ${ACTIONS.join(', ')})`);
    }
    const action = o?.action ?? (o?.excluded ? (col.pii ? 'drop' : undefined) : defaultAction(col));
    const p: ColumnPlan = o?.excluded ? { name: col.name, kind, excluded: true } : { name: col.name, kind };
    return action === undefined ? p : applyAction({ ...p, action });
  });
}
