import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/metrics/evaluate.ts';
import type { ColumnScore, PairScore } from '../../../src/core/metrics/evaluate.ts';
import { createRng } from '../../../src/core/rng.ts';
import { numericColumn, stringColumn, type Table } from '../../../src/core/table/table.ts';
import {
  cellLabel, columnScoreRows, efficacyTargets, heatmapLayout, formatScore, heatColor, heatTextColor, missingRows, overallScore, pairRows, readReport, reportFileName, reportJson, scoreBand, shortName,
} from '../../../src/ui/report/report-data.ts';

function table(n: number, seed: number): Table {
  const rng = createRng(seed);
  const x = Float64Array.from({ length: n }, () => Math.round(rng.normal() * 10));
  return {
    rowCount: n,
    columns: [numericColumn('x', x), numericColumn('y', Float64Array.from(x, (v, i) => (i % 7 === 0 ? NaN : 2 * v + 1))), stringColumn('c', Array.from(x, (v) => (v > 0 ? 'hi' : 'lo')))],
  };
}

describe('report data', () => {
  it('readReport accepts what core/metrics evaluate() builds, and JSON export round-trips it', () => {
    const real = table(120, 1);
    const report = evaluate(real, table(120, 2), { holdout: table(30, 3), target: 'c', rng: createRng(0) });
    const read = readReport(report);
    expect(read).toBe(report);
    const parsed = JSON.parse(reportJson(read!)) as { quality: { overall: number }; efficacy: { target: string } };
    expect(parsed.quality.overall).toBe(report.quality.overall);
    expect(parsed.efficacy.target).toBe('c');
    expect(overallScore(report)).toBe(report.quality.overall);
  });

  it('readReport rejects a report missing a section the panel draws; overallScore still reads the score', () => {
    expect(readReport(null)).toBeNull();
    expect(readReport({ quality: { overall: 0.5 } })).toBeNull();
    expect(readReport({ realRows: 3 })).toBeNull();
    expect(overallScore({ quality: { overall: 0.5 } })).toBe(0.5);
    expect(overallScore({ quality: { overall: Number.NaN } })).toBeNull();
    expect(overallScore('0.5')).toBeNull();
  });

  it('reportJson writes a NaN score as null (JSON has no NaN)', () => {
    const report = readReport(evaluate(table(40, 1), table(40, 2), { rng: createRng(0) }))!;
    const withNaN = { ...report, quality: { ...report.quality, columnPairTrends: Number.NaN } };
    expect((JSON.parse(reportJson(withNaN)) as { quality: { columnPairTrends: unknown } }).quality.columnPairTrends).toBeNull();
  });

  it('column bars come worst first, ties by name', () => {
    const cols: ColumnScore[] = [
      { name: 'b', metric: 'KSComplement', score: 0.9 },
      { name: 'a', metric: 'TVComplement', score: 0.5 },
      { name: 'c', metric: 'KSComplement', score: 0.9 },
      { name: 'aa', metric: 'KSComplement', score: 0.5 },
    ];
    expect(columnScoreRows(cols).map((c) => c.name)).toEqual(['a', 'aa', 'b', 'c']);
    expect(cols.map((c) => c.name)).toEqual(['b', 'a', 'c', 'aa']); // not sorted in place
  });

  it('pair rows: worst first, trending only on request, at most the limit', () => {
    const pair = (a: string, score: number, trending: boolean): PairScore => ({ a, b: 'z', metric: 'ContingencySimilarity', real: 0, synthetic: 0, score, trending });
    const pairs = [pair('p', 0.9, true), pair('q', 0.2, false), pair('r', 0.5, true), pair('s', 0.7, false)];
    expect(pairRows(pairs, false).map((p) => p.a)).toEqual(['q', 'r', 's', 'p']);
    expect(pairRows(pairs, true).map((p) => p.a)).toEqual(['r', 'p']);
    expect(pairRows(pairs, false, 2).map((p) => p.a)).toEqual(['q', 'r']);
  });

  it('missing rows keep only columns with missing values', () => {
    expect(missingRows([{ name: 'a', real: 0, synthetic: 0 }, { name: 'b', real: 0, synthetic: 0.1 }, { name: 'c', real: 0.2, synthetic: 0 }]).map((m) => m.name)).toEqual(['b', 'c']);
  });

  it('efficacy targets are the categorical and boolean columns that are not excluded', () => {
    expect(
      efficacyTargets([
        { name: 'age', kind: 'integer' },
        { name: 'income', kind: 'categorical' },
        { name: 'flag', kind: 'boolean' },
        { name: 'gone', kind: 'categorical', excluded: true },
        { name: 'id', kind: 'identifier' },
      ]),
    ).toEqual(['income', 'flag']);
  });

  it('formats scores, bands and names', () => {
    expect(formatScore(0.8351)).toBe('0.84');
    expect(formatScore(0.8351, 3)).toBe('0.835');
    expect(formatScore(Number.NaN)).toBe('—');
    expect(formatScore(null)).toBe('—');
    expect([0.9, 0.85, 0.8, 0.7, 0.69].map(scoreBand)).toEqual(['good', 'good', 'fair', 'fair', 'poor']);
    expect(reportFileName('adult.csv')).toBe('adult-report.json');
    expect(shortName('capital-gain')).toBe('capital-gain');
    expect(shortName('native-country-of-birth', 10)).toBe('native-co…');
  });

  it('heat colours: white at 0, red at +1, blue at -1, clamped beyond, readable text on dark cells', () => {
    expect(heatColor(0)).toBe('rgb(248,250,252)');
    expect(heatColor(1)).toBe('rgb(220,38,38)');
    expect(heatColor(-1)).toBe('rgb(37,99,235)');
    expect(heatColor(-2)).toBe(heatColor(-1));
    expect(heatColor(Number.NaN)).toBe(heatColor(0));
    expect(heatColor(0.5)).toBe('rgb(234,144,145)');
    expect(heatTextColor(0.9)).toBe('#ffffff');
    expect(heatTextColor(-0.2)).toBe('#111827');
  });

  it('heatmap cell labels: one decimal, no leading zero, 0 for values that round to zero', () => {
    expect([0.43, -0.26, 1, -0.04, 0.04, Number.NaN].map(cellLabel)).toEqual(['.4', '-.3', '1.0', '0', '0', '']);
  });

  it('heatmap layout: cells shrink as columns grow (16..40), label room follows the longest name', () => {
    const few = heatmapLayout(['a', 'b']);
    expect(few.cell).toBe(40);
    expect(few.width).toBe(few.left + 2 * 40 + 4);
    const many = heatmapLayout(Array.from({ length: 30 }, (_, i) => `column-${i}`));
    expect(many.cell).toBe(16);
    expect(heatmapLayout(['a-much-longer-name', 'b']).left).toBeGreaterThan(few.left);
    expect(heatmapLayout(['a-much-longer-name-than-fits']).left).toBe(heatmapLayout(['a-much-longer-'] ).left);
  });
});
