/**
 * What a model file keeps of a faked column: the shape derived from real values (no value), its
 * validation, and fillers built from it, with and without the real table to check against.
 */
import { describe, expect, it } from 'vitest';
import { deriveFakeShape, pickFormat } from '../../../src/core/pii/fake-shape.ts';
import { canonicalValue } from '../../../src/core/pii/generate.ts';
import { prepareSavedFakes, type SavedFakeColumn } from '../../../src/core/pii/saved-fakes.ts';
import { createRng } from '../../../src/core/rng.ts';
import { stringColumn, type Table } from '../../../src/core/table/table.ts';
import { parseModelJson, readFakes, withFileExtras } from '../../../src/model/model-file.ts';

describe('deriveFakeShape', () => {
  it('phones: the layout with every digit a #, a + country code kept, weighted by examples', () => {
    expect(deriveFakeShape('phone', ['(212) 323-4946', '(373) 202-1934', '+49 30 1234567'])).toEqual({
      type: 'formats',
      formats: [{ format: '(###) ###-####', count: 2 }, { format: '+49 ## #######', count: 1 }],
    });
  });

  it('postal codes keep only the first character; cards the issuer digit and a Luhn slot; short card numbers use the default', () => {
    expect(deriveFakeShape('postal_code', ['SW1A 1AA', '07978'])).toEqual({ type: 'formats', formats: [{ format: 'S?#? #??', count: 1 }, { format: '0####', count: 1 }] });
    expect(deriveFakeShape('credit_card', ['4111-1111-1111-1111', '1234'])).toEqual({ type: 'formats', formats: [{ format: '4###-####-####-###L', count: 1 }, { format: '', count: 1 }] });
  });

  it('identifiers: shared literal runs kept (a prefix), variable runs as lengths', () => {
    expect(deriveFakeShape('identifier', ['C-00001', 'C-00002', 'C-00123'])).toEqual({
      type: 'id',
      segments: [{ type: 'literal', text: 'C' }, { type: 'literal', text: '-' }, { type: 'digits', lengths: [5, 5, 5], padded: true }],
    });
  });

  it('identifiers: a shape from one example keeps no letter or digit of it', () => {
    const shape = deriveFakeShape('identifier', ['AB-4711', 'x']);
    expect(shape).toEqual({
      type: 'id',
      segments: [{ type: 'letters', lengths: [2], letterCase: 'upper' }, { type: 'literal', text: '-' }, { type: 'digits', lengths: [4], padded: false }],
    });
    expect(JSON.stringify(shape)).not.toMatch(/AB|4711/);
  });

  it('no shape for kinds Faker formats itself, or without examples', () => {
    expect(deriveFakeShape('email', ['a@b.org'])).toBeNull();
    expect(deriveFakeShape('phone', ['  ', ''])).toBeNull();
  });

  it('pickFormat draws formats with their weights', () => {
    const shape = { type: 'formats' as const, formats: [{ format: 'a', count: 3 }, { format: 'b', count: 1 }] };
    const rng = createRng(1);
    const n = 4000;
    let a = 0;
    for (let i = 0; i < n; i++) if (pickFormat(shape, rng) === 'a') a++;
    expect(a / n).toBeGreaterThan(0.72);
    expect(a / n).toBeLessThan(0.78);
    expect(pickFormat(null, rng)).toBeNull();
  });
});

const saved: SavedFakeColumn[] = [
  { name: 'id', kind: 'identifier', locale: 'en', nullRate: 0, unique: true, shape: { type: 'id', segments: [{ type: 'literal', text: 'K' }, { type: 'digits', lengths: [1], padded: false }] } },
  { name: 'city', kind: 'city', locale: 'de', nullRate: 0.5, unique: false, shape: null },
];

describe('saved fakes in a model file', () => {
  it('round-trips through withFileExtras / readFakes; an older file without the section reads as []', () => {
    const text = withFileExtras(JSON.stringify({ format: 'synthtab-model', method: 'tvae' }), { fakes: saved });
    expect(readFakes(parseModelJson(text))).toEqual(saved);
    expect(readFakes({ format: 'synthtab-model' })).toEqual([]);
    expect(withFileExtras('{"a":1}', { fakes: [], formats: {} })).toBe('{"a":1}');
  });

  it('a damaged section is a bad-model-file error naming where', () => {
    expect(() => readFakes({ fakes: [{ ...saved[0], kind: 'ssn' }] })).toThrow(/personal-column section is damaged at 'fakes.0.kind'/);
    expect(() => readFakes({ fakes: [{ ...saved[1], nullRate: 2 }] })).toThrow(/damaged at 'fakes.0.nullRate'/);
  });

  it('fillers follow kind, null share, uniqueness and shape; same Rng -> same values', () => {
    const fakes = prepareSavedFakes(saved);
    expect(fakes.checked).toBe(false);
    const f = fakes.fillers();
    const ids = f.get('id')!(30, createRng(2));
    expect(ids.every((v) => /^K\d+$/.test(v!))).toBe(true);
    expect(new Set(ids).size).toBe(30);
    expect(f.get('city')!(40, createRng(3)).filter((v) => v === null).length).toBe(20);
    expect(prepareSavedFakes(saved).fillers().get('id')!(30, createRng(2))).toEqual(ids);
  });

  it('with the real table at hand, its identifying values are avoided and the fakes count as checked', () => {
    const realIds = Array.from({ length: 9 }, (_, i) => `K${i + 1}`);
    const real: Table = { rowCount: 9, columns: [stringColumn('id', realIds)] };
    const fakes = prepareSavedFakes(saved, real);
    expect(fakes.checked).toBe(true);
    const out = fakes.fillers().get('id')!(50, createRng(4));
    const keys = new Set(realIds.map((v) => canonicalValue('identifier', v)));
    expect(out.filter((v) => keys.has(canonicalValue('identifier', v!)))).toEqual([]);
    // Unchecked, the 1-digit shape hits real ids at once.
    expect(prepareSavedFakes(saved).fillers().get('id')!(50, createRng(4)).some((v) => keys.has(v!.toLowerCase()))).toBe(true);
    // A table without the column cannot check it.
    expect(prepareSavedFakes(saved, { rowCount: 1, columns: [stringColumn('other', ['x'])] }).checked).toBe(false);
  });
});
