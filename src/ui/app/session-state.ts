/**
 * The UI's whole view of a session, as one immutable value. The worker's events and the user's
 * requests are folded into it by session-reducer.ts; components only read it.
 */
import type { ColumnPlan, Profile } from '../../core/types.ts';
import type { BackendName, DistributionData, MethodName, ReportCharts, Request, RequestType, StoredModelInfo, TablePreview, WorkerEvent } from '../../worker/protocol.ts';
import type { LossSeries } from '../train/loss-series.ts';
import { EMPTY_LOSS_SERIES } from '../train/loss-series.ts';
import type { QualitySeries } from '../train/quality-series.ts';
import { EMPTY_QUALITY_SERIES } from '../train/quality-series.ts';

/** Omit that distributes over a union (plain Omit would collapse Request to its common fields). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A request before the client gives it an id. */
export type RequestBody = DistributiveOmit<Request, 'id'>;

export interface BackendInfo {
  backend: BackendName;
  adapter: string;
  reason: string;
  /** Set after a mid-run fallback: the backend that failed. */
  fallbackFrom?: BackendName;
}

/** A long job's progress, with when it started so the panel can show an ETA. */
export interface ProgressState {
  stage: string;
  done: number;
  total: number;
  message?: string;
  startedAt: number;
  /** Estimated seconds left, or null while there is too little to go on. */
  etaSeconds: number | null;
}

export interface DatasetState {
  name: string;
  profile: Profile;
  preview: TablePreview;
  warnings: string[];
}

export type TrainStatus = 'idle' | 'starting' | 'running' | 'paused' | 'stopping' | 'done' | 'stopped' | 'failed';

export interface EpochRecord {
  epoch: number;
  lossG: number;
  lossD: number;
  seconds: number;
  quality?: number;
}

export interface TrainState {
  requestId: number | null;
  /** The method of the latest run (null before the first). */
  method: MethodName | null;
  status: TrainStatus;
  /** The current epoch number (1-based), 0 before the first step. */
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  /** Share of the run done, 0..1. */
  fraction: number;
  startedAt: number | null;
  etaSeconds: number | null;
  /** Preparation stages before the first step (transform, build). */
  progress: ProgressState | null;
  loss: LossSeries;
  /** Per-epoch summaries (the last MAX_EPOCH_LOG). */
  epochLog: EpochRecord[];
  distributions: DistributionData[];
  distributionsEpoch: number | null;
  seconds: number | null;
  /** Live quality checks (issue 8), one point per checked epoch. */
  quality: QualitySeries;
  /** The epoch whose weights the model keeps: the best check so far, then the worker's word at the end. */
  bestEpoch: number | null;
}

export type JobStatus = 'idle' | 'running' | 'done' | 'failed';

export interface ExportState {
  requestId: number | null;
  status: JobStatus;
  rowsDone: number;
  rowsTotal: number;
  fileName: string;
  startedAt: number | null;
  etaSeconds: number | null;
}

export interface EvaluationState {
  requestId: number | null;
  status: JobStatus;
  progress: ProgressState | null;
  /** The report object as the worker sent it (shape owned by src/core/metrics). */
  report: unknown;
  /** The chart data that came with the report (distributions, association matrices), pre-computed in the worker. */
  charts: ReportCharts | null;
  /** The efficacy target column of the latest request (reused by the automatic run after training). */
  target: string | null;
}

export const IDLE_EVALUATION: EvaluationState = { requestId: null, status: 'idle', progress: null, report: null, charts: null, target: null };

type RebalanceEvent = Extract<WorkerEvent, { type: 'rebalance-result' }>;

/** The rebalance lab's job (the panel is a slot another engineer fills). */
export interface RebalanceState {
  requestId: number | null;
  status: JobStatus;
  progress: ProgressState | null;
  result: RebalanceEvent['result'] | null;
  augmented: NonNullable<RebalanceEvent['augmented']> | null;
  /** The request the latest run was sent with (the panel shows it and its CLI equivalent). */
  request?: Omit<Extract<Request, { type: 'rebalance' }>, 'id'> | null;
}

export interface SessionState {
  /** The worker answered 'ready'. */
  ready: boolean;
  backend: BackendInfo | null;
  /** What each request id asked for, so events can be routed by `requestId`. */
  requests: Readonly<Record<number, RequestType>>;
  load: { requestId: number; name: string; progress: ProgressState | null } | null;
  dataset: DatasetState | null;
  plan: ColumnPlan[];
  /** The latest set-plan request and the plan before it, restored if the worker rejects it. */
  planUndo: { requestId: number; previous: ColumnPlan[] } | null;
  train: TrainState;
  /** A model exists in the worker (trained or loaded), so export and save work. */
  modelReady: boolean;
  modelSource: 'trained' | 'loaded' | 'stored' | null;
  /** Output columns of a model loaded from a file or IndexedDB (null for a model trained here). */
  loadedModelColumns: string[] | null;
  /** The model IndexedDB keeps from an earlier session, if the worker reported one. */
  storedModel: StoredModelInfo | null;
  /** A request to load or save a model file is in flight. */
  modelBusy: boolean;
  export: ExportState;
  evaluation: EvaluationState;
  rebalance: RebalanceState;
  error: { code: string; message: string } | null;
  /** Recent notices and warnings (newest last, at most MAX_NOTICES). */
  notices: string[];
}

export const MAX_NOTICES = 5;
export const MAX_EPOCH_LOG = 1000;

export const IDLE_TRAIN: TrainState = {
  requestId: null,
  method: null,
  status: 'idle',
  epoch: 0,
  epochs: 0,
  step: 0,
  stepsPerEpoch: 0,
  fraction: 0,
  startedAt: null,
  etaSeconds: null,
  progress: null,
  loss: EMPTY_LOSS_SERIES,
  epochLog: [],
  distributions: [],
  distributionsEpoch: null,
  seconds: null,
  quality: EMPTY_QUALITY_SERIES,
  bestEpoch: null,
};

export const IDLE_EXPORT: ExportState = { requestId: null, status: 'idle', rowsDone: 0, rowsTotal: 0, fileName: '', startedAt: null, etaSeconds: null };

export const INITIAL_SESSION: SessionState = {
  ready: false,
  backend: null,
  requests: {},
  load: null,
  dataset: null,
  plan: [],
  planUndo: null,
  train: IDLE_TRAIN,
  modelReady: false,
  modelSource: null,
  loadedModelColumns: null,
  storedModel: null,
  modelBusy: false,
  export: IDLE_EXPORT,
  evaluation: IDLE_EVALUATION,
  rebalance: { requestId: null, status: 'idle', progress: null, result: null, augmented: null },
  error: null,
  notices: [],
};

/** Training is under way (the train button is disabled, pause/stop enabled). */
export function isTraining(s: TrainStatus): boolean {
  return s === 'starting' || s === 'running' || s === 'paused' || s === 'stopping';
}
