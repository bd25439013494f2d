/**
 * The worker side of the report panel: the held-back rows (privacy/efficacy baseline), the chart
 * data that travels with the report, and an export that queues behind the auto-run evaluation.
 */
import { describe, expect, it } from 'vitest';
import { createHandler } from '../../../src/worker/handler.ts';
import { splitHoldout } from '../../../src/worker/holdout.ts';
import { reportCharts } from '../../../src/worker/report-charts.ts';
import { createMemoryModelStore } from '../../../src/worker/model-store.ts';
import type { Engine } from '../../../src/worker/engine.ts';
import { numericColumn, stringColumn, toRows, type Table } from '../../../src/core/table/table.ts';
import { isSynthtabError } from '../../../src/core/errors.ts';
import { fakeEngine, recorder } from '../worker/fakes.ts';

function table(n: number): Table {
  return {
    rowCount: n,
    columns: [numericColumn('x', Float64Array.from({ length: n }, (_, i) => i)), stringColumn('c', Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'a' : 'b')))],
  };
}

const xs = (t: Table): number[] => [...(t.columns[0] as { values: Float64Array }).values];

describe('splitHoldout', () => {
  it('holds back 20 of 100 rows: disjoint, together all rows, file order kept, same seed same rows', () => {
    const { train, holdout } = splitHoldout(table(100), 0.2, 7);
    expect(train.rowCount).toBe(80);
    expect(holdout!.rowCount).toBe(20);
    const all = [...xs(train), ...xs(holdout!)].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(xs(train)).toEqual([...xs(train)].sort((a, b) => a - b));
    expect(xs(holdout!)).toEqual([...xs(holdout!)].sort((a, b) => a - b));
    // Category codes follow their rows.
    expect(toRows(holdout!).every(([x, c]) => (Number(x) % 3 === 0 ? 'a' : 'b') === c)).toBe(true);
    expect(xs(splitHoldout(table(100), 0.2, 7).holdout!)).toEqual(xs(holdout!));
    expect(xs(splitHoldout(table(100), 0.2, 8).holdout!)).not.toEqual(xs(holdout!));
  });

  it('holds nothing back for a share of 0 or a table under 20 rows, and at most half the rows', () => {
    expect(splitHoldout(table(100), 0, 1).holdout).toBeNull();
    const small = table(19);
    expect(splitHoldout(small, 0.2, 1)).toEqual({ train: small, holdout: null });
    expect(splitHoldout(table(40), 0.9, 1).holdout!.rowCount).toBe(20);
  });

  it('rejects a share outside [0, 1) with a SynthtabError', () => {
    for (const bad of [-0.1, 1, Number.NaN]) {
      let err: unknown;
      try {
        splitHoldout(table(30), bad, 1);
      } catch (e) {
        err = e;
      }
      expect(isSynthtabError(err) && err.code === 'bad-option').toBe(true);
    }
  });
});

describe('reportCharts', () => {
  it('identical tables: real and synthetic shares agree, the difference matrix is all zero', () => {
    const t = table(30);
    const charts = reportCharts(t, t, { x: 'continuous', c: 'categorical' }, 0);
    expect(charts.associations.columns).toEqual(['x', 'c']);
    expect(charts.associations.difference).toEqual([[0, 0], [0, 0]]);
    expect(charts.associations.method).toEqual([['pearson', 'correlation-ratio'], ['correlation-ratio', 'cramers-v']]);
    expect(charts.distributions.map((d) => d.column)).toEqual(['x', 'c']);
    for (const d of charts.distributions) expect(d.synthetic).toEqual(d.real);
    // c: 10 of 30 rows are 'a'; the bins are ordered by real frequency.
    expect(charts.distributions[1]).toMatchObject({ labels: ['b', 'a'], real: [20 / 30, 10 / 30] });
  });

  it('the difference is synthetic minus real: x = -y in the synthetic data gives r = -1 against r = 1', () => {
    const n = 20;
    const real: Table = { rowCount: n, columns: [numericColumn('x', Float64Array.from({ length: n }, (_, i) => i)), numericColumn('y', Float64Array.from({ length: n }, (_, i) => 2 * i))] };
    const synth: Table = { rowCount: n, columns: [numericColumn('x', Float64Array.from({ length: n }, (_, i) => i)), numericColumn('y', Float64Array.from({ length: n }, (_, i) => -i))] };
    const a = reportCharts(real, synth, {}, 0).associations;
    expect(a.real[0]![1]).toBeCloseTo(1, 12);
    expect(a.synthetic[0]![1]).toBeCloseTo(-1, 12);
    expect(a.difference[0]![1]).toBeCloseTo(-2, 12);
    expect(a.difference[1]![0]).toBeCloseTo(-2, 12);
  });
});

const CSV = 'x,c\n' + Array.from({ length: 30 }, (_, i) => `${i % 10},${i % 2 ? 'a' : 'b'}`).join('\n') + '\n';

/** A fake engine that records the tables fit and evaluate receive; `evaluateMs` delays the report. */
function spyEngine(evaluateMs = 0) {
  const engine = fakeEngine();
  const seen: { fitRows: number[]; evaluate: { real: number; synthetic: number; holdout: number | null }[] } = { fitRows: [], evaluate: [] };
  const create = engine.createSynthesizer.bind(engine);
  const spied: Engine = {
    ...engine,
    createSynthesizer: (method) => {
      const synth = create(method);
      const fit = synth.fit.bind(synth);
      synth.fit = (t, plan, options, hooks) => {
        seen.fitRows.push(t.rowCount);
        return fit(t, plan, options, hooks);
      };
      return synth;
    },
    evaluate: async (real, synthetic, opts) => {
      if (evaluateMs) await new Promise((r) => setTimeout(r, evaluateMs));
      seen.evaluate.push({ real: real.rowCount, synthetic: synthetic.rowCount, holdout: opts.holdout?.rowCount ?? null });
      return { quality: { overall: 0.5 } };
    },
  };
  return { engine: spied, seen };
}

describe('worker: holdout, report charts, queueing behind an evaluation', () => {
  it('trains on 80% of the rows and evaluates against them with the other 20% as the holdout', async () => {
    const { engine, seen } = spyEngine();
    const rec = recorder();
    const handle = createHandler(rec.post, { engine, store: createMemoryModelStore(), now: () => 0 });
    await handle({ type: 'load-text', id: 1, text: CSV, name: 't.csv' });
    await handle({ type: 'train', id: 2, method: 'ctgan', options: { epochs: 1, seed: 4 }, holdout: 0.2 });
    await handle({ type: 'evaluate', id: 3 });
    expect(rec.of('error')).toEqual([]);
    expect(seen.fitRows).toEqual([24]);
    expect(seen.evaluate).toEqual([{ real: 24, synthetic: 24, holdout: 6 }]);
    const report = rec.of('report')[0]!;
    expect(report.report).toEqual({ quality: { overall: 0.5 } });
    expect(report.charts!.associations.columns).toEqual(['x', 'c']);
    expect(report.charts!.distributions.map((d) => d.column)).toEqual(['x', 'c']);
    for (const d of report.charts!.distributions) {
      expect(d.real.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(d.synthetic.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('without a holdout (or after loading a model file) the whole table is the real side', async () => {
    const { engine, seen } = spyEngine();
    const rec = recorder();
    const handle = createHandler(rec.post, { engine, store: createMemoryModelStore(), now: () => 0 });
    await handle({ type: 'load-text', id: 1, text: CSV, name: 't.csv' });
    await handle({ type: 'train', id: 2, method: 'ctgan', options: { epochs: 1, seed: 4 }, holdout: 0.2 });
    await handle({ type: 'save-model', id: 3 });
    await handle({ type: 'load-model', id: 4, json: rec.of('model-file')[0]!.json });
    await handle({ type: 'evaluate', id: 5 });
    await handle({ type: 'train', id: 6, method: 'ctgan', options: { epochs: 1, seed: 4 } });
    await handle({ type: 'evaluate', id: 7 });
    expect(rec.of('error')).toEqual([]);
    expect(seen.fitRows).toEqual([24, 30]);
    expect(seen.evaluate).toEqual([{ real: 30, synthetic: 30, holdout: null }, { real: 30, synthetic: 30, holdout: null }]);
  });

  it('an export sent while an evaluation runs waits for it instead of failing', async () => {
    const { engine } = spyEngine(30);
    const rec = recorder();
    const handle = createHandler(rec.post, { engine, store: createMemoryModelStore(), now: () => 0 });
    await handle({ type: 'load-text', id: 1, text: CSV, name: 't.csv' });
    await handle({ type: 'train', id: 2, method: 'ctgan', options: { epochs: 1, seed: 4 }, holdout: 0.2 });
    await Promise.all([handle({ type: 'evaluate', id: 3 }), handle({ type: 'sample', id: 4, rows: 5 })]);
    expect(rec.of('error')).toEqual([]);
    const order = rec.events.filter((e) => e.type === 'report' || e.type === 'sampled').map((e) => e.type);
    expect(order).toEqual(['report', 'sampled']);
  });
});
