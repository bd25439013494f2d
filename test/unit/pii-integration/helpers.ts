/** Shared reading helpers for the personal-column integration tests (customers fixture). */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { parseCsv } from '../../../src/core/csv/parse.ts';
import { canonicalValue } from '../../../src/core/pii/generate.ts';
import type { PiiKind } from '../../../src/core/pii/kinds.ts';
import { cellText, type Column, type Table } from '../../../src/core/table/table.ts';

export const CUSTOMERS_PATH = new URL('../../fixtures/customers.csv', import.meta.url).pathname;
export const customers: Table = parseCsv(readFileSync(CUSTOMERS_PATH, 'utf8')).table;

/** The customer columns the profile fakes, with their personal kinds. */
export const FAKED: Readonly<Record<string, PiiKind>> = {
  customer_id: 'identifier', account_uuid: 'uuid', name: 'full_name', email: 'email', phone: 'phone',
  street_address: 'street_address', city: 'city', country: 'country', zip: 'postal_code',
};
export const IDENTIFYING = ['customer_id', 'account_uuid', 'name', 'email', 'phone', 'street_address'];

export function readCsv(path: string): Table {
  return parseCsv(readFileSync(path, 'utf8')).table;
}

export function column(t: Table, name: string): Column {
  const c = t.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
}

export function texts(t: Table, name: string): (string | null)[] {
  const c = column(t, name);
  return Array.from({ length: t.rowCount }, (_, i) => cellText(c, i));
}

/** Values of `name` in `synthetic` equal (in the kind's canonical form) to a value of the real column. */
export function realCopies(synthetic: Table, name: string): string[] {
  const kind = FAKED[name]!;
  const real = new Set(texts(customers, name).filter((v): v is string => v !== null).map((v) => canonicalValue(kind, v)));
  return texts(synthetic, name).filter((v): v is string => v !== null && real.has(canonicalValue(kind, v)));
}

/** Format checks per faked column (every non-null value must pass). */
export const FORMATS: Readonly<Record<string, RegExp>> = {
  customer_id: /^C-\d{5}$/,
  account_uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  name: /^\p{L}[\p{L}'.-]*( \p{L}[\p{L}'.-]*)+$/u,
  email: /^[A-Za-z0-9._%+-]+@example\.(com|net|org)$/,
  phone: /^\(\d{3}\) \d{3}-\d{4}$/,
  street_address: /^\d+ [\p{L}\d][\p{L}\d' .#-]*$/u,
  city: /^\p{L}[\p{L}' .-]*$/u,
  zip: /^\d{5}$/,
};

/** Everything written to stderr while `f` runs (still echoed nowhere: tests stay quiet). */
export async function captureStderr(f: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  try {
    await f();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}
