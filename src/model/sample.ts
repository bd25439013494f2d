/**
 * Sampling (CTGAN-SPEC 6): generate in full batches, decode through the transformer, and for a
 * condition keep only the rows whose decoded value satisfies it (rejection), retrying with more
 * batches.
 *
 * - Discrete column: the condition's cond vector is fed to every row (with the correct offset
 *   condStart + category, fixing the reference's offset bug) and mismatching decodes are rejected.
 * - Numeric learned column (continuous / integer): unconditional draws, kept when
 *   |x − v| ≤ 0.01·|v| (SDV float_rtol), and the kept value is set to v exactly (as SDV does).
 * - Any other learned column (e.g. datetime as text): unconditional draws, exact text match.
 * - Columns the GAN does not learn (identifier, text, empty) cannot be conditioned on.
 * Gives up after 100 tries with SynthtabError('condition-impossible').
 *
 * Unconditional rows draw their conditions from the per-category counts kept with the model (the
 * training rows are gone after a model file is loaded): core/sampler's sampleOriginalCondIndices,
 * a column uniformly and then a category with its EMPIRICAL frequency. Deviation from the reference
 * (CTGAN-SPEC 3), which uses the log-frequency here: generated marginals then follow the data.
 */
import * as tf from '@tensorflow/tfjs';
import { SynthtabError } from '../core/errors.ts';
import type { Rng } from '../core/rng.ts';
import { matchCategory, sampleOriginalCondIndices } from '../core/sampler/conditional-sampler.ts';
import { NULL_CATEGORY, type EncodedLayout } from '../core/transform/layout.ts';
import { cellText, takeRows, concatTables, type Column, type NumericColumn, type Table } from '../core/table/table.ts';
import { isLearnedKind, type ColumnPlan, type Condition } from '../core/types.ts';
import type { CtganNetworks } from './networks.ts';
import { oneHot } from './train-step.ts';

/** SDV's conditional-sampling constants (CTGAN-SPEC 1). */
export const MAX_TRIES = 100;
export const FLOAT_RTOL = 0.01;

/** How BatchNorm behaves while sampling (see generator.ts; the default is chosen in synthesizer.ts). */
export type SamplingBn = 'batch' | 'running';

/** Conditions for generated rows: one fixed global cond position, or draws from category counts. */
export type CondPlan = { fixed: number } | { counts: readonly number[][] };

/**
 * `n` encoded rows, generated in full batches of the training batch size (BatchNorm batch
 * statistics depend on it), row-major Float32 [n, width].
 */
export async function generateEncoded(nets: CtganNetworks, n: number, cond: CondPlan, rng: Rng, bn: SamplingBn): Promise<Float32Array> {
  const { layout } = nets;
  const batch = nets.options.batchSize;
  const out = new Float32Array(n * layout.width);
  for (let done = 0; done < n; done += batch) {
    let idx: Int32Array | null;
    if ('fixed' in cond) idx = new Int32Array(batch).fill(cond.fixed);
    else idx = sampleOriginalCondIndices(layout.discrete, cond.counts, batch, rng);
    const rows = tf.tidy(() => {
      const c = oneHot(idx, layout.condWidth);
      return nets.generate(batch, c, rng, { bn, updateStats: false });
    });
    const values = (await rows.data()) as Float32Array;
    rows.dispose();
    const take = Math.min(batch, n - done);
    out.set(values.subarray(0, take * layout.width), done * layout.width);
  }
  return out;
}

/** Everything table-level sampling needs from a trained synthesizer. */
export interface SampleContext {
  nets: CtganNetworks;
  layout: EncodedLayout;
  /** Learned column names in encoded order (DiscreteSpan.column indexes this). */
  learnedColumns: readonly string[];
  plan: readonly ColumnPlan[];
  counts: readonly number[][];
  bn: SamplingBn;
  /** The transformer's inverse: encoded rows -> output Table. */
  decode(data: Float32Array, rows: number, rng: Rng): Table;
}

/** A condition resolved against the layout: its global cond position and the exact category label. */
interface ResolvedDiscreteCondition {
  condIndex: number;
  /** The category's label exactly as the data has it (may differ from the request in spacing). */
  label: string;
}

function shortList(values: string[]): string {
  const shown = values.slice(0, 8).map((v) => `'${v}'`).join(', ');
  return values.length > 8 ? `${shown}, ... (${values.length} values)` : shown;
}

/**
 * Find `value` among the categories of discrete column `discrete` (core matchCategory: exact, else
 * a unique match after trimming spaces). Unknown values -> SynthtabError('bad-condition') listing
 * the known ones, in the CLI's wording.
 */
function resolveDiscreteCondition(layout: EncodedLayout, discrete: number, columnName: string, value: string): ResolvedDiscreteCondition {
  const d = layout.discrete[discrete]!;
  const cat = matchCategory(d.categories, value);
  if (cat < 0) {
    const known = d.categories.filter((c) => c !== NULL_CATEGORY).map((c) => c.trim());
    throw new SynthtabError('bad-condition', `Column '${columnName}' has no value '${value}'; known values: ${shortList(known)}.`);
  }
  return { condIndex: d.condStart + cat, label: d.categories[cat]! };
}

type Matcher = { cond: CondPlan; keep(table: Table): number[]; fix?(table: Table): Table };

function findColumn(table: Table, name: string): Column {
  const col = table.columns.find((c) => c.name === name);
  if (!col) throw new SynthtabError('internal', `Decoded table lacks column '${name}'.`);
  return col;
}

function matcherFor(ctx: SampleContext, condition: Condition): Matcher {
  const plan = ctx.plan.find((p) => p.name === condition.column && !p.excluded);
  if (!plan) {
    const names = ctx.plan.filter((p) => !p.excluded).map((p) => p.name);
    throw new SynthtabError('bad-condition', `Unknown column '${condition.column}' in the condition; columns: ${names.join(', ')}.`);
  }
  if (!isLearnedKind(plan.kind) && plan.kind !== 'constant') {
    throw new SynthtabError('bad-condition', `Column '${condition.column}' is ${plan.kind} and not learned by the model, so it cannot be a condition.`);
  }
  const learned = ctx.learnedColumns.indexOf(condition.column);
  const discrete = ctx.layout.discrete.findIndex((d) => d.column === learned);
  const all = { counts: ctx.counts };
  if (learned >= 0 && discrete >= 0) {
    const r = resolveDiscreteCondition(ctx.layout, discrete, condition.column, condition.value);
    const want = r.label === NULL_CATEGORY ? null : r.label;
    return {
      cond: { fixed: r.condIndex },
      keep: (t) => {
        const col = findColumn(t, condition.column);
        const rows: number[] = [];
        for (let i = 0; i < t.rowCount; i++) if (cellText(col, i) === want) rows.push(i);
        return rows;
      },
    };
  }
  const v = Number(condition.value.trim());
  const numeric = condition.value.trim() !== '' && Number.isFinite(v) && (plan.kind === 'continuous' || plan.kind === 'integer');
  if (numeric) {
    return {
      cond: all,
      keep: (t) => {
        const col = findColumn(t, condition.column);
        const rows: number[] = [];
        if (col.type !== 'numeric') return rows;
        for (let i = 0; i < t.rowCount; i++) if (Math.abs(col.values[i]! - v) <= FLOAT_RTOL * Math.abs(v)) rows.push(i);
        return rows;
      },
      fix: (t) => ({
        ...t,
        columns: t.columns.map((c) => (c.name === condition.column && c.type === 'numeric' ? ({ ...c, values: new Float64Array(t.rowCount).fill(v) } satisfies NumericColumn) : c)),
      }),
    };
  }
  return {
    cond: all,
    keep: (t) => {
      const col = findColumn(t, condition.column);
      const rows: number[] = [];
      for (let i = 0; i < t.rowCount; i++) if (cellText(col, i) === condition.value) rows.push(i);
      return rows;
    },
  };
}

/**
 * Rejection sampling shared by CTGAN and TVAE: draw batches from `draw(want)` and keep the rows
 * `keep` picks until `n` are found. SDV's schedule: first the rows asked for, then remaining /
 * observed rate, at least one and at most 10 batches per try, MAX_TRIES tries. Throws
 * SynthtabError('condition-impossible') when fewer than `n` rows (or none) matched.
 */
export async function collectMatchingRows(n: number, batch: number, condition: Condition, keep: (t: Table) => number[], draw: (want: number) => Promise<Table>): Promise<Table> {
  let result: Table | null = null;
  let found = 0;
  let drawn = 0;
  for (let tries = 0; tries < MAX_TRIES && found < n; tries++) {
    const rate = drawn > 0 ? found / drawn : 1;
    const want = Math.min(10 * batch, Math.max(batch, Math.ceil((n - found) / Math.max(rate, 1e-3))));
    const table = await draw(want);
    drawn += want;
    const rows = keep(table).slice(0, n - found);
    if (rows.length === 0) continue;
    const part = takeRows(table, rows);
    result = result ? concatTables(result, part) : part;
    found += rows.length;
  }
  if (!result || found < n) {
    throw new SynthtabError(
      'condition-impossible',
      found === 0
        ? `No generated row had ${condition.column} = '${condition.value}' after ${MAX_TRIES} tries; the model has not learned that value.`
        : `Only ${found} of ${n} generated rows had ${condition.column} = '${condition.value}' after ${MAX_TRIES} tries; ask for fewer rows.`,
    );
  }
  return result;
}

/** `n` decoded rows, all satisfying `condition` when given. */
export async function sampleTable(ctx: SampleContext, n: number, condition: Condition | undefined, rng: Rng): Promise<Table> {
  if (!Number.isInteger(n) || n < 0) throw new SynthtabError('bad-option', `The number of rows must be a whole number >= 0, got ${n}.`);
  if (!condition) {
    const data = await generateEncoded(ctx.nets, n, { counts: ctx.counts }, rng, ctx.bn);
    return ctx.decode(data, n, rng);
  }
  const m = matcherFor(ctx, condition);
  const result = await collectMatchingRows(n, ctx.nets.options.batchSize, condition, m.keep, async (want) => {
    const data = await generateEncoded(ctx.nets, want, m.cond, rng, ctx.bn);
    return ctx.decode(data, want, rng);
  });
  return m.fix ? m.fix(result) : result;
}
