/**
 * `synthtab rebalance <csv> --target <col> [--holdout 0.2] [--seed N] [--seeds N] [--epochs N]
 *  [--ratio R] [--minority value] [--classifier logistic|gbdt] [--methods a,b,...]
 *  [--train-minority-share S] [--json]`
 *
 * Runs core/rebalance's lab (the same function the app's worker runs, so the same seed gives the
 * same numbers for every method but ctgan, whose TF.js backend differs). --json prints the
 * Rebalance JSON (DESIGN.md) as one document on stdout; otherwise a table. Progress goes to stderr.
 */
import { intOption, numberOption, parseArgs } from '../args.ts';
import { readCsvFile } from '../io.ts';
import { SynthtabError } from '../../core/errors.ts';
import { profileTable } from '../../core/profile/profile.ts';
import { REBALANCE_METHODS, runRebalanceLab, type RebalanceMethod, type RebalanceResult } from '../../core/rebalance/lab.ts';
import { resolveTarget } from '../../core/rebalance/target.ts';
import type { ColumnKind } from '../../core/types.ts';
import { ctganMinority } from '../../worker/rebalance.ts';

const USAGE =
  'Usage: synthtab rebalance <csv> --target <col> [--holdout 0.2] [--seed N] [--seeds N] [--epochs N] [--ratio R] [--minority value] [--classifier logistic|gbdt] [--methods a,b,...] [--train-minority-share S] [--json]';

function parseMethods(raw: string | undefined): RebalanceMethod[] {
  if (raw === undefined) return [...REBALANCE_METHODS];
  const out: RebalanceMethod[] = [];
  for (const m of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const found = REBALANCE_METHODS.find((k) => k === m);
    if (!found) throw new SynthtabError('bad-option', `Unknown method '${m}' in --methods (use ${REBALANCE_METHODS.join(', ')}).`);
    if (!out.includes(found)) out.push(found);
  }
  if (out.length === 0) throw new SynthtabError('bad-option', '--methods needs at least one method.');
  return out;
}

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');

/** The result as an aligned table for people. */
export function formatRebalanceTable(r: RebalanceResult): string {
  const multi = r.seeds.length > 1;
  const head = ['method', 'precision', 'recall', 'f1', 'roc auc', 'pr auc', 'best f1', 'train rows', 'synthetic'];
  const rows = r.methods.map((m) => [
    m.name,
    fmt(m.precision) + (multi ? ` ±${fmt(m.spread!.precision)}` : ''),
    fmt(m.recall) + (multi ? ` ±${fmt(m.spread!.recall)}` : ''),
    fmt(m.f1) + (multi ? ` ±${fmt(m.spread!.f1)}` : ''),
    fmt(m.rocAuc) + (multi ? ` ±${fmt(m.spread!.rocAuc)}` : ''),
    fmt(m.prAuc) + (multi ? ` ±${fmt(m.spread!.prAuc)}` : ''),
    fmt(m.bestF1.f1),
    String(m.trainRows),
    String(m.syntheticRows),
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j]!.length)));
  const line = (cells: string[]): string => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ');
  return [
    `target '${r.target}', minority class '${r.minorityClass}' (positive); ${r.classifier} classifier; holdout ${r.holdoutRows} rows (${r.holdoutMinority} minority), training ${r.trainRows} rows (${r.trainMinority} minority)`,
    `precision/recall/f1 at threshold 0.5; best f1 = at the holdout's best threshold; ${multi ? `mean ± sd over seeds ${r.seeds.join(', ')}` : `seed ${r.seeds[0]}`}`,
    '',
    line(head),
    ...rows.map(line),
  ].join('\n') + '\n';
}

export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, {
    options: ['target', 'holdout', 'seed', 'seeds', 'epochs', 'ratio', 'minority', 'classifier', 'methods', 'train-minority-share'],
    flags: ['json'],
  });
  if (args.positionals.length !== 1) throw new SynthtabError('bad-option', USAGE);
  const target = args.options.get('target');
  if (!target) throw new SynthtabError('bad-option', `--target is required. ${USAGE}`);
  const holdout = numberOption(args, 'holdout', 0.2, 0, 1);
  const seed = intOption(args, 'seed', 0);
  const seedCount = intOption(args, 'seeds', 1, 1);
  const epochs = intOption(args, 'epochs', 30, 1);
  const ratio = numberOption(args, 'ratio', 1, 0, 1);
  const classifier = args.options.get('classifier') ?? 'logistic';
  if (classifier !== 'logistic' && classifier !== 'gbdt') throw new SynthtabError('bad-option', `--classifier must be logistic or gbdt, got '${classifier}'.`);
  const methods = parseMethods(args.options.get('methods'));
  // The benchmark's 'rare' scenario: the training split's minority cut to this share (holdout untouched).
  const share = args.options.has('train-minority-share') ? numberOption(args, 'train-minority-share', 0, 0, 1) : undefined;

  const parsed = await readCsvFile(args.positionals[0]!);
  for (const w of parsed.warnings) process.stderr.write(`warning: ${w}\n`);
  const table = parsed.table;
  // Check the target before starting TF.js, so a typo fails fast with one line.
  resolveTarget(table, target, args.options.get('minority'));
  const kinds: Record<string, ColumnKind> = {};
  for (const c of profileTable(table).columns) kinds[c.name] = c.kind;

  let synthesizeMinority;
  if (methods.includes('ctgan')) {
    // Loaded only when needed: TF.js start-up costs a second or two.
    const [{ initNodeBackend }, { CtganSynthesizer }] = await Promise.all([import('../../model/backend-node.ts'), import('../../model/synthesizer.ts')]);
    const backend = await initNodeBackend();
    process.stderr.write(`ctgan: TF.js backend ${backend}, ${epochs} epochs per seed\n`);
    synthesizeMinority = ctganMinority(() => new CtganSynthesizer(), target, {
      epochs,
      onEpoch: (e, n) => {
        if (e === n || e % 5 === 0) process.stderr.write(`  ctgan epoch ${e}/${n}\n`);
      },
    });
  }
  const result = await runRebalanceLab(table, {
    target,
    ...(args.options.has('minority') ? { minority: args.options.get('minority')! } : {}),
    holdout,
    seed,
    seeds: Array.from({ length: seedCount }, (_, i) => seed + i),
    ratio,
    methods,
    classifier,
    kinds,
    ...(share !== undefined ? { trainMinorityShare: share } : {}),
    ...(synthesizeMinority ? { synthesizeMinority } : {}),
    onProgress: (p) => {
      if (p.message !== 'done') process.stderr.write(`[${p.done + 1}/${p.total}] ${p.message}\n`);
    },
  });
  if (args.flags.has('json')) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else process.stdout.write(formatRebalanceTable(result));
}
