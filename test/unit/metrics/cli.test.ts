import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function synthtab(...args: string[]) {
  return spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}

// Fixtures from the Adult demo: real = rows 1-600, holdout = 601-800, "synthetic" = rows 201-800
// (a third are copies of real rows), and a synthetic file with a column renamed.
const dir = mkdtempSync(join(tmpdir(), 'synthtab-eval-'));
const lines = readFileSync(new URL('../../../public/demo/adult.csv', import.meta.url), 'utf8').trim().split('\n');
const header = lines[0]!;
const file = (name: string, body: string[], head = header): string => {
  const p = join(dir, name);
  writeFileSync(p, [head, ...body].join('\n') + '\n');
  return p;
};
const real = file('real.csv', lines.slice(1, 601));
const holdout = file('holdout.csv', lines.slice(601, 801));
const synth = file('synth.csv', lines.slice(201, 801));
const renamed = file('renamed.csv', lines.slice(201, 801), header.replace('hours-per-week', 'hours'));

describe('synthtab evaluate (CLI)', () => {
  it('--json prints exactly one Report document', () => {
    const r = synthtab('evaluate', '--real', real, '--synthetic', synth, '--holdout', holdout, '--target', 'income', '--json');
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      quality: { overall: number; columnShapes: number; columnPairTrends: number; columns: { name: string; metric: string; score: number }[] };
      diagnostics: { boundaryAdherence: number; categoryAdherence: number };
      privacy: { exactCopyRate: number; dcrMedian: number; holdoutDcrMedian: number; baseline: string };
      efficacy: { target: string; real: Record<string, number>; synthetic: Record<string, number> };
    };
    expect(doc.quality.columns).toHaveLength(15);
    expect(doc.quality.overall).toBeGreaterThan(0.8);
    expect(doc.diagnostics.categoryAdherence).toBeGreaterThan(0.9);
    // 400 of the 600 synthetic rows are real training rows.
    expect(doc.privacy.exactCopyRate).toBeCloseTo(400 / 600, 2);
    expect(doc.privacy.baseline).toBe('holdout');
    expect(doc.efficacy.target).toBe('income');
    expect(Object.keys(doc.efficacy.synthetic)).toEqual(expect.arrayContaining(['accuracy', 'f1', 'rocAuc', 'prAuc']));
  });

  it('prints a readable summary without --json', () => {
    const r = synthtab('evaluate', '--real', real, '--synthetic', synth);
    expect(r.status, r.stderr).toBe(0);
    for (const s of ['Quality (SDMetrics definitions)', 'trending pairs only', 'Worst columns', 'Diagnostics', 'Privacy', 'exact copies']) {
      expect(r.stdout).toContain(s);
    }
    expect(r.stdout).toMatch(/Synthetic rows are .* training data/);
  });

  it('names mismatching columns in a one-line error', () => {
    const r = synthtab('evaluate', '--real', real, '--synthetic', renamed);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("synthtab: The synthetic data's columns do not match the real data: it lacks 'hours-per-week' and has extra 'hours'.");
    expect(r.stdout).toBe('');
  });

  it('explains the usage when --synthetic is missing', () => {
    const r = synthtab('evaluate', '--real', real);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Usage: synthtab evaluate --real/);
  });
});
