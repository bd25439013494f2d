/**
 * `synthtab compare <csv> [--methods ctgan,tvae,copula,profile] [--epochs N] [--seed N]
 *   [--holdout 0.2] [--target col] [--batch N] [--backend wasm|cpu] [--json]`
 *
 * Holds out a share of the rows (default 20%), trains each method on the rest, samples as many rows
 * as the training split and scores them against it (src/worker/compare.ts, the same function the
 * app's worker runs). --json prints `{ methods: [{ name, quality, shapes, pairTrends,
 * pairTrendsTrending, exactCopyRate, dcrMedian, tstrF1?, trainSeconds, sampleSeconds, epochs }], rows,
 * holdoutDcrMedian, realF1?, target?, seed }` as one document on stdout; otherwise a table.
 * Progress goes to stderr. Default epochs: 30 (a quick comparison; pass --epochs 300 for the reference's).
 */
import { intOption, numberOption, parseArgs } from '../args.ts';
import { readCsvFile } from '../io.ts';
import { createProgress } from '../progress.ts';
import { SynthtabError } from '../../core/errors.ts';
import { planFromProfile } from '../../core/profile/plan.ts';
import { profileTable } from '../../core/profile/profile.ts';
import type { ColumnKind } from '../../core/types.ts';
import { initNodeBackend } from '../../model/backend-node.ts';
import { COMPARE_METHODS, isCompareMethod, runComparison, type CompareMethod, type CompareResult } from '../../worker/compare.ts';

const USAGE = 'Usage: synthtab compare <csv> [--methods ctgan,tvae,copula,profile] [--epochs N] [--seed N] [--holdout 0.2] [--target col] [--batch N] [--backend wasm|cpu] [--json]';

/** Default epochs for ctgan/tvae in a comparison. */
export const COMPARE_DEFAULT_EPOCHS = 30;

export function parseMethodList(raw: string | undefined): CompareMethod[] {
  if (raw === undefined) return [...COMPARE_METHODS];
  const out: CompareMethod[] = [];
  for (const m of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!isCompareMethod(m)) throw new SynthtabError('bad-option', `Unknown method '${m}' in --methods (use ${COMPARE_METHODS.join(', ')}).`);
    if (!out.includes(m)) out.push(m);
  }
  if (out.length === 0) throw new SynthtabError('bad-option', '--methods needs at least one method.');
  return out;
}

const f3 = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(3));
const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '-');

/** The result as an aligned table for people. */
export function formatCompareTable(r: CompareResult): string {
  const head = ['method', 'quality', 'shapes', 'pairs', 'pairs(trend)', 'exact copies', 'DCR median', ...(r.target ? ['TSTR F1'] : []), 'epochs', 'train s', 'sample s'];
  const rows = r.methods.map((m) => [
    m.name, f3(m.quality), f3(m.shapes), f3(m.pairTrends), f3(m.pairTrendsTrending), `${(m.exactCopyRate * 100).toFixed(2)}%`, f3(m.dcrMedian),
    ...(r.target ? [f3(m.tstrF1)] : []), String(m.epochs), f1(m.trainSeconds), f1(m.sampleSeconds),
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j]!.length)));
  const line = (cells: string[]): string => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ');
  const notes = [
    `training split ${r.rows.train} rows, holdout ${r.rows.holdout} rows, ${r.rows.synthetic} synthetic rows per method, seed ${r.seed}`,
    `holdout DCR median (privacy baseline) ${f3(r.holdoutDcrMedian)}${r.target ? `; '${r.target}' F1 of a classifier trained on the real split ${f3(r.realF1)}` : ''}`,
  ];
  return [...notes, '', line(head), ...rows.map(line)].join('\n') + '\n';
}

export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { options: ['methods', 'epochs', 'seed', 'holdout', 'target', 'batch', 'backend'], flags: ['json'] });
  if (args.positionals.length !== 1) throw new SynthtabError('bad-option', USAGE);
  const methods = parseMethodList(args.options.get('methods'));
  const epochs = intOption(args, 'epochs', COMPARE_DEFAULT_EPOCHS, 1);
  const seed = intOption(args, 'seed', 0);
  const holdout = numberOption(args, 'holdout', 0.2, 0.01, 0.9);
  const batch = args.options.has('batch') ? intOption(args, 'batch', 500, 10) : undefined;
  if (batch !== undefined && batch % 10 !== 0) throw new SynthtabError('bad-option', `--batch must be a multiple of 10 (the CTGAN critic packs 10 rows), got ${batch}.`);
  const backendPref = args.options.get('backend') ?? 'wasm';
  if (backendPref !== 'wasm' && backendPref !== 'cpu') throw new SynthtabError('bad-option', `--backend must be wasm or cpu, got '${backendPref}'.`);
  const target = args.options.get('target');

  const parsed = await readCsvFile(args.positionals[0]!);
  for (const w of parsed.warnings) process.stderr.write(`warning: ${w}\n`);
  const table = parsed.table;
  const profile = profileTable(table);
  const plan = planFromProfile(profile);
  const kinds: Record<string, ColumnKind> = Object.fromEntries(profile.columns.map((c) => [c.name, c.kind]));
  const progress = createProgress('epoch');
  if (methods.includes('ctgan') || methods.includes('tvae')) {
    const backend = await initNodeBackend(backendPref);
    progress.log(`ctgan/tvae on the ${backend} backend, ${epochs} epochs.`);
  }
  const result = await runComparison(table, plan, {
    methods,
    holdout,
    options: { epochs, seed, ...(batch !== undefined ? { batchSize: batch } : {}) },
    kinds,
    ...(target !== undefined ? { target } : {}),
    onProgress: (m, i, e) => {
      if (e.type === 'epoch') progress.update(e.epoch, e.epochs, `${m} (${i + 1}/${methods.length}) loss ${e.lossG.toFixed(3)}`);
      else if (e.type === 'evaluate') {
        progress.finish();
        progress.log(`${m}: sampled; evaluating.`);
      } else if (e.type === 'stage' && e.stage === 'transform') progress.log(`${m} (${i + 1}/${methods.length}): ${e.message}`);
    },
  });
  if (args.flags.has('json')) process.stdout.write(JSON.stringify(result) + '\n');
  else process.stdout.write(formatCompareTable(result));
}
