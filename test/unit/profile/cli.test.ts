import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/csv/${name}`, import.meta.url));

function synthtab(...args: string[]) {
  return spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

describe('synthtab profile (CLI)', () => {
  it('--json prints one JSON document with rows and columns', () => {
    const r = synthtab('profile', fixture('mixed.csv'), '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { rows: number; columns: { name: string; kind: string; reason: string; missing: number; distinct: number }[] };
    expect(doc.rows).toBe(3);
    expect(doc.columns.map((c) => c.name)).toEqual(['id', 'city', 'zip', 'price', 'when', 'ok']);
    expect(doc.columns.find((c) => c.name === 'zip')!.kind).toBe('categorical');
    expect(doc.columns.find((c) => c.name === 'when')!.kind).toBe('datetime');
    expect(doc.columns.find((c) => c.name === 'ok')!.kind).toBe('boolean');
    expect(doc.columns.find((c) => c.name === 'city')!).toMatchObject({ missing: 1, distinct: 2 });
  });

  it('prints an aligned table without --json', () => {
    const r = synthtab('profile', fixture('mixed.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^3 rows, 6 columns\n/);
    expect(r.stdout).toMatch(/\nwhen +datetime +0 +3 /);
  });

  it('fails with one stderr line naming the line of a ragged row, no stack trace', () => {
    const r = synthtab('profile', fixture('ragged.csv'), '--json');
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('synthtab: Line 7 has 5 fields, expected 4\n');
  });
});
