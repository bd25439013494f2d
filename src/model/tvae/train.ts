/**
 * TVAE training (CTGAN-SPEC 8): shuffled mini-batches over the encoded rows (the last batch may be
 * smaller: the reference's DataLoader keeps it), one Adam step per batch with torch-style weight
 * decay (g += l2scale·w), sigma clamped to [0.01, 1] after every step.
 *
 * Events follow the CTGAN trainer so the app's live charts work unchanged: 'step' and 'epoch' with
 * lossG = the whole loss (reconstruction + KL) and lossD = its KL part (a VAE has no critic; the
 * second curve shows how much of the loss is the prior term). Pause / stop / cancel behave as in
 * src/model/trainer.ts. A NaN/Inf loss rejects with SynthtabError('training-diverged').
 */
import * as tf from '@tensorflow/tfjs';
import { SynthtabError } from '../../core/errors.ts';
import type { Rng } from '../../core/rng.ts';
import type { EncodedMatrix, OutputSpan } from '../../core/transform/layout.ts';
import type { TrainEvent } from '../../core/types.ts';
import { beforeStep, type EpochLoss, type TrainHooks, type TrainResult } from '../trainer.ts';
import type { TvaeNetworks } from './networks.ts';
import { TvaeLossTerms } from './loss.ts';
import { SIGMA_MAX, SIGMA_MIN } from './options.ts';

/**
 * One optimisation step on the rows `x` [b, width]; returns [total, kl] on the device. Synchronous,
 * inside one tf.tidy; random draws (the reparameterisation noise) are seeded from `rng`.
 */
export function tvaeStep(nets: TvaeNetworks, terms: TvaeLossTerms, x: tf.Tensor2D, rng: Rng): tf.Tensor1D {
  return tf.tidy(() => {
    const b = x.shape[0];
    const vars = nets.trainableVariables();
    const eps = tf.randomNormal([b, nets.options.embeddingDim], 0, 1, 'float32', rng.seed32());
    let kl: tf.Scalar = tf.scalar(0);
    const { value, grads } = tf.variableGrads(() => {
      const { mu, logvar } = nets.encode(x);
      const z = tf.add(mu, tf.mul(eps, tf.exp(tf.mul(logvar, 0.5)))) as tf.Tensor2D;
      const l = terms.loss(x, nets.decode(z), nets.sigma as tf.Tensor1D, mu, logvar);
      kl = tf.keep(l.kl);
      return l.total;
    }, vars);
    const decay = nets.options.l2scale;
    const decayed: tf.NamedTensorMap = {};
    for (const v of vars) {
      const g = grads[v.name];
      if (g) decayed[v.name] = decay === 0 ? g : tf.add(g, tf.mul(v, decay));
    }
    nets.optimizer.applyGradients(decayed);
    nets.sigma.assign(tf.clipByValue(nets.sigma, SIGMA_MIN, SIGMA_MAX));
    // tf.keep'd tensors escape every tidy: clone into this tidy's scope, free the kept one.
    const klOut = tf.clone(kl);
    kl.dispose();
    return tf.stack([value, klOut]) as tf.Tensor1D;
  });
}

/** Train for `nets.options.epochs` epochs (see the file comment). */
export async function runTvaeTraining(
  nets: TvaeNetworks, data: EncodedMatrix, spans: readonly OutputSpan[], rng: Rng, hooks: TrainHooks = {},
): Promise<TrainResult> {
  const { epochs, batchSize } = nets.options;
  if (data.rows < 1) throw new SynthtabError('no-trainable-columns', 'There are no rows to train on.');
  if (data.width !== nets.width) throw new SynthtabError('internal', `Encoded width ${data.width} does not match the networks' ${nets.width}.`);
  const batch = Math.min(batchSize, data.rows);
  const stepsPerEpoch = Math.ceil(data.rows / batch);
  const emit = async (e: TrainEvent): Promise<void> => {
    if (hooks.onEvent) await hooks.onEvent(e);
  };
  const terms = TvaeLossTerms.create(data.width, spans, nets.options.lossFactor);
  const matrix = tf.tensor2d(data.data, [data.rows, data.width]);
  const history: EpochLoss[] = [];
  const started = performance.now();
  let stopped = false;
  try {
    await emit({ type: 'stage', stage: 'train', message: `Training TVAE ${epochs} epochs of ${stepsPerEpoch} steps (batch ${batch}).` });
    for (let epoch = 1; epoch <= epochs && !stopped; epoch++) {
      const t0 = performance.now();
      const order = rng.shuffle(Int32Array.from({ length: data.rows }, (_, i) => i));
      let sumLoss = 0;
      let sumKl = 0;
      let steps = 0;
      for (let step = 1; step <= stepsPerEpoch; step++) {
        if ((await beforeStep(hooks)) === 'stop') {
          stopped = true;
          break;
        }
        const idx = order.subarray((step - 1) * batch, Math.min(step * batch, data.rows));
        const x = tf.tidy(() => tf.gather(matrix, tf.tensor1d(idx, 'int32')) as tf.Tensor2D);
        const lossT = tvaeStep(nets, terms, x, rng);
        x.dispose();
        const [loss, kl] = await lossT.data();
        lossT.dispose();
        if (!Number.isFinite(loss) || !Number.isFinite(kl)) {
          throw new SynthtabError('training-diverged', `TVAE training diverged at epoch ${epoch}, step ${step}: the loss became NaN/Inf. Try a lower learning rate or another seed.`);
        }
        sumLoss += loss!;
        sumKl += kl!;
        steps++;
        if (hooks.stepEvents !== false) await emit({ type: 'step', epoch, step, stepsPerEpoch, lossG: loss!, lossD: kl! });
      }
      if (steps === 0) break;
      const seconds = (performance.now() - t0) / 1000;
      const rec: EpochLoss = { epoch, lossG: sumLoss / steps, lossD: sumKl / steps, penalty: 0, seconds };
      history.push(rec);
      hooks.onEpochRecord?.(rec);
      await emit({ type: 'epoch', epoch, epochs, lossG: rec.lossG, lossD: rec.lossD, seconds });
    }
  } finally {
    matrix.dispose();
    terms.dispose();
  }
  return { epochs: history.length, stopped, seconds: (performance.now() - started) / 1000, lossHistory: history };
}
