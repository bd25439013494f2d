/**
 * All of the training worker's logic, as a plain function of (request) -> posted events, so it runs
 * in a Web Worker (trainer.worker.ts is a thin adapter) and in Node tests alike.
 *
 * The handler owns the parsed Table, its profile, the column plan and the synthesizer. Requests
 * may overlap: 'pause', 'resume' and 'stop' arrive while 'train' is running and act on it
 * cooperatively. Every request ends with exactly one 'done' or one 'error' carrying its id.
 */
import type { BackendName, Request, TablePreview, WorkerEvent } from './protocol.ts';
import { METHOD_NAMES, PROTOCOL_VERSION } from './protocol.ts';
import type { BackendChoice, Engine, FitControl, SynthesizerLike } from './engine.ts';
import { parseBlob, parseText, type ParsedFile } from './read-file.ts';
import { runTraining } from './train.ts';
import { streamSample } from './sample.ts';
import { runRebalanceInWorker } from './rebalance.ts';
import { runCompareInWorker } from './compare.ts';
import { splitHoldout } from './holdout.ts';
import { reportCharts } from './report-charts.ts';
import { defaultModelStore, type ModelStore } from './model-store.ts';
import { toRows, type Table } from '../core/table/table.ts';
import { kindProblem } from '../core/profile/plan.ts';
import { DEFAULT_TRAIN_OPTIONS, type ColumnPlan, type Profile, type TrainOptions } from '../core/types.ts';
import { assertNever, isSynthtabError, SynthtabError, userMessage } from '../core/errors.ts';

export type Post = (e: WorkerEvent, transfer?: Transferable[]) => void;

export interface HandlerOptions {
  /** The real pieces (parser, profiler, model, metrics); default: engine-default.ts, loaded lazily. */
  engine?: Engine | (() => Promise<Engine>);
  store?: ModelStore;
  now?: () => number;
  /** Rows per generated batch when sampling (default 50k). */
  sampleBatchRows?: number;
  /** Bytes per File slice when loading (default 4 MB). */
  sliceBytes?: number;
}

export const PREVIEW_ROWS = 20;
const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export const DEFAULT_EVALUATE_ROWS = 5000;

interface State {
  name: string;
  table: Table | null;
  /** The rows the current model was trained on and the rows held back (null: a loaded model, or no holdout). */
  split: { train: Table; holdout: Table | null } | null;
  profile: Profile | null;
  plan: ColumnPlan[] | null;
  synth: SynthesizerLike | null;
  backend: BackendChoice | null;
  backendPref: BackendName | 'auto';
  /** The running train/sample/evaluate job, if any; `finished` settles once it is cleared. */
  job: { kind: 'train' | 'sample' | 'evaluate' | 'load' | 'rebalance' | 'compare'; abort: AbortController; control: FitControl; finished: Promise<void>; finish: () => void } | null;
}

/** A whole number >= 0 from a request field (absent -> `fallback`), else a one-line 'bad-option' error. */
function wholeOption(value: number | undefined, fallback: number, label: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new SynthtabError('bad-option', `${label} must be a whole number >= 0, got ${String(value)}.`);
  return value;
}

async function loadDefaultEngine(): Promise<Engine> {
  const mod = await import('./engine-default.ts');
  return mod.createDefaultEngine();
}

/** Build the worker: `post` sends events to the page; the result handles one request. */
export function createHandler(post: Post, options: HandlerOptions = {}): (req: Request) => Promise<void> {
  const now = options.now ?? (() => performance.now());
  const store = options.store ?? defaultModelStore();
  let enginePromise: Promise<Engine> | null = null;
  const engine = (): Promise<Engine> => {
    const e = options.engine;
    enginePromise ??= e === undefined ? loadDefaultEngine() : typeof e === 'function' ? e() : Promise.resolve(e);
    return enginePromise;
  };
  const s: State = { name: '', table: null, split: null, profile: null, plan: null, synth: null, backend: null, backendPref: 'auto', job: null };

  const requireTable = (): Table => {
    if (!s.table) throw new SynthtabError('bad-option', 'Load a CSV file first.');
    return s.table;
  };
  const requireModel = (): SynthesizerLike => {
    if (!s.synth) throw new SynthtabError('bad-option', 'Train or load a model first.');
    return s.synth;
  };
  type Job = NonNullable<State['job']>;
  const startJob = async (kind: Job['kind']): Promise<Job> => {
    // An evaluation (the app starts one after each training run) is short: queue behind it
    // instead of refusing, so an export or a new run right after training just waits.
    while (s.job?.kind === 'evaluate' && kind !== 'evaluate') await s.job.finished;
    if (s.job) throw new SynthtabError('bad-option', `Wait for the running ${s.job.kind} to finish, or stop it.`);
    let finish = (): void => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    s.job = { kind, abort: new AbortController(), control: { paused: false }, finished, finish };
    return s.job;
  };
  const endJob = (job: Job): void => {
    if (s.job === job) s.job = null;
    job.finish();
  };
  const ensureBackend = async (eng: Engine, requestId: number): Promise<void> => {
    if (s.backend) return;
    s.backend = await eng.backends.select(s.backendPref);
    post({ type: 'backend', requestId, ...s.backend });
  };
  const replaceModel = (synth: SynthesizerLike): void => {
    if (s.synth && s.synth !== synth) s.synth.dispose();
    s.synth = synth;
  };

  const loaded = async (requestId: number, name: string, parsed: ParsedFile): Promise<void> => {
    post({ type: 'progress', requestId, stage: 'profile', done: 0, total: 1 });
    const profile = (await engine()).profileTable(parsed.table);
    s.name = name;
    s.table = parsed.table;
    s.split = null;
    s.profile = profile;
    s.plan = profile.columns.map((c) => ({ name: c.name, kind: c.kind }));
    const preview: TablePreview = { columns: parsed.table.columns.map((c) => c.name), rows: toRows(parsed.table, PREVIEW_ROWS) };
    post({ type: 'progress', requestId, stage: 'profile', done: 1, total: 1 });
    post({ type: 'loaded', requestId, name, profile, preview, warnings: parsed.warnings });
  };

  const handle = async (req: Request): Promise<void> => {
    switch (req.type) {
      case 'load-file':
      case 'load-text': {
        const eng = await engine();
        const job = await startJob('load');
        try {
          const progress = (done: number, total: number): void => post({ type: 'progress', requestId: req.id, stage: 'parse', done, total });
          const parsed =
            req.type === 'load-file'
              ? await parseBlob(req.file, () => eng.createCsvParser(), progress, { signal: job.abort.signal, ...(options.sliceBytes ? { sliceBytes: options.sliceBytes } : {}) })
              : parseText(req.text, eng.createCsvParser(), progress);
          await loaded(req.id, req.name, parsed);
        } finally {
          endJob(job);
        }
        return;
      }
      case 'set-plan': {
        const table = requireTable();
        const names = new Set(table.columns.map((c) => c.name));
        for (const p of req.plan) {
          if (!names.has(p.name)) throw new SynthtabError('bad-column', `The plan names a column "${p.name}" that the file does not have.`);
          const col = s.profile?.columns.find((c) => c.name === p.name);
          const problem = col && col.kind !== p.kind ? kindProblem(col, p.kind) : null;
          if (problem) throw new SynthtabError('bad-option', problem);
        }
        s.plan = req.plan;
        return;
      }
      case 'train': {
        const table = requireTable();
        const eng = await engine();
        const job = await startJob('train');
        try {
          const opts: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...req.options };
          const pref = req.backend ?? 'auto';
          if (pref !== 'auto' && !BACKEND_NAMES.includes(pref)) throw new SynthtabError('bad-option', `Unknown backend '${String(pref)}': use one of ${BACKEND_NAMES.join(', ')} or auto.`);
          s.backendPref = pref;
          if (!METHOD_NAMES.includes(req.method)) throw new SynthtabError('bad-option', `Unknown method '${String(req.method)}': use one of ${METHOD_NAMES.join(', ')}.`);
          const qualityEvery = wholeOption(req.qualityEvery, 5, 'The quality check interval (qualityEvery)');
          const patience = wholeOption(req.patience, 0, 'Patience');
          const split = splitHoldout(table, req.holdout ?? 0, opts.seed);
          const result = await runTraining(
            eng,
            {
              requestId: req.id,
              method: req.method,
              table: split.train,
              plan: s.plan ?? [],
              options: opts,
              backend: s.backendPref,
              distributionColumns: req.distributionColumns ?? [],
              distributionEvery: req.distributionEvery ?? 5,
              distributionRows: req.distributionRows ?? 1000,
              ...(req.failBackendAtEpoch !== undefined ? { failBackendAtEpoch: req.failBackendAtEpoch } : {}),
              qualityEvery,
              patience,
              control: job.control,
              signal: job.abort.signal,
            },
            post,
            now,
          );
          replaceModel(result.synth);
          s.split = split;
          s.backend = result.backend;
          post({
            type: 'trained', requestId: req.id, epochs: result.epochs, seconds: result.seconds, stopped: result.stopped, distributionSeconds: result.distributionSeconds,
            ...(result.bestEpoch !== undefined ? { bestEpoch: result.bestEpoch } : {}),
          });
          if (result.epochs > 0) await keepModel(result.synth, result.epochs, result.backend.backend, req.id);
        } finally {
          endJob(job);
        }
        return;
      }
      case 'pause':
      case 'resume':
        if (s.job?.kind === 'train') s.job.control.paused = req.type === 'pause';
        return;
      case 'stop':
        if (s.job?.kind === 'train') {
          // Graceful: the loop ends after the current step and the model keeps what it learned.
          s.job.control.stop = true;
          s.job.control.paused = false;
        } else s.job?.abort.abort();
        return;
      case 'sample': {
        const synth = requireModel();
        const eng = await engine();
        const job = await startJob('sample');
        try {
          await streamSample(
            eng,
            synth,
            { requestId: req.id, rows: req.rows, seed: req.seed ?? 0, signal: job.abort.signal, ...(req.condition ? { condition: req.condition } : {}), ...(options.sampleBatchRows ? { batchRows: options.sampleBatchRows } : {}) },
            post,
          );
        } finally {
          endJob(job);
        }
        return;
      }
      case 'evaluate': {
        const table = requireTable();
        const synth = requireModel();
        const eng = await engine();
        const job = await startJob('evaluate');
        try {
          // A model trained here is scored against its training rows, with the held-back rows as
          // the holdout; a loaded model against the whole table (its training rows are unknown).
          const train = s.split?.train ?? table;
          const holdout = s.split?.holdout ?? undefined;
          const rows = req.rows ?? Math.min(train.rowCount, DEFAULT_EVALUATE_ROWS);
          const seed = req.seed ?? 0;
          post({ type: 'progress', requestId: req.id, stage: 'sample', done: 0, total: rows });
          const synthetic = await synth.sample(rows, { seed });
          post({ type: 'progress', requestId: req.id, stage: 'evaluate', done: 0, total: 1 });
          // Score only the columns the model outputs (excluded ones are not in the synthetic table).
          const names = new Set(synthetic.columns.map((c) => c.name));
          const scored = (t: Table): Table => ({ rowCount: t.rowCount, columns: t.columns.filter((c) => names.has(c.name)) });
          const real = scored(train);
          const kinds = Object.fromEntries((s.plan ?? []).filter((p) => names.has(p.name)).map((p) => [p.name, p.kind]));
          const report = await eng.evaluate(real, synthetic, { seed, kinds, ...(req.target ? { target: req.target } : {}), ...(holdout ? { holdout: scored(holdout) } : {}) });
          post({ type: 'report', requestId: req.id, report, charts: reportCharts(real, synthetic, kinds, seed) });
        } finally {
          endJob(job);
        }
        return;
      }
      case 'save-model':
        post({ type: 'model-file', requestId: req.id, json: requireModel().toFile() });
        return;
      case 'load-model':
      case 'restore-model': {
        const eng = await engine();
        let json: string;
        if (req.type === 'load-model') json = req.json;
        else {
          const kept = await store.load();
          if (!kept) throw new SynthtabError('bad-model-file', 'No saved model was found in this browser.');
          json = kept.json;
        }
        await ensureBackend(eng, req.id);
        const synth = eng.loadSynthesizer(json);
        replaceModel(synth);
        s.split = null;
        post({ type: 'model-loaded', requestId: req.id, columns: synth.columns(), source: req.type === 'load-model' ? 'file' : 'stored' });
        return;
      }
      case 'stored-model':
        post({ type: 'stored-model', requestId: req.id, info: await store.info() });
        return;
      case 'rebalance': {
        // The rebalance lab (src/worker/rebalance.ts): posts 'progress' and 'rebalance-result'.
        const table = requireTable();
        const eng = await engine();
        const job = await startJob('rebalance');
        try {
          if (!req.methods || req.methods.includes('ctgan')) {
            const pref = req.backend ?? s.backendPref;
            if (pref !== 'auto' && !BACKEND_NAMES.includes(pref)) throw new SynthtabError('bad-option', `Unknown backend '${String(pref)}': use one of ${BACKEND_NAMES.join(', ')} or auto.`);
            // A backend already running (after a training run) stays: switching would strand the model's tensors.
            if (!s.backend) s.backendPref = pref;
            await ensureBackend(eng, req.id);
          }
          await runRebalanceInWorker(table, req, post, {
            createSynthesizer: () => eng.createSynthesizer('ctgan'),
            profile: s.profile,
            tableToCsv: (t) => [...eng.tableToCsvChunks(t, { header: true })].join(''),
            signal: job.abort.signal,
          });
        } finally {
          endJob(job);
        }
        return;
      }
      case 'compare': {
        // Method comparison (src/worker/compare.ts): posts 'compare-progress' and 'compare-result'.
        const table = requireTable();
        const eng = await engine();
        const job = await startJob('compare');
        try {
          if (req.methods.includes('ctgan') || req.methods.includes('tvae')) await ensureBackend(eng, req.id);
          const kinds = s.plan ? Object.fromEntries(s.plan.map((p) => [p.name, p.kind])) : undefined;
          await runCompareInWorker(req, table, s.plan ?? [], post, { ...(kinds ? { kinds } : {}), signal: job.abort.signal, control: job.control });
        } finally {
          endJob(job);
        }
        return;
      }
      case 'dispose':
        s.job?.abort.abort();
        s.synth?.dispose();
        s.synth = null;
        s.table = null;
        s.split = null;
        s.profile = null;
        s.plan = null;
        return;
      default:
        assertNever(req);
    }
  };

  const keepModel = async (synth: SynthesizerLike, epochs: number, backend: BackendName, requestId: number): Promise<void> => {
    try {
      const json = synth.toFile();
      await store.save(json, { name: s.name, savedAt: new Date().toISOString(), epochs, backend, size: json.length });
    } catch (e) {
      // Keeping the model is a convenience: say so, but the trained model is still usable.
      post({ type: 'notice', requestId, message: `The model could not be kept for the next visit: ${userMessage(e)}` });
    }
  };

  return async (req: Request): Promise<void> => {
    try {
      await handle(req);
      post({ type: 'done', requestId: req.id });
    } catch (e) {
      post({ type: 'error', requestId: req.id, code: isSynthtabError(e) ? e.code : 'internal', message: userMessage(e) });
    }
  };
}

/** The event a worker posts once it has started. */
export const READY_EVENT: WorkerEvent = { type: 'ready', protocol: PROTOCOL_VERSION };
