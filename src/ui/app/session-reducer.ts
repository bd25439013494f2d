/**
 * Folds requests (what the user asked for) and worker events (what happened) into SessionState.
 * Pure and synchronous, so it is unit-tested in Node; the store batches events per animation
 * frame before calling it. Events whose `requestId` no longer matches the job they belong to (a
 * stale run after "train" was pressed again) are ignored.
 *
 * Conventions assumed from src/worker/protocol.ts: `epoch` numbers are 1-based; a 'step' event
 * reports the step just finished (1..stepsPerEpoch) of epoch `epoch`; 'epoch' events carry that
 * epoch's duration in seconds.
 */
import { assertNever } from '../../core/errors.ts';
import type { WorkerEvent } from '../../worker/protocol.ts';
import { appendLoss } from '../train/loss-series.ts';
import { appendQuality } from '../train/quality-series.ts';
import { syntheticFileName } from '../shared/format.ts';
import type { ProgressState, RequestBody, SessionState, TrainState } from './session-state.ts';
import { IDLE_EVALUATION, IDLE_TRAIN, MAX_EPOCH_LOG, MAX_NOTICES, isTraining } from './session-state.ts';

/** Seconds left, extrapolating the rate so far; null until there is progress to go on. */
export function estimateEta(done: number, total: number, startedAt: number | null, now: number): number | null {
  if (startedAt === null || done <= 0 || total <= 0 || done > total) return null;
  const elapsed = (now - startedAt) / 1000;
  if (elapsed <= 0) return null;
  return (elapsed / done) * (total - done);
}

function progressOf(prev: ProgressState | null, e: { stage: string; done: number; total: number; message?: string }, now: number): ProgressState {
  const startedAt = prev && prev.stage === e.stage ? prev.startedAt : now;
  return { stage: e.stage, done: e.done, total: e.total, message: e.message, startedAt, etaSeconds: estimateEta(e.done, e.total, startedAt, now) };
}

function addNotice(state: SessionState, message: string): SessionState {
  if (state.notices.at(-1) === message) return state;
  return { ...state, notices: [...state.notices, message].slice(-MAX_NOTICES) };
}

/** Training ETA: mean of the last few epoch durations times the epochs left, else the step rate. */
function trainEta(t: TrainState, now: number): number | null {
  const recent = t.epochLog.slice(-5);
  const left = t.epochs * (1 - t.fraction);
  if (recent.length > 0) {
    const mean = recent.reduce((a, r) => a + r.seconds, 0) / recent.length;
    return Number.isFinite(mean) ? mean * left : null;
  }
  return estimateEta(t.fraction, 1, t.startedAt, now);
}

/** Epochs a train request will run: 1 for the copula's single fit, 0 for the profile method. */
function runEpochs(body: Extract<RequestBody, { type: 'train' }>): number {
  if (body.method === 'copula') return 1;
  if (body.method === 'profile') return 0;
  return body.options.epochs ?? 0;
}

/** Record a request the UI just sent (id assigned by the client). */
export function applyRequest(state: SessionState, id: number, body: RequestBody, now: number): SessionState {
  const s: SessionState = { ...state, requests: { ...state.requests, [id]: body.type } };
  switch (body.type) {
    case 'load-file':
    case 'load-text':
      return { ...s, load: { requestId: id, name: body.name, progress: null }, error: null };
    case 'set-plan':
      return { ...s, plan: body.plan, planUndo: { requestId: id, previous: s.plan } };
    case 'train':
      return {
        ...s,
        error: null,
        // The copula fits in one pass (reported as epoch 1 of 1); the profile method trains nothing.
        train: { ...IDLE_TRAIN, requestId: id, method: body.method, status: 'starting', epochs: runEpochs(body), startedAt: now },
        // The old report describes the old model; the target choice stays for the next one.
        evaluation: { ...IDLE_EVALUATION, target: s.evaluation.target },
      };
    case 'pause':
      return s.train.status === 'running' || s.train.status === 'starting' ? { ...s, train: { ...s.train, status: 'paused' } } : s;
    case 'resume':
      return s.train.status === 'paused' ? { ...s, train: { ...s.train, status: 'running' } } : s;
    case 'stop':
      return isTraining(s.train.status) ? { ...s, train: { ...s.train, status: 'stopping' } } : s;
    case 'sample':
      return { ...s, error: null, export: { requestId: id, status: 'running', rowsDone: 0, rowsTotal: body.rows, fileName: syntheticFileName(s.dataset?.name ?? 'data'), startedAt: now, etaSeconds: null } };
    case 'evaluate':
      return { ...s, evaluation: { ...IDLE_EVALUATION, requestId: id, status: 'running', target: body.target ?? null } };
    case 'save-model':
    case 'load-model':
    case 'restore-model':
      return { ...s, modelBusy: true, error: null };
    case 'rebalance':
      return { ...s, error: null, rebalance: { requestId: id, status: 'running', progress: null, result: null, augmented: null, request: body } };
    case 'stored-model':
    case 'dispose':
    case 'compare': // the compare panel (src/ui/compare) keeps its own state from the request's events
      return s;
    default:
      return assertNever(body);
  }
}

/** Fold one worker event into the state. */
export function applyEvent(state: SessionState, e: WorkerEvent, now: number): SessionState {
  const kind = 'requestId' in e && e.requestId !== undefined ? state.requests[e.requestId] : undefined;
  const t = state.train;
  const isCurrentTrain = 'requestId' in e && e.requestId !== undefined && e.requestId === t.requestId;
  switch (e.type) {
    case 'ready':
      return { ...state, ready: true };
    case 'backend':
      return { ...state, backend: { backend: e.backend, adapter: e.adapter, reason: e.reason, ...(e.fallbackFrom ? { fallbackFrom: e.fallbackFrom } : {}) } };
    case 'notice':
      return addNotice(state, e.message);
    case 'progress':
      if (state.load && e.requestId === state.load.requestId) return { ...state, load: { ...state.load, progress: progressOf(state.load.progress, e, now) } };
      if (isCurrentTrain) return { ...state, train: { ...t, progress: progressOf(t.progress, e, now) } };
      if (e.requestId === state.evaluation.requestId) return { ...state, evaluation: { ...state.evaluation, progress: progressOf(state.evaluation.progress, e, now) } };
      if (e.requestId === state.rebalance.requestId) return { ...state, rebalance: { ...state.rebalance, progress: progressOf(state.rebalance.progress, e, now) } };
      return state;
    case 'loaded':
      if (!state.load || e.requestId !== state.load.requestId) return state;
      return {
        ...state,
        load: null,
        dataset: { name: e.name, profile: e.profile, preview: e.preview, warnings: e.warnings },
        plan: e.profile.columns.map((c) => ({ name: c.name, kind: c.kind })),
        planUndo: null,
        train: IDLE_TRAIN,
        modelReady: false,
        modelSource: null,
        loadedModelColumns: null,
        evaluation: IDLE_EVALUATION,
        rebalance: { requestId: null, status: 'idle', progress: null, result: null, augmented: null },
      };
    case 'step': {
      if (!isCurrentTrain) return state;
      const fraction = t.epochs > 0 && e.stepsPerEpoch > 0 ? Math.min(1, (e.epoch - 1 + e.step / e.stepsPerEpoch) / t.epochs) : t.fraction;
      const next: TrainState = {
        ...t,
        status: t.status === 'starting' ? 'running' : t.status,
        epoch: Math.max(t.epoch, e.epoch),
        step: e.step,
        stepsPerEpoch: e.stepsPerEpoch,
        fraction,
        progress: null,
        loss: appendLoss(t.loss, e.lossG, e.lossD),
      };
      return { ...state, train: { ...next, etaSeconds: trainEta(next, now) } };
    }
    case 'epoch': {
      if (!isCurrentTrain) return state;
      const record = { epoch: e.epoch, lossG: e.lossG, lossD: e.lossD, seconds: e.seconds, quality: e.quality };
      const quality = e.quality !== undefined ? appendQuality(t.quality, e.epoch, e.quality) : t.quality;
      const next: TrainState = {
        ...t,
        quality,
        bestEpoch: quality.best?.epoch ?? t.bestEpoch,
        status: t.status === 'starting' ? 'running' : t.status,
        epoch: Math.max(t.epoch, e.epoch),
        epochs: e.epochs,
        fraction: e.epochs > 0 ? Math.min(1, e.epoch / e.epochs) : t.fraction,
        progress: null,
        epochLog: [...t.epochLog, record].slice(-MAX_EPOCH_LOG),
      };
      return { ...state, train: { ...next, etaSeconds: trainEta(next, now) } };
    }
    case 'distributions':
      if (!isCurrentTrain) return state;
      return { ...state, train: { ...t, distributions: e.data, distributionsEpoch: e.epoch } };
    case 'trained':
      if (!isCurrentTrain) return state;
      return {
        ...state,
        train: { ...t, status: e.stopped ? 'stopped' : 'done', fraction: e.stopped ? t.fraction : 1, etaSeconds: 0, seconds: e.seconds, bestEpoch: e.bestEpoch ?? null, progress: null },
        modelReady: true,
        modelSource: 'trained',
        loadedModelColumns: null,
      };
    case 'csv-chunk': {
      const x = state.export;
      if (e.requestId !== x.requestId) return state;
      return { ...state, export: { ...x, rowsDone: e.rowsDone, rowsTotal: e.rowsTotal, etaSeconds: estimateEta(e.rowsDone, e.rowsTotal, x.startedAt, now) } };
    }
    case 'sampled':
      if (e.requestId !== state.export.requestId) return state;
      return { ...state, export: { ...state.export, status: 'done', rowsDone: e.rows, rowsTotal: e.rows, etaSeconds: 0 } };
    case 'report':
      if (e.requestId !== state.evaluation.requestId) return state;
      return { ...state, evaluation: { ...state.evaluation, status: 'done', progress: null, report: e.report, charts: e.charts ?? null } };
    case 'model-file':
      return { ...state, modelBusy: false };
    case 'model-loaded':
      return { ...state, modelBusy: false, modelReady: true, modelSource: e.source === 'stored' ? 'stored' : 'loaded', loadedModelColumns: e.columns };
    case 'stored-model':
      return { ...state, storedModel: e.info };
    case 'rebalance-result':
      if (e.requestId !== state.rebalance.requestId) return state;
      return { ...state, rebalance: { ...state.rebalance, status: 'done', progress: null, result: e.result, augmented: e.augmented ?? null } };
    case 'compare-progress':
    case 'compare-result':
      return state; // handled by src/ui/compare/ComparePanel.tsx
    case 'done':
      if (kind === 'save-model' || kind === 'load-model' || kind === 'restore-model') return { ...state, modelBusy: false };
      if (kind === 'sample' && e.requestId === state.export.requestId && state.export.status === 'running') {
        return { ...state, export: { ...state.export, status: 'done', rowsDone: state.export.rowsTotal, etaSeconds: 0 } };
      }
      return state;
    case 'error': {
      let s: SessionState = { ...state, error: { code: e.code, message: e.message } };
      if (e.requestId === undefined) return s;
      if (state.load && e.requestId === state.load.requestId) s = { ...s, load: null };
      // The worker kept its plan: show that one again (e.g. a kind the column cannot take).
      if (state.planUndo && e.requestId === state.planUndo.requestId) s = { ...s, plan: state.planUndo.previous, planUndo: null };
      if (isCurrentTrain) s = { ...s, train: { ...t, status: 'failed', progress: null, etaSeconds: null } };
      if (e.requestId === state.export.requestId && state.export.status === 'running') s = { ...s, export: { ...state.export, status: 'failed', etaSeconds: null } };
      if (e.requestId === state.evaluation.requestId) s = { ...s, evaluation: { ...state.evaluation, status: 'failed', progress: null } };
      if (e.requestId === state.rebalance.requestId) s = { ...s, rebalance: { ...state.rebalance, status: 'failed', progress: null } };
      if (kind === 'load-model' || kind === 'save-model' || kind === 'restore-model') s = { ...s, modelBusy: false };
      return s;
    }
    default:
      return assertNever(e);
  }
}

/** Clear the error banner (the user dismissed it or started something new). */
export function dismissError(state: SessionState): SessionState {
  return state.error ? { ...state, error: null } : state;
}
