import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../../src/core/types.ts';
import { hasPiiColumn, piiGuess, withExcluded, withKind, withPii } from '../../../src/ui/profile/plan.ts';
import { sparkBars } from '../../../src/ui/profile/sparkline.ts';
import { distributionEvery, distributionRows, liveDistributionColumns } from '../../../src/ui/train/chart-data.ts';

const base: ColumnProfile = { name: 'x', index: 0, kind: 'continuous', reason: '', count: 4, missing: 0, distinct: 4 };

describe('plan edits', () => {
  const plan = [{ name: 'a', kind: 'continuous' as const }, { name: 'b', kind: 'categorical' as const }];

  it('change one column and leave the input untouched', () => {
    expect(withKind(plan, 'b', 'text')).toEqual([{ name: 'a', kind: 'continuous' }, { name: 'b', kind: 'text' }]);
    expect(withExcluded(plan, 'a', true)[0]).toEqual({ name: 'a', kind: 'continuous', excluded: true });
    expect(plan[1]!.kind).toBe('categorical');
  });

  it('dropping a personal column also excludes it', () => {
    expect(withPii(plan, 'a', 'drop')[0]).toEqual({ name: 'a', kind: 'continuous', pii: 'drop', action: 'drop', excluded: true });
    expect(withPii(plan, 'a', 'fake')[0]).toEqual({ name: 'a', kind: 'continuous', pii: 'fake', action: 'fake' });
    expect(withPii(withPii(plan, 'a', 'drop'), 'a', 'learn')[0]).toEqual({ name: 'a', kind: 'continuous', pii: 'learn', action: 'learn', excluded: false });
  });

  it('reads a PII guess only in a shape it understands', () => {
    expect(piiGuess(base)).toBeNull();
    expect(piiGuess({ ...base, pii: { kind: 'email', confidence: 0.9, reason: 'looks like e-mail' } } as ColumnProfile)).toEqual({ kind: 'email', confidence: 0.9, reason: 'looks like e-mail', suggested: 'fake' });
    expect(piiGuess({ ...base, pii: { type: 'whatever', score: 0.5, action: 'drop' } } as unknown as ColumnProfile)).toEqual({ kind: 'whatever', confidence: 0.5, suggested: 'drop' });
    expect(piiGuess({ ...base, pii: { kind: 'unknown-kind', confidence: 0.7 } } as unknown as ColumnProfile)?.suggested).toBe('learn');
    expect(piiGuess({ ...base, pii: { kind: 'email' } } as unknown as ColumnProfile)).toBeNull();
    expect(piiGuess({ ...base, pii: 'email' } as unknown as ColumnProfile)).toBeNull();
    expect(hasPiiColumn([base, { ...base, pii: { kind: 'name', confidence: 1 } } as unknown as ColumnProfile])).toBe(true);
  });
});

describe('sparkBars', () => {
  it('scales histogram counts to the tallest bar', () => {
    const col: ColumnProfile = { ...base, numeric: { min: 0, max: 3, mean: 1, std: 1, quantiles: { p01: 0, p05: 0, p25: 0, p50: 1, p75: 2, p95: 3, p99: 3 }, decimals: 0, histogram: { edges: [0, 1, 2, 3], counts: [1, 4, 2] } } };
    const bars = sparkBars(col)!;
    expect(bars.heights).toEqual([0.25, 1, 0.5]);
    expect(bars.labels[1]).toBe('1 – 2: 4');
  });

  it('uses top categories, and merges neighbours beyond 24 bins', () => {
    expect(sparkBars({ ...base, kind: 'categorical', categories: { top: [{ value: ' a', count: 2 }, { value: '', count: 1 }] } })).toEqual({ heights: [1, 0.5], labels: ['a: 2', '(blank): 1'] });
    const counts = Array.from({ length: 100 }, () => 1);
    const edges = Array.from({ length: 101 }, (_, i) => i);
    const many = sparkBars({ ...base, numeric: { min: 0, max: 100, mean: 50, std: 1, quantiles: { p01: 0, p05: 0, p25: 0, p50: 0, p75: 0, p95: 0, p99: 0 }, decimals: 0, histogram: { edges, counts } } })!;
    expect(many.heights.length).toBeLessThanOrEqual(24);
    expect(many.heights.every((h) => h > 0)).toBe(true);
  });

  it('draws nothing for a column without stats', () => {
    expect(sparkBars({ ...base, kind: 'text' })).toBeNull();
  });
});

describe('chart data', () => {
  it('charts learned, included columns, at most the cap', () => {
    const plan = [
      { name: 'id', kind: 'identifier' as const },
      { name: 'a', kind: 'continuous' as const },
      { name: 'b', kind: 'categorical' as const, excluded: true },
      { name: 'c', kind: 'boolean' as const },
      { name: 'd', kind: 'datetime' as const },
    ];
    expect(liveDistributionColumns(plan)).toEqual(['a', 'c', 'd']);
    expect(liveDistributionColumns(plan, 2)).toEqual(['a', 'c']);
  });

  it('posts every epoch for short runs and every 5 for long ones', () => {
    expect(distributionEvery(2)).toBe(1);
    expect(distributionEvery(40)).toBe(2);
    expect(distributionEvery(300)).toBe(5);
  });

  it('zips labels with both sides', () => {
    expect(distributionRows({ column: 'c', kind: 'categorical', labels: ['x', 'y'], real: [0.5, 0.5], synthetic: [1] })).toEqual([
      { label: 'x', real: 0.5, synthetic: 1 },
      { label: 'y', real: 0.5, synthetic: 0 },
    ]);
  });
});
