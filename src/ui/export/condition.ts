/**
 * The export panel's optional condition: "column = value" typed by the user, checked against the
 * profile so typos are caught before the worker spends time sampling. The worker still validates
 * (a value outside the profile's top categories may exist), so unknown values pass through.
 */
import type { ColumnPlan, Condition, Profile } from '../../core/types.ts';
import { isDiscreteKind } from '../../core/types.ts';

export type ConditionResult =
  | { ok: true; condition: Condition | undefined }
  | { ok: false; message: string };

/** A discrete column the condition helper offers, with its most frequent values. */
export interface ConditionChoice {
  column: string;
  values: string[];
}

/** The columns a condition can target: discrete kinds in the current plan, not excluded. */
export function conditionChoices(profile: Profile, plan: readonly ColumnPlan[]): ConditionChoice[] {
  const byName = new Map(plan.map((p) => [p.name, p]));
  const out: ConditionChoice[] = [];
  for (const col of profile.columns) {
    const p = byName.get(col.name);
    const kind = p?.kind ?? col.kind;
    if (p?.excluded || !isDiscreteKind(kind)) continue;
    out.push({ column: col.name, values: (col.categories?.top ?? []).map((t) => t.value) });
  }
  return out;
}

/**
 * Parse "column = value". Empty text means no condition. Whitespace around the column and value is
 * trimmed; when the trimmed value matches a known category only up to surrounding spaces (the Adult
 * data stores " Private"), the exact category text is used.
 */
export function parseCondition(text: string, choices: readonly ConditionChoice[] | null): ConditionResult {
  const raw = text.trim();
  if (raw === '') return { ok: true, condition: undefined };
  const eq = raw.indexOf('=');
  if (eq <= 0) return { ok: false, message: `Write the condition as "column = value", got "${raw}".` };
  const column = raw.slice(0, eq).trim();
  const value = raw.slice(eq + 1).trim();
  if (column === '') return { ok: false, message: 'The condition needs a column name before "=".' };
  // No profile (a model loaded from a file): the worker checks the column against the model.
  if (choices === null) return { ok: true, condition: { column, value } };
  const choice = choices.find((c) => c.column === column) ?? choices.find((c) => c.column.toLowerCase() === column.toLowerCase());
  if (!choice) {
    const names = choices.map((c) => c.column);
    const hint = names.length > 0 ? ` Conditions work on: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}.` : ' This table has no categorical columns to condition on.';
    return { ok: false, message: `Unknown categorical column "${column}".${hint}` };
  }
  const exact = choice.values.find((v) => v === value) ?? choice.values.find((v) => v.trim() === value);
  return { ok: true, condition: { column: choice.column, value: exact ?? value } };
}

/** The text the helper puts into the input when the user clicks a value. */
export function conditionText(column: string, value: string): string {
  return `${column} = ${value.trim()}`;
}
