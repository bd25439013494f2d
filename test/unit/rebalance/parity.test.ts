// The CLI and the app's worker must print the same Rebalance JSON for the same CSV, seed and
// options (issue 6: "the CLI's JSON matches the UI's numbers for the same seed"). Both paths are
// run as they run for real: the worker's handler with the default engine, fed the CSV as a Blob
// (the browser's 'load-file' path) and the request the panel's form builds; the CLI's `run` with
// the arguments of the panel's "Copy as CLI command" text, on the same bytes written to a file.
// Only methods without TF.js are compared (ctgan differs by backend float noise).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as runCli } from '../../../src/cli/commands/rebalance.ts';
import type { RebalanceResult } from '../../../src/core/rebalance/lab.ts';
import { rebalanceCliArgs, type RebalanceRequestBody } from '../../../src/ui/rebalance/cli-command.ts';
import { defaultLabForm, labRequest, type LabForm } from '../../../src/ui/rebalance/lab-form.ts';
import { createDefaultEngine } from '../../../src/worker/engine-default.ts';
import type { Engine } from '../../../src/worker/engine.ts';
import { createHandler } from '../../../src/worker/handler.ts';
import { createMemoryModelStore } from '../../../src/worker/model-store.ts';
import type { WorkerEvent } from '../../../src/worker/protocol.ts';
import { toyCsv } from './toy.ts';

const NON_CTGAN = ['baseline', 'undersample', 'oversample', 'smote', 'class-weights'] as const;

/** No TF.js backend is needed without the ctgan method; asking for one is a test failure. */
const noBackends: Engine['backends'] = {
  select: () => Promise.reject(new Error('no backend expected without ctgan')),
  fallback: () => Promise.resolve(null),
};

/** The worker path: load the CSV as a Blob, send the panel's request, return the 'rebalance-result' (as JSON would carry it). */
async function viaWorker(csv: string, name: string, request: RebalanceRequestBody): Promise<unknown> {
  const events: WorkerEvent[] = [];
  const handle = createHandler((e) => events.push(e), { engine: createDefaultEngine(noBackends), store: createMemoryModelStore() });
  await handle({ type: 'load-file', id: 1, file: new Blob([csv], { type: 'text/csv' }), name });
  await handle({ type: 'rebalance', id: 2, ...request });
  const errors = events.filter((e) => e.type === 'error');
  expect(errors).toEqual([]);
  const result = events.find((e) => e.type === 'rebalance-result');
  if (!result || result.type !== 'rebalance-result') throw new Error('no rebalance-result event');
  return JSON.parse(JSON.stringify(result.result)) as unknown;
}

/** The CLI path: the same bytes in a file, `rebalance` run with the panel's CLI arguments; stdout parsed. */
async function viaCli(csv: string, name: string, request: RebalanceRequestBody): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'synthtab-parity-'));
  const path = join(dir, name);
  writeFileSync(path, csv);
  const args = rebalanceCliArgs(request, path);
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await runCli(args);
  } finally {
    vi.restoreAllMocks();
  }
  return JSON.parse(out) as unknown;
}

function requestFor(form: Partial<LabForm>, target: string, seed: number): RebalanceRequestBody {
  const built = labRequest({ ...defaultLabForm(seed), methods: [...NON_CTGAN], ...form }, target, 'auto');
  if ('error' in built) throw new Error(built.error);
  return built.request;
}

afterEach(() => vi.restoreAllMocks());

describe('rebalance: the CLI and the worker print the same JSON', () => {
  it('on the Adult sample (leading-space classes, ? cells), seed 0, every non-CTGAN method', async () => {
    const csv = readFileSync('public/demo/adult.csv', 'utf8');
    const request = requestFor({}, 'income', 0);
    const worker = await viaWorker(csv, 'adult.csv', request);
    const cli = await viaCli(csv, 'adult.csv', request);
    const doc = cli as RebalanceResult;
    expect(doc.minorityClass.trim()).toBe('>50K');
    expect(doc.methods.map((m) => m.name)).toEqual([...NON_CTGAN]);
    // Not a degenerate comparison: the methods' scores differ and are strictly inside (0, 1).
    expect(new Set(doc.methods.map((m) => m.f1)).size).toBeGreaterThan(1);
    for (const m of doc.methods) expect(m.f1 > 0 && m.f1 < 1).toBe(true);
    expect(worker).toEqual(cli);
  }, 30_000);

  it('with 3 seeds, an explicit positive class, ratio 0.5, a rarer training minority and boosted trees', async () => {
    const csv = toyCsv(300, 0.12, 21);
    const request = requestFor({ seeds: '3', minority: 'fraud', ratio: '0.5', classifier: 'gbdt', rarer: '0.08' }, 'label', 41);
    expect(request).toMatchObject({ seed: 41, seeds: 3, minority: 'fraud', ratio: 0.5, classifier: 'gbdt', trainMinorityShare: 0.08 });
    const worker = await viaWorker(csv, 'toy.csv', request);
    const cli = await viaCli(csv, 'toy.csv', request);
    const doc = cli as RebalanceResult;
    expect(doc.seeds).toEqual([41, 42, 43]);
    expect(doc.perSeed).toHaveLength(3);
    expect(doc.methods.every((m) => m.spread !== undefined)).toBe(true);
    // The rarer training minority reached both: about 8% of the training split is minority.
    expect(doc.trainMinority / doc.trainRows).toBeCloseTo(0.08, 2);
    expect(worker).toEqual(cli);
  }, 30_000);

  it('a different seed gives a different document (the equality above is not vacuous)', async () => {
    const csv = toyCsv(300, 0.12, 21);
    const a = await viaWorker(csv, 'toy.csv', requestFor({}, 'label', 1));
    const b = await viaCli(csv, 'toy.csv', requestFor({}, 'label', 2));
    expect(a).not.toEqual(b);
  }, 30_000);
});
