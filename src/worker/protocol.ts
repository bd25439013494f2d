/**
 * The one typed protocol between the UI thread and the training worker. Both sides import it.
 * Requests carry an `id`; every event that answers a request carries `requestId`. Long jobs report
 * `progress` events; the worker never blocks the page. Typed arrays travel in transfer lists.
 *
 * Rules: the UI never touches tensors; the worker owns TF.js, the model and the parsed Table.
 */
import type { ColumnKind, ColumnPlan, Condition, Profile, TrainOptions } from '../core/types.ts';
import type { ClassifierName, RebalanceMethod, RebalanceResult } from '../core/rebalance/lab.ts';
import type { CompareRequest, CompareWorkerEvent } from './compare.ts';
import type { AssociationMethod } from '../core/metrics/quality-report.ts';

export const PROTOCOL_VERSION = 1;

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Which synthesizer to train (issue 8 adds copula and tvae; 'profile' samples marginals only). */
export type MethodName = 'ctgan' | 'tvae' | 'copula' | 'profile';

/** Every MethodName, in display order (the handler refuses anything else). */
export const METHOD_NAMES: readonly MethodName[] = ['ctgan', 'tvae', 'copula', 'profile'];

/** A small, chart-ready table preview: column names and up to N rows of cell text (null = missing). */
export interface TablePreview {
  columns: string[];
  rows: (string | null)[][];
}

/** Pre-binned real-vs-synthetic distribution for one column (so the UI does no metric work). */
export interface DistributionData {
  column: string;
  kind: ColumnKind;
  /** Bin labels (numeric ranges or category names). */
  labels: string[];
  real: number[];
  synthetic: number[];
}

/** Real vs synthetic association per pair of scored columns (the report heatmap), pre-computed. */
export interface AssociationCharts {
  columns: string[];
  /** Statistic per cell: Pearson r (numeric pair, -1..1), Cramer's V or the correlation ratio (0..1). */
  method: AssociationMethod[][];
  real: number[][];
  synthetic: number[][];
  /** synthetic - real, per cell. */
  difference: number[][];
}

/** Chart data that comes with a report: the UI draws it and computes nothing. */
export interface ReportCharts {
  /** Real (training rows) vs synthetic shares per scored column, binned as for live training charts. */
  distributions: DistributionData[];
  associations: AssociationCharts;
}

/** Share of the loaded rows the app holds back from training (privacy and efficacy baseline). */
export const DEFAULT_HOLDOUT = 0.2;

export type Request =
  /** Parse a CSV file inside the worker (streaming, with progress), then profile it. */
  | { type: 'load-file'; id: number; file: File | Blob; name: string }
  /** Parse CSV text (the demo dataset, tests). */
  | { type: 'load-text'; id: number; text: string; name: string }
  | { type: 'set-plan'; id: number; plan: ColumnPlan[] }
  | {
      type: 'train';
      id: number;
      method: MethodName;
      options: Partial<TrainOptions>;
      /** From the URL `?backend=`; 'auto' (default) prefers a hardware GPU, else wasm. */
      backend?: BackendName | 'auto';
      /** Columns to chart live ('distributions' events); default: none. */
      distributionColumns?: string[];
      /** Post 'distributions' every N epochs (default 5) and at the end; 0 turns them off. */
      distributionEvery?: number;
      /** Rows sampled for each live distribution (default 1000). */
      distributionRows?: number;
      /** Test hook (URL `?failBackendAtEpoch=N`): make the backend fail during epoch N (1-based) to exercise the fallback. */
      failBackendAtEpoch?: number;
      /**
       * Share of the loaded rows held back from training, 0 <= x < 1 (default 0 here; the app sends
       * DEFAULT_HOLDOUT). 'evaluate' then scores against the training rows with these as the real
       * holdout (privacy DCR baseline, efficacy test set). Tables under 20 rows hold nothing back.
       */
      holdout?: number;
      /**
       * Live quality (model/quality-tracker.ts): score a sample every N epochs and at the last one
       * (default 5; 0 turns it off). Epoch events then carry `quality`, 'trained' reports `bestEpoch`
       * and the model keeps the best check's weights (ctgan, tvae; copula is checked once).
       */
      qualityEvery?: number;
      /** Early stop after this many quality checks in a row without improvement (default 0 = off). */
      patience?: number;
    }
  | { type: 'pause'; id: number }
  | { type: 'resume'; id: number }
  | { type: 'stop'; id: number }
  /** Generate rows and return them as CSV text chunks (streamed through 'csv-chunk' events). */
  | { type: 'sample'; id: number; rows: number; condition?: Condition; seed?: number }
  /** Sample `rows` synthetic rows (default: min(real rows, 5000)) and score them against the loaded data. */
  | { type: 'evaluate'; id: number; target?: string; rows?: number; seed?: number }
  /** Serialize the trained model (the same JSON file the CLI reads and writes). */
  | { type: 'save-model'; id: number }
  | { type: 'load-model'; id: number; json: string }
  /** Ask whether a model from an earlier session is kept in IndexedDB (answers 'stored-model'). */
  | { type: 'stored-model'; id: number }
  /** Load the model kept in IndexedDB (answers 'model-loaded'). */
  | { type: 'restore-model'; id: number }
  /**
   * Rebalance lab on the loaded table (core/rebalance): compare imbalance treatments on a stratified
   * holdout. `seeds` = how many consecutive seeds from `seed`; `epochs` for the CTGAN method.
   */
  | {
      type: 'rebalance';
      id: number;
      target: string;
      minority?: string;
      holdout?: number;
      seed?: number;
      seeds?: number;
      ratio?: number;
      methods?: RebalanceMethod[];
      classifier?: ClassifierName;
      epochs?: number;
      /** Whose augmented training set to return (default ctgan, else smote). */
      augmentMethod?: RebalanceMethod;
      /** From the URL `?backend=` (CTGAN method only); used when no backend has been picked yet this session. */
      backend?: BackendName | 'auto';
      /** Make the task harder: cut the training split's minority rows to this share of it (holdout untouched). */
      trainMinorityShare?: number;
    }
  /** Method comparison (issue 8; src/worker/compare.ts): answers 'compare-progress' events and one 'compare-result'. */
  | CompareRequest
  | { type: 'dispose'; id: number };

export type RequestType = Request['type'];

/** What IndexedDB keeps about the last trained model (the JSON itself stays in the worker). */
export interface StoredModelInfo {
  /** Name of the dataset it was trained on. */
  name: string;
  /** ISO time it was saved. */
  savedAt: string;
  epochs: number;
  backend: BackendName;
  /** Size of the model JSON in characters. */
  size: number;
}

export type WorkerEvent =
  | { type: 'ready'; protocol: number }
  /** The backend training runs on, the adapter (GPU name) and why it was chosen; `fallbackFrom` after a mid-run switch. */
  | { type: 'backend'; backend: BackendName; adapter: string; reason: string; requestId?: number; fallbackFrom?: BackendName }
  | { type: 'notice'; message: string; requestId?: number }
  | { type: 'progress'; requestId: number; stage: string; done: number; total: number; message?: string }
  | { type: 'loaded'; requestId: number; name: string; profile: Profile; preview: TablePreview; warnings: string[] }
  | { type: 'step'; requestId: number; epoch: number; step: number; stepsPerEpoch: number; lossG: number; lossD: number }
  | { type: 'epoch'; requestId: number; epoch: number; epochs: number; lossG: number; lossD: number; seconds: number; quality?: number }
  | { type: 'distributions'; requestId: number; epoch: number; data: DistributionData[] }
  /**
   * Training ended; `distributionSeconds` is the part of `seconds` spent on live distributions.
   * `bestEpoch`: the epoch whose weights the model holds (best live quality), when quality was tracked.
   * `epochs` is 1 for copula (one fit) and 0 for profile (no training).
   */
  | { type: 'trained'; requestId: number; epochs: number; seconds: number; bestEpoch?: number; stopped: boolean; distributionSeconds?: number }
  /** UTF-8 bytes of the next CSV piece (header first); the buffer is transferred, not copied. */
  | { type: 'csv-chunk'; requestId: number; bytes: Uint8Array; rowsDone: number; rowsTotal: number }
  | { type: 'sampled'; requestId: number; rows: number }
  /** The evaluation report (shape defined by src/core/metrics; kept opaque here so the protocol stays small) and its chart data. */
  | { type: 'report'; requestId: number; report: unknown; charts?: ReportCharts }
  | { type: 'model-file'; requestId: number; json: string }
  /** A model is ready to sample (after load-model or restore-model). */
  | { type: 'model-loaded'; requestId: number; columns: string[]; source: 'file' | 'stored' }
  | { type: 'stored-model'; requestId: number; info: StoredModelInfo | null }
  /** The rebalance lab's result (the CLI's `rebalance --json` document) and the augmented training set as CSV. */
  | { type: 'rebalance-result'; requestId: number; result: RebalanceResult; augmented?: { method: RebalanceMethod; csv: string; rows: number; syntheticRows: number } }
  | CompareWorkerEvent
  | { type: 'done'; requestId: number }
  | { type: 'error'; requestId?: number; code: string; message: string };

export type WorkerEventType = WorkerEvent['type'];

export function isWorkerEvent(x: unknown): x is WorkerEvent {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';
}
