import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import { cellText, numericColumn, stringColumn, type Column, type Table } from '../../../src/core/table/table.ts';
import { DataTransformer } from '../../../src/core/transform/transformer.ts';
import type { ColumnPlan } from '../../../src/core/types.ts';
import { expectedDecode, expectSpansTile, gmmState } from './helpers.ts';

type Spec =
  | { t: 'num'; decimals: number; integer: boolean; cells: (number | null)[] }
  | { t: 'cat'; cells: (string | null)[] };

/** A random small table: numeric columns (integers or fixed decimals, some nulls) and categorical ones. */
const tableArb = fc.integer({ min: 1, max: 30 }).chain((rows) =>
  fc.array(
    fc.oneof(
      fc.record({
        t: fc.constant('num' as const),
        decimals: fc.integer({ min: 0, max: 3 }),
        integer: fc.boolean(),
        cells: fc.array(fc.option(fc.integer({ min: -100_000, max: 100_000 }), { freq: 6 }), { minLength: rows, maxLength: rows }),
      }),
      fc.record({
        t: fc.constant('cat' as const),
        cells: fc.array(fc.option(fc.constantFrom('a', ' b', 'c c', 'd', '0'), { freq: 5 }), { minLength: rows, maxLength: rows }),
      }),
    ),
    { minLength: 1, maxLength: 4 },
  ).map((specs) => ({ rows, specs })),
);

function build(rows: number, specs: Spec[]): { table: Table; plan: ColumnPlan[] } {
  const columns: Column[] = [];
  const plan: ColumnPlan[] = [];
  specs.forEach((s, i) => {
    const name = `c${i}`;
    if (s.t === 'cat') {
      columns.push(stringColumn(name, s.cells));
      plan.push({ name, kind: 'categorical' });
    } else {
      const d = s.integer ? 0 : s.decimals;
      columns.push(numericColumn(name, Float64Array.from(s.cells, (v) => (v === null ? Number.NaN : v / 10 ** d)), d));
      plan.push({ name, kind: s.integer ? 'integer' : 'continuous' });
    }
  });
  return { table: { rowCount: rows, columns }, plan };
}

describe('DataTransformer round trip (property)', () => {
  it('reproduces discrete cells and nulls exactly and numbers up to the alpha clip', () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 0, max: 1000 }), ({ rows, specs }, seed) => {
        const { table, plan } = build(rows, specs);
        let tr: DataTransformer;
        try {
          tr = DataTransformer.fit(table, plan, createRng(seed));
        } catch (e) {
          // Only legitimate failure: every numeric column all-missing and no categorical column.
          expect((e as { code?: string }).code).toBe('no-trainable-columns');
          return;
        }
        expectSpansTile(tr.layout, (a, b) => expect(a).toBe(b));
        const enc = tr.transform(table, createRng(seed + 1));
        const back = tr.inverse(enc.data, rows, createRng(seed + 2));
        const state = tr.toJSON();
        table.columns.forEach((orig, j) => {
          const got = back.columns[j]!;
          expect(got.name).toBe(orig.name);
          if (orig.type === 'string' || state.columns[j]!.handler !== 'gmm') {
            for (let r = 0; r < rows; r++) expect(cellText(got, r)).toBe(cellText(orig, r));
            return;
          }
          if (got.type !== 'numeric') throw new Error('numeric expected');
          const s = gmmState(state, orig.name);
          for (let r = 0; r < rows; r++) {
            const x = orig.values[r]!;
            const y = got.values[r]!;
            if (Number.isNaN(x)) {
              expect(y).toBeNaN();
              continue;
            }
            const want = expectedDecode(s, enc.data, enc.width, r, x);
            if (want === x) expect(y).toBe(x);
            else expect(Math.abs(y - want)).toBeLessThanOrEqual(10 ** -orig.decimals + 1e-9);
            expect(y).toBeGreaterThanOrEqual(s.min);
            expect(y).toBeLessThanOrEqual(s.max);
          }
        });
        // Serialisation gives identical encodings.
        const again = DataTransformer.fromJSON(JSON.parse(JSON.stringify(state)));
        expect(again.transform(table, createRng(seed + 1)).data).toEqual(enc.data);
      }),
      { numRuns: 60, seed: 4242 },
    );
  });
});
