/**
 * The generator's output activation (CTGAN-SPEC 4.2): tanh on every continuous column's alpha
 * scalar, soft Gumbel-softmax (tau 0.2) on every one-hot span (discrete columns AND continuous
 * columns' mode indicators). No straight-through "hard" variant anywhere.
 *
 * Batched for the GPU: instead of one softmax per span (15 small dispatches on Adult), the spans are
 * moved into a padded [B, nSpans, maxWidth] block by a 0/1 matMul (padding = −1e9 logits, which get
 * probability 0), soft-maxed in one op and moved back by the transposed selection. Deviation: the reference retries the Gumbel draw up
 * to 10 times when a NaN appears; here uniform noise is clipped away from 0 and 1, so the draw is
 * always finite, and a NaN can only come from NaN logits (caught by the trainer's divergence check).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.ts';
import type { EncodedLayout } from '../core/transform/layout.ts';

/** The Gumbel-softmax temperature of the reference. */
export const GUMBEL_TAU = 0.2;

const PAD_LOGIT = -1e9;

/** Precomputed selection matrices for one layout; owns a few constant tensors. */
export class OutputActivation {
  private readonly width: number;
  private readonly spanCount: number;
  private readonly maxWidth: number;
  private readonly tanhMask: tf.Tensor2D | null;
  private readonly softMask: tf.Tensor2D | null;
  /** [width, nSpans·maxWidth] 0/1: column start_k + j -> padded slot (k, j). */
  private readonly toPadded: tf.Tensor2D | null;
  /** [1, nSpans·maxWidth]: PAD_LOGIT on padding slots, 0 elsewhere. */
  private readonly padBias: tf.Tensor2D | null;
  /** [nSpans·maxWidth, width] 0/1: the inverse of toPadded. */
  private readonly fromPadded: tf.Tensor2D | null;

  /** Per-span slices instead of selection matMuls (cheaper where matMul is slow: the cpu backend). */
  private readonly slices: { start: number; width: number; soft: boolean }[] | null;

  /**
   * @param mode 'matmul' (few large ops: GPUs, wasm) or 'slices' (one softmax per span; the cpu
   * backend, where the selection matMuls dominate the step). Default: by the active backend.
   */
  constructor(layout: EncodedLayout, readonly tau = GUMBEL_TAU, mode: 'matmul' | 'slices' = tf.getBackend() === 'cpu' ? 'slices' : 'matmul') {
    this.width = layout.width;
    const sorted = [...layout.spans].sort((a, b) => a.start - b.start);
    // Slices need spans that tile the row exactly; otherwise use the selection matMuls.
    const tiles = sorted.every((s, i) => s.start === (i === 0 ? 0 : sorted[i - 1]!.start + sorted[i - 1]!.width)) && sorted.reduce((w, s) => w + s.width, 0) === layout.width;
    this.slices = mode === 'slices' && tiles ? sorted.map((s) => ({ start: s.start, width: s.width, soft: s.activation === 'softmax' })) : null;
    const soft = layout.spans.filter((s) => s.activation === 'softmax');
    this.spanCount = soft.length;
    this.maxWidth = soft.reduce((m, s) => Math.max(m, s.width), 0);
    const tanh = new Float32Array(this.width);
    for (const s of layout.spans) if (s.activation === 'tanh') for (let j = 0; j < s.width; j++) tanh[s.start + j] = 1;
    const hasTanh = tanh.some((v) => v === 1);
    this.tanhMask = hasTanh ? tf.tensor2d(tanh, [1, this.width]) : null;
    this.softMask = hasTanh && this.spanCount > 0 ? tf.tensor2d(tanh.map((v) => 1 - v), [1, this.width]) : null;
    if (this.spanCount > 0) {
      // Selection by matMul with constant 0/1 matrices (exact in float32) rather than tf.gather:
      // gather's gradient needs UnsortedSegmentSum, which the wasm backend lacks.
      const slots = this.spanCount * this.maxWidth;
      const to = new Float32Array(this.width * slots);
      const from = new Float32Array(slots * this.width);
      const bias = new Float32Array(slots).fill(PAD_LOGIT);
      soft.forEach((s, k) => {
        for (let j = 0; j < s.width; j++) {
          const slot = k * this.maxWidth + j;
          to[(s.start + j) * slots + slot] = 1;
          from[slot * this.width + s.start + j] = 1;
          bias[slot] = 0;
        }
      });
      this.toPadded = tf.tensor2d(to, [this.width, slots]);
      this.fromPadded = tf.tensor2d(from, [slots, this.width]);
      this.padBias = tf.tensor2d(bias, [1, slots]);
    } else {
      this.toPadded = null;
      this.fromPadded = null;
      this.padBias = null;
    }
  }

  /** Activated rows [B, width] from raw logits [B, width]; `rng` seeds the Gumbel noise. */
  apply(logits: tf.Tensor2D, rng: Rng): tf.Tensor2D {
    if (!this.toPadded || !this.fromPadded || !this.padBias) return tf.tanh(logits);
    const b = logits.shape[0];
    // Gumbel(0,1) = −log(−log U), U clipped away from 0 and 1 so the noise is always finite.
    const u = tf.clipByValue(tf.randomUniform([b, this.width], 0, 1, 'float32', rng.seed32()), 1e-7, 1 - 1e-7);
    const gumbel = tf.neg(tf.log(tf.neg(tf.log(u))));
    const v = tf.div(tf.add(logits, gumbel), this.tau) as tf.Tensor2D;
    if (this.slices) {
      const parts = this.slices.map((s) =>
        s.soft ? tf.softmax(tf.slice(v, [0, s.start], [b, s.width]), -1) : tf.tanh(tf.slice(logits, [0, s.start], [b, s.width])),
      );
      return tf.concat(parts, 1) as tf.Tensor2D;
    }
    const padded = tf.reshape(tf.add(tf.matMul(v, this.toPadded), this.padBias), [b, this.spanCount, this.maxWidth]);
    const soft = tf.reshape(tf.softmax(padded, -1), [b, this.spanCount * this.maxWidth]) as tf.Tensor2D;
    const back: tf.Tensor2D = tf.matMul(soft, this.fromPadded);
    if (!this.tanhMask || !this.softMask) return back;
    return tf.add(tf.mul(tf.tanh(logits), this.tanhMask), tf.mul(back, this.softMask)) as tf.Tensor2D;
  }

  dispose(): void {
    for (const t of [this.tanhMask, this.softMask, this.toPadded, this.fromPadded, this.padBias]) t?.dispose();
  }
}
