import { describe, expect, it } from 'vitest';
import { isSynthtabError } from '../../../src/core/errors.ts';
import { createRng } from '../../../src/core/rng.ts';
import { cellText, numericColumn, stringColumn, toRows, type Column, type Table } from '../../../src/core/table/table.ts';
import { NULL_CATEGORY } from '../../../src/core/transform/layout.ts';
import { DataTransformer } from '../../../src/core/transform/transformer.ts';
import type { ColumnPlan } from '../../../src/core/types.ts';
import { expectedDecode, expectSpansTile, gmmState } from './helpers.ts';

function makeTable(n: number, seed: number): { table: Table; plan: ColumnPlan[] } {
  const rng = createRng(seed);
  const pick = <T>(xs: T[]): T => xs[rng.int(xs.length)]!;
  const day0 = Date.UTC(2020, 0, 1);
  const pad = (v: number): string => String(v).padStart(2, '0');
  const columns: Column[] = [
    numericColumn('age', Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? Number.NaN : 18 + rng.int(60))), 0),
    stringColumn('work', Array.from({ length: n }, () => (rng.next() < 0.05 ? null : pick([' Private', ' State-gov', ' Self-emp'])))),
    numericColumn('income', Float64Array.from({ length: n }, () => Math.round((rng.next() < 0.3 ? 1000 + 50 * rng.normal() : 5000 + 400 * rng.normal()) * 100) / 100), 2),
    stringColumn('when', Array.from({ length: n }, () => {
      const d = new Date(day0 + rng.int(400) * 86_400_000 + rng.int(86_400) * 1000);
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    })),
    stringColumn('id', Array.from({ length: n }, (_, i) => `AB-${String(100_000 + i * 3)}`)),
    numericColumn('flag', Float64Array.from({ length: n }, () => rng.int(2)), 0),
    stringColumn('comment', Array.from({ length: n }, (_, i) => `free text ${i}`)),
    numericColumn('rowid', Float64Array.from({ length: n }, (_, i) => 1 + i), 0),
    stringColumn('country', Array.from({ length: n }, () => 'US')),
    stringColumn('secret', Array.from({ length: n }, (_, i) => `s${i}`)),
  ];
  const plan: ColumnPlan[] = [
    { name: 'age', kind: 'integer' }, { name: 'work', kind: 'categorical' }, { name: 'income', kind: 'continuous' },
    { name: 'when', kind: 'datetime' }, { name: 'id', kind: 'identifier' }, { name: 'flag', kind: 'boolean' },
    { name: 'comment', kind: 'text' }, { name: 'rowid', kind: 'identifier' }, { name: 'country', kind: 'constant' },
    { name: 'secret', kind: 'text', excluded: true },
  ];
  return { table: { rowCount: n, columns }, plan };
}

function col(t: Table, name: string): Column {
  return t.columns.find((c) => c.name === name)!;
}

describe('DataTransformer', () => {
  const { table, plan } = makeTable(600, 1);
  const tr = DataTransformer.fit(table, plan, createRng(2));
  const enc = tr.transform(table, createRng(3));
  const back = tr.inverse(enc.data, enc.rows, createRng(4));

  it('lays out learned columns in table order with spans tiling the row', () => {
    expectSpansTile(tr.layout, (a, b) => expect(a).toBe(b));
    expect(tr.layout.columnNames).toEqual(['age', 'work', 'income', 'when', 'flag']);
    expect(enc.width).toBe(tr.layout.width);
    expect(enc.data).toHaveLength(600 * tr.layout.width);
    const [work, flag] = tr.layout.discrete;
    expect(work!.categories.slice(0, -1).sort()).toEqual([' Private', ' Self-emp', ' State-gov']);
    expect(work!.categories.at(-1)).toBe(NULL_CATEGORY);
    expect(work!.condStart).toBe(0);
    expect(flag!.condStart).toBe(4);
    expect(flag!.column).toBe(4);
    // age has nulls: tanh, modes, then the 2-wide null indicator.
    const age = gmmState(tr.toJSON(), 'age');
    expect(tr.layout.spans.slice(0, 3).map((s) => s.width)).toEqual([1, age.model.means.length, 2]);
  });

  it('encodes one-hots as exact ones and alphas within the clip', () => {
    for (const s of tr.layout.spans) {
      for (let r = 0; r < enc.rows; r++) {
        const block = enc.data.subarray(r * enc.width + s.start, r * enc.width + s.start + s.width);
        if (s.activation === 'tanh') expect(Math.abs(block[0]!)).toBeLessThanOrEqual(0.99 + 1e-7);
        else expect(block.reduce((a, v) => a + v, 0)).toBe(1);
      }
    }
  });

  it('returns the non-excluded columns in original order with original types', () => {
    expect(back.columns.map((c) => c.name)).toEqual(['age', 'work', 'income', 'when', 'id', 'flag', 'comment', 'rowid', 'country']);
    for (const c of back.columns) expect(c.type).toBe(col(table, c.name).type);
    expect(back.rowCount).toBe(600);
  });

  it('round-trips discrete values and nulls exactly', () => {
    for (const name of ['work', 'flag']) {
      for (let r = 0; r < 600; r++) expect(cellText(col(back, name), r)).toBe(cellText(col(table, name), r));
    }
  });

  it('round-trips continuous values up to the clip, keeping decimals and integer-ness', () => {
    const state = tr.toJSON();
    for (const name of ['age', 'income']) {
      const s = gmmState(state, name);
      const orig = col(table, name);
      const got = col(back, name);
      if (orig.type !== 'numeric' || got.type !== 'numeric') throw new Error('numeric expected');
      expect(got.decimals).toBe(orig.decimals);
      let exact = 0;
      let present = 0;
      for (let r = 0; r < 600; r++) {
        const x = orig.values[r]!;
        const y = got.values[r]!;
        if (Number.isNaN(x)) {
          expect(y).toBeNaN();
          continue;
        }
        present++;
        const want = expectedDecode(s, enc.data, enc.width, r, x);
        if (want === x) {
          exact++;
          expect(y).toBe(x); // exact after rounding to the column's decimals
        } else {
          expect(Math.abs(y - want)).toBeLessThanOrEqual(10 ** -orig.decimals);
        }
        if (name === 'age') expect(Number.isInteger(y)).toBe(true);
      }
      expect(exact).toBeGreaterThan(0.95 * present);
    }
  });

  it('round-trips datetimes as text in the same format', () => {
    const orig = col(table, 'when');
    const got = col(back, 'when');
    expect(got.type).toBe('string');
    let same = 0;
    for (let r = 0; r < 600; r++) {
      const t = cellText(got, r)!;
      expect(t).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      if (t === cellText(orig, r)) same++;
    }
    expect(same).toBeGreaterThan(550);
  });

  it('regenerates identifiers as unique values of the same shape', () => {
    const id = col(back, 'id');
    const texts = Array.from({ length: 600 }, (_, r) => cellText(id, r)!);
    expect(new Set(texts).size).toBe(600);
    for (const t of texts) expect(t).toMatch(/^AB-\d{6}$/);
    expect([...texts].sort()).toEqual(texts); // the real ids were increasing
    const rowid = col(back, 'rowid');
    if (rowid.type !== 'numeric') throw new Error('numeric expected');
    expect(new Set(rowid.values).size).toBe(600);
    for (const v of rowid.values) expect(Number.isInteger(v) && v >= 1 && v <= 600).toBe(true);
  });

  it('copies constants, writes placeholder text, and accepts fillers', () => {
    for (let r = 0; r < 600; r++) expect(cellText(col(back, 'country'), r)).toBe('US');
    expect(cellText(col(back, 'comment'), 0)).toBe('text 1');
    const fillers = new Map([['comment', (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? `fake ${i}` : null))]]);
    const filled = tr.inverse(enc.data, 4, createRng(1), { fillers });
    expect(toRows(filled).map((r) => r[6])).toEqual([null, 'fake 1', null, 'fake 3']);
  });

  it('decodes soft generator output into valid values', () => {
    const rng = createRng(9);
    const soft = Float32Array.from({ length: 200 * tr.layout.width }, () => rng.next() * 2 - 1);
    const out = tr.inverse(soft, 200, createRng(1));
    const age = col(out, 'age');
    const income = col(out, 'income');
    if (age.type !== 'numeric' || income.type !== 'numeric') throw new Error('numeric expected');
    for (let r = 0; r < 200; r++) {
      const a = age.values[r]!;
      if (!Number.isNaN(a)) expect(Number.isInteger(a) && a >= 18 && a <= 77).toBe(true);
      const v = income.values[r]!;
      expect(Math.round(v * 100) / 100).toBe(v);
      expect(v).toBeGreaterThanOrEqual(Math.min(...(col(table, 'income') as { values: Float64Array }).values));
    }
  });

  it('serialises to plain JSON and back with identical encodings and decodings', () => {
    const json = JSON.parse(JSON.stringify(tr.toJSON())) as unknown;
    const again = DataTransformer.fromJSON(json);
    expect(again.layout).toEqual(tr.layout);
    expect(again.transform(table, createRng(3)).data).toEqual(enc.data);
    expect(toRows(again.inverse(enc.data, enc.rows, createRng(4)))).toEqual(toRows(back));
  });

  it('is deterministic under a seed', () => {
    const other = DataTransformer.fit(table, plan, createRng(2));
    expect(other.toJSON()).toEqual(tr.toJSON());
    expect(other.transform(table, createRng(3)).data).toEqual(enc.data);
  });
});

describe('DataTransformer input checks', () => {
  const t: Table = { rowCount: 3, columns: [numericColumn('a', Float64Array.from([1, 2, 3])), stringColumn('b', ['x', 'y', 'zz'])] };
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (isSynthtabError(e)) return e.code;
      throw e;
    }
    return 'no error';
  };

  it('rejects a missing plan entry, a plan for an unknown column, and nothing to learn', () => {
    expect(code(() => DataTransformer.fit(t, [{ name: 'a', kind: 'continuous' }], createRng(1)))).toBe('bad-column');
    expect(code(() => DataTransformer.fit(t, [{ name: 'a', kind: 'continuous' }, { name: 'b', kind: 'text' }, { name: 'c', kind: 'text' }], createRng(1)))).toBe('bad-column');
    expect(code(() => DataTransformer.fit(t, [{ name: 'a', kind: 'identifier' }, { name: 'b', kind: 'text' }], createRng(1)))).toBe('no-trainable-columns');
    expect(code(() => DataTransformer.fit({ rowCount: 0, columns: [] }, [], createRng(1)))).toBe('header-only');
  });

  it('rejects text marked continuous or datetime', () => {
    expect(code(() => DataTransformer.fit(t, [{ name: 'a', kind: 'continuous' }, { name: 'b', kind: 'continuous' }], createRng(1)))).toBe('bad-column');
    expect(code(() => DataTransformer.fit(t, [{ name: 'a', kind: 'continuous' }, { name: 'b', kind: 'datetime' }], createRng(1)))).toBe('bad-column');
  });

  it('reads numbers stored as text and writes them back as text', () => {
    const s: Table = { rowCount: 4, columns: [stringColumn('p', ['1.5', '2.25', '3', null])] };
    const tr = DataTransformer.fit(s, [{ name: 'p', kind: 'continuous' }], createRng(1));
    const enc = tr.transform(s, createRng(2));
    expect(toRows(tr.inverse(enc.data, 4, createRng(3)))).toEqual([['1.50'], ['2.25'], ['3.00'], [null]]);
  });

  it('treats an all-missing learned column as empty', () => {
    const s: Table = { rowCount: 2, columns: [numericColumn('a', Float64Array.from([Number.NaN, Number.NaN])), stringColumn('b', ['x', 'y'])] };
    const tr = DataTransformer.fit(s, [{ name: 'a', kind: 'continuous' }, { name: 'b', kind: 'categorical' }], createRng(1));
    expect(tr.layout.columnNames).toEqual(['b']);
    expect(toRows(tr.inverse(tr.transform(s, createRng(1)).data, 2, createRng(1)))).toEqual([[null, 'x'], [null, 'y']]);
  });

  it('rejects an invalid or inconsistent state with bad-model-file', () => {
    const tr = DataTransformer.fit(t, [{ name: 'a', kind: 'continuous' }, { name: 'b', kind: 'categorical' }], createRng(1));
    expect(code(() => DataTransformer.fromJSON({ version: 99 }))).toBe('bad-model-file');
    const state = tr.toJSON();
    state.layout.width += 1;
    expect(code(() => DataTransformer.fromJSON(state))).toBe('bad-model-file');
  });
});
