/**
 * TvaeSynthesizer (CTGAN-SPEC 8): the reference's TVAE on the same DataTransformer as CTGAN, with
 * CtganSynthesizer's API so the worker, the CLI and the quality tracker use either.
 *
 *   const tvae = new TvaeSynthesizer();
 *   await tvae.fit(table, plan, { epochs: 100, seed: 1 }, { onEvent, signal, control });
 *   const rows = await tvae.sample(1000, { seed: 7 });
 *   const file = tvae.toFile();                 // method 'tvae', same model-file family
 *
 * Seeding as CtganSynthesizer: one Rng from options.seed; the transformer fit, the encoding, the
 * network init, the default sampling stream and the training draws each take a fork, in that order.
 * Sampling: z ~ N(0, I) -> decoder -> tanh on every output; each alpha is then perturbed by
 * N(0, sigma_a) and the transformer's inverse takes argmax on every one-hot block. Conditions are
 * met by rejection (conditional.ts): TVAE has no conditional vector.
 */
import * as tf from '@tensorflow/tfjs';
import { SynthtabError } from '../../core/errors.ts';
import { createRng, type Rng } from '../../core/rng.ts';
import type { Table } from '../../core/table/table.ts';
import { DataTransformer } from '../../core/transform/transformer.ts';
import type { ColumnPlan } from '../../core/types.ts';
import { MODEL_FORMAT, MODEL_VERSION, planToFile, weightsFromFile, weightsToFile } from '../model-file.ts';
import type { WeightSnapshot } from '../networks.ts';
import type { FitHooks, SampleOptions } from '../synthesizer.ts';
import { assignWeightArrays, continueEpochs, finishedWeights, fitOrDispose, readWeightArrays } from '../synthesizer-common.ts';
import type { EpochLoss, TrainResult } from '../trainer.ts';
import { sampleByRejection } from './conditional.ts';
import { parseTvaeModelFile, type TvaeModelFile } from './model-file.ts';
import { TvaeNetworks } from './networks.ts';
import { resolveTvaeOptions, type TvaeOptions } from './options.ts';
import { runTvaeTraining } from './train.ts';

export type { TvaeOptions } from './options.ts';

/** Rows decoded per forward pass while sampling. */
const SAMPLE_BATCH = 500;

interface Trained {
  transformer: DataTransformer;
  nets: TvaeNetworks;
  plan: ColumnPlan[];
}

export class TvaeSynthesizer {
  private trained: Trained | null = null;
  private sampleRng: Rng = createRng(0);
  private options: TvaeOptions = resolveTvaeOptions();
  private hostWeights: WeightSnapshot[] | null = null;
  /** Per-epoch mean losses (lossG = reconstruction + KL, lossD = KL) of every fit so far. */
  readonly lossHistory: EpochLoss[] = [];
  epochsTrained = 0;

  /** Fit a new synthesizer (convenience for `new` + `fit`). */
  static async train(table: Table, plan: ColumnPlan[], options: Partial<TvaeOptions> = {}, hooks: FitHooks = {}): Promise<TvaeSynthesizer> {
    return fitOrDispose(new TvaeSynthesizer(), (s) => s.fit(table, plan, options, hooks));
  }

  /**
   * Fit the transformer and train. Replaces any earlier model. Rejects with SynthtabError:
   * 'bad-option', 'no-trainable-columns', 'cancelled' (the partly trained model stays usable),
   * 'training-diverged'.
   */
  async fit(table: Table, plan: ColumnPlan[], options: Partial<TvaeOptions> = {}, hooks: FitHooks = {}): Promise<TrainResult> {
    const o = resolveTvaeOptions(options);
    const rng = createRng(o.seed);
    const stage = async (message: string, s: 'transform' | 'build'): Promise<void> => {
      if (hooks.onEvent) await hooks.onEvent({ type: 'stage', stage: s, message });
    };
    await stage(`Fitting the data transformer on ${table.rowCount} rows.`, 'transform');
    const transformer = DataTransformer.fit(table, plan, rng.fork(), hooks.transformer ?? {});
    const matrix = transformer.transform(table, rng.fork());
    await stage(`Building the TVAE networks (encoded width ${transformer.layout.width}).`, 'build');
    const nets = new TvaeNetworks(transformer.layout.width, o, rng.fork());
    this.disposeModel();
    this.trained = { transformer, nets, plan: plan.map((p) => ({ ...p })) };
    this.options = o;
    this.sampleRng = rng.fork();
    const trainRng = rng.fork();
    if (hooks.initialWeights) this.setWeights(hooks.initialWeights);
    const onEpochRecord = continueEpochs(this, hooks);
    try {
      const result = await runTvaeTraining(nets, matrix, transformer.layout.spans, trainRng, {
        ...hooks,
        onEpochRecord,
      });
      this.hostWeights = await nets.getWeights();
      return result;
    } catch (e) {
      if (this.trained?.nets === nets && (e as { code?: string }).code === 'cancelled') this.hostWeights = await nets.getWeights();
      throw e;
    }
  }

  private need(): Trained {
    if (!this.trained) throw new SynthtabError('bad-option', 'The synthesizer has not been trained or loaded yet.');
    return this.trained;
  }

  /** The hyper-parameters in use. */
  get trainOptions(): TvaeOptions {
    return resolveTvaeOptions(this.options);
  }

  /** Output column names (non-excluded, input order). */
  columns(): string[] {
    return this.need().transformer.columns.map((c) => c.name);
  }

  /** `n` encoded rows: decoder(z) through tanh, alphas perturbed by N(0, sigma). */
  private async generateEncoded(n: number, rng: Rng): Promise<Float32Array> {
    const { nets, transformer } = this.need();
    const { width, spans } = transformer.layout;
    const out = new Float32Array(n * width);
    const sigma = (await nets.sigma.data()) as Float32Array;
    for (let done = 0; done < n; done += SAMPLE_BATCH) {
      const k = Math.min(SAMPLE_BATCH, n - done);
      const t = tf.tidy(() => tf.tanh(nets.decode(tf.randomNormal([k, this.options.embeddingDim], 0, 1, 'float32', rng.seed32()) as tf.Tensor2D)));
      const values = (await t.data()) as Float32Array;
      t.dispose();
      out.set(values, done * width);
    }
    for (const s of spans) {
      if (s.activation !== 'tanh') continue;
      const sd = sigma[s.start]!;
      for (let r = 0; r < n; r++) out[r * width + s.start]! += sd * rng.normal();
    }
    return out;
  }

  private async generate(n: number, rng: Rng, opts: SampleOptions): Promise<Table> {
    const { transformer } = this.need();
    const data = await this.generateEncoded(n, rng);
    return transformer.inverse(data, n, rng, opts.fillers ? { fillers: opts.fillers } : {});
  }

  /** `n` synthetic rows; with a condition every row satisfies it (rejection, conditional.ts). */
  async sample(n: number, opts: SampleOptions = {}): Promise<Table> {
    const t = this.need();
    if (!Number.isInteger(n) || n < 0) throw new SynthtabError('bad-option', `The number of rows must be a whole number >= 0, got ${n}.`);
    const rng = opts.seed !== undefined ? createRng(opts.seed) : this.sampleRng;
    if (!opts.condition) return this.generate(n, rng, opts);
    const layout = t.transformer.layout;
    const categories = (name: string): string[] | null => {
      const idx = layout.columnNames?.indexOf(name) ?? -1;
      const d = layout.discrete.find((x) => x.column === idx);
      return d ? d.categories : null;
    };
    return sampleByRejection((k, r) => this.generate(k, r, opts), n, opts.condition, t.plan, categories, SAMPLE_BATCH, rng);
  }

  /** All weights (encoder, decoder, sigma) read back to the host. */
  async getWeights(): Promise<Float32Array[]> {
    return readWeightArrays(this.need().nets);
  }

  /** Overwrite all weights (same order and sizes as getWeights()). */
  setWeights(weights: readonly Float32Array[]): void {
    this.hostWeights = assignWeightArrays(this.need().nets, weights);
  }

  /** The model file (JSON-able): the weights as of the end of the last fit, load or setWeights. */
  toFile(): TvaeModelFile {
    const t = this.need();
    const weights = finishedWeights(this.hostWeights);
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      method: 'tvae',
      createdAt: new Date().toISOString(),
      options: this.trainOptions,
      plan: planToFile(t.plan),
      transformer: t.transformer.toJSON(),
      tvae: { epochs: this.epochsTrained, lossHistory: this.lossHistory.map((h) => ({ ...h })) },
      weights: weightsToFile(weights),
    };
  }

  toFileText(): string {
    return JSON.stringify(this.toFile());
  }

  /** Load a TVAE model file (object or JSON text); SynthtabError('bad-model-file') otherwise. */
  static fromFile(file: unknown): TvaeSynthesizer {
    let json = file;
    if (typeof file === 'string') {
      try {
        json = JSON.parse(file);
      } catch {
        throw new SynthtabError('bad-model-file', 'The model file is not valid JSON (is it truncated?).');
      }
    }
    const f = parseTvaeModelFile(json);
    const transformer = DataTransformer.fromJSON(f.transformer);
    const options = resolveTvaeOptions(f.options);
    const weights = weightsFromFile(f.weights);
    const nets = new TvaeNetworks(transformer.layout.width, options, createRng(options.seed));
    try {
      nets.setWeights(weights);
    } catch (e) {
      nets.dispose();
      throw e;
    }
    const s = new TvaeSynthesizer();
    s.trained = { transformer, nets, plan: f.plan.map((p) => ({ ...p })) };
    s.options = options;
    s.sampleRng = createRng(options.seed ^ 0x5a3c);
    s.hostWeights = weights;
    s.epochsTrained = f.tvae.epochs;
    s.lossHistory.push(...f.tvae.lossHistory);
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
