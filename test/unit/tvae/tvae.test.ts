/**
 * TvaeSynthesizer: the loss against a float64 hand computation, output shapes, learning on a toy
 * table, determinism under a seed, no tensor leak, model-file round trip, conditional sampling.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, type Table } from '../../../src/core/table/table.ts';
import { valueShare as freq, yesNoToyPlan, yesNoToyTable } from '../../fixtures/builders.ts';
import { initNodeBackend } from '../../../src/model/backend-node.ts';
import { TvaeLossTerms } from '../../../src/model/tvae/loss.ts';
import { TvaeSynthesizer } from '../../../src/model/tvae/synthesizer.ts';
import { loadModelFile } from '../../../src/model/tvae/load.ts';
import { CtganSynthesizer } from '../../../src/model/synthesizer.ts';

/** x near +5 exactly when c is yes (so a condition on c moves x). */
const toyTable = (rows: number, seed: number): Table => yesNoToyTable(rows, seed, true);
const plan = yesNoToyPlan();
const small = { embeddingDim: 8, compressDims: [32, 32], decompressDims: [32, 32], batchSize: 100 };

let trained: TvaeSynthesizer;

beforeAll(async () => {
  await initNodeBackend('wasm');
  // 600 rows in batches of 50, 80 epochs (960 steps, a few seconds on wasm).
  trained = await TvaeSynthesizer.train(toyTable(600, 1), plan, { ...small, batchSize: 50, epochs: 80, seed: 3 });
}, 60_000);

afterAll(() => trained?.dispose());

describe('TVAE loss', () => {
  it('matches a float64 computation of CTGAN-SPEC 8 on a hand-made batch', () => {
    // width 5: [alpha | mode0 mode1 | cat a b], batch 2.
    const spans = [
      { start: 0, width: 1, activation: 'tanh' as const },
      { start: 1, width: 2, activation: 'softmax' as const },
      { start: 3, width: 2, activation: 'softmax' as const },
    ];
    const x = [[0.3, 1, 0, 0, 1], [-0.5, 0, 1, 1, 0]];
    const rec = [[0.2, 2, -1, 0.5, 0.1], [-1, 0.3, 0.4, -2, 1]];
    const sigma = [0.2, 0.1, 0.1, 0.1, 0.1];
    const mu = [[0.1, -0.2], [0.3, 0.0]];
    const logvar = [[0.0, -0.5], [0.2, 0.1]];
    let recSum = 0;
    for (let r = 0; r < 2; r++) {
      recSum += (x[r]![0]! - Math.tanh(rec[r]![0]!)) ** 2 / (2 * sigma[0]! ** 2) + Math.log(sigma[0]!);
      for (const [s, w] of [[1, 2], [3, 2]] as const) {
        const logits = rec[r]!.slice(s, s + w);
        const lse = Math.log(logits.reduce((a, v) => a + Math.exp(v), 0));
        const t = x[r]!.slice(s, s + w).indexOf(1);
        recSum += lse - logits[t]!;
      }
    }
    let kl = 0;
    for (let r = 0; r < 2; r++) for (let j = 0; j < 2; j++) kl += -0.5 * (1 + logvar[r]![j]! - mu[r]![j]! ** 2 - Math.exp(logvar[r]![j]!));
    const want = (2 * recSum) / 2 + kl / 2;
    const terms = TvaeLossTerms.create(5, spans, 2);
    const got = tf.tidy(() => {
      const l = terms.loss(tf.tensor2d(x), tf.tensor2d(rec), tf.tensor1d(sigma), tf.tensor2d(mu), tf.tensor2d(logvar));
      return [l.total.dataSync()[0]!, l.kl.dataSync()[0]!];
    });
    terms.dispose();
    expect(got[0]).toBeCloseTo(want, 4);
    expect(got[1]).toBeCloseTo(kl / 2, 5);
  });
});

describe('TvaeSynthesizer', () => {
  it('learns a toy table: loss decreases, category frequency and the x|c relation kept', async () => {
    const s = trained;
    {
      const h = s.lossHistory;
      expect(h).toHaveLength(80);
      const first = (h[0]!.lossG + h[1]!.lossG) / 2;
      const last = (h[78]!.lossG + h[79]!.lossG) / 2;
      expect(last).toBeLessThan(first - 1);
      const out = await s.sample(800, { seed: 1 });
      expect(out.rowCount).toBe(800);
      expect(out.columns.map((c) => c.name)).toEqual(['c', 'x']);
      expect(Math.abs(freq(out, 'c', 'yes') - 0.8)).toBeLessThan(0.1);
      // x > 0 mostly where c = yes (the learned dependence).
      const c = out.columns[0]!;
      const x = out.columns[1]!;
      let agree = 0;
      for (let i = 0; i < out.rowCount; i++) if ((cellText(c, i) === 'yes') === (x.type === 'numeric' && x.values[i]! > 0)) agree++;
      expect(agree / out.rowCount).toBeGreaterThan(0.85);
      // sigma stayed inside its clamp.
      const w = await s.getWeights();
      expect(w[w.length - 1]!.every((v) => v >= 0.01 - 1e-7 && v <= 1 + 1e-7)).toBe(true);
    }
  });

  it('is deterministic under a seed and leaks no tensors', async () => {
    const table = toyTable(120, 2);
    const before = tf.memory().numTensors;
    const a = await TvaeSynthesizer.train(table, plan, { ...small, epochs: 3, seed: 5 });
    const afterFirst = tf.memory().numTensors;
    const b = await TvaeSynthesizer.train(table, plan, { ...small, epochs: 3, seed: 5 });
    expect(b.lossHistory.map((h) => h.lossG)).toEqual(a.lossHistory.map((h) => h.lossG));
    const sa = await a.sample(50, { seed: 9 });
    const sb = await b.sample(50, { seed: 9 });
    expect(sb).toEqual(sa);
    const c = await TvaeSynthesizer.train(table, plan, { ...small, epochs: 3, seed: 6 });
    expect(c.lossHistory.map((h) => h.lossG)).not.toEqual(a.lossHistory.map((h) => h.lossG));
    // Sampling and another fit allocate nothing that outlives them.
    const mid = tf.memory().numTensors;
    await a.sample(700, { seed: 1 });
    await a.sample(30, { condition: { column: 'c', value: 'no' }, seed: 2 });
    await a.fit(table, plan, { ...small, epochs: 2, seed: 7 });
    expect(tf.memory().numTensors).toBe(mid);
    b.dispose();
    c.dispose();
    a.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(afterFirst).toBeGreaterThan(before);
  }, 60_000);

  it('round-trips through the model file (same samples), and loadModelFile dispatches on method', async () => {
    const s = await TvaeSynthesizer.train(toyTable(150, 3), plan, { ...small, epochs: 2, seed: 1 });
    const text = s.toFileText();
    const file = JSON.parse(text) as { method: string; tvae: { epochs: number } };
    expect(file.method).toBe('tvae');
    expect(file.tvae.epochs).toBe(2);
    const again = TvaeSynthesizer.fromFile(text);
    const any = loadModelFile(text);
    expect(any).toBeInstanceOf(TvaeSynthesizer);
    expect(await again.getWeights()).toEqual(await s.getWeights());
    expect(await again.sample(40, { seed: 4 })).toEqual(await s.sample(40, { seed: 4 }));
    expect(() => CtganSynthesizer.fromFile(text)).toThrow(/tvae/);
    expect(() => TvaeSynthesizer.fromFile('{"format":"synthtab-model","version":1,"method":"tvae"}')).toThrow(/damaged/);
    s.dispose();
    again.dispose();
    any.dispose();
  }, 30_000);

  it('conditional sampling returns only matching rows; unknown values fail clearly', async () => {
    const s = trained;
    {
      const out = await s.sample(60, { condition: { column: 'c', value: 'no' }, seed: 3 });
      expect(out.rowCount).toBe(60);
      expect(freq(out, 'c', 'no')).toBe(1);
      await expect(s.sample(5, { condition: { column: 'c', value: 'maybe' } })).rejects.toMatchObject({ code: 'bad-condition' });
      await expect(s.sample(5, { condition: { column: 'zz', value: '1' } })).rejects.toMatchObject({ code: 'bad-condition' });
      const five = await s.sample(10, { condition: { column: 'x', value: '5' }, seed: 1 });
      expect(five.columns[1]!.type === 'numeric' && Array.from(five.columns[1]!.values).every((v) => v === 5)).toBe(true);
    }
  });

  it('stops gracefully on control.stop and rejects bad options', async () => {
    const control = { paused: false, stop: false };
    const s = new TvaeSynthesizer();
    const r = await s.fit(toyTable(200, 5), plan, { ...small, epochs: 50, seed: 1 }, {
      control,
      onEvent: (e) => {
        if (e.type === 'epoch' && e.epoch === 2) control.stop = true;
      },
    });
    expect(r.stopped).toBe(true);
    expect(r.epochs).toBe(2);
    expect((await s.sample(5)).rowCount).toBe(5);
    s.dispose();
    await expect(new TvaeSynthesizer().fit(toyTable(20, 1), plan, { epochs: 0 })).rejects.toMatchObject({ code: 'bad-option' });
  }, 30_000);
});
