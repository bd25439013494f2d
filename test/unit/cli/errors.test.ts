/**
 * Bad input through the real CLI (DESIGN.md "CLI"): a non-zero exit, exactly one line on stderr
 * saying what is wrong, no stack trace, nothing on stdout. Three runs at a time; all but the
 * damaged-model one fail before TF.js loads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureLine, fixture, limited, type CliResult } from './run-cli.ts';

let dir: string;
const runs = new Map<string, Promise<CliResult>>();

/** Starts every case at once; each test awaits its own. */
function cases(): Record<string, string[]> {
  const out = join(dir, 'out.csv');
  const tiny = fixture('tiny.csv');
  const truncated = join(dir, 'truncated.json');
  writeFileSync(truncated, '{"format": "synthtab-model", "version": 1, "method": "ctg');
  const foreign = join(dir, 'foreign.json');
  writeFileSync(foreign, JSON.stringify({ hello: 'world' }));
  const damaged = join(dir, 'damaged.json');
  writeFileSync(damaged, JSON.stringify({ format: 'synthtab-model', version: 1, method: 'ctgan', createdAt: 'x', options: {} }));
  return {
    missingFile: ['synthesize', join(dir, 'nope.csv'), '--out', out],
    ragged: ['synthesize', fixture('ragged.csv'), '--out', out],
    unknownColumn: ['synthesize', tiny, '--out', out, '--condition', 'colour=red'],
    unknownValue: ['synthesize', tiny, '--out', out, '--condition', 'color=purple'],
    badCondition: ['synthesize', tiny, '--out', out, '--condition', 'red'],
    negativeRows: ['synthesize', tiny, '--out', out, '--rows', '-3'],
    textRows: ['sample', truncated, '--out', out, '--rows', 'ten'],
    unknownOption: ['synthesize', tiny, '--out', out, '--epoch', '3'],
    missingModel: ['sample', join(dir, 'nope.json'), '--out', out, '--rows', '5'],
    truncatedModel: ['sample', truncated, '--out', out, '--rows', '5'],
    foreignModel: ['sample', foreign, '--out', out, '--rows', '5'],
    damagedModel: ['sample', damaged, '--out', out, '--rows', '5'],
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthtab-cli-err-'));
  const synthtab = limited(3);
  for (const [name, args] of Object.entries(cases())) {
    const p = synthtab(args);
    p.catch(() => undefined); // awaited in its test
    runs.set(name, p);
  }
});

afterAll(async () => {
  await Promise.allSettled(runs.values());
  rmSync(dir, { recursive: true, force: true });
});

async function fails(name: string): Promise<string> {
  const r = await runs.get(name)!;
  expect(r.stdout).toBe('');
  return failureLine(r);
}

describe('CLI bad input: one stderr line, non-zero exit, no stack trace', () => {
  it('missing input file', async () => {
    expect(await fails('missingFile')).toMatch(/^synthtab: File not found: .*nope\.csv$/);
  });

  it('ragged CSV names the line and the field counts', async () => {
    expect(await fails('ragged')).toBe('synthtab: Line 3 has 2 fields, expected 3');
  });

  it('unknown condition column lists the columns', async () => {
    expect(await fails('unknownColumn')).toBe("synthtab: Unknown column 'colour' in --condition; columns: age, color, score, shape.");
  });

  it('unknown condition value lists the known values', async () => {
    expect(await fails('unknownValue')).toMatch(/^synthtab: Column 'color' has no value 'purple'; known values: 'red', 'green', 'blue'\.$/);
  });

  it('malformed --condition', async () => {
    expect(await fails('badCondition')).toBe("synthtab: --condition must look like column=value, got 'red'.");
  });

  it('bad --rows', async () => {
    expect(await fails('negativeRows')).toBe("synthtab: --rows must be an integer >= 0, got '-3'.");
    expect(await fails('textRows')).toBe("synthtab: --rows must be an integer >= 1, got 'ten'.");
  });

  it('unknown option', async () => {
    expect(await fails('unknownOption')).toBe('synthtab: Unknown option --epoch.');
  });

  it('missing, truncated, foreign and damaged model files', async () => {
    expect(await fails('missingModel')).toMatch(/^synthtab: File not found: .*nope\.json$/);
    expect(await fails('truncatedModel')).toBe('synthtab: The model file is not valid JSON (is it truncated?).');
    expect(await fails('foreignModel')).toBe('synthtab: This is not a Synthtab model file.');
    expect(await fails('damagedModel')).toMatch(/^synthtab: The model file is damaged or incompatible at '[a-z.]+'/);
  });
});
