/** The networks, one train step and the async training driver on hand-built encoded data. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import type { TrainEvent } from '../../../src/core/types.ts';
import { OutputActivation } from '../../../src/model/activations.ts';
import { CtganNetworks } from '../../../src/model/networks.ts';
import { trainStep } from '../../../src/model/train-step.ts';
import { drawStep, effectiveBatchSize, runTraining } from '../../../src/model/trainer.ts';
import { simpleSampler, tinyOptions, toyLayout, toyMatrix } from './helpers.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function train(seed: number, over = {}, hooks = {}) {
  const layout = toyLayout();
  const m = toyMatrix(200, createRng(1));
  const nets = new CtganNetworks(layout, tinyOptions({ seed, ...over }), createRng(seed));
  const result = await runTraining(nets, m, simpleSampler(layout, m), createRng(seed + 1), hooks);
  return { nets, result };
}

describe('CtganNetworks', () => {
  it('has the reference widths: G input emb+cond, residual growth, D input (width+cond)·pac', () => {
    const layout = toyLayout();
    const nets = new CtganNetworks(layout, tinyOptions(), createRng(0));
    const shapes = Object.fromEntries(nets.namedVariables().map((v) => [v.name, v.variable.shape]));
    expect(shapes['g.res0.fc.w']).toEqual([8 + 2, 16]);
    expect(shapes['g.res1.fc.w']).toEqual([8 + 2 + 16, 16]);
    expect(shapes['g.out.w']).toEqual([8 + 2 + 32, 5]);
    expect(shapes['d.fc0.w']).toEqual([(5 + 2) * 10, 16]);
    expect(shapes['d.out.w']).toEqual([16, 1]);
    const out = tf.tidy(() => nets.generate(40, tf.oneHot(tf.zeros([40], 'int32'), 2).toFloat() as tf.Tensor2D, createRng(1), { bn: 'batch', updateStats: false }));
    expect(out.shape).toEqual([40, 5]);
    // softmax spans sum to 1, tanh in (-1, 1)
    const v = out.arraySync() as number[][];
    for (const r of v) {
      expect(r[1]! + r[2]!).toBeCloseTo(1, 4);
      expect(r[3]! + r[4]!).toBeCloseTo(1, 4);
      expect(Math.abs(r[0]!)).toBeLessThan(1);
    }
    out.dispose();
    nets.dispose();
  });

  it('the matMul and per-span-slice activations agree exactly under the same seed', async () => {
    const layout = toyLayout();
    const logits = tf.randomNormal([20, 5], 0, 2, 'float32', 1) as tf.Tensor2D;
    const a = new OutputActivation(layout, 0.2, 'matmul').apply(logits, createRng(3));
    const b = new OutputActivation(layout, 0.2, 'slices').apply(logits, createRng(3));
    const [va, vb] = [await a.data(), await b.data()];
    for (let i = 0; i < va.length; i++) expect(va[i]).toBeCloseTo(vb[i]!, 6);
  });

  it('rejects a batch that is not a multiple of pac, with a clear message', () => {
    expect(() => new CtganNetworks(toyLayout(), tinyOptions({ batchSize: 45 }), createRng(0))).toThrow(/multiple of pac \(10\)/);
    expect(() => effectiveBatchSize(45, 1000, 10)).toThrow(/multiple of pac/);
  });

  it('shrinks the batch for tiny tables to the rows rounded up to pac', () => {
    expect(effectiveBatchSize(500, 37, 10)).toBe(40);
    expect(effectiveBatchSize(500, 3, 10)).toBe(10);
    expect(effectiveBatchSize(500, 5000, 10)).toBe(500);
  });

  it('one train step changes every trainable weight of both networks', async () => {
    const layout = toyLayout();
    const m = toyMatrix(100, createRng(2));
    const nets = new CtganNetworks(layout, tinyOptions(), createRng(3));
    const before = await nets.getWeights();
    const data = tf.tensor2d(m.data, [m.rows, m.width]);
    const rng = createRng(4);
    const losses = trainStep(nets, data, drawStep(nets, simpleSampler(layout, m), rng), rng);
    expect(Array.from(await losses.data()).every(Number.isFinite)).toBe(true);
    const after = await nets.getWeights();
    for (let i = 0; i < before.length; i++) {
      const changed = before[i]!.values.some((v, k) => v !== after[i]!.values[k]);
      expect(changed, before[i]!.name).toBe(true); // running stats move too
    }
    losses.dispose();
    data.dispose();
    nets.dispose();
  });
});

describe('runTraining', () => {
  it('leaks no tensors across epochs', async () => {
    const layout = toyLayout();
    const m = toyMatrix(120, createRng(1));
    const nets = new CtganNetworks(layout, tinyOptions({ epochs: 1 }), createRng(5));
    const sampler = simpleSampler(layout, m);
    const rng = createRng(6);
    await runTraining(nets, m, sampler, rng); // burn-in: Adam creates its slots
    const n0 = tf.memory().numTensors;
    await runTraining(nets, m, sampler, rng);
    await runTraining(nets, m, sampler, rng);
    expect(tf.memory().numTensors).toBe(n0);
    nets.dispose();
    expect(tf.memory().numTensors).toBeLessThan(n0);
  });

  it('reports per-epoch mean losses and step events', async () => {
    const events: TrainEvent[] = [];
    const { nets, result } = await train(1, {}, { onEvent: (e: TrainEvent) => void events.push(e) });
    const epochs = events.filter((e) => e.type === 'epoch');
    const steps = events.filter((e) => e.type === 'step');
    expect(epochs).toHaveLength(2);
    expect(steps).toHaveLength(2 * 5); // 200 rows / batch 40
    const e1 = steps.filter((e) => e.type === 'step' && e.epoch === 1).map((e) => (e.type === 'step' ? e.lossG : 0));
    const mean = e1.reduce((a, b) => a + b, 0) / e1.length;
    expect(epochs[0]!.type === 'epoch' && epochs[0]!.lossG).toBeCloseTo(mean, 5);
    expect(result.lossHistory).toHaveLength(2);
    nets.dispose();
  });

  it('is deterministic under a seed and differs across seeds', async () => {
    const a = await train(7);
    const b = await train(7);
    const c = await train(8);
    expect(a.result.lossHistory.map((h) => [h.lossG, h.lossD])).toEqual(b.result.lossHistory.map((h) => [h.lossG, h.lossD]));
    expect(a.result.lossHistory[0]!.lossG).not.toBe(c.result.lossHistory[0]!.lossG);
    for (const x of [a, b, c]) x.nets.dispose();
  });

  it('pauses, resumes and stops gracefully, keeping the model', async () => {
    const control = { paused: false, stop: false };
    let stepsSeen = 0;
    let pausedAt = -1;
    const p = train(1, { epochs: 50 }, {
      control,
      onEvent: (e: TrainEvent) => {
        if (e.type !== 'step') return;
        stepsSeen++;
        if (stepsSeen === 3) {
          control.paused = true;
          pausedAt = stepsSeen;
          setTimeout(() => {
            expect(stepsSeen).toBe(pausedAt); // nothing ran while paused
            control.paused = false;
            setTimeout(() => (control.stop = true), 30);
          }, 120);
        }
      },
    });
    const { nets, result } = await p;
    expect(result.stopped).toBe(true);
    expect(stepsSeen).toBeGreaterThan(3);
    expect(result.epochs).toBeLessThan(50);
    expect((await nets.getWeights()).length).toBeGreaterThan(0); // still usable
    nets.dispose();
  });

  it('rejects with "cancelled" when the signal aborts', async () => {
    const ac = new AbortController();
    const layout = toyLayout();
    const m = toyMatrix(200, createRng(1));
    const nets = new CtganNetworks(layout, tinyOptions({ epochs: 50 }), createRng(1));
    const run = runTraining(nets, m, simpleSampler(layout, m), createRng(2), {
      signal: ac.signal,
      onEvent: (e: TrainEvent) => {
        if (e.type === 'step' && e.step === 2) ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    nets.dispose();
  });

  it('stops with training-diverged when a loss becomes NaN/Inf before any good epoch', async () => {
    await expect(train(1, { generatorLr: 1e30, discriminatorLr: 1e30, epochs: 3 })).rejects.toMatchObject({ code: 'training-diverged' });
  });

  it('restores the last good epoch when divergence comes later', async () => {
    const layout = toyLayout();
    const m = toyMatrix(200, createRng(1));
    const nets = new CtganNetworks(layout, tinyOptions({ epochs: 5 }), createRng(1));
    let good: Float32Array[] = [];
    const events: TrainEvent[] = [];
    const result = await runTraining(nets, m, simpleSampler(layout, m), createRng(2), {
      onEvent: async (e: TrainEvent) => {
        events.push(e);
        if (e.type === 'epoch' && e.epoch === 1) good = (await nets.getWeights()).map((w) => w.values);
        // Poison a critic weight during epoch 2: the next step's losses become NaN.
        if (e.type === 'step' && e.epoch === 2 && e.step === 2) nets.critic.namedVariables()[0]!.variable.assign(tf.fill([70, 16], NaN));
      },
    });
    expect(result.diverged).toEqual({ epoch: 2, restoredEpoch: 1 });
    expect(events.some((e) => e.type === 'stage' && /restored the weights of epoch 1/.test(e.message))).toBe(true);
    const now = (await nets.getWeights()).map((w) => w.values);
    expect(now).toEqual(good);
    nets.dispose();
  });
});
