/**
 * Methods benchmark: `npx tsx bench/methods-bench.ts [--epochs 300] [--seed 0] [--overhead-epochs 50]
 *   [--skip-compare] [--skip-overhead] [--backend wasm|cpu]`.
 *
 * 1. Comparison (src/worker/compare.ts, the `compare` command's function) of ctgan, tvae, copula and
 *    profile on public/demo/adult.csv (1,641 rows): 20% holdout, each method trained on the rest,
 *    as many synthetic rows as the training split, scored against it (quality with both pair-trend
 *    variants, privacy, TSTR F1 on income with the default gradient-boosting classifier, seconds).
 *    Writes bench/results/methods-adult.json.
 * 2. Live-quality overhead: CTGAN and TVAE trained on the whole demo for --overhead-epochs epochs,
 *    once plain and once with a QualityTracker checking every 5 epochs (2,000 rows per check); the
 *    overhead is the tracker's own time over the plain run's training time. Writes
 *    bench/results/methods-overhead.json.
 * Timings depend on the machine and its load; quote them as measured here.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { intOption, parseArgs } from '../src/cli/args.ts';
import { readCsvFile } from '../src/cli/io.ts';
import { planFromProfile } from '../src/core/profile/plan.ts';
import { profileTable } from '../src/core/profile/profile.ts';
import type { ColumnKind } from '../src/core/types.ts';
import { initNodeBackend } from '../src/model/backend-node.ts';
import { QualityTracker } from '../src/model/quality-tracker.ts';
import { CtganSynthesizer } from '../src/model/synthesizer.ts';
import { TvaeSynthesizer } from '../src/model/tvae/synthesizer.ts';
import { runComparison, type CompareResult } from '../src/worker/compare.ts';

const args = parseArgs(process.argv.slice(2), { options: ['epochs', 'seed', 'overhead-epochs', 'backend'], flags: ['skip-compare', 'skip-overhead'] });
const epochs = intOption(args, 'epochs', 300, 1);
const seed = intOption(args, 'seed', 0);
const overheadEpochs = intOption(args, 'overhead-epochs', 50, 5);
const backendPref = args.options.get('backend') === 'cpu' ? 'cpu' : 'wasm';

const { table } = await readCsvFile('public/demo/adult.csv');
const profile = profileTable(table);
const plan = planFromProfile(profile);
const kinds: Record<string, ColumnKind> = Object.fromEntries(profile.columns.map((c) => [c.name, c.kind]));
const backend = await initNodeBackend(backendPref);
const machine = { backend, cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', node: process.version };
const log = (s: string): void => void process.stderr.write(s + '\n');

if (!args.flags.has('skip-compare')) {
  const t0 = performance.now();
  const result: CompareResult = await runComparison(table, plan, {
    methods: ['ctgan', 'tvae', 'copula', 'profile'],
    holdout: 0.2,
    options: { epochs, seed },
    target: 'income',
    kinds,
    onProgress: (m, _i, e) => {
      if (e.type === 'epoch' && (e.epoch % 25 === 0 || e.epoch === e.epochs)) log(`${m} epoch ${e.epoch}/${e.epochs} loss ${e.lossG.toFixed(3)} ${e.seconds.toFixed(2)}s`);
      else if (e.type === 'evaluate') log(`${m}: evaluating`);
    },
  });
  const doc = { dataset: 'public/demo/adult.csv', rows: table.rowCount, epochs, seed, machine, seconds: (performance.now() - t0) / 1000, result };
  writeFileSync('bench/results/methods-adult.json', JSON.stringify(doc, null, 2) + '\n');
  log(JSON.stringify(result.methods.map((m) => [m.name, m.quality.toFixed(3), m.pairTrends.toFixed(3), m.pairTrendsTrending?.toFixed(3), m.tstrF1?.toFixed(3), m.trainSeconds.toFixed(1)])));
}

if (!args.flags.has('skip-overhead')) {
  const rows: { method: string; epochs: number; plainSeconds: number; trackedSeconds: number; trackerSeconds: number; checks: number; overhead: number; bestEpoch: number | null; bestQuality: number | null }[] = [];
  for (const method of ['ctgan', 'tvae'] as const) {
    const make = (): CtganSynthesizer | TvaeSynthesizer => (method === 'ctgan' ? new CtganSynthesizer() : new TvaeSynthesizer());
    const opts = { epochs: overheadEpochs, seed };
    const plain = make();
    const p0 = performance.now();
    await plain.fit(table, plan, opts, { stepEvents: false });
    const plainSeconds = (performance.now() - p0) / 1000;
    plain.dispose();
    const tracked = make();
    const tracker = new QualityTracker(tracked, table, plan, { every: 5, rows: 2000, seed });
    const t0 = performance.now();
    await tracked.fit(table, plan, opts, tracker.wrap({ stepEvents: false }));
    const summary = await tracker.finish();
    const trackedSeconds = (performance.now() - t0) / 1000;
    tracked.dispose();
    const row = {
      method, epochs: overheadEpochs, plainSeconds, trackedSeconds, trackerSeconds: summary.seconds, checks: summary.checks.length,
      overhead: summary.seconds / plainSeconds, bestEpoch: summary.bestEpoch, bestQuality: summary.bestQuality,
    };
    rows.push(row);
    log(`${method}: plain ${plainSeconds.toFixed(1)}s, tracked ${trackedSeconds.toFixed(1)}s, tracker ${summary.seconds.toFixed(1)}s over ${row.checks} checks = ${(row.overhead * 100).toFixed(1)}% of training; best epoch ${summary.bestEpoch} (${summary.bestQuality?.toFixed(3)})`);
  }
  writeFileSync('bench/results/methods-overhead.json', JSON.stringify({ dataset: 'public/demo/adult.csv', every: 5, rowsPerCheck: 2000, machine, rows }, null, 2) + '\n');
}
