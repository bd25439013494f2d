/**
 * Method comparison (issue 8 item 3), shared by the CLI `compare` command and the worker's
 * 'compare' request: hold out a share of the rows, train each method on the rest, sample as many
 * rows as the training split, and score each sample against the training split with
 * core/metrics evaluate (holdout = privacy baseline and TSTR test set).
 *
 * No Node or DOM imports: the caller initialises the TF.js backend (CLI: initNodeBackend; worker:
 * its backend selector) before calling.
 */
import { createRng, type Rng } from '../core/rng.ts';
import { SynthtabError } from '../core/errors.ts';
import { evaluate } from '../core/metrics/evaluate.ts';
import { fitCopula, sampleCopula, type CopulaModel } from '../core/copula/copula.ts';
import { sampleFromProfile } from '../core/pii/profile-sample.ts';
import { takeRows, type Table } from '../core/table/table.ts';
import type { ColumnKind, ColumnPlan, Condition, TrainEvent, TrainOptions } from '../core/types.ts';
import { CtganSynthesizer } from '../model/synthesizer.ts';
import { TvaeSynthesizer, type TvaeOptions } from '../model/tvae/synthesizer.ts';
import { QualityTracker, type TrackerSummary } from '../model/quality-tracker.ts';

/** The synthesis methods, in display order. */
export const COMPARE_METHODS = ['ctgan', 'tvae', 'copula', 'profile'] as const;
export type CompareMethod = (typeof COMPARE_METHODS)[number];

export function isCompareMethod(x: string): x is CompareMethod {
  return (COMPARE_METHODS as readonly string[]).includes(x);
}

/** A fitted model of any method, seen the same way. */
export interface TrainedMethod {
  name: CompareMethod;
  sample(rows: number, opts: { seed?: number; condition?: Condition }): Promise<Table>;
  /** The model as JSON text (ctgan/tvae model file, copula model); null for 'profile' (no model). */
  modelText(): string | null;
  dispose(): void;
  /** Epochs trained (0 for copula/profile). */
  epochs: number;
  stopped: boolean;
  /** From the quality tracker when one ran. */
  quality?: TrackerSummary;
}

export interface TrainMethodOptions {
  /** CTGAN/TVAE options (epochs, batchSize, seed, ...; TVAE-only fields too); copula/profile use only the seed. */
  options: Partial<TrainOptions> & Partial<TvaeOptions>;
  onEvent?(e: TrainEvent): void | Promise<void>;
  control?: { paused: boolean; stop?: boolean };
  signal?: AbortSignal;
  /** Live quality / best epoch / early stop for ctgan and tvae (see model/quality-tracker.ts). */
  quality?: { every: number; patience?: number; rows?: number };
  /** Emit per-step events (default false: the CLI and the comparison only need epochs). */
  stepEvents?: boolean;
}

/** Fit `method` on `table`. */
export async function trainMethod(method: CompareMethod, table: Table, plan: ColumnPlan[], opts: TrainMethodOptions): Promise<TrainedMethod> {
  const seed = opts.options.seed ?? 0;
  if (method === 'copula') {
    const model: CopulaModel = fitCopula(table, plan, createRng(seed));
    let rng = createRng(seed ^ 0x5a3c);
    return {
      name: method, epochs: 0, stopped: false,
      sample: async (n, o) => {
        if (o.seed !== undefined) rng = createRng(o.seed);
        return sampleCopula(model, n, rng, o.condition);
      },
      modelText: () => JSON.stringify(model),
      dispose: () => {},
    };
  }
  if (method === 'profile') {
    let rng = createRng(seed ^ 0x5a3c);
    return {
      name: method, epochs: 0, stopped: false,
      sample: async (n, o) => {
        if (o.condition) throw new SynthtabError('bad-condition', 'The profile method draws every column independently and cannot meet a condition; use copula, ctgan or tvae.');
        if (o.seed !== undefined) rng = createRng(o.seed);
        return sampleFromProfile(table, plan, n, rng);
      },
      modelText: () => null,
      dispose: () => {},
    };
  }
  const synth = method === 'tvae' ? new TvaeSynthesizer() : new CtganSynthesizer();
  const tracker = opts.quality ? new QualityTracker(synth, table, plan, { every: opts.quality.every, patience: opts.quality.patience ?? 0, rows: opts.quality.rows ?? 2000, seed }) : null;
  const base = {
    ...(opts.onEvent ? { onEvent: opts.onEvent } : {}),
    ...(opts.control ? { control: opts.control } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    stepEvents: opts.stepEvents ?? false,
  };
  let result;
  try {
    result = await synth.fit(table, plan, opts.options, tracker ? tracker.wrap(base) : base);
  } catch (e) {
    synth.dispose();
    throw e;
  }
  const summary = tracker ? await tracker.finish() : undefined;
  return {
    name: method,
    epochs: result.epochs,
    stopped: result.stopped,
    ...(summary ? { quality: summary } : {}),
    sample: (n, o) => synth.sample(n, o),
    modelText: () => synth.toFileText(),
    dispose: () => synth.dispose(),
  };
}

/** One method's row of the comparison (the CLI's `compare --json` document lists these). */
export interface MethodScores {
  name: CompareMethod;
  /** Quality overall (shapes + all-pairs trends, the classic SDMetrics definition). */
  quality: number;
  shapes: number;
  /** Column pair trends over all pairs. */
  pairTrends: number;
  /** Column pair trends over trending pairs only (SDMetrics 0.27+); null when none trends. */
  pairTrendsTrending: number | null;
  exactCopyRate: number;
  dcrMedian: number;
  /** TSTR F1 (binary: positive class; multi-class: macro) when a target was given. */
  tstrF1?: number;
  trainSeconds: number;
  sampleSeconds: number;
  /** Epochs trained (ctgan/tvae). */
  epochs: number;
}

export interface CompareResult {
  methods: MethodScores[];
  rows: { train: number; holdout: number; synthetic: number };
  /** Holdout privacy baseline (median DCR of real unseen rows to the training rows). */
  holdoutDcrMedian: number | null;
  /** TRTR F1 (a classifier trained on the real training split) when a target was given. */
  realF1?: number;
  target?: string;
  seed: number;
}

export interface CompareOptions {
  methods: CompareMethod[];
  /** Share of rows held out (default 0.2). */
  holdout?: number;
  /** ctgan/tvae options (epochs, seed, ...). */
  options: Partial<TrainOptions> & Partial<TvaeOptions>;
  target?: string;
  kinds?: Record<string, ColumnKind>;
  /** Progress: which method is running, and its training events. */
  onProgress?(method: CompareMethod, index: number, e: TrainEvent | { type: 'evaluate' }): void | Promise<void>;
  control?: { paused: boolean; stop?: boolean };
  signal?: AbortSignal;
  /** Injected clock (seconds are measured with it; default performance.now). */
  now?: () => number;
}

/** Split off `fraction` of the rows at random (seeded): { train, holdout }. */
export function holdoutSplit(table: Table, fraction: number, rng: Rng): { train: Table; holdout: Table } {
  if (!(fraction > 0 && fraction < 1)) throw new SynthtabError('bad-option', `The holdout share must be between 0 and 1 (exclusive), got ${fraction}.`);
  const n = table.rowCount;
  const h = Math.round(n * fraction);
  if (h < 1 || n - h < 2) throw new SynthtabError('bad-option', `${n} rows are too few to hold out ${fraction * 100}% and still train.`);
  const order = rng.shuffle(Int32Array.from({ length: n }, (_, i) => i));
  const hold = order.slice(0, h).sort();
  const train = order.slice(h).sort();
  return { train: takeRows(table, train), holdout: takeRows(table, hold) };
}

function onlyColumns(t: Table, names: readonly string[]): Table {
  const set = new Set(names);
  return { rowCount: t.rowCount, columns: t.columns.filter((c) => set.has(c.name)) };
}

/** Run every method and score it (see the file comment). */
export async function runComparison(table: Table, plan: ColumnPlan[], opts: CompareOptions): Promise<CompareResult> {
  if (opts.methods.length === 0) throw new SynthtabError('bad-option', 'Choose at least one method to compare.');
  const now = opts.now ?? (() => performance.now());
  const seed = opts.options.seed ?? 0;
  const rng = createRng(seed);
  if (opts.target !== undefined) {
    const p = plan.find((x) => x.name === opts.target);
    if (!p || p.excluded) throw new SynthtabError('bad-column', `Unknown target column '${opts.target}'; columns: ${plan.filter((x) => !x.excluded).map((x) => x.name).join(', ')}.`);
  }
  const { train, holdout } = holdoutSplit(table, opts.holdout ?? 0.2, rng.fork());
  const evalSeed = rng.fork().seed32();
  const methods: MethodScores[] = [];
  let holdoutDcrMedian: number | null = null;
  let realF1: number | undefined;
  for (const [i, name] of opts.methods.entries()) {
    if (opts.signal?.aborted || opts.control?.stop) break;
    const t0 = now();
    const model = await trainMethod(name, train, plan, {
      options: opts.options,
      ...(opts.onProgress ? { onEvent: (e: TrainEvent) => opts.onProgress!(name, i, e) } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    try {
      const trainSeconds = (now() - t0) / 1000;
      const t1 = now();
      const synthetic = await model.sample(train.rowCount, { seed: seed + 1 });
      const sampleSeconds = (now() - t1) / 1000;
      await opts.onProgress?.(name, i, { type: 'evaluate' });
      const names = synthetic.columns.map((c) => c.name);
      const report = evaluate(onlyColumns(train, names), synthetic, {
        holdout: onlyColumns(holdout, names),
        rng: createRng(evalSeed),
        ...(opts.kinds ? { kinds: opts.kinds } : {}),
        ...(opts.target !== undefined ? { target: opts.target } : {}),
      });
      holdoutDcrMedian = report.privacy.holdoutDcrMedian;
      if (report.efficacy) realF1 = report.efficacy.real.f1;
      methods.push({
        name,
        quality: report.quality.overall,
        shapes: report.quality.columnShapes,
        pairTrends: report.quality.columnPairTrends,
        pairTrendsTrending: report.quality.columnPairTrendsTrending,
        exactCopyRate: report.privacy.exactCopyRate,
        dcrMedian: report.privacy.dcrMedian,
        ...(report.efficacy ? { tstrF1: report.efficacy.synthetic.f1 } : {}),
        trainSeconds,
        sampleSeconds,
        epochs: model.epochs,
      });
    } finally {
      model.dispose();
    }
  }
  return {
    methods,
    rows: { train: train.rowCount, holdout: holdout.rowCount, synthetic: train.rowCount },
    holdoutDcrMedian,
    ...(realF1 !== undefined ? { realF1 } : {}),
    ...(opts.target !== undefined ? { target: opts.target } : {}),
    seed,
  };
}

/** The worker's 'compare' request (protocol.ts includes it in Request). */
export interface CompareRequest {
  type: 'compare';
  id: number;
  methods: CompareMethod[];
  /** ctgan/tvae epochs (default 30). */
  epochs?: number;
  seed?: number;
  /** Share held out (default 0.2). */
  holdout?: number;
  /** Column for TSTR F1. */
  target?: string;
}

/** Events answering a 'compare' request (protocol.ts includes them in WorkerEvent). */
export type CompareWorkerEvent =
  | { type: 'compare-progress'; requestId: number; method: CompareMethod; index: number; total: number; stage: 'train' | 'evaluate'; epoch?: number; epochs?: number }
  | { type: 'compare-result'; requestId: number; result: CompareResult };

/** Run a 'compare' request in the worker (the TF.js backend is already selected by the handler). */
export async function runCompareInWorker(
  req: CompareRequest, table: Table, plan: ColumnPlan[], post: (e: CompareWorkerEvent) => void,
  opts: { kinds?: Record<string, ColumnKind>; signal?: AbortSignal; control?: { paused: boolean; stop?: boolean } } = {},
): Promise<CompareResult> {
  const methods = req.methods.filter(isCompareMethod);
  if (methods.length !== req.methods.length) throw new SynthtabError('bad-option', `Unknown method in ${req.methods.join(', ')}; use ${COMPARE_METHODS.join(', ')}.`);
  const total = methods.length;
  const result = await runComparison(table, plan, {
    methods,
    options: { epochs: req.epochs ?? 30, seed: req.seed ?? 0 },
    ...(req.holdout !== undefined ? { holdout: req.holdout } : {}),
    ...(req.target ? { target: req.target } : {}),
    ...(opts.kinds ? { kinds: opts.kinds } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.control ? { control: opts.control } : {}),
    onProgress: (method, index, e) => {
      if (e.type === 'epoch') post({ type: 'compare-progress', requestId: req.id, method, index, total, stage: 'train', epoch: e.epoch, epochs: e.epochs });
      else if (e.type === 'evaluate') post({ type: 'compare-progress', requestId: req.id, method, index, total, stage: 'evaluate' });
      else if (e.type === 'stage' && e.stage === 'transform') post({ type: 'compare-progress', requestId: req.id, method, index, total, stage: 'train' });
    },
  });
  post({ type: 'compare-result', requestId: req.id, result });
  return result;
}
