import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import { takeRows, toRows, type Table } from '../../../src/core/table/table.ts';
import { REBALANCE_METHODS, runRebalanceLab } from '../../../src/core/rebalance/lab.ts';
import { stratifiedSplit } from '../../../src/core/rebalance/split.ts';
import { binaryLabels, resolveTarget } from '../../../src/core/rebalance/target.ts';
import { augmentedTrainingSet } from '../../../src/core/rebalance/augmented.ts';
import type { SynthesizeMinority } from '../../../src/core/rebalance/ctgan.ts';
import type { TrainingSet } from '../../../src/core/rebalance/training-set.ts';
import { toyTable } from './toy.ts';

/** A stand-in for CTGAN: resamples minority rows of the training split it is given. */
function stubSynth(seen: Table[]): SynthesizeMinority {
  return async (train, n, value, rng) => {
    seen.push(train);
    const label = train.columns.findIndex((c) => c.name === 'label');
    const rows: number[] = [];
    for (let r = 0; r < train.rowCount; r++) if (toRows(takeRows(train, [r]))[0]![label] === value) rows.push(r);
    return takeRows(train, Array.from({ length: n }, () => rows[rng.int(rows.length)]!));
  };
}

describe('runRebalanceLab', () => {
  const table = toyTable();

  it('scores every method in [0, 1] on an untouched holdout, and the separable baseline finds the minority', async () => {
    const seen: Table[] = [];
    const res = await runRebalanceLab(table, { target: 'label', seed: 3, synthesizeMinority: stubSynth(seen) });
    expect(res.methods.map((m) => m.name)).toEqual([...REBALANCE_METHODS]);
    expect(res.minorityClass).toBe('fraud');
    for (const m of res.methods) {
      for (const v of [m.precision, m.recall, m.f1, m.rocAuc, m.prAuc, m.accuracy]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(m.prCurve.length).toBeGreaterThan(0);
    }
    const base = res.methods.find((m) => m.name === 'baseline')!;
    expect(base.recall).toBeGreaterThanOrEqual(0.8);
    expect(base.rocAuc).toBeGreaterThan(0.95);
    // The synthesizer only ever saw training rows: none of the holdout ids.
    const split = stratifiedSplit(binaryLabels(table, resolveTarget(table, 'label')), 0.2, createRng(3));
    const holdoutIds = new Set([...split.holdout].map((r) => String(r)));
    expect(seen).toHaveLength(1);
    for (const row of toRows(seen[0]!)) expect(holdoutIds.has(row[0]!)).toBe(false);
    expect(res.holdoutRows).toBe(split.holdout.length);
    expect(res.trainRows + res.holdoutRows).toBe(table.rowCount);
  });

  it('gives identical results for the same seed, and a method does not depend on the others', async () => {
    const a = await runRebalanceLab(table, { target: 'label', seed: 5, methods: ['baseline', 'smote'] });
    const b = await runRebalanceLab(table, { target: 'label', seed: 5, methods: ['smote'] });
    expect(JSON.stringify(b.methods[0])).toBe(JSON.stringify(a.methods[1]));
  });

  it('with several seeds reports means, spreads and per-seed scores', async () => {
    const res = await runRebalanceLab(table, { target: 'label', seed: 0, seeds: [1, 2, 3], methods: ['baseline', 'undersample'], classifier: 'gbdt' });
    expect(res.perSeed).toHaveLength(3);
    const m = res.methods[0]!;
    expect(m.spread).toBeDefined();
    const mean = res.perSeed!.reduce((s, r) => s + r.methods[0]!.f1, 0) / 3;
    expect(m.f1).toBeCloseTo(mean, 12);
  });

  it('hands out training sets whose augmented download flags synthetic rows', async () => {
    const sets = new Map<string, TrainingSet>();
    await runRebalanceLab(table, { target: 'label', seed: 1, methods: ['smote'], onTrainingSet: (m, s) => sets.set(m, s) });
    const aug = augmentedTrainingSet(sets.get('smote')!);
    const flag = aug.columns[aug.columns.length - 1]!;
    expect(flag.name).toBe('is_synthetic');
    const rows = toRows(aug);
    const synthetic = rows.filter((r) => r[r.length - 1] === '1');
    expect(synthetic.length).toBeGreaterThan(0);
    expect(synthetic.every((r) => r[4] === 'fraud')).toBe(true);
  });

  it('rejects bad options with one-line errors', async () => {
    await expect(runRebalanceLab(table, { target: 'label', seed: 1, methods: ['ctgan'] })).rejects.toThrow(/needs a synthesizer/);
    await expect(runRebalanceLab(table, { target: 'nope', seed: 1 })).rejects.toThrow(/No column named/);
    await expect(runRebalanceLab(table, { target: 'label', seed: 1, ratio: 2 })).rejects.toThrow(/Ratio/);
    await expect(runRebalanceLab(table, { target: 'label', seed: 1, holdout: 1.5 })).rejects.toThrow(/between 0 and 1/);
  });
});
