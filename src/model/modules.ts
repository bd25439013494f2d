/**
 * Small parameter-owning building blocks (Dense, BatchNorm) for the generator and critic.
 * Every tf.Variable is owned by exactly one module, listed under a stable dotted name (used by the
 * model file and snapshots), and released by `dispose()`.
 *
 * Initialisation follows torch's nn.Linear default (CTGAN-SPEC 4.1): weight and bias both
 * U(−1/√fan_in, 1/√fan_in), drawn with TF.js random ops seeded from the caller's Rng, so a seed
 * fixes the initial network on every backend (TF.js generates seeded random values in JS).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.ts';

/** A named variable; `trainable` false for BatchNorm running statistics. */
export interface NamedVariable {
  name: string;
  variable: tf.Variable;
  trainable: boolean;
}

/** Base class: owns named variables, disposes them. */
export abstract class Module {
  protected readonly params: NamedVariable[] = [];

  protected add(name: string, initial: tf.Tensor, trainable = true): tf.Variable {
    // No name passed to tf.variable: TF.js names are global per realm and would clash between models.
    const variable = tf.variable(initial, trainable);
    initial.dispose();
    this.params.push({ name, variable, trainable });
    return variable;
  }

  /** All variables (trainable and running statistics), in a stable order. */
  namedVariables(): NamedVariable[] {
    return [...this.params];
  }

  /** Variables the optimizer updates. */
  trainableVariables(): tf.Variable[] {
    return this.params.filter((p) => p.trainable).map((p) => p.variable);
  }

  dispose(): void {
    for (const p of this.params) p.variable.dispose();
    this.params.length = 0;
  }
}

/** y = x·W + b with torch-style uniform initialisation. */
export class Dense extends Module {
  readonly w: tf.Variable;
  readonly b: tf.Variable;

  constructor(name: string, readonly inputs: number, readonly outputs: number, rng: Rng) {
    super();
    const bound = 1 / Math.sqrt(inputs);
    this.w = this.add(`${name}.w`, tf.randomUniform([inputs, outputs], -bound, bound, 'float32', rng.seed32()));
    this.b = this.add(`${name}.b`, tf.randomUniform([outputs], -bound, bound, 'float32', rng.seed32()));
  }

  apply(x: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.matMul(x, this.w as tf.Tensor2D), this.b) as tf.Tensor2D;
  }
}

/** BatchNorm1d with torch defaults: eps 1e-5, momentum 0.1, affine (gamma 1, beta 0). */
export class BatchNorm extends Module {
  readonly gamma: tf.Variable;
  readonly beta: tf.Variable;
  readonly runningMean: tf.Variable;
  readonly runningVar: tf.Variable;

  constructor(name: string, readonly features: number, readonly eps = 1e-5, readonly momentum = 0.1) {
    super();
    this.gamma = this.add(`${name}.gamma`, tf.ones([features]));
    this.beta = this.add(`${name}.beta`, tf.zeros([features]));
    this.runningMean = this.add(`${name}.runningMean`, tf.zeros([features]), false);
    this.runningVar = this.add(`${name}.runningVar`, tf.ones([features]), false);
  }

  /**
   * Normalise with the batch's statistics (`mode` 'batch', training and the reference's sampling)
   * or the running statistics ('running', textbook eval mode). With `updateStats`, the running
   * statistics move towards the batch's (torch uses the unbiased batch variance there).
   */
  apply(x: tf.Tensor2D, mode: 'batch' | 'running', updateStats: boolean): tf.Tensor2D {
    let mean: tf.Tensor;
    let variance: tf.Tensor;
    if (mode === 'batch') {
      const m = tf.moments(x, 0);
      mean = m.mean;
      variance = m.variance;
      if (updateStats) {
        const n = x.shape[0];
        const unbiased = n > 1 ? tf.mul(variance, n / (n - 1)) : variance;
        const k = this.momentum;
        this.runningMean.assign(tf.add(tf.mul(this.runningMean, 1 - k), tf.mul(mean, k)));
        this.runningVar.assign(tf.add(tf.mul(this.runningVar, 1 - k), tf.mul(unbiased, k)));
      }
    } else {
      mean = this.runningMean;
      variance = this.runningVar;
    }
    // Explicit scale and offset: tf.batchNorm without them fails even at first order (TFJS-NOTES Q1).
    return tf.batchNorm(x, mean, variance, this.beta, this.gamma, this.eps) as tf.Tensor2D;
  }
}
