/**
 * The WGAN-GP penalty's gradients w.r.t. the critic weights (a second-order gradient) against a
 * float64 finite difference of an exact JS reference, through the real Critic code path
 * (packing, 0.2x+0.8relu LeakyReLU, seeded dropout). TF.js 4.22 gets several ops wrong at second
 * order (TFJS-NOTES Q1): this is the test that catches a regression.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import { Critic } from '../../../src/model/critic.ts';
import { gradientPenalty } from '../../../src/model/losses.ts';
import { registerFastMatMulGradient } from '../../../src/model/matmul-grad.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Mat = number[][];
const matmul = (a: Mat, b: Mat): Mat => a.map((r) => b[0]!.map((_, j) => r.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
const transpose = (a: Mat): Mat => a[0]!.map((_, j) => a.map((r) => r[j]!));
const toMat = (v: ArrayLike<number>, rows: number, cols: number): Mat =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => v[i * cols + j]!));

/** Exact float64 penalty for a 2-hidden-layer critic with fixed dropout masks. */
function referencePenalty(params: number[][], shapes: number[][], x: Mat, masks: Mat[], lambda: number): { gp: number; minAbsPre: number } {
  const [w1, b1, w2, b2, w3] = params.map((p, i) => (shapes[i]!.length === 2 ? toMat(p, shapes[i]![0]!, shapes[i]![1]!) : [p]));
  let minAbsPre = Infinity;
  const addBias = (a: Mat, b: Mat): Mat => a.map((r) => r.map((v, j) => v + b[0]![j]!));
  const a1 = addBias(matmul(x, w1!), b1!);
  const h1 = a1.map((r, i) => r.map((v, j) => (v > 0 ? v : 0.2 * v) * masks[0]![i]![j]!));
  const a2 = addBias(matmul(h1, w2!), b2!);
  for (const r of [...a1, ...a2]) for (const v of r) minAbsPre = Math.min(minAbsPre, Math.abs(v));
  // ∂y/∂x per pack, by hand: ga2 = W3ᵀ ⊙ m2 ⊙ s2; ga1 = (ga2 W2ᵀ) ⊙ m1 ⊙ s1; gx = ga1 W1ᵀ.
  const w3t = transpose(w3!)[0]!;
  const ga2 = a2.map((r, i) => r.map((v, j) => w3t[j]! * masks[1]![i]![j]! * (v > 0 ? 1 : 0.2)));
  const ga1pre = matmul(ga2, transpose(w2!));
  const ga1 = ga1pre.map((r, i) => r.map((v, j) => v * masks[0]![i]![j]! * (a1[i]![j]! > 0 ? 1 : 0.2)));
  const gx = matmul(ga1, transpose(w1!));
  const pen = gx.map((r) => (Math.sqrt(r.reduce((s, v) => s + v * v, 0) + 1e-12) - 1) ** 2);
  return { gp: (lambda * pen.reduce((s, v) => s + v, 0)) / pen.length, minAbsPre };
}

async function checkAgainstFiniteDifferences(): Promise<void> {
  const pac = 2;
  const rowDim = 3;
  const packs = 3;
  const critic = new Critic(rowDim, [5, 4], pac, createRng(7));
  const init = createRng(11);
  const real = tf.tensor2d(Array.from({ length: packs * pac * rowDim }, () => init.normal()), [packs, pac * rowDim]);
  const fake = tf.tensor2d(Array.from({ length: packs * pac * rowDim }, () => init.normal()), [packs, pac * rowDim]);
  const alphaValues = [0.3, 0.75, 0.5];
  const alpha = tf.tensor2d(alphaValues, [packs, 1]);

  const vars = critic.namedVariables().map((v) => v.variable);
  const { value, grads } = tf.variableGrads(() => gradientPenalty(critic, real, fake, alpha, createRng(99)), vars);
  const tfLoss = (await value.data())[0]!;

  // The dropout masks the penalty's forward drew: same seeds, same shapes, same TF op.
  const seeds = createRng(99);
  const masks = await Promise.all(
    [5, 4].map(async (h) => {
      const m = tf.dropout(tf.ones([packs, h]), 0.5, undefined, seeds.seed32());
      return toMat(await m.data(), packs, h);
    }),
  );
  expect(masks.flat(2).some((v) => v === 0)).toBe(true); // dropout really is on

  const shapes = vars.map((v) => v.shape);
  const params = await Promise.all(vars.map(async (v) => Array.from(await v.data())));
  const r = await real.data();
  const f = await fake.data();
  const x = toMat(Array.from(r, (rv, i) => alphaValues[Math.floor(i / (pac * rowDim))]! * rv + (1 - alphaValues[Math.floor(i / (pac * rowDim))]!) * f[i]!), packs, pac * rowDim);
  const ref = referencePenalty(params, shapes, x, masks, 10);
  expect(ref.minAbsPre).toBeGreaterThan(1e-4); // finite differences cross no LeakyReLU kink
  expect(Math.abs(tfLoss - ref.gp) / ref.gp).toBeLessThan(1e-5);

  const eps = 1e-6;
  let num = 0;
  let den = 0;
  for (let p = 0; p < params.length; p++) {
    const tfGrad = grads[vars[p]!.name] ? Array.from(await grads[vars[p]!.name]!.data()) : params[p]!.map(() => 0);
    for (let k = 0; k < params[p]!.length; k++) {
      const plus = params.map((q) => q.slice());
      const minus = params.map((q) => q.slice());
      plus[p]![k]! += eps;
      minus[p]![k]! -= eps;
      const fd = (referencePenalty(plus, shapes, x, masks, 10).gp - referencePenalty(minus, shapes, x, masks, 10).gp) / (2 * eps);
      num += (tfGrad[k]! - fd) ** 2;
      den += fd ** 2;
    }
  }
  expect(den).toBeGreaterThan(0);
  expect(Math.sqrt(num / den)).toBeLessThan(1e-4);
  critic.dispose();
}

describe('gradient penalty', () => {
  it('matches float64 finite differences through the critic code path (dropout on)', async () => {
    await checkAgainstFiniteDifferences();
  });

  it('still matches with the transpose-based matMul gradient registered (used on wasm)', async () => {
    registerFastMatMulGradient();
    await checkAgainstFiniteDifferences();
  });

  it('is zero when every interpolate has a unit gradient norm (known answer)', async () => {
    // A linear critic (no hidden layer) with weights of unit norm: ‖∇x D‖ = 1 everywhere.
    const critic = new Critic(2, [], 1, createRng(1), 0);
    const [w] = critic.namedVariables();
    w!.variable.assign(tf.tensor2d([[0.6], [0.8]]));
    const gp = gradientPenalty(critic, tf.tensor2d([[1, 2]]), tf.tensor2d([[3, -1]]), tf.tensor2d([[0.4]]), null);
    expect((await gp.data())[0]).toBeCloseTo(0, 5);
    w!.variable.assign(tf.tensor2d([[0], [3]])); // norm 3 -> 10·(3−1)² = 40
    const gp2 = gradientPenalty(critic, tf.tensor2d([[1, 2]]), tf.tensor2d([[3, -1]]), tf.tensor2d([[0.4]]), null);
    expect((await gp2.data())[0]).toBeCloseTo(40, 3);
    critic.dispose();
  });
});
