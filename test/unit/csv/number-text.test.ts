import { describe, expect, it } from 'vitest';
import { NOT_PLAIN, formatFixed, numberDecimals, scanNumber } from '../../../src/core/csv/number-text.ts';

describe('numberDecimals', () => {
  it('counts decimal places of plain numbers', () => {
    expect(numberDecimals('0')).toBe(0);
    expect(numberDecimals('-12')).toBe(0);
    expect(numberDecimals('3.140')).toBe(3);
    expect(numberDecimals('0.5')).toBe(1);
    expect(numberDecimals('.5')).toBe(1);
    expect(numberDecimals('1.')).toBe(0);
    expect(numberDecimals('1e-05')).toBe(5);
    expect(numberDecimals('1.25E-3')).toBe(5);
    expect(numberDecimals('1.5e3')).toBe(0);
    expect(numberDecimals('1e-300')).toBe(20);
    expect(numberDecimals('9007199254740991')).toBe(0);
    expect(numberDecimals('1e20')).toBe(0);
    expect(numberDecimals('0.30000000000000004')).toBe(17);
  });

  it('rejects non-numbers, leading zeros and non-finite values', () => {
    for (const s of ['', '-', '+', '.', 'e5', '1e', '007', '-01', '00.5', '1,5', '1_000', '0x1F', 'Infinity', 'NaN', ' 1', '1 ', '1e999', '--1', '9007199254740993', '-12345678901234567890']) {
      expect(numberDecimals(s), s).toBe(-1);
    }
  });

  it('flags texts that might not print back the same', () => {
    expect(scanNumber('1.50') & NOT_PLAIN).toBe(0);
    expect(scanNumber('-3') & NOT_PLAIN).toBe(0);
    for (const s of ['+3', '.5', '1.', '1e3', '-0', '-0.00', '1234567890123456']) expect(scanNumber(s) & NOT_PLAIN, s).toBe(NOT_PLAIN);
  });
});

describe('formatFixed', () => {
  it('prints fixed decimals without exponent or negative zero', () => {
    expect(formatFixed(1.5, 2)).toBe('1.50');
    expect(formatFixed(1e-7, 3)).toBe('0.000');
    expect(formatFixed(-1e-7, 3)).toBe('0.000');
    expect(formatFixed(-0, 0)).toBe('0');
    expect(formatFixed(-2.5, 0)).toBe('-3');
    expect(formatFixed(2e21, 0)).toBe('2000000000000000000000');
    expect(formatFixed(NaN, 2)).toBe('');
  });
});
