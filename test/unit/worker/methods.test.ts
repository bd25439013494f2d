// Issue 8 through the worker handler with the real engine in Node (wasm): every method trains
// (tvae with live events, copula as one epoch, profile with none), samples, exports, evaluates and
// saves (profile refuses); live quality rides on epoch events, 'trained' reports bestEpoch, and the
// model ends with the best check's weights.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHandler } from '../../../src/worker/handler.ts';
import { createDefaultEngine } from '../../../src/worker/engine-default.ts';
import { createMemoryModelStore } from '../../../src/worker/model-store.ts';
import { QualityTracker } from '../../../src/model/quality-tracker.ts';
import { COPULA_FORMAT } from '../../../src/core/copula/copula.ts';
import { PROFILE_NO_MODEL } from '../../../src/worker/engine-methods.ts';
import type { ColumnPlan, TrainEvent } from '../../../src/core/types.ts';
import { DEFAULT_TRAIN_OPTIONS } from '../../../src/core/types.ts';
import { nodeBackends, SMALL_NETWORK_OPTIONS as SMALL, toyWorkerCsv as toyCsv } from '../helpers/node-engine.ts';
import { recorder } from './fakes.ts';

function setup(rows = 60) {
  const rec = recorder();
  const store = createMemoryModelStore();
  const handle = createHandler(rec.post, { engine: createDefaultEngine(nodeBackends), store, sampleBatchRows: 1000 });
  return { rec, store, handle, load: () => handle({ type: 'load-text', id: 1, text: toyCsv(rows), name: 'toy.csv' }) };
}

/** The CSV text a 'sample' request streamed. */
function csvOf(rec: ReturnType<typeof recorder>, requestId: number): string {
  return rec.of('csv-chunk').filter((c) => c.requestId === requestId).map((c) => new TextDecoder().decode(c.bytes)).join('');
}

function errorsOf(rec: ReturnType<typeof recorder>, requestId: number) {
  return rec.of('error').filter((e) => e.requestId === requestId);
}

describe('worker train: every method (real engine, wasm)', () => {
  it('tvae trains with live steps, epochs, distributions and a quality per check; bestEpoch is the best check', async () => {
    const { rec, handle, load } = setup();
    await load();
    await handle({ type: 'train', id: 2, method: 'tvae', options: { ...SMALL, epochs: 4 }, backend: 'wasm', distributionColumns: ['age'], distributionEvery: 2, qualityEvery: 2 });
    expect(rec.of('error')).toEqual([]);
    expect(rec.of('step').length).toBeGreaterThan(0);
    const epochs = rec.of('epoch');
    expect(epochs.map((e) => [e.epoch, e.epochs])).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
    // Checks at epochs 2 and 4 only.
    expect(epochs.map((e) => e.quality !== undefined)).toEqual([false, true, false, true]);
    for (const q of epochs.flatMap((e) => (e.quality !== undefined ? [e.quality] : []))) {
      expect(q).toBeGreaterThan(0);
      expect(q).toBeLessThanOrEqual(1);
    }
    expect(rec.of('distributions').map((d) => d.epoch)).toEqual([2, 4]);
    const trained = rec.of('trained')[0]!;
    expect(trained).toMatchObject({ epochs: 4, stopped: false });
    const [q2, q4] = [epochs[1]!.quality!, epochs[3]!.quality!];
    // The tracker's rule: a later check is the best only when it beats the earlier by more than 0.001.
    expect(trained.bestEpoch).toBe(q4 > q2 + 0.001 ? 4 : 2);
  });

  it('the model ends with the best check\'s weights (ctgan, a check every epoch)', async () => {
    const engine = createDefaultEngine(nodeBackends);
    await engine.backends.select('wasm');
    const parser = engine.createCsvParser();
    parser.push(toyCsv(60));
    const { table } = parser.finish();
    const profile = engine.profileTable(table);
    const plan: ColumnPlan[] = profile.columns.map((c) => ({ name: c.name, kind: c.kind }));
    const synth = engine.createSynthesizer('ctgan');
    const seen: TrainEvent[] = [];
    const out = await synth.fit(table, plan, { ...DEFAULT_TRAIN_OPTIONS, ...SMALL, epochs: 6 }, { quality: { every: 1, rows: 200 }, onEvent: (e) => void seen.push(e) });
    const qualities = seen.flatMap((e) => (e.type === 'epoch' && e.quality !== undefined ? [[e.epoch, e.quality] as const] : []));
    expect(qualities.map(([e]) => e)).toEqual([1, 2, 3, 4, 5, 6]);
    // Replay the tracker's rule to find the best check.
    let best = qualities[0]!;
    for (const q of qualities) if (q[1] > best[1] + 0.001) best = q;
    expect(out).toMatchObject({ epochs: 6, bestEpoch: best[0] });
    // Scoring the final weights the tracker's way (same seed, same rows) gives the best check's quality.
    const again = await new QualityTracker({ sample: (n, o) => synth.sample(n, o), getWeights: () => synth.getWeights(), setWeights: () => {} }, table, plan, { rows: 200, seed: SMALL.seed }).check(0);
    expect(again.quality).toBeCloseTo(best[1], 12);
    synth.dispose();
  });

  it('patience stops a run early with a notice and keeps a usable model', async () => {
    const { rec, handle, load } = setup();
    await load();
    await handle({ type: 'train', id: 2, method: 'tvae', options: { ...SMALL, epochs: 40 }, backend: 'wasm', qualityEvery: 1, patience: 1 });
    expect(rec.of('error')).toEqual([]);
    const trained = rec.of('trained')[0]!;
    expect(trained.stopped).toBe(true);
    expect(trained.epochs).toBeLessThan(40);
    expect(trained.bestEpoch).toBeLessThan(trained.epochs);
    expect(rec.of('notice').some((n) => n.message.startsWith('Stopping early'))).toBe(true);
    await handle({ type: 'sample', id: 3, rows: 10, seed: 1 });
    expect(csvOf(rec, 3).trimEnd().split('\n')).toHaveLength(11);
  });

  it('copula fits as epoch 1 of 1, samples (also conditionally), evaluates, saves, reloads and is kept', async () => {
    const { rec, store, handle, load } = setup();
    await load();
    await handle({ type: 'train', id: 2, method: 'copula', options: { ...SMALL, epochs: 300 }, backend: 'wasm', distributionColumns: ['workclass'] });
    expect(rec.of('error')).toEqual([]);
    const [epoch] = rec.of('epoch');
    expect(rec.of('epoch')).toHaveLength(1);
    expect(epoch).toMatchObject({ epoch: 1, epochs: 1 });
    expect(epoch!.seconds).toBeGreaterThanOrEqual(0);
    expect(epoch!.quality).toBeGreaterThan(0.5); // checked at its only (last) epoch
    expect(rec.of('trained')[0]).toMatchObject({ epochs: 1, stopped: false, bestEpoch: 1 });
    expect(rec.of('distributions').map((d) => d.epoch)).toEqual([1]);

    await handle({ type: 'sample', id: 3, rows: 25, seed: 7 });
    const first = csvOf(rec, 3);
    const lines = first.trimEnd().split('\n');
    expect(lines[0]).toBe('age,hours,workclass,income');
    expect(lines).toHaveLength(26);
    await handle({ type: 'sample', id: 4, rows: 12, seed: 1, condition: { column: 'workclass', value: 'Gov' } });
    expect(csvOf(rec, 4).trimEnd().split('\n').slice(1).every((l) => l.split(',')[2] === 'Gov')).toBe(true);
    await handle({ type: 'evaluate', id: 5, rows: 60 });
    expect((rec.of('report')[0]!.report as { quality: { overall: number } }).quality.overall).toBeGreaterThan(0);

    await handle({ type: 'save-model', id: 6 });
    const json = rec.of('model-file')[0]!.json;
    expect((JSON.parse(json) as { format: string }).format).toBe(COPULA_FORMAT);
    expect((await store.info())?.epochs).toBe(1);
    await handle({ type: 'load-model', id: 7, json });
    expect(rec.of('model-loaded')[0]!.columns).toEqual(['age', 'hours', 'workclass', 'income']);
    await handle({ type: 'sample', id: 8, rows: 25, seed: 7 });
    expect(csvOf(rec, 8)).toBe(first); // same model, same seed, same rows
    await handle({ type: 'restore-model', id: 9 });
    expect(errorsOf(rec, 9)).toEqual([]);
    expect(rec.of('error')).toEqual([]);
  });

  it('profile needs no training: 0 epochs, samples and evaluates, refuses conditions and saving, is not kept', async () => {
    const { rec, store, handle, load } = setup();
    await load();
    await handle({ type: 'train', id: 2, method: 'profile', options: SMALL, backend: 'wasm', distributionColumns: ['age'] });
    expect(rec.of('error')).toEqual([]);
    expect(rec.of('epoch')).toEqual([]);
    expect(rec.of('trained')[0]).toMatchObject({ epochs: 0, stopped: false });
    expect(rec.of('trained')[0]!.bestEpoch).toBeUndefined();
    expect(rec.of('distributions')).toHaveLength(1);
    expect(await store.info()).toBeNull();

    await handle({ type: 'sample', id: 3, rows: 30, seed: 2 });
    const lines = csvOf(rec, 3).trimEnd().split('\n');
    expect(lines).toHaveLength(31);
    expect(lines.slice(1).every((l) => /^\d+,\d+,(Private|Self-emp|Gov),(>50K|<=50K)$/.test(l))).toBe(true);
    await handle({ type: 'evaluate', id: 4, rows: 60 });
    expect(rec.of('report')).toHaveLength(1);

    await handle({ type: 'sample', id: 5, rows: 5, condition: { column: 'workclass', value: 'Gov' } });
    expect(errorsOf(rec, 5)[0]).toMatchObject({ code: 'bad-condition' });
    await handle({ type: 'save-model', id: 6 });
    expect(errorsOf(rec, 6)[0]).toMatchObject({ code: 'bad-option', message: PROFILE_NO_MODEL });
  });

  it('quality off (qualityEvery 0): no quality on epochs, no bestEpoch', async () => {
    const { rec, handle, load } = setup(40);
    await load();
    await handle({ type: 'train', id: 2, method: 'copula', options: SMALL, qualityEvery: 0 });
    expect(rec.of('epoch')[0]!.quality).toBeUndefined();
    expect(rec.of('trained')[0]!.bestEpoch).toBeUndefined();
  });

  it('refuses an unknown method and bad quality options with one-line messages', async () => {
    const { rec, handle, load } = setup(20);
    await load();
    // A request from an older or foreign page: not a MethodName.
    await handle({ type: 'train', id: 2, method: 'gan' as 'ctgan', options: SMALL });
    expect(errorsOf(rec, 2)[0]).toMatchObject({ code: 'bad-option', message: "Unknown method 'gan': use one of ctgan, tvae, copula, profile." });
    await handle({ type: 'train', id: 3, method: 'copula', options: SMALL, qualityEvery: 1.5 });
    expect(errorsOf(rec, 3)[0]).toMatchObject({ code: 'bad-option' });
    await handle({ type: 'train', id: 4, method: 'copula', options: SMALL, patience: -1 });
    expect(errorsOf(rec, 4)[0]?.message).toContain('Patience');
    expect(rec.of('trained')).toEqual([]);
  });
});

describe('copula and profile keep personal columns out of what they learn', () => {
  it('a faked e-mail column comes out as fakes, and no real address is in the copula model file', async () => {
    const rec = recorder();
    const handle = createHandler(rec.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore() });
    const lines = ['email,age,plan'];
    for (let i = 0; i < 60; i++) lines.push(`user${i}@example.org,${20 + (i % 40)},${i % 2 ? 'basic' : 'pro'}`);
    await handle({ type: 'load-text', id: 1, text: lines.join('\n') + '\n', name: 'people.csv' });
    expect(rec.of('loaded')[0]!.profile.columns[0]!.pii?.kind).toBe('email');
    for (const [id, method] of [[2, 'copula'], [5, 'profile']] as const) {
      await handle({ type: 'train', id, method, options: SMALL, qualityEvery: 0 });
      await handle({ type: 'sample', id: id + 1, rows: 40, seed: 3 });
      const out = csvOf(rec, id + 1).trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]!);
      const real = new Set(lines.slice(1).map((l) => l.split(',')[0]));
      expect(out.filter((x) => x !== '')).not.toHaveLength(0);
      expect(out.some((x) => real.has(x))).toBe(false);
    }
    await handle({ type: 'train', id: 8, method: 'copula', options: SMALL, qualityEvery: 0 });
    await handle({ type: 'save-model', id: 9 });
    expect(rec.of('model-file')[0]!.json).not.toContain('@example.org');
    expect(rec.of('error')).toEqual([]);
  });
});

/** The first 400 rows of the Adult demo (" Private", " ?" cells; 15 columns). */
const ADULT = readFileSync(new URL('../../../public/demo/adult.csv', import.meta.url), 'utf8').split('\n').slice(0, 401).join('\n') + '\n';

describe('the Adult demo (issue 8 done-criterion): every method trains, shows quality, keeps the best epoch, exports', () => {
  it('ctgan, tvae, copula and profile in one session', async () => {
    const rec = recorder();
    const handle = createHandler(rec.post, { engine: createDefaultEngine(nodeBackends), store: createMemoryModelStore() });
    await handle({ type: 'load-text', id: 1, text: ADULT, name: 'adult.csv' });
    const header = ADULT.slice(0, ADULT.indexOf('\n'));
    const tiny = { batchSize: 50, embeddingDim: 8, generatorDim: [16], discriminatorDim: [16], seed: 2 };
    const runs = [['ctgan', 2], ['tvae', 2], ['copula', 1], ['profile', 0]] as const;
    let id = 10;
    for (const [method, epochs] of runs) {
      const train = ++id;
      await handle({ type: 'train', id: train, method, options: { ...tiny, epochs: 2 }, backend: 'wasm', holdout: 0.2, qualityEvery: 1 });
      expect(errorsOf(rec, train)).toEqual([]);
      const trained = rec.of('trained').find((t) => t.requestId === train)!;
      expect(trained.epochs).toBe(epochs);
      const qualities = rec.of('epoch').filter((e) => e.requestId === train).map((e) => e.quality);
      expect(qualities).toHaveLength(epochs);
      expect(qualities.every((q) => q !== undefined && q > 0 && q <= 1)).toBe(true);
      if (epochs > 0) expect(trained.bestEpoch).toBeGreaterThanOrEqual(1);
      else expect(trained.bestEpoch).toBeUndefined();
      const sample = ++id;
      await handle({ type: 'sample', id: sample, rows: 60, seed: 3 });
      const csv = csvOf(rec, sample);
      expect(csv.slice(0, csv.indexOf('\n'))).toBe(header);
      const workclass = csv.trimEnd().split('\n').slice(1).map((l) => l.split(',')[1]!);
      expect(workclass).toHaveLength(60);
      // Written in the input's format: categories keep their leading space (" Private").
      expect(workclass.every((w) => w.startsWith(' '))).toBe(true);
      const evaluate = ++id;
      await handle({ type: 'evaluate', id: evaluate, rows: 200 });
      expect(errorsOf(rec, evaluate)).toEqual([]);
    }
  });
});
