/**
 * `synthtab synthesize <csv> --out <synth.csv> [--rows N] [--epochs N] [--batch N] [--seed N]
 *   [--model-out <model.json>] [--condition col=value] [--report <report.json>] [--method ctgan]
 *   [--backend wasm|cpu] [--locale xx]`
 *
 * Reads and profiles the CSV, trains CTGAN (Node: wasm backend, cpu fallback), samples, and writes
 * a CSV with the input's header, column order and value formats. Progress goes to stderr (a bar on
 * a TTY, plain lines otherwise). Ctrl-C once stops training early and still writes the output from
 * the model so far; twice exits.
 *
 * Personal columns (issue 7, core/synth/personal.ts): columns the profile flags as personal and
 * the plan fakes are not learned; they get Faker values (locale from --locale or the data) at
 * sampling, with the real null share and uniqueness and never a real identifying value.
 *
 * `--method` other than ctgan (copula, tvae, profile) dispatches through loadMethod (cli/methods.ts);
 * `--report` goes through writeReport. TF.js and the model code load only once the arguments, the
 * CSV and the condition have been checked, so bad input fails in a moment.
 */
import { writeFile } from 'node:fs/promises';
import { conditionOption, intOption, parseArgs, type ParsedArgs } from '../args.ts';
import { readCsvFile, writeCsvFile } from '../io.ts';
import { createProgress, type Progress } from '../progress.ts';
import type { CsvFormats } from '../../core/csv/format.ts';
import { SynthtabError } from '../../core/errors.ts';
import { evaluate } from '../../core/metrics/evaluate.ts';
import { planFromProfile } from '../../core/profile/plan.ts';
import { profileTable } from '../../core/profile/profile.ts';
import { createRng } from '../../core/rng.ts';
import { cellText, type Table } from '../../core/table/table.ts';
import { DEFAULT_TRAIN_OPTIONS, isDiscreteKind, type ColumnKind, type ColumnPlan, type Condition, type Profile, type TrainEvent, type TrainOptions } from '../../core/types.ts';
import type { NodeBackend } from '../../model/backend-node.ts';
import { preparePersonal, type PersonalColumns } from '../../core/synth/personal.ts';

/** Fewer training steps than this get a note (see bench/README.md, Methods). */
const MIN_STEPS_HINT = 2000;

const USAGE = 'Usage: synthtab synthesize <csv> --out <synth.csv> [--rows N] [--epochs N] [--batch N] [--seed N] [--model-out <model.json>] [--condition col=value] [--report <report.json>] [--method ctgan|tvae|copula|profile] [--backend wasm|cpu] [--quality-every N] [--patience K] [--locale xx]';

/** What a synthesis method needs and returns (so copula / tvae / profile can plug in). */
export interface MethodJob {
  table: Table;
  profile: Profile;
  plan: ColumnPlan[];
  options: Partial<TrainOptions>;
  rows: number;
  condition?: Condition;
  seed: number;
  modelOut?: string;
  progress: Progress;
  control: { paused: boolean; stop?: boolean };
  /** --quality-every / --patience: live quality, best-epoch weights, early stop (model/quality-tracker.ts). */
  quality?: { every: number; patience?: number };
  /** Personal columns the plan fakes (issue 7): fillers for sample(), or fill() after a method without them. */
  personal?: PersonalColumns;
  /** The input's column formats (whitespace, missing token), to store in a --model-out file. */
  formats?: CsvFormats;
}

export type MethodRunner = (job: MethodJob) => Promise<Table>;

/** CTGAN: train, optionally save the model, sample. */
export async function runCtgan(job: MethodJob): Promise<Table> {
  const { progress } = job;
  const [{ CtganSynthesizer }, { QualityTracker }, { qualitySummaryLine }] = await Promise.all([
    import('../../model/synthesizer.ts'),
    import('../../model/quality-tracker.ts'),
    import('../methods.ts'),
  ]);
  const synth = new CtganSynthesizer();
  try {
    const epochs = job.options.epochs ?? DEFAULT_TRAIN_OPTIONS.epochs;
    const tracker = job.quality ? new QualityTracker(synth, job.table, job.plan, { ...job.quality, seed: job.seed }) : null;
    const hooks = {
      control: job.control,
      stepEvents: false,
      transformer: { profiles: job.profile.columns },
      onEvent: (e: TrainEvent) => {
        if (e.type === 'stage') progress.log(e.message);
        else if (e.type === 'epoch') progress.update(e.epoch, epochs, `loss G ${e.lossG.toFixed(3)} D ${e.lossD.toFixed(3)}${e.quality !== undefined ? `  quality ${e.quality.toFixed(3)}` : ''}  ${e.seconds.toFixed(1)}s/epoch`);
      },
    };
    const result = await synth.fit(job.table, job.plan, job.options, tracker ? tracker.wrap(hooks) : hooks);
    progress.finish();
    if (result.stopped) progress.log(`Stopped early after ${result.epochs} epochs.`);
    if (tracker) progress.log(qualitySummaryLine(await tracker.finish()));
    if (job.modelOut) {
      synth.csvFormats = job.formats ?? {};
      synth.fakes = job.personal?.saved ?? []; // faked columns' kind/locale/format, no real value
      await writeFile(job.modelOut, synth.toFileText());
      progress.log(`Model written to ${job.modelOut}.`);
    }
    progress.log(`Sampling ${job.rows} rows${job.condition ? ` with ${job.condition.column} = '${job.condition.value}'` : ''}.`);
    return await synth.sample(job.rows, { ...(job.condition ? { condition: job.condition } : {}), seed: job.seed, ...(job.personal ? { fillers: job.personal.fillers() } : {}) });
  } finally {
    synth.dispose();
  }
}

/** The --method names. */
export const METHOD_NAMES = ['ctgan', 'tvae', 'copula', 'profile'] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

/** The runner for a --method (the non-CTGAN ones live in cli/methods.ts, loaded on demand). */
export async function loadMethod(name: MethodName): Promise<MethodRunner> {
  if (name === 'ctgan') return runCtgan;
  return (await import('../methods.ts')).EXTRA_METHODS[name];
}

/** --report: the evaluation report (DESIGN.md "Report JSON") of the synthetic rows against the input. */
export async function writeReport(path: string, real: Table, synthetic: Table, profile: Profile, seed: number): Promise<void> {
  const kinds: Record<string, ColumnKind> = Object.fromEntries(profile.columns.map((c) => [c.name, c.kind]));
  const report = evaluate(real, synthetic, { kinds, rng: createRng(seed) });
  await writeFile(path, JSON.stringify(report, null, 2) + '\n');
}

/** Fail before training when a condition cannot be met: unknown column, or a category not in the data. */
export function checkCondition(table: Table, plan: ColumnPlan[], c: Condition): void {
  const p = plan.find((x) => x.name === c.column);
  if (!p || p.excluded) throw new SynthtabError('bad-condition', `Unknown column '${c.column}' in --condition; columns: ${plan.filter((x) => !x.excluded).map((x) => x.name).join(', ')}.`);
  if (!isDiscreteKind(p.kind)) return;
  const col = table.columns.find((x) => x.name === c.column)!;
  const seen = new Set<string>();
  for (let i = 0; i < table.rowCount && seen.size < 100_000; i++) {
    const v = cellText(col, i);
    if (v !== null) seen.add(v);
  }
  if (seen.has(c.value) || [...seen].some((v) => v.trim() === c.value.trim())) return;
  const shown = [...seen].slice(0, 8).map((v) => `'${v.trim()}'`).join(', ');
  throw new SynthtabError('bad-condition', `Column '${c.column}' has no value '${c.value}'; known values: ${shown}${seen.size > 8 ? ', ...' : ''}.`);
}

function backendOption(args: ParsedArgs): NodeBackend {
  const b = args.options.get('backend') ?? 'wasm';
  if (b !== 'wasm' && b !== 'cpu') throw new SynthtabError('bad-option', `--backend must be wasm or cpu, got '${b}'.`);
  return b;
}

export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { options: ['out', 'rows', 'epochs', 'batch', 'seed', 'model-out', 'condition', 'report', 'method', 'backend', 'quality-every', 'patience', 'locale'] });
  if (args.positionals.length !== 1) throw new SynthtabError('bad-option', USAGE);
  const out = args.options.get('out');
  if (!out) throw new SynthtabError('bad-option', `--out is required. ${USAGE}`);
  const methodName = args.options.get('method') ?? 'ctgan';
  if (!(METHOD_NAMES as readonly string[]).includes(methodName)) {
    throw new SynthtabError('bad-option', `Unknown --method '${methodName}'; choose one of ${METHOD_NAMES.join(', ')}.`);
  }
  const seed = intOption(args, 'seed', 0);
  const epochs = intOption(args, 'epochs', DEFAULT_TRAIN_OPTIONS.epochs, 1);
  const batchSize = intOption(args, 'batch', DEFAULT_TRAIN_OPTIONS.batchSize, 1);
  if (batchSize % DEFAULT_TRAIN_OPTIONS.pac !== 0) throw new SynthtabError('bad-option', `--batch must be a multiple of ${DEFAULT_TRAIN_OPTIONS.pac} (the critic packs ${DEFAULT_TRAIN_OPTIONS.pac} rows), got ${batchSize}.`);
  const condition = conditionOption(args);
  const backendPref = backendOption(args);
  const qualityEvery = intOption(args, 'quality-every', 0, 0);
  const patience = intOption(args, 'patience', 0, 0);
  if (patience > 0 && qualityEvery === 0) throw new SynthtabError('bad-option', '--patience needs --quality-every N (quality is checked every N epochs).');
  const quality = qualityEvery > 0 ? { every: qualityEvery, patience } : undefined;

  const parsed = await readCsvFile(args.positionals[0]!);
  for (const w of parsed.warnings) process.stderr.write(`warning: ${w}\n`);
  const table = parsed.table;
  const rows = intOption(args, 'rows', table.rowCount, 0);
  const profile = profileTable(table);
  // Personal columns (issue 7): faked ones become 'text' in the plan and get Faker values at sampling.
  const personal = preparePersonal(table, profile, planFromProfile(profile), { locale: args.options.get('locale') });
  const plan = personal.plan;
  if (condition) checkCondition(table, plan, condition);

  const method = await loadMethod(methodName as MethodName);
  const { initNodeBackend } = await import('../../model/backend-node.ts');
  const backend = await initNodeBackend(backendPref);
  const progress = createProgress('epoch');
  progress.log(`${table.rowCount} rows x ${table.columns.length} columns; ${methodName} on the ${backend} backend, ${epochs} epochs, batch ${batchSize}, seed ${seed}.`);
  if (methodName === 'ctgan' || methodName === 'tvae') {
    const steps = epochs * Math.max(Math.floor(table.rowCount / batchSize), 1);
    // Measured (bench/README.md, Methods): CTGAN learns marginals first and conditional structure only
    // after ~1,500-2,000 generator steps; a small table gives few steps per epoch.
    if (steps < MIN_STEPS_HINT) progress.log(`Note: ${epochs} epochs of ${table.rowCount} rows at batch ${batchSize} are only ${steps} training steps; relations between columns usually need about ${MIN_STEPS_HINT} (try --epochs ${Math.ceil(MIN_STEPS_HINT / Math.max(Math.floor(table.rowCount / batchSize), 1))}).`);
  }
  if (personal.faked.length > 0) progress.log(`Personal columns replaced by ${personal.locale} fakes (not learned): ${personal.faked.join(', ')}.`);

  const control = { paused: false, stop: false };
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    control.stop = true;
    progress.log('Stopping after this step (Ctrl-C again to quit without output)...');
  };
  process.on('SIGINT', onSigint);
  let synthetic: Table;
  try {
    synthetic = await method({ table, profile, plan, options: { epochs, batchSize, seed }, rows, ...(condition ? { condition } : {}), ...(quality ? { quality } : {}), seed, modelOut: args.options.get('model-out'), progress, control, personal, formats: parsed.formats });
  } finally {
    process.off('SIGINT', onSigint);
  }
  await writeCsvFile(out, synthetic, { formats: parsed.formats }); // in the input's formats: " Private", " ?"
  progress.log(`Wrote ${synthetic.rowCount} rows to ${out}.`);
  const reportPath = args.options.get('report');
  if (reportPath) {
    await writeReport(reportPath, table, synthetic, profile, seed);
    progress.log(`Report written to ${reportPath}.`);
  }
}
