/**
 * Second-order-gradient safety for WGAN-GP (the penalty differentiates through ∂D/∂x).
 *
 * TF.js 4.22 facts (shared/TFJS-NOTES.md Q1/Q3): `tf.leakyRelu` (and maximum/minimum/prelu/...)
 * throws at second order ("gradient function not found for Greater"), and tanh/sigmoid/exp/softmax
 * give silently WRONG second-order gradients (their gradients read the saved output, which the tape
 * never links back to the input). The critic therefore uses only ops on the safe list: matMul,
 * add/mul, relu, reshape, sum, sqrt, dropout. `leakyRelu` below is written as 0.2x + 0.8relu(x),
 * which is exact and needs no gradient registration.
 *
 * `registerSecondOrderFixes` additionally repairs the broken gradients globally (zero gradients for
 * comparison ops; tanh/sigmoid/exp/softmax re-derived from the saved input). The critic does not
 * need it; call it if you ever put another activation into the critic. The registry is per JS realm,
 * so a worker must call it itself.
 */
import * as tf from '@tensorflow/tfjs';

/** LeakyReLU with slope `alpha` as alpha·x + (1−alpha)·relu(x): exact, and safe at second order. */
export function leakyRelu(x: tf.Tensor, alpha = 0.2): tf.Tensor {
  return tf.add(tf.mul(x, alpha), tf.mul(tf.relu(x), 1 - alpha));
}

const BINARY_COMPARISONS = ['Greater', 'GreaterEqual', 'Less', 'LessEqual', 'Equal', 'NotEqual', 'LogicalAnd', 'LogicalOr'] as const;
const UNARY_PREDICATES = ['LogicalNot', 'IsNan', 'IsInf', 'IsFinite'] as const;

let registered = false;

/**
 * Register gradients that make tanh/sigmoid/exp/softmax second-order correct and give comparison
 * kernels a zero gradient (so leakyRelu/maximum/minimum differentiate twice). Idempotent.
 */
export function registerSecondOrderFixes(): void {
  if (registered) return;
  registered = true;
  for (const kernelName of BINARY_COMPARISONS) {
    tf.registerGradient({
      kernelName,
      inputsToSave: ['a', 'b'],
      gradFunc: (_dy, saved) => ({ a: () => tf.zerosLike(saved[0]!).toFloat(), b: () => tf.zerosLike(saved[1]!).toFloat() }),
    });
  }
  for (const kernelName of UNARY_PREDICATES) {
    tf.registerGradient({ kernelName, inputsToSave: ['x'], gradFunc: (_dy, saved) => ({ x: () => tf.zerosLike(saved[0]!).toFloat() }) });
  }
  // Re-derive from the saved INPUT so the gradient stays connected to x on the tape.
  tf.registerGradient({
    kernelName: 'Tanh',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => ({ x: () => tf.mul(dy as tf.Tensor, tf.sub(1, tf.square(tf.tanh(saved[0]!)))) }),
  });
  tf.registerGradient({
    kernelName: 'Sigmoid',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => {
      return {
        x: () => {
          const s = tf.sigmoid(saved[0]!);
          return tf.mul(dy as tf.Tensor, tf.mul(s, tf.sub(1, s)));
        },
      };
    },
  });
  tf.registerGradient({
    kernelName: 'Exp',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => ({ x: () => tf.mul(dy as tf.Tensor, tf.exp(saved[0]!)) }),
  });
  tf.registerGradient({
    kernelName: 'Softmax',
    inputsToSave: ['logits'],
    gradFunc: (dy, saved, attrs) => {
      const dim = (attrs as { dim?: number }).dim ?? -1;
      return {
        logits: () => {
          const y = tf.softmax(saved[0]!, dim);
          const d = dy as tf.Tensor;
          return tf.mul(y, tf.sub(d, tf.sum(tf.mul(d, y), dim, true)));
        },
      };
    },
  });
}
