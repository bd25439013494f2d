/**
 * `npm run bench`: CTGAN in Node on public/demo/adult.csv (a 1,641-row sample of Adult; the full
 * 32,561 rows are not available here). Per backend: transformer fit seconds, seconds per epoch and
 * ms per 500-row step (median), sampling rows/s, peak RSS, and quality (column shapes + all pair
 * trends, as in REFERENCE.md) after 10 and 50 epochs with both BatchNorm sampling modes.
 * Writes bench/results/ctgan-node.json and the table between the ctgan-node markers in bench/README.md.
 *
 *   npm run bench                      # wasm: 50 epochs; cpu: 1 epoch (3 steps; ~6x slower)
 *   npm run bench -- --epochs 10,50 --backends wasm,cpu --cpu-epochs 1
 */
import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { readCsvFile } from '../src/cli/io.ts';
import { quickQuality } from '../src/core/metrics/quality-report.ts';
import { planFromProfile } from '../src/core/profile/plan.ts';
import { profileTable } from '../src/core/profile/profile.ts';
import { createRng } from '../src/core/rng.ts';
import { takeRows, type Table } from '../src/core/table/table.ts';
import { DataTransformer } from '../src/core/transform/transformer.ts';
import type { ColumnKind } from '../src/core/types.ts';
import { initNodeBackend, type NodeBackend } from '../src/model/backend-node.ts';
import { CtganSynthesizer, type SamplingBn } from '../src/model/synthesizer.ts';

const DATA = 'public/demo/adult.csv';
const RESULTS = 'bench/results/ctgan-node.json';
const README = 'bench/README.md';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number, d = 3): number => Number(x.toFixed(d));

/** Peak RSS, sampled every 100 ms. */
function rssMonitor(): { peakMb(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return { peakMb: () => Math.max(peak, process.memoryUsage().rss) / 2 ** 20, stop: () => clearInterval(t) };
}

interface QualityPoint { epoch: number; bn: SamplingBn; overall: number; columnShapes: number; columnPairTrends: number }

interface BackendResult {
  backend: NodeBackend;
  epochs: number;
  stepsPerEpoch: number;
  batchSize: number;
  transformerFitSeconds: number;
  secondsPerEpochMedian: number;
  msPerStepMedian: number;
  firstEpochSeconds: number;
  samplingRowsPerSecond: number;
  peakRssMb: number;
  quality: QualityPoint[];
  lossHistory: { epoch: number; lossG: number; lossD: number }[];
}

async function benchBackend(backend: NodeBackend, table: Table, kinds: Record<string, ColumnKind>, epochs: number, checkpoints: number[]): Promise<BackendResult> {
  const active = await initNodeBackend(backend);
  if (active !== backend) throw new Error(`backend ${backend} did not start (got ${active})`);
  const profile = profileTable(table);
  const plan = planFromProfile(profile);
  const rss = rssMonitor();

  const t0 = performance.now();
  DataTransformer.fit(table, plan, createRng(0).fork(), { profiles: profile.columns });
  const transformerFitSeconds = (performance.now() - t0) / 1000;

  const synth = new CtganSynthesizer();
  const epochSeconds: number[] = [];
  const quality: QualityPoint[] = [];
  const evalAt = async (epoch: number): Promise<void> => {
    for (const bn of ['running', 'batch'] as const) {
      const s = await synth.sample(table.rowCount, { seed: 1000 + epoch, bn });
      const q = quickQuality(table, s, { kinds, rng: createRng(epoch), maxRows: table.rowCount });
      quality.push({ epoch, bn, overall: round(q.overall, 4), columnShapes: round(q.columnShapes, 4), columnPairTrends: round(q.columnPairTrends, 4) });
      process.stderr.write(`  [${backend}] epoch ${epoch} bn=${bn}: quality ${q.overall.toFixed(4)} (shapes ${q.columnShapes.toFixed(4)}, pairs ${q.columnPairTrends.toFixed(4)})\n`);
    }
  };
  let stepsPerEpoch = 0;
  await synth.fit(table, plan, { epochs, seed: 0 }, {
    stepEvents: false,
    transformer: { profiles: profile.columns },
    onEvent: async (e) => {
      if (e.type === 'stage' && e.stage === 'train') stepsPerEpoch = Number(/of (\d+) steps/.exec(e.message)?.[1] ?? 0);
      if (e.type !== 'epoch') return;
      epochSeconds.push(e.seconds);
      if (e.epoch % 5 === 0 || e.epoch === 1) process.stderr.write(`  [${backend}] epoch ${e.epoch}/${epochs} ${e.seconds.toFixed(2)}s lossG ${e.lossG.toFixed(3)} lossD ${e.lossD.toFixed(3)}\n`);
      if (checkpoints.includes(e.epoch)) await evalAt(e.epoch);
    },
  });
  const n = 10_000;
  await synth.sample(500, { seed: 1 }); // warm-up
  const s0 = performance.now();
  await synth.sample(n, { seed: 2 });
  const samplingRowsPerSecond = n / ((performance.now() - s0) / 1000);
  const spe = median(epochs > 1 ? epochSeconds.slice(1) : epochSeconds); // the first epoch includes kernel warm-up
  const result: BackendResult = {
    backend,
    epochs,
    stepsPerEpoch,
    batchSize: synth.trainOptions.batchSize,
    transformerFitSeconds: round(transformerFitSeconds),
    secondsPerEpochMedian: round(spe),
    msPerStepMedian: round((spe / Math.max(stepsPerEpoch, 1)) * 1000, 1),
    firstEpochSeconds: round(epochSeconds[0] ?? NaN),
    samplingRowsPerSecond: Math.round(samplingRowsPerSecond),
    peakRssMb: Math.round(rss.peakMb()),
    quality,
    lossHistory: synth.lossHistory.map((h) => ({ epoch: h.epoch, lossG: round(h.lossG, 4), lossD: round(h.lossD, 4) })),
  };
  rss.stop();
  synth.dispose();
  return result;
}

/** Quality of one half of the real sample against the other: the ceiling for this data size. */
function realCeiling(table: Table, kinds: Record<string, ColumnKind>): number {
  const idx = createRng(5).shuffle(Int32Array.from({ length: table.rowCount }, (_, i) => i));
  const half = Math.floor(table.rowCount / 2);
  const a = takeRows(table, idx.subarray(0, half));
  const b = takeRows(table, idx.subarray(half));
  return quickQuality(a, b, { kinds, rng: createRng(1), maxRows: table.rowCount }).overall;
}

function readmeTable(results: BackendResult[], ceiling: number): string {
  const lines = [
    '| figure | Synthtab Node wasm | Synthtab Node cpu | PyTorch CTGAN, measured here (REFERENCE.md) | SDV CTGAN, published (SDGym) |',
    '|---|---|---|---|---|',
  ];
  const w = results.find((r) => r.backend === 'wasm');
  const c = results.find((r) => r.backend === 'cpu');
  const cell = (r: BackendResult | undefined, f: (r: BackendResult) => string): string => (r ? f(r) : 'n/a');
  const q = (r: BackendResult, epoch: number, bn: SamplingBn): string => {
    const p = r.quality.find((x) => x.epoch === epoch && x.bn === bn);
    return p ? p.overall.toFixed(3) : 'n/a';
  };
  lines.push(`| data | 1,641-row Adult sample | same | full Adult, 32,561 rows | full Adult |`);
  lines.push(`| transformer fit | ${cell(w, (r) => `${r.transformerFitSeconds} s`)} | ${cell(c, (r) => `${r.transformerFitSeconds} s`)} | 7.0 s (+3.4 s transform) | n/a |`);
  lines.push(`| ms per 500-row step (median) | ${cell(w, (r) => `${r.msPerStepMedian}`)} | ${cell(c, (r) => `${r.msPerStepMedian}`)} | 150 | n/a |`);
  lines.push(`| s per epoch (median) | ${cell(w, (r) => `${r.secondsPerEpochMedian} (${r.stepsPerEpoch} steps)`)} | ${cell(c, (r) => `${r.secondsPerEpochMedian} (${r.stepsPerEpoch} steps)`)} | 9.7 (65 steps) | 7.7 |`);
  lines.push(`| sampling rows/s | ${cell(w, (r) => `${r.samplingRowsPerSecond}`)} | ${cell(c, (r) => `${r.samplingRowsPerSecond}`)} | ~32,500 | n/a |`);
  lines.push(`| peak RSS | ${cell(w, (r) => `${r.peakRssMb} MB`)} | ${cell(c, (r) => `${r.peakRssMb} MB`)} | 493 MB | n/a |`);
  for (const epoch of [...new Set(w?.quality.map((p) => p.epoch) ?? [])]) {
    lines.push(`| quality after ${epoch} epochs (${epoch * (w?.stepsPerEpoch ?? 0)} steps), BN running / batch | ${cell(w, (r) => `${q(r, epoch, 'running')} / ${q(r, epoch, 'batch')}`)} | n/a | 0.853 after 30 epochs (1,950 steps) | 0.842 after 300 epochs |`);
  }
  lines.push(`| quality ceiling (half of the sample vs the other half) | ${ceiling.toFixed(3)} | | 0.989 (train vs test split) | |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const backends = arg('backends', 'wasm,cpu').split(',') as NodeBackend[];
  const checkpoints = arg('epochs', '10,50').split(',').map(Number);
  const epochs = Math.max(...checkpoints);
  const cpuEpochs = Number(arg('cpu-epochs', '1'));
  const { table } = await readCsvFile(DATA);
  const kinds: Record<string, ColumnKind> = Object.fromEntries(profileTable(table).columns.map((c) => [c.name, c.kind]));
  process.stderr.write(`${DATA}: ${table.rowCount} rows x ${table.columns.length} columns; tfjs ${tf.version.tfjs}\n`);
  const results: BackendResult[] = [];
  for (const b of backends) {
    process.stderr.write(`backend ${b}\n`);
    results.push(await benchBackend(b, table, kinds, b === 'cpu' ? cpuEpochs : epochs, b === 'cpu' ? [] : checkpoints));
  }
  const ceiling = realCeiling(table, kinds);
  const doc = {
    date: new Date().toISOString(),
    data: { file: DATA, rows: table.rowCount, columns: table.columns.length, note: 'sample of Adult; the full 32,561 rows are not available here' },
    node: process.version,
    tfjs: tf.version.tfjs,
    machine: 'shared 2-core machine (other jobs running; timings are noisy)',
    qualityCeiling: round(ceiling, 4),
    results,
  };
  await writeFile(RESULTS, JSON.stringify(doc, null, 2) + '\n');
  const readme = await readFile(README, 'utf8');
  const begin = '<!-- ctgan-node:begin -->';
  const end = '<!-- ctgan-node:end -->';
  const i = readme.indexOf(begin);
  const j = readme.indexOf(end);
  if (i >= 0 && j > i) {
    const table = `${begin}\n_Generated by \`npm run bench\` on ${doc.date.slice(0, 10)} (Node ${process.version}, tfjs ${tf.version.tfjs})._\n\n${readmeTable(results, ceiling)}\n${end}`;
    await writeFile(README, readme.slice(0, i) + table + readme.slice(j + end.length));
  }
  process.stderr.write(`wrote ${RESULTS}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
