import { describe, expect, it } from 'vitest';
import { binDistributions, MISSING_LABEL, NUMERIC_BINS, OTHER_LABEL, prepareBins, TOP_CATEGORIES } from '../../../src/worker/distributions.ts';
import { numericColumn, stringColumn, type Table } from '../../../src/core/table/table.ts';
import type { ColumnKind } from '../../../src/core/types.ts';

const kinds = new Map<string, ColumnKind>();

describe('live distributions', () => {
  it('bins numbers into equal-width bins fixed by the real range; outliers land in the end bins', () => {
    const real: Table = { rowCount: 4, columns: [numericColumn('x', Float64Array.of(0, 10, 20, NaN))] };
    const [bins] = prepareBins(real, ['x'], kinds);
    expect(bins!.labels).toHaveLength(NUMERIC_BINS);
    expect(bins!.labels[0]).toBe('0–1');
    expect(bins!.labels[NUMERIC_BINS - 1]).toBe('19–20');
    const synth: Table = { rowCount: 5, columns: [numericColumn('x', Float64Array.of(-5, 0.5, 10, 25, NaN))] };
    const [d] = binDistributions([bins!], synth);
    expect(d!.labels.at(-1)).toBe(MISSING_LABEL);
    // Real: 0 -> bin 0, 10 -> bin 10, 20 -> last bin (the max is inside), NaN -> missing.
    expect(d!.real[0]).toBe(0.25);
    expect(d!.real[10]).toBe(0.25);
    expect(d!.real[NUMERIC_BINS - 1]).toBe(0.25);
    expect(d!.real[NUMERIC_BINS]).toBe(0.25);
    // Synthetic: -5 and 0.5 -> bin 0; 10 -> bin 10; 25 -> last; NaN -> missing.
    expect(d!.synthetic[0]).toBe(0.4);
    expect(d!.synthetic[10]).toBe(0.2);
    expect(d!.synthetic[NUMERIC_BINS - 1]).toBe(0.2);
    expect(d!.synthetic[NUMERIC_BINS]).toBe(0.2);
  });

  it('gives a constant numeric column one bin', () => {
    const real: Table = { rowCount: 2, columns: [numericColumn('k', Float64Array.of(3, 3))] };
    const [d] = binDistributions(prepareBins(real, ['k'], kinds), real);
    expect(d).toMatchObject({ labels: ['3–3'], real: [1], synthetic: [1] });
  });

  it('counts categories by text, most frequent first; unseen synthetic values go to (other)', () => {
    const real: Table = { rowCount: 4, columns: [stringColumn('c', ['b', 'a', 'b', null])] };
    const synth: Table = { rowCount: 4, columns: [stringColumn('c', ['a', 'z', 'a', 'b'])] };
    const [d] = binDistributions(prepareBins(real, ['c'], kinds), synth);
    expect(d).toEqual({ column: 'c', kind: 'categorical', labels: ['b', 'a', OTHER_LABEL, MISSING_LABEL], real: [0.5, 0.25, 0, 0.25], synthetic: [0.25, 0.5, 0.25, 0] });
  });

  it('keeps the top categories and folds the rest into (other)', () => {
    const values = Array.from({ length: TOP_CATEGORIES + 5 }, (_, i) => `v${i}`);
    const real: Table = { rowCount: values.length, columns: [stringColumn('c', values)] };
    const [d] = binDistributions(prepareBins(real, ['c'], kinds), real);
    expect(d!.labels).toHaveLength(TOP_CATEGORIES + 1);
    expect(d!.labels.at(-1)).toBe(OTHER_LABEL);
    expect(d!.real.at(-1)).toBeCloseTo(5 / values.length, 12);
    expect(d!.synthetic).toEqual(d!.real);
  });

  it('treats a numeric column planned as categorical as categories', () => {
    const real: Table = { rowCount: 3, columns: [numericColumn('n', Float64Array.of(1, 2, 2))] };
    const [bins] = prepareBins(real, ['n'], new Map([['n', 'categorical']]));
    expect(bins!.mode).toBe('category');
    expect(bins!.labels).toEqual(['2', '1']);
  });

  it('names an unknown column in a clear error', () => {
    const real: Table = { rowCount: 0, columns: [] };
    expect(() => prepareBins(real, ['ghost'], kinds)).toThrow('No column named "ghost" to chart.');
  });

  it('skips a column the synthetic table does not have (excluded)', () => {
    const real: Table = { rowCount: 1, columns: [numericColumn('x', Float64Array.of(1))] };
    expect(binDistributions(prepareBins(real, ['x'], kinds), { rowCount: 0, columns: [] })).toEqual([]);
  });
});
