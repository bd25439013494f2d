/**
 * CTGAN's losses (CTGAN-SPEC 5): the WGAN-GP critic loss with the penalty on packed interpolates,
 * and the generator's conditional cross-entropy on raw logits. Only second-order-safe ops appear
 * on the penalty's path (second-order.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.ts';
import type { EncodedLayout } from '../core/transform/layout.ts';
import type { Critic } from './critic.ts';

/** Gradient-penalty weight of the reference (lambda). */
export const GP_LAMBDA = 10;

/** Wasserstein critic loss mean(D(fake)) − mean(D(real)) (the reference's loss_d, without the penalty). */
export function criticLoss(yReal: tf.Tensor, yFake: tf.Tensor): tf.Scalar {
  return tf.sub(tf.mean(yFake), tf.mean(yReal)) as tf.Scalar;
}

/**
 * λ·mean((‖∇x D(x̂)‖₂ − 1)²) with x̂ = α·real + (1−α)·fake on PACKED rows [P, pac·d], one α per pack
 * (`alpha` [P, 1]); the gradient norm is taken per pack. The D forward inside applies dropout
 * (seeded by `rng`; null = no dropout, for tests). Differentiable w.r.t. the critic's weights
 * (second order) when called inside tf.variableGrads.
 */
export function gradientPenalty(
  critic: Critic, realPacked: tf.Tensor2D, fakePacked: tf.Tensor2D, alpha: tf.Tensor2D, rng: Rng | null, lambda = GP_LAMBDA,
): tf.Scalar {
  const interp = tf.add(tf.mul(alpha, realPacked), tf.mul(tf.sub(1, alpha), fakePacked)) as tf.Tensor2D;
  const grad = tf.grad((x: tf.Tensor) => tf.sum(critic.applyPacked(x as tf.Tensor2D, rng)))(interp);
  // sqrt(Σg²) rather than tf.norm, with a tiny floor so the gradient at g = 0 stays finite.
  const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), 1), 1e-12));
  return tf.mul(tf.mean(tf.square(tf.sub(norm, 1))), lambda) as tf.Scalar;
}

/** Constant tensors for the conditional loss of one layout (null when there are no discrete columns). */
export class CondLoss {
  /** [width, condWidth] 0/1: encoded column -> conditional-vector position (a matMul, not tf.gather,
   * whose gradient needs UnsortedSegmentSum, missing on wasm). */
  private readonly select: tf.Tensor2D;
  /** [nDiscrete, condWidth]: 1 where a cond position belongs to discrete column d. */
  private readonly membership: tf.Tensor2D;

  private constructor(select: tf.Tensor2D, membership: tf.Tensor2D) {
    this.select = select;
    this.membership = membership;
  }

  static create(layout: EncodedLayout): CondLoss | null {
    const nd = layout.discrete.length;
    if (nd === 0 || layout.condWidth === 0) return null;
    const sel = new Float32Array(layout.width * layout.condWidth);
    const mem = new Float32Array(nd * layout.condWidth);
    layout.discrete.forEach((d, k) => {
      for (let j = 0; j < d.width; j++) {
        sel[(d.start + j) * layout.condWidth + d.condStart + j] = 1;
        mem[k * layout.condWidth + d.condStart + j] = 1;
      }
    });
    return new CondLoss(tf.tensor2d(sel, [layout.width, layout.condWidth]), tf.tensor2d(mem, [nd, layout.condWidth]));
  }

  /**
   * Σ_rows Σ_d mask[i,d] · CE(logits of span d, argmax cond block d) / B, computed in one pass:
   * every row's conditioned span is selected through mask·membership, the others get −1e9 logits
   * before the log-sum-exp. `cond` [B, condWidth] one-hot, `mask` [B, nDiscrete] one-hot.
   */
  apply(rawLogits: tf.Tensor2D, cond: tf.Tensor2D, mask: tf.Tensor2D): tf.Scalar {
    const b = rawLogits.shape[0];
    const logits = tf.matMul(rawLogits, this.select);
    const inSpan = tf.matMul(mask, this.membership);
    const masked = tf.add(logits, tf.mul(tf.sub(1, inSpan), -1e9));
    const lse = tf.logSumExp(masked, 1);
    const picked = tf.sum(tf.mul(cond, logits), 1);
    const active = tf.sum(mask, 1); // 1 for a conditioned row, 0 otherwise
    return tf.div(tf.sum(tf.mul(tf.sub(lse, picked), active)), b) as tf.Scalar;
  }

  dispose(): void {
    this.select.dispose();
    this.membership.dispose();
  }
}
