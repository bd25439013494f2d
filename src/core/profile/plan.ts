/**
 * User overrides on top of the profiler: change a column's kind, exclude columns, and turn the
 * result into the ColumnPlan[] that synthesis consumes.
 */
import { SynthtabError } from '../errors.ts';
import { COLUMN_KINDS, type ColumnKind, type ColumnPlan, type ColumnProfile, type Profile } from '../types.ts';

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
export type PlanOverrides = Record<string, { kind?: ColumnKind; excluded?: boolean }>;

/**
 * One ColumnPlan per profiled column, in order: the profile's kind unless overridden, and
 * `excluded: true` for excluded columns. Unknown names and impossible kinds throw, as in
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
    return o?.excluded ? { name: col.name, kind, excluded: true } : { name: col.name, kind };
  });
}
