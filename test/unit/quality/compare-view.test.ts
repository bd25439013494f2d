/** The compare panel's pure helpers: request validation, progress text, chart rows. */
import { describe, expect, it } from 'vitest';
import { chartRows, compareRequest, progressText } from '../../../src/ui/compare/compare-view.ts';
import type { CompareResult } from '../../../src/worker/compare.ts';

const m = (name: 'ctgan' | 'tvae', q: number) => ({
  name, quality: q, shapes: q, pairTrends: q, pairTrendsTrending: null, exactCopyRate: 0, dcrMedian: 0.1, tstrF1: 0.5, trainSeconds: 1, sampleSeconds: 0.1, epochs: 3,
});

describe('compare view', () => {
  it('asks for 2-3 methods and whole epochs', () => {
    expect(compareRequest({ methods: ['ctgan'], epochs: 5, seed: 0, target: '' }).problem).toMatch(/two or three/);
    expect(compareRequest({ methods: ['ctgan', 'tvae', 'copula', 'profile'], epochs: 5, seed: 0, target: '' }).body).toBeNull();
    expect(compareRequest({ methods: ['ctgan', 'tvae'], epochs: 0, seed: 0, target: '' }).problem).toMatch(/Epochs/);
    expect(compareRequest({ methods: ['ctgan', 'tvae'], epochs: 5, seed: 3, target: 'income' }).body).toEqual({ type: 'compare', methods: ['ctgan', 'tvae'], epochs: 5, seed: 3, target: 'income' });
  });

  it('words progress and shapes chart rows (TSTR only with a target, missing values as 0)', () => {
    expect(progressText({ type: 'compare-progress', requestId: 1, method: 'tvae', index: 1, total: 2, stage: 'train', epoch: 4, epochs: 10 })).toBe('TVAE (2 of 2): epoch 4 of 10');
    const r: CompareResult = { methods: [m('ctgan', 0.8), m('tvae', 0.9)], rows: { train: 8, holdout: 2, synthetic: 8 }, holdoutDcrMedian: 0.1, seed: 0 };
    const rows = chartRows(r);
    expect(rows.map((x) => x.metric)).toEqual(['Quality', 'Column shapes', 'Pair trends', 'Pair trends (trending)']);
    expect(rows[0]).toEqual({ metric: 'Quality', ctgan: 0.8, tvae: 0.9 });
    expect(rows[3]).toEqual({ metric: 'Pair trends (trending)', ctgan: 0, tvae: 0 });
    expect(chartRows({ ...r, target: 'y' }).at(-1)).toEqual({ metric: 'TSTR F1', ctgan: 0.5, tvae: 0.5 });
  });
});
