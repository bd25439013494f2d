/**
 * One training run inside the worker: backend choice, the fit itself with pause/resume/stop,
 * live distributions, and the mid-run fallback. If the backend throws (a lost GPU device, a
 * kernel failure), the last epoch's weights are already snapshotted as plain arrays; the run
 * switches to the next backend (webgpu -> webgl -> wasm -> cpu), restores them and continues with
 * the epochs that are left, telling the UI with a 'notice' and a new 'backend' event.
 */
import type { BackendName, WorkerEvent } from './protocol.ts';
import type { BackendChoice, Engine, FitControl, SynthesizerLike } from './engine.ts';
import { binDistributions, prepareBins } from './distributions.ts';
import type { Table } from '../core/table/table.ts';
import type { ColumnKind, ColumnPlan, TrainOptions } from '../core/types.ts';
import { isSynthtabError, SynthtabError, userMessage } from '../core/errors.ts';
import { createRng } from '../core/rng.ts';

export interface TrainJob {
  requestId: number;
  method: string;
  table: Table;
  plan: ColumnPlan[];
  options: TrainOptions;
  backend: BackendName | 'auto';
  distributionColumns: string[];
  distributionEvery: number;
  distributionRows: number;
  /** Test hook: throw a simulated backend failure during this epoch (1-based), once. */
  failBackendAtEpoch?: number;
  /** Live quality checks every N epochs (0 = off) and early-stop patience (0 = off). */
  qualityEvery: number;
  patience: number;
  control: FitControl;
  signal: AbortSignal;
}

export interface TrainResult {
  synth: SynthesizerLike;
  backend: BackendChoice;
  epochs: number;
  seconds: number;
  stopped: boolean;
  /** Time spent sampling and binning live distributions (part of `seconds`). */
  distributionSeconds: number;
  /** The epoch whose weights the model holds (best live quality), when quality was tracked. */
  bestEpoch?: number;
}

/** Error codes that describe the user's data or request: never a reason to switch backends. */
const INPUT_ERRORS = new Set(['bad-option', 'bad-column', 'no-trainable-columns', 'bad-condition', 'condition-impossible', 'cancelled', 'training-diverged']);

/** The error the fallback test hook throws; it looks like a backend failure to the run. */
export class SimulatedBackendFailure extends Error {
  constructor(backend: BackendName, epoch: number) {
    super(`simulated ${backend} failure in epoch ${epoch}`);
  }
}

function isFallbackWorthy(e: unknown): boolean {
  return !(isSynthtabError(e) && INPUT_ERRORS.has(e.code));
}

function backendEvent(choice: BackendChoice, requestId: number, fallbackFrom?: BackendName): WorkerEvent {
  return { type: 'backend', backend: choice.backend, adapter: choice.adapter, reason: choice.reason, requestId, ...(fallbackFrom ? { fallbackFrom } : {}) };
}

/** Run `job` to the end (or until stopped), posting step/epoch/distributions/backend/notice events. */
export async function runTraining(engine: Engine, job: TrainJob, post: (e: WorkerEvent) => void, now: () => number): Promise<TrainResult> {
  const t0 = now();
  const { requestId, options } = job;
  const kinds = new Map<string, ColumnKind>(job.plan.map((p) => [p.name, p.kind]));
  const bins = job.distributionEvery > 0 && job.distributionColumns.length > 0 ? prepareBins(job.table, job.distributionColumns, kinds) : [];
  // Distribution samples get their own stream so they never disturb the training randomness.
  const distRng = createRng(options.seed ^ 0x5eed);
  let distributionSeconds = 0;
  let lastDistEpoch = -1;

  const postDistributions = async (synth: SynthesizerLike, epoch: number): Promise<void> => {
    if (bins.length === 0 || epoch === lastDistEpoch) return;
    const d0 = now();
    const sample = await synth.sample(job.distributionRows, { seed: distRng.seed32() });
    post({ type: 'distributions', requestId, epoch, data: binDistributions(bins, sample) });
    lastDistEpoch = epoch;
    distributionSeconds += (now() - d0) / 1000;
  };

  let choice = await engine.backends.select(job.backend);
  post(backendEvent(choice, requestId));
  let done = 0; // epochs completed by earlier backends
  let snapshot: Float32Array[] | undefined;
  let failureInjected = false;

  for (;;) {
    const synth = engine.createSynthesizer(job.method);
    let doneHere = 0;
    let epochStart = now();
    try {
      const outcome = await synth.fit(job.table, job.plan, { ...options, epochs: options.epochs - done }, {
        signal: job.signal,
        control: job.control,
        ...(snapshot ? { initialWeights: snapshot } : {}),
        ...(job.qualityEvery > 0 ? { quality: { every: job.qualityEvery, patience: job.patience } } : {}),
        onEvent: async (e) => {
          if (e.type === 'stage') {
            // The quality tracker's words (early stop, best weights kept) are for the user; the rest is progress.
            if (e.stage === 'train') post({ type: 'notice', requestId, message: e.message });
            else post({ type: 'progress', requestId, stage: e.stage, done: 0, total: 0, message: e.message });
            return;
          }
          const epoch = done + e.epoch;
          if (e.type === 'step') {
            if (job.failBackendAtEpoch === epoch && !failureInjected) {
              failureInjected = true;
              throw new SimulatedBackendFailure(choice.backend, epoch);
            }
            const lost = engine.backends.lost?.();
            if (lost) throw new Error(lost);
            post({ type: 'step', requestId, epoch, step: e.step, stepsPerEpoch: e.stepsPerEpoch, lossG: e.lossG, lossD: e.lossD });
            return;
          }
          doneHere = e.epoch;
          const seconds = (now() - epochStart) / 1000;
          // done + e.epochs is the run's length (1 for the copula's single fit).
          post({ type: 'epoch', requestId, epoch, epochs: done + e.epochs, lossG: e.lossG, lossD: e.lossD, seconds, ...(e.quality !== undefined ? { quality: e.quality } : {}) });
          // CPU is the end of the chain: no fallback needs the snapshot there.
          if (choice.backend !== 'cpu') snapshot = await synth.getWeights();
          if (epoch % job.distributionEvery === 0 && epoch < options.epochs) await postDistributions(synth, epoch);
          epochStart = now();
        },
      });
      const stopped = job.signal.aborted || job.control.stop === true;
      // A fit that says how many epochs it ran wins (copula 1, profile 0); bestEpoch is relative to this fit.
      const ran = outcome ? outcome.epochs : undefined;
      const epochs = stopped ? done + doneHere : ran !== undefined ? done + ran : options.epochs;
      const best = outcome ? outcome.bestEpoch : undefined;
      await postDistributions(synth, epochs);
      return { synth, backend: choice, epochs, seconds: (now() - t0) / 1000, stopped, distributionSeconds, ...(best != null ? { bestEpoch: done + best } : {}) };
    } catch (e) {
      if (job.signal.aborted) {
        // Stopped mid-epoch: keep what was learned so far; the caller may still sample it.
        return { synth, backend: choice, epochs: done + doneHere, seconds: (now() - t0) / 1000, stopped: true, distributionSeconds };
      }
      safeDispose(synth);
      if (!isFallbackWorthy(e)) throw e;
      const why = userMessage(e);
      const next = await engine.backends.fallback(choice.backend, why);
      if (!next) throw new SynthtabError('backend-failed', `Training failed on ${choice.backend} and no other backend is left: ${why}`);
      done += doneHere;
      post({
        type: 'notice',
        requestId,
        message: `${choice.backend} failed in epoch ${done + 1} (${why}); continuing on ${next.backend} from epoch ${done}${snapshot ? ' with the last epoch\'s weights' : ''}.`,
      });
      post(backendEvent(next, requestId, choice.backend));
      choice = next;
    }
  }
}

function safeDispose(synth: SynthesizerLike): void {
  try {
    synth.dispose();
  } catch {
    // A lost device can make dispose throw; nothing is left to free.
  }
}
