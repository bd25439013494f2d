import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import { CtganNetworks, DEFAULT_GENERATOR_AVERAGE } from '../../../src/model/networks.ts';
import { runTraining } from '../../../src/model/trainer.ts';
import { simpleSampler, tinyOptions, toyLayout, toyMatrix } from './helpers.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function fillGenerator(nets: CtganNetworks, value: number): void {
  tf.tidy(() => nets.generator.namedVariables().forEach((v) => v.variable.assign(tf.fill(v.variable.shape, value))));
}

async function firstValue(vars: { variable: tf.Variable }[]): Promise<number[]> {
  return Promise.all(vars.map(async (v) => (await v.variable.data())[0]!));
}

function sampleOnce(nets: CtganNetworks, seed: number): Float32Array {
  return tf.tidy(() => nets.generate(40, tf.oneHot(tf.tensor1d(new Int32Array(40), 'int32'), 2).toFloat() as tf.Tensor2D, createRng(seed), { bn: 'running', updateStats: false }).dataSync() as Float32Array);
}

describe('generator weight average (sampling generator)', () => {
  it('is on by default and follows avg <- b·avg + (1-b)·w with b = min(decay, (1+t)/(10+t))', async () => {
    const nets = new CtganNetworks(toyLayout(), tinyOptions(), createRng(1));
    expect(nets.averageDecay).toBe(DEFAULT_GENERATOR_AVERAGE);
    fillGenerator(nets, 1);
    nets.resetAverage();
    fillGenerator(nets, 3);
    nets.updateAverage(); // t = 1: b = 2/11
    let b = 2 / 11;
    let want = b * 1 + (1 - b) * 3;
    for (const v of await firstValue(nets.averaged!.namedVariables())) expect(v).toBeCloseTo(want, 5);
    fillGenerator(nets, -1);
    nets.updateAverage(); // t = 2: b = 3/12
    b = 3 / 12;
    want = b * want + (1 - b) * -1;
    for (const v of await firstValue(nets.averaged!.namedVariables())) expect(v).toBeCloseTo(want, 5);
    nets.dispose();
  });

  it('samples from the average and saves it under the generator names; setWeights resets it', async () => {
    const nets = new CtganNetworks(toyLayout(), tinyOptions(), createRng(1));
    const before = sampleOnce(nets, 5);
    const names = nets.namedVariables().map((v) => v.name);
    // Move only the trained generator: sampling and getWeights must not see it until averaged.
    fillGenerator(nets, 0.5);
    expect(sampleOnce(nets, 5)).toEqual(before);
    const saved = await nets.getWeights();
    expect(saved.map((w) => w.name)).toEqual(names);
    expect(saved[0]!.values.every((v) => v === 0.5)).toBe(false);
    nets.setWeights(saved);
    const again = await nets.getWeights();
    expect(again.map((w) => Array.from(w.values))).toEqual(saved.map((w) => Array.from(w.values)));
    // After setWeights the trained generator and the average agree.
    const raw = await Promise.all(nets.generator.namedVariables().map((v) => v.variable.data()));
    raw.forEach((r, i) => expect(Array.from(r)).toEqual(Array.from(saved[i]!.values)));
    nets.dispose();
  });

  it('generatorAverage 0 samples from the last weights (the reference behaviour)', () => {
    const nets = new CtganNetworks(toyLayout(), tinyOptions({ generatorAverage: 0 }), createRng(1));
    expect(nets.averaged).toBeNull();
    const before = sampleOnce(nets, 5);
    fillGenerator(nets, 0.5);
    expect(sampleOnce(nets, 5)).not.toEqual(before);
    nets.dispose();
  });

  it('moves during training: one update per generator step', async () => {
    const layout = toyLayout();
    const m = toyMatrix(200, createRng(1));
    const nets = new CtganNetworks(layout, tinyOptions({ epochs: 2 }), createRng(1));
    const start = await firstValue(nets.averaged!.namedVariables());
    await runTraining(nets, m, simpleSampler(layout, m), createRng(2));
    const end = await firstValue(nets.averaged!.namedVariables());
    const raw = await firstValue(nets.generator.namedVariables());
    expect(end).not.toEqual(start);
    expect(end).not.toEqual(raw); // an average, not a copy
    nets.dispose();
  });

  it('rejects a decay outside [0, 1)', () => {
    expect(() => new CtganNetworks(toyLayout(), tinyOptions({ generatorAverage: 1 }), createRng(1))).toThrow(/generatorAverage/);
    expect(() => new CtganNetworks(toyLayout(), tinyOptions({ generatorAverage: -0.1 }), createRng(1))).toThrow(/generatorAverage/);
  });
});
