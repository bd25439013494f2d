import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toyCsv } from './toy.ts';

const run = promisify(execFile);

describe('synthtab rebalance (CLI, end to end)', () => {
  it('prints one JSON document with every method scored in [0, 1], including a 2-epoch ctgan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthtab-rebalance-'));
    const csv = join(dir, 'toy.csv');
    writeFileSync(csv, toyCsv(400, 0.07));
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/main.ts', 'rebalance', csv, '--target', 'label', '--epochs', '2', '--seed', '4', '--json'], {
      maxBuffer: 1 << 24,
    });
    const doc = JSON.parse(stdout) as { target: string; minorityClass: string; holdoutRows: number; methods: { name: string; [k: string]: unknown }[] };
    expect(doc.target).toBe('label');
    expect(doc.minorityClass).toBe('fraud');
    expect(doc.holdoutRows).toBe(80);
    expect(doc.methods.map((m) => m.name)).toEqual(['baseline', 'undersample', 'oversample', 'smote', 'class-weights', 'ctgan']);
    for (const m of doc.methods) {
      for (const k of ['precision', 'recall', 'f1', 'rocAuc', 'prAuc']) {
        const v = m[k] as number;
        expect(v, `${m.name}.${k}`).toBeGreaterThanOrEqual(0);
        expect(v, `${m.name}.${k}`).toBeLessThanOrEqual(1);
      }
    }
    const base = doc.methods[0]!;
    expect(base.recall as number).toBeGreaterThanOrEqual(0.8);
    expect(stderr).toMatch(/baseline/);
  }, 180_000);

  it('fails with a one-line message for an unknown target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthtab-rebalance-'));
    const csv = join(dir, 'toy.csv');
    writeFileSync(csv, toyCsv(100, 0.1));
    const err = await run('npx', ['tsx', 'src/cli/main.ts', 'rebalance', csv, '--target', 'nope']).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
    expect((err as { stderr: string }).stderr).toMatch(/No column named 'nope'/);
  }, 60_000);
});
