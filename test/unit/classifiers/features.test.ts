import { describe, expect, it } from 'vitest';
import { buildFeatures, encodeLabels, fitLabels } from '../../../src/core/classifiers/features.ts';
import { numericColumn, stringColumn } from '../../../src/core/table/table.ts';
import type { Table } from '../../../src/core/table/table.ts';

const train: Table = {
  rowCount: 4,
  columns: [
    numericColumn('age', Float64Array.of(20, 30, NaN, 50)),
    stringColumn('city', [' Paris', 'Rome', 'Paris', null]),
    stringColumn('y', ['no', 'yes', 'no', 'no']),
  ],
};

describe('buildFeatures', () => {
  it('standardises numerics with train statistics and one-hot encodes categories', () => {
    const { encoder, X } = buildFeatures(train, 'y');
    // age: mean of 20, 30, 50 = 100/3; population std = sqrt(((20-m)^2 + (30-m)^2 + (50-m)^2) / 3).
    const m = 100 / 3;
    const sd = Math.sqrt(((20 - m) ** 2 + (30 - m) ** 2 + (50 - m) ** 2) / 3);
    // city: Paris (2), then missing and Rome (1 each; ties by text, the missing marker sorts first).
    expect(encoder.names).toEqual(['age', 'age=missing', 'city=Paris', 'city=missing', 'city=Rome']);
    expect(X[0]![0]).toBeCloseTo((20 - m) / sd, 12);
    expect(Array.from(X[2]!)).toEqual([0, 1, 1, 0, 0]);
    expect(Array.from(X[3]!.slice(2))).toEqual([0, 1, 0]);
  });

  it('encodes unseen categories as zeros on a test table', () => {
    const { encoder } = buildFeatures(train, 'y');
    const test: Table = { rowCount: 1, columns: [numericColumn('age', Float64Array.of(100 / 3)), stringColumn('city', ['Oslo']), stringColumn('y', ['no'])] };
    expect(Array.from(encoder.transform(test)[0]!)).toEqual([0, 0, 0, 0, 0]);
  });

  it('labels: binary positive = minority; unseen / missing -> -1', () => {
    const enc = fitLabels(train, 'y');
    expect(enc.classes).toEqual(['no', 'yes']);
    expect(enc.positive).toBe(1);
    const t: Table = { rowCount: 3, columns: [stringColumn('y', ['yes ', 'maybe', null])] };
    expect(Array.from(encodeLabels(t, 'y', enc))).toEqual([1, -1, -1]);
    expect(fitLabels(train, 'y', 'no').positive).toBe(0);
    expect(() => fitLabels(train, 'y', 'perhaps')).toThrow(/does not occur/);
  });
});
