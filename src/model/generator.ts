/**
 * CTGAN's residual-MLP generator (CTGAN-SPEC 4.1). Input h0 = concat(z, cond). Each hidden size o
 * adds a Residual block u = ReLU(BatchNorm(Linear(h))) whose output is concat(u, h), so the width
 * grows i -> i + o. A final Linear maps to the encoded width and returns raw logits; activations
 * (tanh / Gumbel-softmax) are applied outside (activations.ts) because the conditional loss needs
 * the raw logits.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.ts';
import { BatchNorm, Dense, type NamedVariable } from './modules.ts';

/** How BatchNorm normalises in a forward pass. */
export interface GeneratorMode {
  /** 'batch' statistics (training; the reference also samples this way) or 'running' (eval mode). */
  bn: 'batch' | 'running';
  /** Move the running statistics (every train-mode forward does, as in torch). */
  updateStats: boolean;
}

export class Generator {
  private readonly fcs: Dense[] = [];
  private readonly bns: BatchNorm[] = [];
  private readonly out: Dense;

  /**
   * @param inputDim embedding (noise) size + conditional-vector width
   * @param hidden residual block sizes, e.g. [256, 256]
   * @param dataDim encoded row width
   */
  constructor(readonly inputDim: number, hidden: readonly number[], readonly dataDim: number, rng: Rng) {
    let width = inputDim;
    hidden.forEach((o, i) => {
      this.fcs.push(new Dense(`g.res${i}.fc`, width, o, rng));
      this.bns.push(new BatchNorm(`g.res${i}.bn`, o));
      width += o;
    });
    this.out = new Dense('g.out', width, dataDim, rng);
  }

  /** Raw logits [B, dataDim] for input [B, inputDim]. */
  apply(input: tf.Tensor2D, mode: GeneratorMode): tf.Tensor2D {
    let h = input;
    for (let i = 0; i < this.fcs.length; i++) {
      const u = tf.relu(this.bns[i]!.apply(this.fcs[i]!.apply(h), mode.bn, mode.updateStats));
      h = tf.concat([u, h], 1);
    }
    return this.out.apply(h);
  }

  namedVariables(): NamedVariable[] {
    return [...this.fcs, ...this.bns, this.out].flatMap((m) => m.namedVariables());
  }

  trainableVariables(): tf.Variable[] {
    return [...this.fcs, ...this.bns, this.out].flatMap((m) => m.trainableVariables());
  }

  dispose(): void {
    for (const m of [...this.fcs, ...this.bns, this.out]) m.dispose();
  }
}
