/**
 * The rebalance lab's view of the target column: classes, counts, and which class is the
 * minority (one-vs-rest for multi-class targets). Pure; shared by the lab, the CLI and the UI.
 */
import { SynthtabError } from '../errors.ts';
import { cellText, type Column, type Table } from '../table/table.ts';
import { isDiscreteKind, type Profile } from '../types.ts';

/** A target with more classes than this is not a class column (it is probably continuous). */
export const MAX_TARGET_CLASSES = 50;

export interface ClassCount {
  value: string;
  count: number;
}

export interface TargetInfo {
  /** Index of the target column in the table. */
  column: number;
  name: string;
  /** Non-missing classes, most frequent first (ties by value). */
  classes: ClassCount[];
  /** The class treated as positive (label 1); all other classes are label 0. */
  minorityClass: string;
  /** Rows whose target is missing (they take no part in the lab). */
  missing: number;
}

/** Index of a column by name, or a one-line error listing the choices. */
export function columnIndex(table: Table, name: string): number {
  const i = table.columns.findIndex((c) => c.name === name);
  if (i < 0) {
    const names = table.columns.map((c) => c.name).slice(0, 20).join(', ');
    throw new SynthtabError('bad-column', `No column named '${name}' (columns: ${names}).`);
  }
  return i;
}

/** Class counts of a column, most frequent first, ties broken by value so the order is stable. */
export function classCounts(col: Column): ClassCount[] {
  const counts = new Map<string, number>();
  const n = col.type === 'numeric' ? col.values.length : col.codes.length;
  for (let r = 0; r < n; r++) {
    const t = cellText(col, r);
    if (t === null) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/**
 * Resolve the target column and its minority class. The minority defaults to the rarest class
 * (ties: the later value in sort order, i.e. the last entry of `classes`); `minority` overrides it.
 */
export function resolveTarget(table: Table, target: string, minority?: string): TargetInfo {
  const column = columnIndex(table, target);
  const col = table.columns[column]!;
  const classes = classCounts(col);
  let missing = 0;
  for (let r = 0; r < table.rowCount; r++) if (cellText(col, r) === null) missing++;
  if (classes.length < 2) {
    throw new SynthtabError('bad-column', `Target '${target}' needs at least two classes, found ${classes.length}.`);
  }
  if (classes.length > MAX_TARGET_CLASSES) {
    throw new SynthtabError(
      'bad-column',
      `Target '${target}' has ${classes.length} distinct values; pick a class column (at most ${MAX_TARGET_CLASSES} classes).`,
    );
  }
  let minorityClass = classes[classes.length - 1]!.value;
  if (minority !== undefined) {
    const found = classes.find((c) => c.value === minority || c.value.trim() === minority.trim());
    if (!found) {
      const list = classes.map((c) => `'${c.value}'`).slice(0, 10).join(', ');
      throw new SynthtabError('bad-option', `Minority class '${minority}' is not a value of '${target}' (values: ${list}).`);
    }
    minorityClass = found.value;
  }
  return { column, name: col.name, classes, minorityClass, missing };
}

/** Labels per row: 1 for the minority class, 0 for any other class, 255 for a missing target. */
export function binaryLabels(table: Table, info: TargetInfo): Uint8Array {
  const col = table.columns[info.column]!;
  const y = new Uint8Array(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) {
    const t = cellText(col, r);
    y[r] = t === null ? 255 : t === info.minorityClass ? 1 : 0;
  }
  return y;
}

/**
 * The most imbalanced discrete column, as a default target: binary columns first (the usual
 * shape of a label), then columns with at most 10 classes; within a group the highest
 * majority/minority ratio wins. Null when no column qualifies.
 */
export function suggestTarget(table: Table, profile: Profile): string | null {
  let best: { name: string; group: number; ratio: number } | null = null;
  for (const cp of profile.columns) {
    if (!isDiscreteKind(cp.kind)) continue;
    const col = table.columns.find((c) => c.name === cp.name);
    if (!col) continue;
    const classes = classCounts(col);
    if (classes.length < 2 || classes.length > 10) continue;
    const group = classes.length === 2 ? 0 : 1;
    const ratio = classes[0]!.count / classes[classes.length - 1]!.count;
    if (!best || group < best.group || (group === best.group && ratio > best.ratio)) best = { name: cp.name, group, ratio };
  }
  return best?.name ?? null;
}

/**
 * `suggestTarget` for callers that only hold the profile (the UI): the same rule, with class counts
 * taken from the profile's top categories.
 */
export function suggestTargetFromProfile(profile: Profile): string | null {
  let best: { name: string; group: number; ratio: number } | null = null;
  for (const cp of profile.columns) {
    if (!isDiscreteKind(cp.kind)) continue;
    const top = cp.categories?.top ?? [];
    if (top.length < 2 || cp.distinct > 10) continue;
    const counts = top.map((t) => t.count).sort((a, b) => b - a);
    const group = counts.length === 2 ? 0 : 1;
    const ratio = counts[0]! / counts[counts.length - 1]!;
    if (!best || group < best.group || (group === best.group && ratio > best.ratio)) best = { name: cp.name, group, ratio };
  }
  return best?.name ?? null;
}
