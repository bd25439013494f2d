/**
 * The PacGAN critic (CTGAN-SPEC 4.3). Rows are `concat(row, cond)`; `pac` consecutive rows are
 * packed into one input of width pac·d (a row-major reshape). Each hidden layer is Linear ->
 * LeakyReLU(0.2) -> Dropout(0.5); then Linear -> 1, no sigmoid (a Wasserstein critic).
 *
 * Dropout is active in every forward pass during training, the gradient-penalty forward included
 * (the reference never puts D in eval mode). Everything here is on the second-order-safe op list:
 * LeakyReLU is 0.2x + 0.8relu(x) (second-order.ts), dropout is a multiply by a seeded mask.
 */
import * as tf from '@tensorflow/tfjs';
import { SynthtabError } from '../core/errors.ts';
import type { Rng } from '../core/rng.ts';
import { Dense, type NamedVariable } from './modules.ts';
import { leakyRelu } from './second-order.ts';

export class Critic {
  private readonly layers: Dense[] = [];
  private readonly out: Dense;
  /** Width of one packed input (pac · rowDim). */
  readonly packedDim: number;

  /**
   * @param rowDim data width + conditional width of ONE row
   * @param hidden hidden sizes, e.g. [256, 256]
   * @param pac rows per pack (10 in the reference)
   * @param dropout dropout probability (0.5 in the reference)
   */
  constructor(readonly rowDim: number, hidden: readonly number[], readonly pac: number, rng: Rng, readonly dropout = 0.5) {
    this.packedDim = rowDim * pac;
    let width = this.packedDim;
    hidden.forEach((o, i) => {
      this.layers.push(new Dense(`d.fc${i}`, width, o, rng));
      width = o;
    });
    this.out = new Dense('d.out', width, 1, rng);
  }

  /** Pack [B, rowDim] into [B/pac, pac·rowDim] (consecutive rows share a pack). */
  pack(x: tf.Tensor2D): tf.Tensor2D {
    const b = x.shape[0];
    if (b % this.pac !== 0) throw new SynthtabError('bad-option', `Batch of ${b} rows is not a multiple of pac ${this.pac}.`);
    return tf.reshape(x, [b / this.pac, this.packedDim]);
  }

  /**
   * Critic scores [P, 1] for packed input [P, pac·rowDim]. `rng` seeds the dropout masks (one fresh
   * mask per layer per call); pass null for a deterministic, dropout-free forward (tests only).
   */
  applyPacked(packed: tf.Tensor2D, rng: Rng | null): tf.Tensor2D {
    let h = packed;
    for (const layer of this.layers) {
      h = leakyRelu(layer.apply(h)) as tf.Tensor2D;
      if (rng && this.dropout > 0) h = tf.dropout(h, this.dropout, undefined, rng.seed32()) as tf.Tensor2D;
    }
    return this.out.apply(h);
  }

  namedVariables(): NamedVariable[] {
    return [...this.layers, this.out].flatMap((m) => m.namedVariables());
  }

  trainableVariables(): tf.Variable[] {
    return [...this.layers, this.out].flatMap((m) => m.trainableVariables());
  }

  dispose(): void {
    for (const m of [...this.layers, this.out]) m.dispose();
  }
}
