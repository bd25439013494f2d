/**
 * CtganSynthesizer: the API the worker and the CLI use. Table in, Table out; everything between
 * (transformer, sampler, networks, training loop, sampling, model file) is wired here.
 *
 *   const synth = new CtganSynthesizer();
 *   await synth.fit(table, plan, { epochs: 50, seed: 1 }, { onEvent, signal, control });
 *   const rows = await synth.sample(1000, { condition: { column: 'sex', value: 'Female' }, seed: 7 });
 *   const file = synth.toFile();               // JSON-able ModelFile
 *   const again = CtganSynthesizer.fromFile(file);
 *
 * Seeding: one Rng from options.seed; the transformer fit, the encoding, the network init, the
 * training draws and the default sampling stream each take a fork of it, in that order. TF.js random
 * ops get seeds from those streams, so a seed fixes the run on a given backend.
 *
 * Sampling BatchNorm: 'running' (eval mode, running statistics) by default; 'batch' reproduces the
 * reference (statistics of each 500-row sampling batch). See bench/README.md for the measurement.
 */
import { SynthtabError } from '../core/errors.ts';
import { nonPlainFormats, type CsvFormats } from '../core/csv/format.ts';
import type { SavedFakeColumn } from '../core/pii/saved-fakes.ts';
import { createRng, type Rng } from '../core/rng.ts';
import { ConditionalSampler } from '../core/sampler/conditional-sampler.ts';
import type { Table } from '../core/table/table.ts';
import { DataTransformer, type Filler, type TransformerFitOptions } from '../core/transform/transformer.ts';
import { DEFAULT_TRAIN_OPTIONS, type ColumnPlan, type Condition, type TrainOptions } from '../core/types.ts';
import { parseModelFile, planToFile, weightsFromFile, weightsToFile, MODEL_FORMAT, MODEL_VERSION, type ModelFile } from './model-file.ts';
import { CtganNetworks, type WeightSnapshot } from './networks.ts';
import { sampleTable, type SamplingBn } from './sample.ts';
import { assignWeightArrays, continueEpochs, finishedWeights, fitOrDispose, readWeightArrays } from './synthesizer-common.ts';
import { effectiveBatchSize, runTraining, type EpochLoss, type TrainHooks, type TrainResult } from './trainer.ts';

export type { TrainHooks, TrainResult, EpochLoss } from './trainer.ts';
export type { SamplingBn } from './sample.ts';

/** The default BatchNorm mode for sampling (measured; see bench/README.md). */
export const DEFAULT_SAMPLING_BN: SamplingBn = 'running';

export interface FitHooks extends TrainHooks {
  /** Weights to start from (from getWeights() of a synthesizer fitted on the same table, plan and options). */
  initialWeights?: Float32Array[];
  /** Passed to DataTransformer.fit (e.g. `profiles`, so datetime formats are not re-detected). */
  transformer?: TransformerFitOptions;
}

export interface SampleOptions {
  condition?: Condition;
  /** Seed for this call; without it, the synthesizer's own sampling stream continues. */
  seed?: number;
  /** Override the BatchNorm mode for this call. */
  bn?: SamplingBn;
  /** Generators for columns the GAN does not learn (e.g. Faker fakes for personal columns). */
  fillers?: Map<string, Filler>;
}

interface Trained {
  transformer: DataTransformer;
  nets: CtganNetworks;
  plan: ColumnPlan[];
  counts: number[][];
}

function resolveOptions(options: Partial<TrainOptions>): TrainOptions {
  const o: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  o.generatorDim = [...o.generatorDim];
  o.discriminatorDim = [...o.discriminatorDim];
  return o;
}

export class CtganSynthesizer {
  private trained: Trained | null = null;
  private sampleRng: Rng;
  private options: TrainOptions = resolveOptions({});
  private hostWeights: WeightSnapshot[] | null = null;
  /** Per-epoch mean losses of every fit so far (epochs numbered continuously). */
  readonly lossHistory: EpochLoss[] = [];
  /** Epochs trained so far. */
  epochsTrained = 0;
  samplingBn: SamplingBn;
  /**
   * The training CSV's column formats (whitespace, missing token; core/csv/format.ts), kept in the
   * model file so rows sampled from it can be written like the input. Set by the caller.
   */
  csvFormats: CsvFormats = {};
  /**
   * The faked personal columns (core/synth/personal.ts PersonalColumns.saved: kind, locale, null
   * share, format; no real value), kept in the model file so a loaded model can fake them again
   * (core/pii/saved-fakes.ts prepareSavedFakes). Set by the caller; sample() does not use it.
   */
  fakes: SavedFakeColumn[] = [];

  constructor(opts: { samplingBn?: SamplingBn } = {}) {
    this.samplingBn = opts.samplingBn ?? DEFAULT_SAMPLING_BN;
    this.sampleRng = createRng(0);
  }

  /** Fit a new synthesizer (convenience for `new` + `fit`). */
  static async train(table: Table, plan: ColumnPlan[], options: Partial<TrainOptions> = {}, hooks: FitHooks = {}): Promise<CtganSynthesizer> {
    return fitOrDispose(new CtganSynthesizer(), (s) => s.fit(table, plan, options, hooks));
  }

  /**
   * Fit the transformer and train the networks. Replaces any earlier model. Rejects with
   * SynthtabError: 'bad-option' (batch not a multiple of pac, bad sizes), 'no-trainable-columns',
   * 'cancelled' (signal aborted; the partly trained model stays usable), 'training-diverged'.
   */
  async fit(table: Table, plan: ColumnPlan[], options: Partial<TrainOptions> = {}, hooks: FitHooks = {}): Promise<TrainResult> {
    const o = resolveOptions(options);
    const rng = createRng(o.seed);
    const emit = async (message: string, stage: 'transform' | 'build'): Promise<void> => {
      if (hooks.onEvent) await hooks.onEvent({ type: 'stage', stage, message });
    };
    await emit(`Fitting the data transformer on ${table.rowCount} rows.`, 'transform');
    const transformer = DataTransformer.fit(table, plan, rng.fork(), hooks.transformer ?? {});
    const matrix = transformer.transform(table, rng.fork());
    o.batchSize = effectiveBatchSize(o.batchSize, matrix.rows, o.pac);
    await emit(`Building the networks (encoded width ${transformer.layout.width}, condition width ${transformer.layout.condWidth}).`, 'build');
    const nets = new CtganNetworks(transformer.layout, o, rng.fork());
    // Training-by-sampling (CTGAN-SPEC 3) over row indices: the trainer's TrainingSampler shape.
    const sampler = new ConditionalSampler(matrix, transformer.layout, o.logFrequency);
    const counts = transformer.layout.discrete.map((_, d) => sampler.categoryCounts(d));
    this.disposeModel();
    this.trained = { transformer, nets, plan: plan.map((p) => ({ ...p })), counts };
    this.options = o;
    this.sampleRng = rng.fork();
    const trainRng = rng.fork();
    if (hooks.initialWeights) this.setWeights(hooks.initialWeights);
    const onEpochRecord = continueEpochs(this, hooks);
    let result: TrainResult;
    try {
      result = await runTraining(nets, matrix, sampler, trainRng, {
        ...hooks,
        onEpochRecord,
      });
    } catch (e) {
      // Cancelled: the partly trained model stays usable (and savable); other failures leave no weights.
      if (this.trained?.nets === nets && (e as { code?: string }).code === 'cancelled') this.hostWeights = await nets.getWeights();
      throw e;
    }
    this.hostWeights = await nets.getWeights();
    return result;
  }

  private need(): Trained {
    if (!this.trained) throw new SynthtabError('bad-option', 'The synthesizer has not been trained or loaded yet.');
    return this.trained;
  }

  /** The hyper-parameters in use (batch size after the tiny-table adjustment). */
  get trainOptions(): TrainOptions {
    return resolveOptions(this.options);
  }

  /** Output column names (non-excluded, input order). */
  columns(): string[] {
    return this.need().transformer.columns.map((c) => c.name);
  }

  /** `n` synthetic rows; with a condition, every row satisfies it (see sample.ts). */
  async sample(n: number, opts: SampleOptions = {}): Promise<Table> {
    const t = this.need();
    const rng = opts.seed !== undefined ? createRng(opts.seed) : this.sampleRng;
    const fillers = opts.fillers;
    return sampleTable(
      {
        nets: t.nets,
        layout: t.transformer.layout,
        learnedColumns: t.transformer.layout.columnNames ?? [],
        plan: t.plan,
        counts: t.counts,
        bn: opts.bn ?? this.samplingBn,
        decode: (data, rows, r) => t.transformer.inverse(data, rows, r, fillers ? { fillers } : {}),
      },
      n,
      opts.condition,
      rng,
    );
  }

  /** All weights (generator then critic, BatchNorm running statistics included), read back to the host. */
  async getWeights(): Promise<Float32Array[]> {
    return readWeightArrays(this.need().nets);
  }

  /** Overwrite all weights (same order and sizes as getWeights()). */
  setWeights(weights: readonly Float32Array[]): void {
    this.hostWeights = assignWeightArrays(this.need().nets, weights);
  }

  /**
   * The model file (JSON-able object). Holds the weights as of the end of the last fit, load or
   * setWeights (the host copy taken then), so it never reads the device synchronously.
   */
  toFile(): ModelFile {
    const t = this.need();
    const weights = finishedWeights(this.hostWeights);
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      method: 'ctgan',
      createdAt: new Date().toISOString(),
      options: this.trainOptions,
      plan: planToFile(t.plan),
      transformer: t.transformer.toJSON(),
      ctgan: { counts: t.counts, samplingBn: this.samplingBn, epochs: this.epochsTrained, lossHistory: this.lossHistory.map((h) => ({ ...h })) },
      weights: weightsToFile(weights),
      ...(Object.keys(nonPlainFormats(this.csvFormats)).length > 0 ? { formats: nonPlainFormats(this.csvFormats) } : {}),
      ...(this.fakes.length > 0 ? { fakes: this.fakes.map((f) => ({ ...f })) } : {}),
    };
  }

  /** The model file as JSON text. */
  toFileText(): string {
    return JSON.stringify(this.toFile());
  }

  /** Load a model file (object or JSON text); SynthtabError('bad-model-file') with a clear reason otherwise. */
  static fromFile(file: unknown): CtganSynthesizer {
    const f = parseModelFile(file);
    const transformer = DataTransformer.fromJSON(f.transformer);
    const layout = transformer.layout;
    if (f.ctgan.counts.length !== layout.discrete.length || f.ctgan.counts.some((c, i) => c.length !== layout.discrete[i]!.width)) {
      throw new SynthtabError('bad-model-file', "The model file's category counts do not match its transformer.");
    }
    const s = new CtganSynthesizer({ samplingBn: f.ctgan.samplingBn });
    const weights = weightsFromFile(f.weights);
    const nets = new CtganNetworks(layout, f.options, createRng(f.options.seed));
    try {
      nets.setWeights(weights);
    } catch (e) {
      nets.dispose();
      throw e;
    }
    s.trained = { transformer, nets, plan: f.plan.map((p) => ({ ...p })), counts: f.ctgan.counts };
    s.options = resolveOptions(f.options);
    s.sampleRng = createRng(f.options.seed ^ 0x5a3c);
    s.hostWeights = weights;
    s.epochsTrained = f.ctgan.epochs;
    s.lossHistory.push(...f.ctgan.lossHistory);
    s.csvFormats = f.formats ?? {};
    s.fakes = f.fakes ?? [];
    return s;
  }

  private disposeModel(): void {
    this.trained?.nets.dispose();
    this.trained = null;
    this.hostWeights = null;
  }

  /** Free every tensor the model holds. */
  dispose(): void {
    this.disposeModel();
  }
}
