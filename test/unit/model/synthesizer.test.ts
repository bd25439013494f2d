/**
 * CtganSynthesizer end to end on a toy table: a categorical column at 80/20 and a bimodal
 * continuous column. Convergence smoke test, conditional sampling, model-file round trip, errors.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, stringColumn, type Table } from '../../../src/core/table/table.ts';
import { valueShare as freq, yesNoToyPlan, yesNoToyTable } from '../../fixtures/builders.ts';
import { initNodeBackend } from '../../../src/model/backend-node.ts';
import { readCsvFormats } from '../../../src/model/model-file.ts';
import { CtganSynthesizer } from '../../../src/model/synthesizer.ts';

/** c and x independent (x bimodal). */
const toyTable = (rows: number, seed: number): Table => yesNoToyTable(rows, seed, false);
const plan = yesNoToyPlan();
const small = { embeddingDim: 16, generatorDim: [32, 32], discriminatorDim: [32, 32], batchSize: 100 };

let trained: CtganSynthesizer;

beforeAll(async () => {
  await initNodeBackend('wasm'); // ~6x faster than cpu for the convergence run
  trained = await CtganSynthesizer.train(toyTable(1000, 1), plan, { ...small, epochs: 30, seed: 3 }); // 300 steps
});

afterAll(() => trained?.dispose());

describe('CtganSynthesizer', () => {
  it('learns the toy table: category frequency within 0.1 and both modes present', async () => {
    const s = await trained.sample(1000, { seed: 1 });
    expect(s.rowCount).toBe(1000);
    expect(s.columns.map((c) => c.name)).toEqual(['c', 'x']);
    expect(Math.abs(freq(s, 'c', 'yes') - 0.8)).toBeLessThan(0.1);
    const x = s.columns[1]!;
    expect(x.type).toBe('numeric');
    const values = x.type === 'numeric' ? Array.from(x.values) : [];
    const low = values.filter((v) => v < -2 && v > -8).length / values.length;
    const high = values.filter((v) => v > 2 && v < 8).length / values.length;
    expect(low).toBeGreaterThan(0.2);
    expect(high).toBeGreaterThan(0.2);
    expect(trained.lossHistory).toHaveLength(30);
    expect(trained.lossHistory.every((h) => Number.isFinite(h.lossG) && Number.isFinite(h.penalty))).toBe(true);
  });

  it('conditional sampling returns only matching rows, for the rare category too', async () => {
    for (const value of ['no', 'yes']) {
      const s = await trained.sample(150, { condition: { column: 'c', value }, seed: 2 });
      expect(s.rowCount).toBe(150);
      expect(freq(s, 'c', value)).toBe(1);
    }
  });

  it('conditions on a continuous column with SDV tolerance, setting the value exactly', async () => {
    const s = await trained.sample(20, { condition: { column: 'x', value: '5' }, seed: 3 });
    expect(s.rowCount).toBe(20);
    const x = s.columns[1]!;
    expect(x.type === 'numeric' && Array.from(x.values).every((v) => v === 5)).toBe(true);
  });

  it('rejects unknown condition values and columns with clear errors', async () => {
    await expect(trained.sample(10, { condition: { column: 'c', value: 'maybe' } })).rejects.toMatchObject({
      code: 'bad-condition',
      message: expect.stringMatching(/no value 'maybe'.*'yes', 'no'/),
    });
    await expect(trained.sample(10, { condition: { column: 'zz', value: 'a' } })).rejects.toMatchObject({ code: 'bad-condition' });
    await expect(trained.sample(10, { condition: { column: 'x', value: '1e9' } })).rejects.toMatchObject({ code: 'condition-impossible' });
  });

  it('is deterministic under a sampling seed', async () => {
    const a = await trained.sample(50, { seed: 9 });
    const b = await trained.sample(50, { seed: 9 });
    const c = await trained.sample(50, { seed: 10 });
    const text = (t: Table) => JSON.stringify(t.columns.map((col) => Array.from({ length: t.rowCount }, (_, i) => cellText(col, i))));
    expect(text(a)).toBe(text(b));
    expect(text(a)).not.toBe(text(c));
  });

  it('round-trips through the model file: identical samples under a seed', async () => {
    const json = JSON.stringify(trained.toFile());
    const loaded = CtganSynthesizer.fromFile(json);
    expect(loaded.columns()).toEqual(['c', 'x']);
    const text = (t: Table) => JSON.stringify(t.columns.map((col) => Array.from({ length: t.rowCount }, (_, i) => cellText(col, i))));
    expect(text(await loaded.sample(200, { seed: 5 }))).toBe(text(await trained.sample(200, { seed: 5 })));
    expect(text(await loaded.sample(30, { seed: 6, condition: { column: 'c', value: 'no' } }))).toBe(
      text(await trained.sample(30, { seed: 6, condition: { column: 'c', value: 'no' } })),
    );
    expect(loaded.lossHistory).toEqual(trained.lossHistory);
    loaded.dispose();
  });

  it('stores the input CSV formats in the model file (optional field; plain columns left out)', () => {
    expect(trained.toFile().formats).toBeUndefined(); // none set: the field is absent, as in older files
    trained.csvFormats = { c: { prefix: ' ', suffix: '', missing: '?' }, x: { prefix: '', suffix: '', missing: '' } };
    try {
      const file = trained.toFile();
      expect(file.formats).toEqual({ c: { prefix: ' ', suffix: '', missing: '?' } });
      const loaded = CtganSynthesizer.fromFile(JSON.stringify(file));
      expect(loaded.csvFormats).toEqual({ c: { prefix: ' ', suffix: '', missing: '?' } });
      loaded.dispose();
      const older = { ...file } as Record<string, unknown>;
      delete older.formats;
      const old = CtganSynthesizer.fromFile(older);
      expect(old.csvFormats).toEqual({});
      old.dispose();
      expect(() => CtganSynthesizer.fromFile({ ...file, formats: { c: { prefix: 1 } } })).toThrow(/damaged or incompatible at 'formats.c.prefix'/);
      expect(readCsvFormats(JSON.parse(JSON.stringify(file)))).toEqual(file.formats);
      expect(readCsvFormats({ format: 'synthtab-model' })).toEqual({});
      expect(() => readCsvFormats({ formats: 'x' })).toThrow(/'formats' field is damaged/);
    } finally {
      trained.csvFormats = {};
    }
  });

  it('gives clear errors for corrupt, foreign, newer and mismatched model files', () => {
    const file = trained.toFile();
    const bad = (x: unknown) => () => CtganSynthesizer.fromFile(x);
    expect(bad('{"format": "synthtab-mod')).toThrow(/not valid JSON/);
    expect(bad({ hello: 1 })).toThrow(/not a Synthtab model file/);
    expect(bad({ ...file, version: 2 })).toThrow(/format version 2, newer/);
    expect(bad({ ...file, options: { ...file.options, batchSize: 'x' } })).toThrow(/damaged or incompatible at 'options.batchSize'/);
    const truncated = { ...file, weights: file.weights.map((w, i) => (i === 0 ? { ...w, base64: w.base64.slice(0, 40) } : w)) };
    expect(bad(truncated)).toThrow(/Weight 'g.res0.fc.w' holds/);
    const missing = { ...file, weights: file.weights.slice(1) };
    expect(bad(missing)).toThrow(/lack 'g.res0.fc.w'/);
    expect(bad({ ...file, transformer: { version: 1 } })).toThrow(/transformer state is invalid/);
    try {
      bad({ hello: 1 })();
    } catch (e) {
      expect((e as { code: string }).code).toBe('bad-model-file');
    }
  });

  it('refuses a table with no learnable columns and a batch that is not a multiple of pac', async () => {
    const ids: Table = { rowCount: 30, columns: [stringColumn('id', Array.from({ length: 30 }, (_, i) => `id${i}`))] };
    await expect(CtganSynthesizer.train(ids, [{ name: 'id', kind: 'identifier' }], { ...small, epochs: 1 })).rejects.toMatchObject({ code: 'no-trainable-columns' });
    await expect(CtganSynthesizer.train(toyTable(50, 2), plan, { ...small, batchSize: 55, epochs: 1 })).rejects.toMatchObject({
      code: 'bad-option',
      message: expect.stringMatching(/multiple of pac/),
    });
  });

  it('trains on a tiny table with the batch shrunk to its rows (rounded up to pac)', async () => {
    const before = tf.memory().numTensors;
    const s = await CtganSynthesizer.train(toyTable(23, 4), plan, { ...small, epochs: 2, seed: 1 });
    expect(s.trainOptions.batchSize).toBe(30);
    expect((await s.sample(7, { seed: 1 })).rowCount).toBe(7);
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
