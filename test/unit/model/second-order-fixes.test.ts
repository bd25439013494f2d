/**
 * registerSecondOrderFixes repairs TF.js 4.22's second-order gradients (TFJS-NOTES Q1): after it,
 * tf.leakyRelu differentiates twice and tanh's second-order term matches a finite difference.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerSecondOrderFixes } from '../../../src/model/second-order.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerSecondOrderFixes();
});

/** f(w) = (d/dx Σ act(x·w))² summed, at scalar x and w; returns (value, df/dw) from TF. */
function tfSecondOrder(act: (t: tf.Tensor) => tf.Tensor, x0: number, w0: number): [number, number] {
  const w = tf.variable(tf.scalar(w0));
  const x = tf.scalar(x0);
  const { value, grads } = tf.variableGrads(() => {
    const g = tf.grad((xi: tf.Tensor) => tf.sum(act(tf.mul(xi, w))))(x);
    return tf.sum(tf.square(g)) as tf.Scalar;
  }, [w]);
  const out: [number, number] = [value.dataSync()[0]!, Object.values(grads)[0]!.dataSync()[0]!];
  w.dispose();
  return out;
}

describe('registerSecondOrderFixes', () => {
  it('makes tanh second order correct: d/dw (w·(1−tanh²(xw)))² matches the analytic value', () => {
    const x = 0.7;
    const w = 0.9;
    const t = Math.tanh(x * w);
    const g = w * (1 - t * t); // d/dx tanh(xw)
    // d/dw g = (1−t²) + w·(−2t(1−t²)·x); d/dw g² = 2g·that
    const expected = 2 * g * ((1 - t * t) - 2 * w * x * t * (1 - t * t));
    const [, grad] = tfSecondOrder((a) => tf.tanh(a), x, w);
    expect(grad).toBeCloseTo(expected, 4);
  });

  it('lets tf.leakyRelu differentiate twice: d/dw (0.2w)² = 0.08w for a negative input', () => {
    const [value, grad] = tfSecondOrder((a) => tf.leakyRelu(a, 0.2), -1.5, 2);
    expect(value).toBeCloseTo(0.16, 5); // (0.2·2)²
    expect(grad).toBeCloseTo(0.16, 5); // 2·0.2·(0.2·2)
  });

  it('softmax second order matches a central finite difference', () => {
    const act = (a: tf.Tensor) => tf.mul(tf.softmax(tf.stack([a, tf.mul(a, -0.5), tf.scalar(0.3)])), tf.tensor1d([1, 2, -1]));
    const [, grad] = tfSecondOrder(act, 0.4, 1.1);
    const eps = 1e-3;
    const fd = (tfSecondOrder(act, 0.4, 1.1 + eps)[0] - tfSecondOrder(act, 0.4, 1.1 - eps)[0]) / (2 * eps);
    expect(Math.abs(grad - fd)).toBeLessThan(2e-3 * Math.max(1, Math.abs(fd)));
  });
});
