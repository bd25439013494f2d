/**
 * The worker's synthesis methods other than the neural ones, behind SynthesizerLike (issue 8), and
 * the live-quality wrapping every method's fit shares:
 *
 * - copula (core/copula): one closed-form fit, reported as epoch 1 of 1 with its seconds; the model
 *   file is the copula model JSON (COPULA_FORMAT), which load-model reads back;
 * - profile (core/pii/profile-sample.ts): no training at all, each column drawn from its own
 *   distribution (IT IGNORES CORRELATIONS); there is no model, so save-model is refused with a
 *   one-line message;
 * - trackedFit: a QualityTracker (model/quality-tracker.ts) around any fit when `hooks.quality` asks.
 *
 * Personal columns (issue 7, core/synth/personal.ts) are faked after sampling, as the CLI's extra
 * methods do. The copula never sees their real values: they are left out of its fit (so no real
 * name or e-mail lands in its model file) and put back as fakes after sampling.
 */
import type { FitHooks, FitOutcome, SynthesizerLike } from './engine.ts';
import { QualityTracker, type Trackable } from '../model/quality-tracker.ts';
import { assertCopulaModel, fitCopula, sampleCopula, type CopulaModel } from '../core/copula/copula.ts';
import { PROFILE_SAMPLE_NOTE, sampleFromProfile } from '../core/pii/profile-sample.ts';
import { preparePersonal, type PersonalColumns } from '../core/synth/personal.ts';
import type { ProfiledTables } from '../core/synth/profiled-tables.ts';
import { createRng, type Rng } from '../core/rng.ts';
import { SynthtabError } from '../core/errors.ts';
import { stringColumn, type Column, type Table } from '../core/table/table.ts';
import type { ColumnPlan, TrainOptions } from '../core/types.ts';
import type { CsvFormats } from '../core/csv/format.ts';
import { readCsvFormats, withFileExtras } from '../model/model-file.ts';

/**
 * Run `fit` with the caller's hooks, wrapped in a QualityTracker when `hooks.quality` is set (every
 * > 0): epoch events gain `quality`, patience may stop the run, and afterwards `target` holds the
 * best check's weights. `fit` returns the epochs it ran. The tracker scores against `plan`'s columns.
 */
export async function trackedFit(
  target: Trackable, table: Table, plan: readonly ColumnPlan[], options: TrainOptions, hooks: FitHooks,
  fit: (hooks: FitHooks) => Promise<number>,
): Promise<FitOutcome> {
  const { quality, ...rest } = hooks;
  if (!quality || quality.every <= 0) return { epochs: await fit(rest) };
  const tracker = new QualityTracker(target, table, plan, {
    every: quality.every,
    patience: quality.patience ?? 0,
    seed: options.seed,
    ...(quality.rows !== undefined ? { rows: quality.rows } : {}),
  });
  const epochs = await fit(tracker.wrap(rest));
  const summary = await tracker.finish();
  return { epochs, bestEpoch: summary.bestEpoch };
}

/** The personal-columns step and the input's CSV formats for a table the engine profiled. */
function personalFor(profiled: ProfiledTables | undefined, table: Table, plan: ColumnPlan[]): { personal: PersonalColumns | null; formats: CsvFormats } {
  const whole = profiled?.lookup(table);
  return { personal: whole ? preparePersonal(whole.table, whole.profile, plan) : null, formats: whole?.formats ?? {} };
}

/** `out` with its faked columns replaced by fresh fakes (no-op without personal columns). */
function fillPersonal(out: Table, personal: PersonalColumns | null, rng: Rng): Table {
  return personal && personal.faked.length > 0 ? personal.fill(out, rng.fork()) : out;
}

/** Output column names of a plan over `table`: non-excluded, in table order. */
function outputColumns(table: Table, plan: readonly ColumnPlan[]): string[] {
  const excluded = new Set(plan.filter((p) => p.excluded).map((p) => p.name));
  return table.columns.map((c) => c.name).filter((n) => !excluded.has(n));
}

/** A placeholder (all missing) string column per name in `order` that `out` lacks, in `order`. */
function withPlaceholders(out: Table, order: readonly string[]): Table {
  const byName = new Map(out.columns.map((c) => [c.name, c]));
  const empty = new Array<string | null>(out.rowCount).fill(null);
  const columns: Column[] = order.map((n) => byName.get(n) ?? stringColumn(n, empty));
  return { rowCount: out.rowCount, columns };
}

/**
 * The Gaussian copula as a SynthesizerLike. With `loaded`, a model read from a file (and its CSV
 * formats). With `profiled`, personal columns are left out of the fit and faked after sampling (see
 * the file comment), and exports use the input's formats (" Private", " ?"), kept in the model file.
 */
export function copulaSynthesizer(profiled?: ProfiledTables, loaded?: { model: CopulaModel; formats: CsvFormats }): SynthesizerLike {
  let model: CopulaModel | null = loaded?.model ?? null;
  let formats: CsvFormats = loaded?.formats ?? {};
  let personal: PersonalColumns | null = null;
  let order: string[] = loaded ? loaded.model.columns.map((c) => c.name) : [];
  let rng = createRng(0x5a3c);
  const need = (): CopulaModel => {
    if (!model) throw new SynthtabError('bad-option', 'The copula has not been fitted or loaded yet.');
    return model;
  };
  const sample = async (n: number, opts: { condition?: Parameters<typeof sampleCopula>[3]; seed?: number }): Promise<Table> => {
    const m = need();
    if (opts.seed !== undefined) rng = createRng(opts.seed);
    const out = sampleCopula(m, n, rng, opts.condition);
    return personal && personal.faked.length > 0 ? fillPersonal(withPlaceholders(out, order), personal, rng) : out;
  };
  const target: Trackable = { sample, getWeights: async () => [], setWeights: () => {} };
  return {
    fit: async (table, plan, options, hooks) => {
      ({ personal, formats } = personalFor(profiled, table, plan));
      const resolved = personal ? personal.plan : plan;
      const faked = new Set(personal?.faked ?? []);
      // Faked columns are not learned: excluded from the fit, added back as fakes by sample().
      const fitPlan = resolved.map((p) => (faked.has(p.name) ? { ...p, excluded: true } : p));
      order = outputColumns(table, resolved);
      rng = createRng(options.seed ^ 0x5a3c);
      return trackedFit(target, table, resolved, options, hooks, async (h) => {
        await h.onEvent?.({ type: 'stage', stage: 'transform', message: `Fitting the Gaussian copula on ${table.rowCount} rows.` });
        const t0 = performance.now();
        model = fitCopula(table, fitPlan, createRng(options.seed));
        const seconds = (performance.now() - t0) / 1000;
        // One closed-form fit: epoch 1 of 1 (no losses to report).
        await h.onEvent?.({ type: 'epoch', epoch: 1, epochs: 1, lossG: NaN, lossD: NaN, seconds });
        return 1;
      });
    },
    sample: (n, opts) => sample(n, opts),
    toFile: () => withFileExtras(JSON.stringify(need()), { formats }),
    getWeights: async () => [],
    dispose: () => {
      model = null;
    },
    columns: () => (order.length > 0 ? [...order] : need().columns.map((c) => c.name)),
    csvFormats: () => formats,
  };
}

/** A parsed copula model file as a SynthesizerLike (with its CSV formats), or a one-line 'bad-model-file' error. */
export function loadCopula(json: unknown): SynthesizerLike {
  assertCopulaModel(json);
  return copulaSynthesizer(undefined, { model: json, formats: readCsvFormats(json) });
}

/** The message save-model answers for the profile method (it has no model to save). */
export const PROFILE_NO_MODEL =
  'The profile method has no model to save: it draws each column from the loaded data every time. Train copula, ctgan or tvae to get a model file.';

/**
 * The 'profile' method (no training, columns independent) as a SynthesizerLike. fit only keeps the
 * training rows and the plan; sample draws from them (core/pii/profile-sample.ts).
 */
export function profileSynthesizer(profiled?: ProfiledTables): SynthesizerLike {
  let data: { table: Table; plan: ColumnPlan[] } | null = null;
  let personal: PersonalColumns | null = null;
  let formats: CsvFormats = {};
  let rng = createRng(0x5a3c);
  const need = (): { table: Table; plan: ColumnPlan[] } => {
    if (!data) throw new SynthtabError('bad-option', 'Choose the profile method and press Train first.');
    return data;
  };
  return {
    fit: async (table, plan, options, hooks) => {
      ({ personal, formats } = personalFor(profiled, table, plan));
      data = { table, plan: personal ? personal.plan : plan };
      rng = createRng(options.seed ^ 0x5a3c);
      await hooks.onEvent?.({ type: 'stage', stage: 'transform', message: PROFILE_SAMPLE_NOTE });
      return { epochs: 0, bestEpoch: null };
    },
    sample: async (n, opts) => {
      const d = need();
      if (opts.condition) throw new SynthtabError('bad-condition', 'The profile method draws every column independently and cannot meet a condition; use copula, ctgan or tvae.');
      if (opts.seed !== undefined) rng = createRng(opts.seed);
      return fillPersonal(sampleFromProfile(d.table, d.plan, n, rng), personal, rng);
    },
    toFile: () => {
      throw new SynthtabError('bad-option', PROFILE_NO_MODEL);
    },
    getWeights: async () => [],
    dispose: () => {
      data = null;
    },
    columns: () => {
      const d = need();
      return outputColumns(d.table, d.plan);
    },
    csvFormats: () => formats,
  };
}
