/**
 * Conditional vectors at SAMPLING time, from per-category counts stored with the model (the
 * encoded training matrix is gone after a model file is loaded, so the training sampler cannot be
 * used). Training-time draws (log-frequency, training-by-sampling) live in src/core/sampler.
 *
 * Deviation from the reference (CTGAN-SPEC 3): unconditional generation draws a discrete column
 * uniformly and then a category with its EMPIRICAL frequency, not the log-frequency the reference
 * uses despite the method's name, so generated marginals follow the data.
 */
import { SynthtabError } from '../core/errors.ts';
import type { Rng } from '../core/rng.ts';
import type { EncodedLayout, EncodedMatrix } from '../core/transform/layout.ts';
import { NULL_CATEGORY } from '../core/transform/layout.ts';

/** Count each discrete column's categories in the encoded training matrix (argmax of its block). */
export function countCategories(layout: EncodedLayout, matrix: EncodedMatrix): number[][] {
  const counts = layout.discrete.map((d) => new Array<number>(d.width).fill(0));
  for (let r = 0; r < matrix.rows; r++) {
    const base = r * matrix.width;
    layout.discrete.forEach((d, k) => {
      let best = 0;
      for (let j = 1; j < d.width; j++) if (matrix.data[base + d.start + j]! > matrix.data[base + d.start + best]!) best = j;
      counts[k]![best]!++;
    });
  }
  return counts;
}

/** Global cond-vector positions for `n` unconditional rows; null when there are no discrete columns. */
export function drawOriginalCond(layout: EncodedLayout, counts: readonly number[][], n: number, rng: Rng): Int32Array | null {
  const nd = layout.discrete.length;
  if (nd === 0 || layout.condWidth === 0) return null;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = rng.int(nd);
    const d = layout.discrete[k]!;
    const c = counts[k];
    const cat = c && c.some((v) => v > 0) ? rng.choice(c) : rng.int(d.width);
    out[i] = d.condStart + cat;
  }
  return out;
}

/** A condition resolved against the layout: which discrete column and category, and its exact label. */
export interface ResolvedDiscreteCondition {
  /** Index into layout.discrete. */
  discrete: number;
  category: number;
  /** Global position in the conditional vector. */
  condIndex: number;
  /** The category's label exactly as the data has it (may differ from the request in spacing). */
  label: string;
}

function shortList(values: string[]): string {
  const shown = values.slice(0, 8).map((v) => `'${v}'`).join(', ');
  return values.length > 8 ? `${shown}, ... (${values.length} values)` : shown;
}

/**
 * Find `value` among the categories of the discrete column at `discrete`. An exact match wins; else
 * a unique match after trimming spaces (Adult's values start with a space: ' Private'). Unknown
 * values -> SynthtabError('bad-condition') listing the known ones.
 */
export function resolveDiscreteCondition(layout: EncodedLayout, discrete: number, columnName: string, value: string): ResolvedDiscreteCondition {
  const d = layout.discrete[discrete]!;
  let cat = d.categories.indexOf(value);
  if (cat < 0) {
    const trimmed = value.trim();
    const hits = d.categories.map((c, i) => (c.trim() === trimmed ? i : -1)).filter((i) => i >= 0);
    if (hits.length === 1) cat = hits[0]!;
  }
  if (cat < 0) {
    const known = d.categories.filter((c) => c !== NULL_CATEGORY).map((c) => c.trim());
    throw new SynthtabError('bad-condition', `Column '${columnName}' has no value '${value}'; known values: ${shortList(known)}.`);
  }
  return { discrete, category: cat, condIndex: d.condStart + cat, label: d.categories[cat]! };
}
