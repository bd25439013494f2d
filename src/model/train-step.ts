/**
 * One CTGAN training step (CTGAN-SPEC 5): `discriminatorSteps` critic updates, then one generator
 * update with fresh noise and conditions. Synchronous, inside one tf.tidy; returns the losses as a
 * device tensor [lossG, lossD, penalty] so the caller reads back at most once per step.
 *
 * The host supplies only small index arrays (condition ids, real-row ids); the encoded training
 * matrix stays on the device and real rows are gathered there. Weight decay follows torch Adam's
 * `weight_decay` (L2 added to the gradient, not AdamW): g ← g + decay·w.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.ts';
import { criticLoss, gradientPenalty } from './losses.ts';
import type { CtganNetworks } from './networks.ts';

/** Host-side draws for one critic update. */
export interface CriticDraw {
  /** Global conditional-vector position per fake row (condStart + category), or null without discrete columns. */
  fakeCond: Int32Array | null;
  /** The same conditions, permuted, for the real rows (the reference shuffles them). */
  realCond: Int32Array | null;
  /** Training-matrix row per real row (matching `realCond`). */
  realRows: Int32Array;
}

/** Host-side draws for one generator update. */
export interface GeneratorDraw {
  cond: Int32Array | null;
  /** Discrete-column index per row (the mask of the conditional loss). */
  column: Int32Array | null;
}

export interface StepDraws {
  critic: CriticDraw[];
  generator: GeneratorDraw;
}

/** Float one-hot rows [n, depth]; null without indices. (tf.oneHot refuses depth 1.) */
export function oneHot(idx: Int32Array | null, depth: number): tf.Tensor2D | null {
  if (!idx || depth === 0) return null;
  if (depth === 1) return tf.ones([idx.length, 1]);
  return tf.oneHot(tf.tensor1d(idx, 'int32'), depth).toFloat() as tf.Tensor2D;
}

function withCond(rows: tf.Tensor2D, cond: tf.Tensor2D | null): tf.Tensor2D {
  return cond ? tf.concat([rows, cond], 1) : rows;
}

/** torch-Adam weight decay: add decay·w to each gradient. */
function decayed(grads: tf.NamedTensorMap, vars: tf.Variable[], decay: number): tf.NamedTensorMap {
  if (decay === 0) return grads;
  const out: tf.NamedTensorMap = {};
  for (const v of vars) {
    const g = grads[v.name];
    if (g) out[v.name] = tf.add(g, tf.mul(v, decay));
  }
  return out;
}

/**
 * Run one step. `data` is the encoded training matrix on the device [N, width].
 * Returns [lossG, lossD, penalty] (lossD without the penalty, as the reference logs it).
 */
export function trainStep(nets: CtganNetworks, data: tf.Tensor2D, draws: StepDraws, rng: Rng): tf.Tensor1D {
  return tf.tidy(() => {
    const { options, layout, critic, generator, activation } = nets;
    const batch = options.batchSize;
    const genMode = { bn: 'batch', updateStats: true } as const;
    const dVars = critic.trainableVariables();
    const gVars = generator.trainableVariables();
    let lossD: tf.Scalar = tf.scalar(0);
    let penalty: tf.Scalar = tf.scalar(0);

    for (const draw of draws.critic) {
      const c1 = oneHot(draw.fakeCond, layout.condWidth);
      const c2 = oneHot(draw.realCond, layout.condWidth);
      const fake = activation.apply(generator.apply(nets.noiseInput(batch, c1, rng), genMode), rng);
      const fakeCat = critic.pack(withCond(fake, c1));
      const realCat = critic.pack(withCond(tf.gather(data, tf.tensor1d(draw.realRows, 'int32')), c2));
      const alpha = tf.randomUniform([batch / options.pac, 1], 0, 1, 'float32', rng.seed32()) as tf.Tensor2D;
      let parts: tf.Scalar[] = [];
      const { grads } = tf.variableGrads(() => {
        const yFake = critic.applyPacked(fakeCat, rng);
        const yReal = critic.applyPacked(realCat, rng);
        const gp = gradientPenalty(critic, realCat, fakeCat, alpha, rng);
        const ld = criticLoss(yReal, yFake);
        parts = [tf.keep(ld), tf.keep(gp)];
        return tf.add(ld, gp) as tf.Scalar;
      }, dVars);
      nets.dOptimizer.applyGradients(decayed(grads, dVars, options.discriminatorDecay));
      // tf.keep'd tensors escape every tidy: re-track them here so this step's tidy frees them.
      lossD = tf.clone(parts[0]!);
      penalty = tf.clone(parts[1]!);
      for (const p of parts) p.dispose();
    }

    const g = draws.generator;
    const c1 = oneHot(g.cond, layout.condWidth);
    const m1 = oneHot(g.column, layout.discrete.length);
    const { value: lossG, grads } = tf.variableGrads(() => {
      const logits = generator.apply(nets.noiseInput(batch, c1, rng), genMode);
      const fake = activation.apply(logits, rng);
      const yFake = critic.applyPacked(critic.pack(withCond(fake, c1)), rng);
      const ce = c1 && m1 && nets.condLoss ? nets.condLoss.apply(logits, c1, m1) : tf.scalar(0);
      return tf.add(tf.neg(tf.mean(yFake)), ce) as tf.Scalar;
    }, gVars);
    nets.gOptimizer.applyGradients(decayed(grads, gVars, options.generatorDecay));
    nets.updateAverage(); // the weights sampling uses (networks.ts)
    return tf.stack([lossG, lossD, penalty]) as tf.Tensor1D;
  });
}
