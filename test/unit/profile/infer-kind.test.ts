import { describe, expect, it } from 'vitest';
import { inferKind, looksLikeIdName, type ColumnFacts } from '../../../src/core/profile/infer-kind.ts';

const text = (f: Partial<ColumnFacts>): ColumnFacts => ({ name: 'c', valueType: 'string', rows: 100, count: 100, distinct: 5, meanLength: 6, ...f });
const num = (f: Partial<ColumnFacts>): ColumnFacts => ({ name: 'c', valueType: 'numeric', rows: 100, count: 100, distinct: 50, integer: true, min: 0, max: 1000, ...f });

describe('inferKind', () => {
  it('empty and constant', () => {
    expect(inferKind(text({ count: 0, distinct: 0 })).kind).toBe('empty');
    expect(inferKind(text({ count: 0, distinct: 0 })).reason).toBe('All 100 cells are missing');
    expect(inferKind(num({ distinct: 1, fewValues: ['7'] }))).toEqual({ kind: 'constant', reason: "Every value is '7'" });
    expect(inferKind(text({ count: 90, distinct: 1, fewValues: ['x'] })).reason).toBe("Every value is 'x', 10 missing");
  });

  it('boolean for the known pairs only, case-insensitive', () => {
    for (const pair of [['true', 'false'], ['Yes', 'NO'], ['y', 'n'], ['T', 'f'], ['0', '1']]) {
      expect(inferKind(text({ distinct: 2, fewValues: pair })).kind, pair.join('/')).toBe('boolean');
    }
    expect(inferKind(num({ distinct: 2, fewValues: ['1', '0'] })).kind).toBe('boolean');
    expect(inferKind(text({ distinct: 2, fewValues: ['<=50K', '>50K'] })).kind).toBe('categorical');
    expect(inferKind(num({ distinct: 2, fewValues: ['1', '2'] })).kind).toBe('categorical');
  });

  it('datetime when a format was found', () => {
    expect(inferKind(text({ distinct: 80, datetimeFormat: 'YYYY-MM-DD' }))).toEqual({ kind: 'datetime', reason: 'Dates in the format YYYY-MM-DD' });
  });

  it('identifier: unique short text, or unique whole numbers that are dense or named like ids', () => {
    expect(inferKind(text({ distinct: 100 })).kind).toBe('identifier');
    expect(inferKind(num({ distinct: 100, min: 1, max: 100 })).kind).toBe('identifier');
    expect(inferKind(num({ name: 'customer_id', distinct: 100, min: 10_000, max: 99_999_999 })).kind).toBe('identifier');
    // Sparse unique integers (fnlwgt in a small sample) are integers, unique floats continuous.
    expect(inferKind(num({ name: 'fnlwgt', distinct: 100, min: 20_000, max: 1_000_000 })).kind).toBe('integer');
    expect(inferKind(num({ distinct: 100, integer: false, min: 0, max: 1 })).kind).toBe('continuous');
    // Not with a missing cell, nor in a tiny table.
    expect(inferKind(text({ count: 99, distinct: 99 })).kind).toBe('text');
    expect(inferKind(text({ rows: 10, count: 10, distinct: 10 })).kind).toBe('categorical');
  });

  it('text: long mostly-unique strings, or short mostly-unique ones', () => {
    const long = inferKind(text({ distinct: 100, meanLength: 80 }));
    expect(long.kind).toBe('text');
    expect(long.reason).toBe('Long text (mean 80 characters), 100% distinct');
    expect(inferKind(text({ distinct: 60, meanLength: 12 })).kind).toBe('text');
    expect(inferKind(text({ distinct: 40, meanLength: 45 })).kind).toBe('categorical');
  });

  it('high-cardinality text that repeats is categorical with a warning', () => {
    const d = inferKind(text({ rows: 1_000_000, count: 1_000_000, distinct: 10_000 }));
    expect(d.kind).toBe('categorical');
    expect(d.warning).toContain('10000 categories');
    expect(inferKind(text({ distinct: 30 })).warning).toBeUndefined();
  });

  it('whole numbers: categorical up to min(round(count / 10), 10) distinct values, else integer', () => {
    expect(inferKind(num({ rows: 1000, count: 1000, distinct: 10 })).kind).toBe('categorical');
    expect(inferKind(num({ rows: 1000, count: 1000, distinct: 11 })).kind).toBe('integer');
    expect(inferKind(num({ rows: 40, count: 40, distinct: 4, min: 1, max: 5 })).kind).toBe('categorical');
    expect(inferKind(num({ rows: 40, count: 40, distinct: 5, min: 1, max: 5 })).kind).toBe('integer');
    expect(inferKind(num({ distinct: 5, integer: false })).kind).toBe('continuous');
  });
});

describe('looksLikeIdName', () => {
  it('matches id-like names but not words ending in "id"', () => {
    for (const n of ['id', 'ID', 'user_id', 'customer id', 'id_user', 'key', 'uuid', 'userId', 'order-ids']) expect(looksLikeIdName(n), n).toBe(true);
    for (const n of ['paid', 'valid', 'fluid', 'keyboard', 'idle', 'width']) expect(looksLikeIdName(n), n).toBe(false);
  });
});
