/**
 * Edits to the column plan from the profile table. Each returns a new plan (the store sends it to
 * the worker with 'set-plan'). Also reads the optional PII guess the profiler may attach to a
 * column (issue: PII detection); until that field exists in ColumnProfile it is read defensively.
 */
import type { ColumnKind, ColumnPlan, ColumnProfile } from '../../core/types.ts';
import { isPiiKind, suggestPiiAction } from '../../core/pii/kinds.ts';

/** What to do with a column that looks personal: learn it, replace it with fakes, or drop it. */
export type PiiMode = 'learn' | 'fake' | 'drop';
export const PII_MODES: readonly PiiMode[] = ['learn', 'fake', 'drop'];

/** A plan entry as the UI edits it: ColumnPlan plus the optional PII treatment. */
export type UiColumnPlan = ColumnPlan & { pii?: PiiMode };

/** The profiler's guess that a column holds personal data. */
export interface PiiGuess {
  /** e.g. 'email', 'name', 'phone'. */
  kind: string;
  /** 0..1. */
  confidence: number;
  /** Why, in words (tooltip). */
  reason?: string;
  /** The treatment applied unless the user picks another. */
  suggested: PiiMode;
}

/** The column's PII guess, if the profile carries one in a shape we understand. */
export function piiGuess(col: ColumnProfile): PiiGuess | null {
  const pii: unknown = (col as unknown as { pii?: unknown }).pii;
  if (typeof pii !== 'object' || pii === null) return null;
  const o = pii as Record<string, unknown>;
  const kind = [o.kind, o.type, o.category].find((v): v is string => typeof v === 'string');
  const confidence = typeof o.confidence === 'number' ? o.confidence : typeof o.score === 'number' ? o.score : null;
  if (kind === undefined || confidence === null || !Number.isFinite(confidence)) return null;
  const given = [o.action, o.suggested, o.suggestedAction].find((v): v is PiiMode => typeof v === 'string' && (PII_MODES as readonly string[]).includes(v));
  // Without an explicit suggestion, core/pii's rule: identifying kinds are faked, few-valued ones learned.
  const suggested = given ?? (isPiiKind(kind) ? suggestPiiAction(kind, col.distinct) : 'learn');
  return { kind, confidence, suggested, ...(typeof o.reason === 'string' ? { reason: o.reason } : {}) };
}

/** True when any column of the profile carries a PII guess (the table shows the PII column). */
export function hasPiiColumn(columns: readonly ColumnProfile[]): boolean {
  return columns.some((c) => piiGuess(c) !== null);
}

function edit(plan: readonly UiColumnPlan[], name: string, change: Partial<UiColumnPlan>): UiColumnPlan[] {
  return plan.map((p) => (p.name === name ? { ...p, ...change } : p));
}

export function withKind(plan: readonly UiColumnPlan[], name: string, kind: ColumnKind): UiColumnPlan[] {
  return edit(plan, name, { kind });
}

export function withExcluded(plan: readonly UiColumnPlan[], name: string, excluded: boolean): UiColumnPlan[] {
  return edit(plan, name, { excluded });
}

/** Sets the treatment; `action` is what the worker applies (ColumnPlan.action); leaving 'drop' includes the column again. */
export function withPii(plan: readonly UiColumnPlan[], name: string, pii: PiiMode): UiColumnPlan[] {
  return plan.map((p) => (p.name === name ? { ...p, pii, action: pii, ...(pii === 'drop' ? { excluded: true } : p.pii === 'drop' || p.action === 'drop' ? { excluded: false } : {}) } : p));
}
