import type { Table } from '../../../src/core/table/table.ts';

/** A plain-object picture of a table for deep equality: names, types, decimals and cell values. */
export function snapshot(table: Table): unknown {
  return {
    rowCount: table.rowCount,
    columns: table.columns.map((c) =>
      c.type === 'numeric'
        ? { name: c.name, type: c.type, decimals: c.decimals, values: Array.from(c.values, (v) => (Number.isNaN(v) ? null : v)) }
        : { name: c.name, type: c.type, values: Array.from(c.codes, (k) => (k < 0 ? null : c.dictionary[k]!)) },
    ),
  };
}

/** Column `name`'s cells as text-or-number (null = missing). */
export function cells(table: Table, name: string): (string | number | null)[] {
  const c = table.columns.find((col) => col.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c.type === 'numeric'
    ? Array.from(c.values, (v) => (Number.isNaN(v) ? null : v))
    : Array.from(c.codes, (k) => (k < 0 ? null : c.dictionary[k]!));
}
