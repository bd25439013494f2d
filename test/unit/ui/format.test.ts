import { describe, expect, it } from 'vitest';
import { baseName, formatCount, formatDuration, formatLoss, formatPercent, modelFileName, syntheticFileName } from '../../../src/ui/shared/format.ts';

describe('format', () => {
  it('formatCount groups thousands without the locale', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-48842)).toBe('-48,842');
  });

  it('formatDuration picks seconds, minutes or hours', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(-1)).toBe('');
    expect(formatDuration(Number.NaN)).toBe('');
    expect(formatDuration(3.25)).toBe('3.3 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
  });

  it('formatLoss and formatPercent', () => {
    expect(formatLoss(undefined)).toBe('–');
    expect(formatLoss(Number.POSITIVE_INFINITY)).toBe('–');
    expect(formatLoss(-1.23456)).toBe('-1.235');
    expect(formatLoss(1234.5)).toBe('1235');
    expect(formatPercent(0.1234)).toBe('12.3%');
  });

  it('names downloads after the input file', () => {
    expect(baseName('adult.csv')).toBe('adult');
    expect(baseName('C:\\data\\my.table.tsv')).toBe('my.table');
    expect(baseName('/tmp/.hidden')).toBe('.hidden');
    expect(baseName('')).toBe('data');
    expect(syntheticFileName('adult.csv')).toBe('adult-synthetic.csv');
    expect(modelFileName('adult.csv')).toBe('adult-model.json');
  });
});
