/**
 * The CTGAN model proper: generator, critic, output activation, conditional loss and the two Adam
 * optimizers, built for one EncodedLayout. Knows nothing about tables; `train-step.ts` drives it.
 *
 * Sampling uses a moving average of the generator's weights (`averaged`), not the last step's
 * weights: a deviation from the reference, measured in bench/README.md. On the 1,641-row Adult
 * sample the generator's outputs swing from epoch to epoch (every alpha of a column moves together
 * by up to ±0.5, i.e. whole columns shift: a quarter of the ages at the minimum at epoch 300), and
 * any single epoch's weights are a random point on that swing. The average (Yazici et al. 2019,
 * "The unusual effectiveness of averaging in GAN training") sits near its centre.
 */
import * as tf from '@tensorflow/tfjs';
import { SynthtabError } from '../core/errors.ts';
import { createRng, type Rng } from '../core/rng.ts';
import type { EncodedLayout } from '../core/transform/layout.ts';
import type { TrainOptions } from '../core/types.ts';
import { OutputActivation } from './activations.ts';
import { Critic } from './critic.ts';
import { Generator, type GeneratorMode } from './generator.ts';
import { CondLoss } from './losses.ts';
import type { NamedVariable } from './modules.ts';
import { assignWeights, readWeights } from './weights.ts';

/** Adam as in torch: betas (0.5, 0.9) (CTGAN-SPEC 1), eps 1e-8. Weight decay is added by train-step. */
export function ctganAdam(lr: number): tf.Optimizer {
  return tf.train.adam(lr, 0.5, 0.9, 1e-8);
}

/**
 * Default decay per generator step of the weight average; the effective decay is
 * min(decay, (1 + t) / (10 + t)) after t updates (TensorFlow's ExponentialMovingAverage with
 * num_updates), so early weights are forgotten fast.
 */
export const DEFAULT_GENERATOR_AVERAGE = 0.99;

/** A weight tensor read back to the host (snapshots, model files, backend fallback). */
export interface WeightSnapshot {
  name: string;
  shape: number[];
  values: Float32Array;
}

export class CtganNetworks {
  readonly generator: Generator;
  readonly critic: Critic;
  readonly activation: OutputActivation;
  readonly condLoss: CondLoss | null;
  readonly gOptimizer: tf.Optimizer;
  readonly dOptimizer: tf.Optimizer;
  /** The moving average of the generator's weights (BatchNorm running statistics included) that sampling uses; null when off. */
  readonly averaged: Generator | null;
  /** Decay per step of `averaged` (0 = off). */
  readonly averageDecay: number;
  private averageUpdates = 0;

  constructor(readonly layout: EncodedLayout, readonly options: TrainOptions, rng: Rng) {
    validateNetworkOptions(options);
    const rowDim = layout.width + layout.condWidth;
    this.generator = new Generator(options.embeddingDim + layout.condWidth, options.generatorDim, layout.width, rng.fork());
    this.critic = new Critic(rowDim, options.discriminatorDim, options.pac, rng.fork());
    this.activation = new OutputActivation(layout);
    this.condLoss = CondLoss.create(layout);
    this.gOptimizer = ctganAdam(options.generatorLr);
    this.dOptimizer = ctganAdam(options.discriminatorLr);
    this.averageDecay = options.generatorAverage ?? DEFAULT_GENERATOR_AVERAGE;
    // Built from its own Rng (its initial values are overwritten at once) so the seeded streams of
    // the generator and critic stay what they were without the average.
    this.averaged = this.averageDecay > 0 ? new Generator(this.generator.inputDim, options.generatorDim, layout.width, createRng(0)) : null;
    this.resetAverage();
  }

  /** Restart the average at the generator's current weights (after loading or setting weights). */
  resetAverage(): void {
    if (!this.averaged) return;
    const src = this.generator.namedVariables();
    const dst = this.averaged.namedVariables();
    tf.tidy(() => dst.forEach((d, i) => d.variable.assign(src[i]!.variable)));
    this.averageUpdates = 0;
  }

  /** One averaging step after a generator update: avg ← b·avg + (1 − b)·w, b = min(decay, (1 + t)/(10 + t)). */
  updateAverage(): void {
    if (!this.averaged) return;
    this.averageUpdates++;
    const t = this.averageUpdates;
    const b = Math.min(this.averageDecay, (1 + t) / (10 + t));
    const src = this.generator.namedVariables();
    const dst = this.averaged.namedVariables();
    tf.tidy(() => dst.forEach((d, i) => d.variable.assign(tf.add(tf.mul(d.variable, b), tf.mul(src[i]!.variable, 1 - b)))));
  }

  /** The generator that sampling uses: the average when on, else the trained one. */
  get samplingGenerator(): Generator {
    return this.averaged ?? this.generator;
  }

  /** Generator input [B, embedding + cond]: z ~ N(0, 1) seeded by `rng`, then the cond rows (if any). */
  noiseInput(batch: number, cond: tf.Tensor2D | null, rng: Rng): tf.Tensor2D {
    const z = tf.randomNormal([batch, this.options.embeddingDim], 0, 1, 'float32', rng.seed32()) as tf.Tensor2D;
    return cond ? tf.concat([z, cond], 1) : z;
  }

  /** Activated fake rows [B, width] from the sampling generator (no gradient bookkeeping; for sampling). */
  generate(batch: number, cond: tf.Tensor2D | null, rng: Rng, mode: GeneratorMode): tf.Tensor2D {
    const logits = this.samplingGenerator.apply(this.noiseInput(batch, cond, rng), mode);
    return this.activation.apply(logits, rng);
  }

  /** Every trained variable (generator first, then critic), with stable names. */
  namedVariables(): NamedVariable[] {
    return [...this.generator.namedVariables(), ...this.critic.namedVariables()];
  }

  /** Every variable, the average's included: what a divergence snapshot must restore (trainer.ts). */
  stateVariables(): tf.Variable[] {
    return [...this.namedVariables(), ...(this.averaged?.namedVariables() ?? [])].map((v) => v.variable);
  }

  /**
   * Read all weights back to the host, under namedVariables()' names: the generator's are the
   * SAMPLING generator's (the average when on), so model files and snapshots sample as this model does.
   */
  async getWeights(): Promise<WeightSnapshot[]> {
    const vars = [...this.samplingGenerator.namedVariables(), ...this.critic.namedVariables()];
    return readWeights(vars, this.namedVariables().map((v) => v.name));
  }

  /** Overwrite weights from snapshots; every variable must be present with its exact shape. */
  setWeights(weights: readonly WeightSnapshot[]): void {
    assignWeights(this.namedVariables(), weights);
    this.resetAverage();
  }

  dispose(): void {
    this.generator.dispose();
    this.averaged?.dispose();
    this.critic.dispose();
    this.activation.dispose();
    this.condLoss?.dispose();
    this.gOptimizer.dispose();
    this.dOptimizer.dispose();
  }
}

/** Clear errors for option values the networks cannot use. */
export function validateNetworkOptions(o: TrainOptions): void {
  const bad = (msg: string): never => {
    throw new SynthtabError('bad-option', msg);
  };
  if (!Number.isInteger(o.pac) || o.pac < 1) bad(`pac must be a positive integer, got ${o.pac}.`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < o.pac || o.batchSize % o.pac !== 0) {
    bad(`Batch size must be a positive multiple of pac (${o.pac}), got ${o.batchSize}.`);
  }
  if (!Number.isInteger(o.embeddingDim) || o.embeddingDim < 1) bad(`embeddingDim must be a positive integer, got ${o.embeddingDim}.`);
  for (const d of [...o.generatorDim, ...o.discriminatorDim]) if (!Number.isInteger(d) || d < 1) bad(`Layer sizes must be positive integers, got ${d}.`);
  for (const lr of [o.generatorLr, o.discriminatorLr]) if (!(lr > 0) || !Number.isFinite(lr)) bad(`Learning rates must be positive, got ${lr}.`);
  if (o.generatorAverage !== undefined && !(o.generatorAverage >= 0 && o.generatorAverage < 1)) bad(`generatorAverage must be in [0, 1), got ${o.generatorAverage}.`);
  if (!Number.isInteger(o.discriminatorSteps) || o.discriminatorSteps < 1) bad(`discriminatorSteps must be >= 1, got ${o.discriminatorSteps}.`);
  if (!Number.isInteger(o.epochs) || o.epochs < 1) bad(`Epochs must be a positive integer, got ${o.epochs}.`);
}
