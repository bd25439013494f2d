/**
 * The generator's output activation (CTGAN-SPEC 4.2): tanh on every continuous column's alpha
 * scalar, soft Gumbel-softmax (tau 0.2) on every one-hot span (discrete columns AND continuous
 * columns' mode indicators). No straight-through "hard" variant anywhere.
 *
 * Batched for the GPU: instead of one softmax per span (15 small dispatches on Adult), the spans are
 * gathered into a padded [B, nSpans, maxWidth] block (padding = −1e9 logits, which get probability
 * 0), soft-maxed in one op and gathered back. Deviation: the reference retries the Gumbel draw up
 * to 10 times when a NaN appears; here uniform noise is clipped away from 0 and 1, so the draw is
 * always finite, and a NaN can only come from NaN logits (caught by the trainer's divergence check).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.ts';
import type { EncodedLayout } from '../core/transform/layout.ts';

/** The Gumbel-softmax temperature of the reference. */
export const GUMBEL_TAU = 0.2;

const PAD_LOGIT = -1e9;

/** Precomputed index tables for one layout; owns a few small constant tensors. */
export class OutputActivation {
  private readonly width: number;
  private readonly spanCount: number;
  private readonly maxWidth: number;
  private readonly tanhMask: tf.Tensor2D | null;
  private readonly softMask: tf.Tensor2D | null;
  private readonly gatherIdx: tf.Tensor1D | null;
  private readonly scatterIdx: tf.Tensor1D | null;

  constructor(layout: EncodedLayout, readonly tau = GUMBEL_TAU) {
    this.width = layout.width;
    const soft = layout.spans.filter((s) => s.activation === 'softmax');
    this.spanCount = soft.length;
    this.maxWidth = soft.reduce((m, s) => Math.max(m, s.width), 0);
    const tanh = new Float32Array(this.width);
    for (const s of layout.spans) if (s.activation === 'tanh') for (let j = 0; j < s.width; j++) tanh[s.start + j] = 1;
    const hasTanh = tanh.some((v) => v === 1);
    this.tanhMask = hasTanh ? tf.tensor2d(tanh, [1, this.width]) : null;
    this.softMask = hasTanh && this.spanCount > 0 ? tf.tensor2d(tanh.map((v) => 1 - v), [1, this.width]) : null;
    if (this.spanCount > 0) {
      // gather: padded slot (span k, position j) <- column start_k + j, or the pad column (index `width`).
      const gather = new Int32Array(this.spanCount * this.maxWidth).fill(this.width);
      const scatter = new Int32Array(this.width); // tanh columns point at slot 0 and are masked out
      soft.forEach((s, k) => {
        for (let j = 0; j < s.width; j++) {
          gather[k * this.maxWidth + j] = s.start + j;
          scatter[s.start + j] = k * this.maxWidth + j;
        }
      });
      this.gatherIdx = tf.tensor1d(gather, 'int32');
      this.scatterIdx = tf.tensor1d(scatter, 'int32');
    } else {
      this.gatherIdx = null;
      this.scatterIdx = null;
    }
  }

  /** Activated rows [B, width] from raw logits [B, width]; `rng` seeds the Gumbel noise. */
  apply(logits: tf.Tensor2D, rng: Rng): tf.Tensor2D {
    if (!this.gatherIdx || !this.scatterIdx) return tf.tanh(logits);
    const b = logits.shape[0];
    // Gumbel(0,1) = −log(−log U), U clipped away from 0 and 1 so the noise is always finite.
    const u = tf.clipByValue(tf.randomUniform([b, this.width], 0, 1, 'float32', rng.seed32()), 1e-7, 1 - 1e-7);
    const gumbel = tf.neg(tf.log(tf.neg(tf.log(u))));
    const v = tf.div(tf.add(logits, gumbel), this.tau);
    const ext = tf.concat([v, tf.fill([b, 1], PAD_LOGIT)], 1);
    const padded = tf.reshape(tf.gather(ext, this.gatherIdx, 1), [b, this.spanCount, this.maxWidth]);
    const soft = tf.reshape(tf.softmax(padded, -1), [b, this.spanCount * this.maxWidth]);
    const back = tf.gather(soft, this.scatterIdx, 1) as tf.Tensor2D;
    if (!this.tanhMask || !this.softMask) return back;
    return tf.add(tf.mul(tf.tanh(logits), this.tanhMask), tf.mul(back, this.softMask));
  }

  dispose(): void {
    for (const t of [this.tanhMask, this.softMask, this.gatherIdx, this.scatterIdx]) t?.dispose();
  }
}
