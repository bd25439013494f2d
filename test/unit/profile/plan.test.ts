import { describe, expect, it } from 'vitest';
import { applyKindOverride, planFromProfile } from '../../../src/core/profile/plan.ts';
import { profileTable } from '../../../src/core/profile/profile.ts';
import { numericColumn, stringColumn, type Table } from '../../../src/core/table/table.ts';

const table: Table = {
  rowCount: 4,
  columns: [
    numericColumn('age', new Float64Array([30, 40, 50, 60])),
    stringColumn('city', ['a', 'b', 'a', 'c']),
    stringColumn('when', ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04']),
  ],
};
const profile = profileTable(table, { pii: false }); // personal-data actions: plan-pii.test.ts

describe('applyKindOverride', () => {
  it('changes one column and keeps the profiler reason inside the new one', () => {
    const p = applyKindOverride(profile, 'age', 'categorical');
    expect(p.columns[0]!.kind).toBe('categorical');
    expect(p.columns[0]!.reason).toMatch(/^Set by the user \(detected as integer: /);
    expect(profile.columns[0]!.kind).toBe('integer'); // the input is not mutated
    expect(applyKindOverride(p, 'when', 'categorical').columns[2]!.kind).toBe('categorical');
  });

  it('refuses unknown columns and impossible kinds', () => {
    expect(() => applyKindOverride(profile, 'nope', 'integer')).toThrow("No column named 'nope'");
    expect(() => applyKindOverride(profile, 'city', 'continuous')).toThrow("Column 'city' holds text, so it cannot be continuous");
    expect(() => applyKindOverride(profile, 'city', 'boolean')).toThrow('3 distinct values');
    expect(() => applyKindOverride(profile, 'city', 'datetime')).toThrow('no date format');
    expect(() => applyKindOverride(profile, 'age', 'text')).toThrow('holds numbers');
  });
});

describe('planFromProfile', () => {
  it('is the profile kinds by default', () => {
    expect(planFromProfile(profile)).toEqual([
      { name: 'age', kind: 'integer' }, { name: 'city', kind: 'categorical' }, { name: 'when', kind: 'datetime' },
    ]);
  });

  it('applies kind overrides and exclusions', () => {
    expect(planFromProfile(profile, { age: { kind: 'continuous' }, when: { excluded: true } })).toEqual([
      { name: 'age', kind: 'continuous' }, { name: 'city', kind: 'categorical' }, { name: 'when', kind: 'datetime', excluded: true },
    ]);
    expect(() => planFromProfile(profile, { zzz: { excluded: true } })).toThrow("No column named 'zzz'");
    expect(() => planFromProfile(profile, { city: { kind: 'integer' } })).toThrow('holds text');
  });
});
