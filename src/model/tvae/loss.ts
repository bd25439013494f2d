/**
 * The TVAE loss (CTGAN-SPEC 8, the reference's loss_function):
 *   loss = lossFactor · Σ_rows [ Σ_alpha ((x_a − tanh(x̂_a))² / (2σ_a²) + log σ_a)
 *                                + Σ_softmax-spans CE(x̂ span logits, argmax x span) ] / B
 *        + KL(q(z|x) ‖ N(0, I)) / B,   KL = −½ Σ (1 + logvar − mu² − exp(logvar)).
 * Mode-indicator spans of continuous columns count as softmax spans. Only first-order gradients
 * are needed, so exp/tanh are safe here (TFJS-NOTES Q1 concerns second order).
 */
import * as tf from '@tensorflow/tfjs';
import type { OutputSpan } from '../../core/transform/layout.ts';

/** Constant selection tensors for one layout: alpha dims picked by a matMul (no tf.gather gradient). */
export class TvaeLossTerms {
  private constructor(
    /** [width, nAlpha] 0/1, null without continuous columns. */
    private readonly alphaSelect: tf.Tensor2D | null,
    private readonly softmaxSpans: readonly OutputSpan[],
    readonly lossFactor: number,
  ) {}

  static create(width: number, spans: readonly OutputSpan[], lossFactor: number): TvaeLossTerms {
    const alpha = spans.filter((s) => s.activation === 'tanh');
    let select: tf.Tensor2D | null = null;
    if (alpha.length > 0) {
      const sel = new Float32Array(width * alpha.length);
      alpha.forEach((s, k) => {
        sel[s.start * alpha.length + k] = 1;
      });
      select = tf.tensor2d(sel, [width, alpha.length]);
    }
    return new TvaeLossTerms(select, spans.filter((s) => s.activation === 'softmax'), lossFactor);
  }

  /**
   * Reconstruction summed over the batch (not yet divided by B): x [B, width] encoded rows,
   * rec [B, width] raw decoder output, sigma [width].
   */
  reconstruction(x: tf.Tensor2D, rec: tf.Tensor2D, sigma: tf.Tensor1D): tf.Scalar {
    const b = x.shape[0];
    const parts: tf.Scalar[] = [];
    if (this.alphaSelect) {
      const xa = tf.matMul(x, this.alphaSelect);
      const ra = tf.tanh(tf.matMul(rec, this.alphaSelect));
      const sa = tf.matMul(tf.reshape(sigma, [1, -1]), this.alphaSelect); // [1, nAlpha]
      const sq = tf.div(tf.square(tf.sub(xa, ra)), tf.mul(tf.square(sa), 2));
      parts.push(tf.sum(sq), tf.mul(tf.sum(tf.log(sa)), b));
    }
    for (const s of this.softmaxSpans) {
      const logits = tf.slice(rec, [0, s.start], [b, s.width]);
      const target = tf.slice(x, [0, s.start], [b, s.width]);
      // Σ_rows (logsumexp(logits) − logit of the target category): target rows are one-hot.
      parts.push(tf.sub(tf.sum(tf.logSumExp(logits, 1)), tf.sum(tf.mul(target, logits))));
    }
    return (parts.length > 0 ? tf.addN(parts) : tf.scalar(0)) as tf.Scalar;
  }

  /** KL(N(mu, exp(logvar)) ‖ N(0, I)) summed over the batch. */
  static kl(mu: tf.Tensor2D, logvar: tf.Tensor2D): tf.Scalar {
    return tf.mul(tf.sum(tf.sub(tf.sub(tf.add(logvar, 1), tf.square(mu)), tf.exp(logvar))), -0.5) as tf.Scalar;
  }

  /** { total, reconstruction, kl } per the file comment; total = lossFactor·rec/B + kl/B. */
  loss(x: tf.Tensor2D, rec: tf.Tensor2D, sigma: tf.Tensor1D, mu: tf.Tensor2D, logvar: tf.Tensor2D): { total: tf.Scalar; reconstruction: tf.Scalar; kl: tf.Scalar } {
    const b = x.shape[0];
    const reconstruction = tf.div(tf.mul(this.reconstruction(x, rec, sigma), this.lossFactor), b) as tf.Scalar;
    const kl = tf.div(TvaeLossTerms.kl(mu, logvar), b) as tf.Scalar;
    return { total: tf.add(reconstruction, kl) as tf.Scalar, reconstruction, kl };
  }

  dispose(): void {
    this.alphaSelect?.dispose();
  }
}
