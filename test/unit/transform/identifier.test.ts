import { describe, expect, it } from 'vitest';
import { fitIdShape, generateIds } from '../../../src/core/transform/identifier.ts';
import { createRng } from '../../../src/core/rng.ts';
import { numericColumn, stringColumn } from '../../../src/core/table/table.ts';

describe('identifier shapes', () => {
  it('keeps UUID structure: hex slots, literal dashes and version digit', () => {
    const rng = createRng(1);
    const hex = (n: number): string => Array.from({ length: n }, () => '0123456789abcdef'[rng.int(16)]).join('');
    const uuids = Array.from({ length: 50 }, () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`);
    const shape = fitIdShape(stringColumn('u', uuids));
    const out = generateIds(shape, 200, 0, createRng(2)) as string[];
    expect(new Set(out).size).toBe(200);
    for (const u of out) expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const u of out) expect(uuids).not.toContain(u);
  });

  it('handles varying lengths with a literal prefix and unpadded numbers', () => {
    const shape = fitIdShape(stringColumn('u', ['user7', 'user42', 'user1234', 'user9']));
    expect(shape).toMatchObject({ type: 'variable', prefix: 'user', suffix: '', cls: 'd', minLen: 1, maxLen: 4 });
    const out = generateIds(shape, 300, 0, createRng(3)) as string[];
    expect(new Set(out).size).toBe(300);
    for (const u of out) expect(u).toMatch(/^user(0|[1-9]\d{0,3})$/);
  });

  it('stays unique when the shape has fewer values than rows', () => {
    const shape = fitIdShape(stringColumn('u', ['A1', 'A2', 'A3']));
    const out = generateIds(shape, 30, 0, createRng(4)) as string[];
    expect(new Set(out).size).toBe(30);
  });

  it('draws numeric ids as distinct integers inside the real range', () => {
    const shape = fitIdShape(numericColumn('n', Float64Array.from([1005, 1001, 1900, 1500])));
    expect(shape).toEqual({ type: 'numeric', min: 1001, max: 1900, increasing: false });
    const out = generateIds(shape, 500, 0, createRng(5)) as number[];
    expect(new Set(out).size).toBe(500);
    for (const v of out) expect(Number.isInteger(v) && v >= 1001 && v <= 1900).toBe(true);
    const tight = generateIds({ type: 'numeric', min: 1, max: 3, increasing: true }, 5, 0, createRng(5)) as number[];
    expect(tight).toEqual([1, 2, 3, 4, 5]);
  });
});
