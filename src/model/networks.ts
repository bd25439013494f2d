/**
 * The CTGAN model proper: generator, critic, output activation, conditional loss and the two Adam
 * optimizers, built for one EncodedLayout. Knows nothing about tables; `train-step.ts` drives it.
 */
import * as tf from '@tensorflow/tfjs';
import { SynthtabError } from '../core/errors.ts';
import type { Rng } from '../core/rng.ts';
import type { EncodedLayout } from '../core/transform/layout.ts';
import type { TrainOptions } from '../core/types.ts';
import { OutputActivation } from './activations.ts';
import { Critic } from './critic.ts';
import { Generator, type GeneratorMode } from './generator.ts';
import { CondLoss } from './losses.ts';
import type { NamedVariable } from './modules.ts';

/** Adam as in torch: betas (0.5, 0.9) (CTGAN-SPEC 1), eps 1e-8. Weight decay is added by train-step. */
export function ctganAdam(lr: number): tf.Optimizer {
  return tf.train.adam(lr, 0.5, 0.9, 1e-8);
}

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

  constructor(readonly layout: EncodedLayout, readonly options: TrainOptions, rng: Rng) {
    validateNetworkOptions(options);
    const rowDim = layout.width + layout.condWidth;
    this.generator = new Generator(options.embeddingDim + layout.condWidth, options.generatorDim, layout.width, rng.fork());
    this.critic = new Critic(rowDim, options.discriminatorDim, options.pac, rng.fork());
    this.activation = new OutputActivation(layout);
    this.condLoss = CondLoss.create(layout);
    this.gOptimizer = ctganAdam(options.generatorLr);
    this.dOptimizer = ctganAdam(options.discriminatorLr);
  }

  /** Generator input [B, embedding + cond]: z ~ N(0, 1) seeded by `rng`, then the cond rows (if any). */
  noiseInput(batch: number, cond: tf.Tensor2D | null, rng: Rng): tf.Tensor2D {
    const z = tf.randomNormal([batch, this.options.embeddingDim], 0, 1, 'float32', rng.seed32()) as tf.Tensor2D;
    return cond ? tf.concat([z, cond], 1) : z;
  }

  /** Activated fake rows [B, width] (no gradient bookkeeping; for sampling). */
  generate(batch: number, cond: tf.Tensor2D | null, rng: Rng, mode: GeneratorMode): tf.Tensor2D {
    const logits = this.generator.apply(this.noiseInput(batch, cond, rng), mode);
    return this.activation.apply(logits, rng);
  }

  /** Every variable (generator first, then critic), with stable names. */
  namedVariables(): NamedVariable[] {
    return [...this.generator.namedVariables(), ...this.critic.namedVariables()];
  }

  /** Read all weights back to the host. */
  async getWeights(): Promise<WeightSnapshot[]> {
    const vars = this.namedVariables();
    const values = await Promise.all(vars.map((v) => v.variable.data() as Promise<Float32Array>));
    return vars.map((v, i) => ({ name: v.name, shape: [...v.variable.shape], values: Float32Array.from(values[i]!) }));
  }

  /** Overwrite weights from snapshots; every variable must be present with its exact shape. */
  setWeights(weights: readonly WeightSnapshot[]): void {
    const byName = new Map(weights.map((w) => [w.name, w]));
    const vars = this.namedVariables();
    for (const v of vars) {
      const w = byName.get(v.name);
      if (!w) throw new SynthtabError('bad-model-file', `The model weights lack '${v.name}'.`);
      const shape = v.variable.shape;
      if (w.shape.length !== shape.length || w.shape.some((d, i) => d !== shape[i]) || w.values.length !== v.variable.size) {
        throw new SynthtabError('bad-model-file', `Weight '${v.name}' has shape [${w.shape.join(', ')}], expected [${shape.join(', ')}].`);
      }
    }
    tf.tidy(() => {
      for (const v of vars) v.variable.assign(tf.tensor(byName.get(v.name)!.values, [...v.variable.shape]));
    });
  }

  dispose(): void {
    this.generator.dispose();
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
  if (!Number.isInteger(o.discriminatorSteps) || o.discriminatorSteps < 1) bad(`discriminatorSteps must be >= 1, got ${o.discriminatorSteps}.`);
  if (!Number.isInteger(o.epochs) || o.epochs < 1) bad(`Epochs must be a positive integer, got ${o.epochs}.`);
}
