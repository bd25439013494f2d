/** A small imbalanced, deliberately separable table for the rebalance tests (shared with the CLI test). */
import { createRng } from '../../../src/core/rng.ts';
import { numericColumn, stringColumn, type Table } from '../../../src/core/table/table.ts';

/** `n` rows, about `share` positives; positives have x1 around +3 and colour mostly 'red'. */
export function toyTable(n = 400, share = 0.07, seed = 11): Table {
  const rng = createRng(seed);
  const id: number[] = [], x1: number[] = [], x2: number[] = [], colour: string[] = [], label: string[] = [];
  for (let i = 0; i < n; i++) {
    const pos = rng.next() < share;
    id.push(i);
    x1.push(Math.round(((pos ? 4 : 0) + 0.7 * rng.normal()) * 1000) / 1000);
    x2.push(Math.round(rng.normal() * 1000) / 1000);
    colour.push(pos ? (rng.next() < 0.8 ? 'red' : 'blue') : rng.next() < 0.2 ? 'red' : rng.next() < 0.5 ? 'blue' : 'green');
    label.push(pos ? 'fraud' : 'ok');
  }
  return {
    rowCount: n,
    columns: [
      numericColumn('id', Float64Array.from(id)),
      numericColumn('x1', Float64Array.from(x1), 3),
      numericColumn('x2', Float64Array.from(x2), 3),
      stringColumn('colour', colour),
      stringColumn('label', label),
    ],
  };
}

/** CSV text of the toy table (for the CLI test). */
export function toyCsv(n = 400, share = 0.07, seed = 11): string {
  const t = toyTable(n, share, seed);
  const lines = ['id,x1,x2,colour,label'];
  for (let r = 0; r < t.rowCount; r++) {
    lines.push(
      t.columns
        .map((c) => (c.type === 'numeric' ? String(c.values[r]) : c.dictionary[c.codes[r]!]!))
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}
