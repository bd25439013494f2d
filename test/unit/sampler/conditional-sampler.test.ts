import { describe, expect, it } from 'vitest';
import { isSynthtabError } from '../../../src/core/errors.ts';
import { createRng } from '../../../src/core/rng.ts';
import { ConditionalSampler } from '../../../src/core/sampler/conditional-sampler.ts';
import { numericColumn, stringColumn } from '../../../src/core/table/table.ts';
import type { EncodedLayout, EncodedMatrix } from '../../../src/core/transform/layout.ts';
import { DataTransformer } from '../../../src/core/transform/transformer.ts';

/**
 * Hand-built encoded matrix: one continuous column (alpha + 2 modes) then two discrete columns,
 * "color" (3 categories, counts 60/30/10) and "size" (2 categories, counts 95/5).
 */
function fixture(colorCounts = [60, 30, 10], sizeCounts = [95, 5]): { enc: EncodedMatrix; layout: EncodedLayout } {
  const layout: EncodedLayout = {
    width: 8,
    spans: [
      { start: 0, width: 1, activation: 'tanh' },
      { start: 1, width: 2, activation: 'softmax' },
      { start: 3, width: 3, activation: 'softmax' },
      { start: 6, width: 2, activation: 'softmax' },
    ],
    discrete: [
      { column: 1, start: 3, width: 3, condStart: 0, categories: ['red', 'green', 'blue'] },
      { column: 2, start: 6, width: 2, condStart: 3, categories: [' S', ' L'] },
    ],
    condWidth: 5,
    columnNames: ['x', 'color', 'size'],
  };
  const rows = colorCounts.reduce((a, b) => a + b, 0);
  const data = new Float32Array(rows * 8);
  const colors = colorCounts.flatMap((c, j) => new Array<number>(c).fill(j));
  const sizes = sizeCounts.flatMap((c, j) => new Array<number>(c).fill(j));
  createRng(1).shuffle(sizes);
  for (let r = 0; r < rows; r++) {
    data[r * 8] = r / rows; // alpha doubles as a row id
    data[r * 8 + 1] = 1;
    data[r * 8 + 3 + colors[r]!] = 1;
    data[r * 8 + 6 + sizes[r]!] = 1;
  }
  return { enc: { rows, width: 8, data }, layout };
}

describe('ConditionalSampler', () => {
  it('picks columns uniformly and categories by log(count + 1)', () => {
    const { enc, layout } = fixture();
    const s = new ConditionalSampler(enc, layout);
    const n = 50_000;
    const b = s.sampleCondvec(n, createRng(7))!;
    const colHits = [0, 0];
    const catHits = [[0, 0, 0], [0, 0]];
    let disagree = 0;
    for (let i = 0; i < n; i++) {
      colHits[b.col[i]!]! += 1;
      catHits[b.col[i]!]![b.cat[i]!]! += 1;
      // cond and mask agree with col/cat
      const d = layout.discrete[b.col[i]!]!;
      if (b.cond[i * 5 + d.condStart + b.cat[i]!] !== 1 || b.mask[i * 2 + b.col[i]!] !== 1) disagree++;
    }
    expect(disagree).toBe(0);
    expect(b.cond.reduce((a, v) => a + v, 0)).toBe(n);
    expect(b.mask.reduce((a, v) => a + v, 0)).toBe(n);
    for (const h of colHits) expect(Math.abs(h / n - 0.5)).toBeLessThan(0.01);
    const expected = (counts: number[]): number[] => {
      const w = counts.map((c) => Math.log(c + 1));
      const t = w.reduce((a, v) => a + v, 0);
      return w.map((v) => v / t);
    };
    [[60, 30, 10], [95, 5]].forEach((counts, d) => {
      const total = catHits[d]!.reduce((a, v) => a + v, 0);
      expected(counts).forEach((p, j) => expect(Math.abs(catHits[d]![j]! / total - p)).toBeLessThan(0.01));
    });
  });

  it('reproduces CTGAN test_log_frequency: a 95% category dominates only without log frequency', () => {
    // Single discrete column, 95% majority (upstream: tests/integration/synthesizer/test_ctgan.py).
    const rows = 1000;
    const layout: EncodedLayout = {
      width: 2, spans: [{ start: 0, width: 2, activation: 'softmax' }],
      discrete: [{ column: 0, start: 0, width: 2, condStart: 0, categories: ['a', 'b'] }], condWidth: 2, columnNames: ['c'],
    };
    const data = new Float32Array(rows * 2);
    for (let r = 0; r < rows; r++) data[r * 2 + (r < 950 ? 0 : 1)] = 1;
    const majority = (log: boolean): number => {
      const b = new ConditionalSampler({ rows, width: 2, data }, layout, log).sampleCondvec(10_000, createRng(3))!;
      return b.cat.reduce((a, j) => a + (j === 0 ? 1 : 0), 0);
    };
    expect(majority(false)).toBeGreaterThan(9000);
    expect(majority(true)).toBeLessThan(6500);
  });

  it('returns real rows that carry the requested category', () => {
    const { enc, layout } = fixture();
    const s = new ConditionalSampler(enc, layout);
    const rng = createRng(11);
    const b = s.sampleCondvec(2000, rng)!;
    const rows = s.sampleData(2000, b.col, b.cat, rng);
    let wrong = 0;
    for (let i = 0; i < 2000; i++) {
      const d = layout.discrete[b.col[i]!]!;
      if (rows[i * 8 + d.start + b.cat[i]!] !== 1) wrong++;
    }
    expect(wrong).toBe(0);
    // Unconditioned: uniform rows with replacement, each a real row.
    const free = s.sampleData(500, null, null, rng);
    for (let i = 0; i < 500; i++) expect(free[i * 8 + 1]).toBe(1);
  });

  it('uses empirical frequencies for generation conditions (upstream flattening on request)', () => {
    const { enc, layout } = fixture();
    const s = new ConditionalSampler(enc, layout);
    const n = 40_000;
    const count = (cond: Float32Array): number[] => {
      const c = [0, 0, 0, 0, 0];
      for (let i = 0; i < n; i++) for (let j = 0; j < 5; j++) c[j]! += cond[i * 5 + j]!;
      return c;
    };
    const emp = count(s.sampleOriginalCondvec(n, createRng(5))!);
    // Column chosen uniformly (1/2), then category by count/total.
    [0.3, 0.15, 0.05, 0.475, 0.025].forEach((p, j) => expect(Math.abs(emp[j]! / n - p)).toBeLessThan(0.01));
    const up = count(s.sampleOriginalCondvec(n, createRng(5), 'training')!);
    const sizeLog = Math.log(6) / (Math.log(96) + Math.log(6));
    expect(Math.abs(up[4]! / n - sizeLog / 2)).toBeLessThan(0.01);
  });

  it('builds condition vectors at condStart + category for the second discrete column', () => {
    const { enc, layout } = fixture();
    const s = new ConditionalSampler(enc, layout);
    expect(Array.from(s.condVectorFor('size', ' L'))).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(s.condVectorFor('size', 'S'))).toEqual([0, 0, 0, 1, 0]); // trimmed match
    expect(Array.from(s.condVectorFor('color', 'green'))).toEqual([0, 1, 0, 0, 0]);
  });

  it('rejects unknown columns and values with bad-condition, listing valid values', () => {
    const { enc, layout } = fixture();
    const s = new ConditionalSampler(enc, layout);
    const err = (f: () => unknown): { code: string; message: string } => {
      try {
        f();
      } catch (e) {
        if (isSynthtabError(e)) return { code: e.code, message: e.message };
      }
      throw new Error('expected a SynthtabError');
    };
    const a = err(() => s.condVectorFor('x', '1'));
    expect(a.code).toBe('bad-condition');
    expect(a.message).toContain('"color"');
    const b = err(() => s.condVectorFor('color', 'purple'));
    expect(b.code).toBe('bad-condition');
    expect(b.message).toContain('"red", "green", "blue"');
  });

  it('returns null conditions when there are no discrete columns', () => {
    const layout: EncodedLayout = { width: 2, spans: [{ start: 0, width: 1, activation: 'tanh' }, { start: 1, width: 1, activation: 'softmax' }], discrete: [], condWidth: 0 };
    const s = new ConditionalSampler({ rows: 3, width: 2, data: new Float32Array(6) }, layout);
    expect(s.sampleCondvec(10, createRng(1))).toBeNull();
    expect(s.sampleOriginalCondvec(10, createRng(1))).toBeNull();
    expect(s.sampleData(4, null, null, createRng(1))).toHaveLength(8);
  });
});

describe('ConditionalSampler on a DataTransformer layout', () => {
  it('conditions the second discrete column at its own offset, and finds its rows', () => {
    const n = 300;
    const rng = createRng(4);
    const table = {
      rowCount: n,
      columns: [
        stringColumn('a', Array.from({ length: n }, () => ['p', 'q'][rng.int(2)]!)),
        numericColumn('x', Float64Array.from({ length: n }, () => rng.normal())),
        stringColumn('b', Array.from({ length: n }, (_, i) => (i % 10 === 0 ? null : ['u', 'v', 'w'][rng.int(3)]!))),
      ],
    };
    const tr = DataTransformer.fit(table, [
      { name: 'a', kind: 'categorical' }, { name: 'x', kind: 'continuous' }, { name: 'b', kind: 'categorical' },
    ], createRng(1));
    const enc = tr.transform(table, createRng(2));
    const s = new ConditionalSampler(enc, tr.layout);
    const b = tr.layout.discrete[1]!;
    expect(b.condStart).toBe(2);
    const j = b.categories.indexOf('w');
    const v = s.condVectorFor('b', 'w');
    expect(Array.from(v).indexOf(1)).toBe(2 + j);
    expect(v.reduce((x, y) => x + y, 0)).toBe(1);
    // Real rows for (b = w) decode to w.
    const rows = s.sampleData(50, new Int32Array(50).fill(1), new Int32Array(50).fill(j), createRng(3));
    const decoded = tr.inverse(rows, 50, createRng(4));
    const col = decoded.columns[2]!;
    if (col.type !== 'string') throw new Error('string expected');
    for (let r = 0; r < 50; r++) expect(col.dictionary[col.codes[r]!]).toBe('w');
    expect(s.categoryCounts(1).reduce((x, y) => x + y, 0)).toBe(n);
  });
});

/** The shape src/model/trainer.ts's TrainingSampler asks for (copied, so core tests do not import model/). */
interface TrainingSamplerShape {
  sampleCondvec(batch: number, rng: ReturnType<typeof createRng>): { col: ArrayLike<number>; cat: ArrayLike<number> } | null;
  sampleRowIndices(batch: number, col: ArrayLike<number> | null, cat: ArrayLike<number> | null, rng: ReturnType<typeof createRng>): Int32Array;
}

describe('ConditionalSampler as the trainer sees it', () => {
  it('offers sampleCondvec + sampleRowIndices with rows matching the conditions', () => {
    const { enc, layout } = fixture();
    const t: TrainingSamplerShape = new ConditionalSampler(enc, layout);
    const rng = createRng(1);
    const b = t.sampleCondvec(10, rng)!;
    const ids = t.sampleRowIndices(10, b.col, b.cat, rng);
    for (let i = 0; i < 10; i++) {
      const d = layout.discrete[b.col[i]!]!;
      expect(enc.data[ids[i]! * 8 + d.start + b.cat[i]!]).toBe(1);
    }
  });
});
