/**
 * The async training driver: epochs of `trainStep`, per-step loss readback (one `await data()` per
 * step, which is also where the loop yields), per-epoch mean losses as events, pause / stop /
 * cancel, and divergence handling. Works on encoded data only (an EncodedMatrix and a sampler), so
 * it is testable without the transformer.
 *
 * Control semantics (documented for the worker and the CLI):
 * - `control.paused = true` parks the loop between steps until it is set back to false.
 * - `control.stop = true` ends training gracefully after the current step; the model is kept and
 *   the result says `stopped: true`.
 * - `signal` aborted: the run rejects with SynthtabError('cancelled'); the caller disposes the model.
 * - A NaN/Inf loss: if an earlier epoch finished cleanly, its weights (snapshotted on the device after
 *   each epoch) are restored, a 'stage' event says so, and training stops (`diverged` is set);
 *   otherwise the run rejects with SynthtabError('training-diverged').
 */
import * as tf from '@tensorflow/tfjs';
import { SynthtabError } from '../core/errors.ts';
import type { Rng } from '../core/rng.ts';
import type { EncodedMatrix } from '../core/transform/layout.ts';
import type { TrainEvent } from '../core/types.ts';
import type { CtganNetworks } from './networks.ts';
import { trainStep, type StepDraws } from './train-step.ts';

/**
 * What the trainer needs from the conditional sampler: core/sampler's ConditionalSampler (which the
 * synthesizer passes) has this shape; tests may pass a simpler one.
 */
export interface TrainingSampler {
  /** Per row: a discrete column drawn uniformly and a category in it (log-frequency); null without discrete columns. */
  sampleCondvec(batch: number, rng: Rng): { col: ArrayLike<number>; cat: ArrayLike<number> } | null;
  /** Per row: a training-row index whose category in column col[i] is cat[i]; uniform rows when col is null. */
  sampleRowIndices(batch: number, col: ArrayLike<number> | null, cat: ArrayLike<number> | null, rng: Rng): Int32Array;
}

/** Cooperative flags, read between steps. */
export interface TrainControl {
  paused: boolean;
  stop?: boolean;
}

export interface TrainHooks {
  onEvent?(e: TrainEvent): void | Promise<void>;
  signal?: AbortSignal;
  control?: TrainControl;
  /** Emit a 'step' event per step (default true). */
  stepEvents?: boolean;
  /** Called with each finished epoch's record (penalty included), before its 'epoch' event. */
  onEpochRecord?(rec: EpochLoss): void;
}

/** Mean losses of one epoch. */
export interface EpochLoss {
  epoch: number;
  lossG: number;
  lossD: number;
  penalty: number;
  seconds: number;
}

export interface TrainResult {
  epochs: number;
  stopped: boolean;
  seconds: number;
  lossHistory: EpochLoss[];
  diverged?: { epoch: number; restoredEpoch: number };
}

/** The batch actually used: the requested one, shrunk for tiny tables to the rows rounded up to pac. */
export function effectiveBatchSize(requested: number, rows: number, pac: number): number {
  if (!Number.isInteger(requested) || requested < pac || requested % pac !== 0) {
    throw new SynthtabError('bad-option', `Batch size must be a positive multiple of pac (${pac}), got ${requested}.`);
  }
  return Math.min(requested, Math.max(pac, Math.ceil(rows / pac) * pac));
}

/** Let pending messages (pause/stop from a worker's onmessage, timers) run: a macrotask yield. */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  if (typeof MessageChannel === 'function') {
    return new Promise((r) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        r();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((r) => setTimeout(r, 0));
}

function cancelled(): SynthtabError {
  return new SynthtabError('cancelled', 'Training was cancelled.');
}

/**
 * The gate before every training step (CTGAN and TVAE): yield so pause/stop messages arrive, wait
 * while paused, reject with SynthtabError('cancelled') when the signal aborted, and say 'stop' when
 * a stop was asked for (the caller ends the run keeping what it has).
 */
export async function beforeStep(hooks: Pick<TrainHooks, 'control' | 'signal'>): Promise<'go' | 'stop'> {
  await yieldToEventLoop();
  while (hooks.control?.paused && !hooks.signal?.aborted && !hooks.control.stop) await new Promise((r) => setTimeout(r, 25));
  if (hooks.signal?.aborted) throw cancelled();
  return hooks.control?.stop ? 'stop' : 'go';
}

function toInt32(a: ArrayLike<number>, perm?: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[perm ? perm[i]! : i]!;
  return out;
}

/** Draw the host-side indices for one step (CTGAN-SPEC 5). */
export function drawStep(nets: CtganNetworks, sampler: TrainingSampler, rng: Rng): StepDraws {
  const { batchSize: batch, discriminatorSteps } = nets.options;
  const condStart = nets.layout.discrete.map((d) => d.condStart);
  const globalCond = (cv: { col: ArrayLike<number>; cat: ArrayLike<number> }, perm?: Int32Array): Int32Array => {
    const out = new Int32Array(batch);
    for (let i = 0; i < batch; i++) {
      const j = perm ? perm[i]! : i;
      out[i] = condStart[cv.col[j]!]! + cv.cat[j]!;
    }
    return out;
  };
  const critic = [];
  for (let s = 0; s < discriminatorSteps; s++) {
    const cv = sampler.sampleCondvec(batch, rng);
    if (!cv) {
      critic.push({ fakeCond: null, realCond: null, realRows: sampler.sampleRowIndices(batch, null, null, rng) });
      continue;
    }
    const perm = rng.shuffle(Int32Array.from({ length: batch }, (_, i) => i));
    critic.push({
      fakeCond: globalCond(cv),
      realCond: globalCond(cv, perm),
      realRows: sampler.sampleRowIndices(batch, toInt32(cv.col, perm), toInt32(cv.cat, perm), rng),
    });
  }
  const g = sampler.sampleCondvec(batch, rng);
  return { critic, generator: g ? { cond: globalCond(g), column: toInt32(g.col) } : { cond: null, column: null } };
}

/**
 * Train `nets` on `data` for `nets.options.epochs` epochs. `nets.options.batchSize` must already be
 * the effective batch (see effectiveBatchSize).
 */
export async function runTraining(
  nets: CtganNetworks, data: EncodedMatrix, sampler: TrainingSampler, rng: Rng, hooks: TrainHooks = {},
): Promise<TrainResult> {
  const { epochs, batchSize } = nets.options;
  if (data.rows < 1) throw new SynthtabError('no-trainable-columns', 'There are no rows to train on.');
  if (data.width !== nets.layout.width) throw new SynthtabError('internal', `Encoded width ${data.width} does not match the layout's ${nets.layout.width}.`);
  const stepsPerEpoch = Math.max(Math.floor(data.rows / batchSize), 1);
  const emit = async (e: TrainEvent): Promise<void> => {
    if (hooks.onEvent) await hooks.onEvent(e);
  };
  const matrix = tf.tensor2d(data.data, [data.rows, data.width]);
  const history: EpochLoss[] = [];
  let snapshot: tf.Tensor[] | null = null;
  const vars = nets.stateVariables(); // the sampling average too: a NaN step reaches it
  const started = performance.now();
  let stopped = false;
  let diverged: TrainResult['diverged'];
  try {
    await emit({ type: 'stage', stage: 'train', message: `Training ${epochs} epochs of ${stepsPerEpoch} steps (batch ${batchSize}).` });
    for (let epoch = 1; epoch <= epochs && !stopped && !diverged; epoch++) {
      const t0 = performance.now();
      let sumG = 0;
      let sumD = 0;
      let sumP = 0;
      let steps = 0;
      for (let step = 1; step <= stepsPerEpoch; step++) {
        if ((await beforeStep(hooks)) === 'stop') {
          stopped = true;
          break;
        }
        const losses = trainStep(nets, matrix, drawStep(nets, sampler, rng), rng);
        const [lossG, lossD, penalty] = await losses.data();
        losses.dispose();
        if (![lossG, lossD, penalty].every((v) => Number.isFinite(v))) {
          const where = `epoch ${epoch}, step ${step}`;
          if (snapshot && history.length > 0) {
            tf.tidy(() => vars.forEach((v, i) => v.assign(snapshot![i]!)));
            const restoredEpoch = history[history.length - 1]!.epoch;
            diverged = { epoch, restoredEpoch };
            await emit({ type: 'stage', stage: 'train', message: `Training diverged at ${where} (a loss became NaN/Inf); stopped and restored the weights of epoch ${restoredEpoch}.` });
            break;
          }
          throw new SynthtabError('training-diverged', `Training diverged at ${where}: a loss became NaN/Inf. Try a lower learning rate, a larger batch or another seed.`);
        }
        sumG += lossG!;
        sumD += lossD!;
        sumP += penalty!;
        steps++;
        if (hooks.stepEvents !== false) await emit({ type: 'step', epoch, step, stepsPerEpoch, lossG: lossG!, lossD: lossD! });
      }
      if (steps === 0 || diverged) break;
      if (steps === stepsPerEpoch) {
        // A complete epoch: keep its weights on the device as the divergence fallback.
        snapshot?.forEach((t) => t.dispose());
        snapshot = vars.map((v) => tf.clone(v));
      }
      const seconds = (performance.now() - t0) / 1000;
      const rec = { epoch, lossG: sumG / steps, lossD: sumD / steps, penalty: sumP / steps, seconds };
      history.push(rec);
      hooks.onEpochRecord?.(rec);
      await emit({ type: 'epoch', epoch, epochs, lossG: rec.lossG, lossD: rec.lossD, seconds });
    }
  } finally {
    matrix.dispose();
    snapshot?.forEach((t) => t.dispose());
  }
  return { epochs: history.length, stopped, seconds: (performance.now() - started) / 1000, lossHistory: history, diverged };
}
