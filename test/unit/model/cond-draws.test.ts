/**
 * The conditions the model draws through core/sampler: unconditional-generation draws from stored
 * category counts (a loaded model has no rows) match the sampler's own draws, and condition values
 * resolve by core matchCategory.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import { ConditionalSampler, matchCategory, sampleOriginalCondIndices } from '../../../src/core/sampler/conditional-sampler.ts';
import { NULL_CATEGORY } from '../../../src/core/transform/layout.ts';
import { toyLayout, toyMatrix } from './helpers.ts';

describe('sampleOriginalCondIndices (sampling from stored counts)', () => {
  it('draws exactly what ConditionalSampler#sampleOriginalCondvec draws under the same seed', () => {
    const layout = toyLayout();
    const m = toyMatrix(300, createRng(1), 0.7);
    const s = new ConditionalSampler(m, layout);
    const counts = layout.discrete.map((_, d) => s.categoryCounts(d));
    expect(counts[0]!.reduce((a, b) => a + b, 0)).toBe(300);
    const idx = sampleOriginalCondIndices(layout.discrete, counts, 500, createRng(9))!;
    const oneHot = s.sampleOriginalCondvec(500, createRng(9))!;
    const fromOneHot = Array.from({ length: 500 }, (_, i) => oneHot.subarray(i * 2, i * 2 + 2).indexOf(1));
    expect(Array.from(idx)).toEqual(fromOneHot);
  });

  it('follows the empirical frequencies (90/10 counts -> about 90% category 0)', () => {
    const layout = toyLayout();
    const idx = sampleOriginalCondIndices(layout.discrete, [[90, 10]], 20_000, createRng(3))!;
    const share = idx.reduce((a, v) => a + (v === 0 ? 1 : 0), 0) / idx.length;
    expect(share).toBeGreaterThan(0.88);
    expect(share).toBeLessThan(0.92);
  });

  it('skips columns without counts and returns null when none has any', () => {
    const layout = toyLayout();
    expect(sampleOriginalCondIndices(layout.discrete, [[0, 0]], 10, createRng(1))).toBeNull();
    expect(sampleOriginalCondIndices([], [], 10, createRng(1))).toBeNull();
    const two = [...layout.discrete, { column: 2, start: 5, width: 3, condStart: 2, categories: ['x', 'y', 'z'] }];
    const idx = sampleOriginalCondIndices(two, [[0, 0], [0, 5, 0]], 50, createRng(2))!;
    expect(new Set(idx)).toEqual(new Set([3])); // only column 2's only category (condStart 2 + 1)
  });
});

describe('matchCategory', () => {
  it('matches exactly first, then a unique trimmed match, never the missing category loosely', () => {
    const cats = [' Private', ' State-gov', 'a', ' a', NULL_CATEGORY];
    expect(matchCategory(cats, ' Private')).toBe(0);
    expect(matchCategory(cats, 'Private')).toBe(0);
    expect(matchCategory(cats, 'State-gov  ')).toBe(1);
    expect(matchCategory(cats, ' a')).toBe(3); // exact wins over the trimmed 'a'
    expect(matchCategory(cats, '  a ')).toBe(-1); // 'a' and ' a' both trim to 'a': ambiguous
    expect(matchCategory(cats, 'Self-emp')).toBe(-1);
    expect(matchCategory(cats, NULL_CATEGORY)).toBe(4);
  });
});
