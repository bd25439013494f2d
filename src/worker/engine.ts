/**
 * The worker's view of the rest of the app: CSV parsing, profiling, the synthesizer, metrics and
 * CSV writing, behind one small interface. The handler only talks to an `Engine`, so Node tests
 * can hand it fakes, and the real pieces (core/csv, core/profile, model/, core/metrics) plug in
 * here in one place (see engine-default.ts).
 */
import type { BackendName } from './protocol.ts';
import type { CsvFormats } from '../core/csv/format.ts';
import type { Table } from '../core/table/table.ts';
import type { ColumnKind, ColumnPlan, Condition, Profile, TrainEvent, TrainOptions } from '../core/types.ts';

/** Incremental CSV parser: text pieces in, a Table out. */
export interface CsvParserLike {
  push(text: string): void;
  finish(): { table: Table; warnings: string[] };
}

/** Cooperative controls the training loop polls between steps. */
export interface FitControl {
  paused: boolean;
  /** Finish after the current step and keep what was learned (a graceful stop). */
  stop?: boolean;
}

export interface FitHooks {
  /** Called on every step and epoch; may return a promise the loop awaits (live distributions do). */
  onEvent?: (e: TrainEvent) => void | Promise<void>;
  signal?: AbortSignal;
  control?: FitControl;
  /** Weights to start from (a snapshot taken on another backend before a fallback). */
  initialWeights?: Float32Array[];
  /**
   * Live quality (model/quality-tracker.ts): check every `every` epochs and at the last, stop after
   * `patience` checks without improvement (0 = never), keep the best check's weights. Absent = off.
   */
  quality?: { every: number; patience?: number; rows?: number };
}

/** What a fit reports back (optional: a synthesizer may return nothing). */
export interface FitOutcome {
  /** Epochs this fit ran (1 for a one-shot fit such as the copula, 0 when nothing is trained). */
  epochs?: number;
  /** Epoch (of this fit) whose weights the model holds after quality tracking; null when no check ran. */
  bestEpoch?: number | null;
}

/** What the handler needs from a trained (or training) synthesizer. */
export interface SynthesizerLike {
  fit(table: Table, plan: ColumnPlan[], options: TrainOptions, hooks: FitHooks): Promise<FitOutcome | void>;
  sample(rows: number, options: { condition?: Condition; seed?: number }): Promise<Table>;
  /** The model file as JSON text (the same file the CLI reads and writes). */
  toFile(): string;
  getWeights(): Promise<Float32Array[]>;
  dispose(): void;
  /** Output column names (for the 'model-loaded' event). */
  columns(): string[];
  /** The training CSV's column formats, for writing exports like the input (" Private", " ?"); optional. */
  csvFormats?(): CsvFormats;
  /** A caveat to show once per export (e.g. personal columns faked without the real data to check against); optional. */
  sampleNotice?(): string | null;
}

/** The active TF.js backend and how it was chosen. */
export interface BackendChoice {
  backend: BackendName;
  adapter: string;
  reason: string;
}

/** Picks a backend ('auto' or forced) and the next one down the chain after a failure. */
export interface BackendSelector {
  select(pref: BackendName | 'auto'): Promise<BackendChoice>;
  /** The next working backend after `failed` (webgpu -> webgl -> wasm -> cpu), or null when none is left. */
  fallback(failed: BackendName, why: string): Promise<BackendChoice | null>;
  /** Why the active device is gone (WebGPU device lost, WebGL context lost), else null; polled every step. */
  lost?(): string | null;
}

export interface Engine {
  createCsvParser(): CsvParserLike;
  profileTable(table: Table): Profile;
  createSynthesizer(method: string): SynthesizerLike;
  loadSynthesizer(json: string): SynthesizerLike;
  /** Quality report (src/core/metrics); may throw 'not available'. */
  evaluate(real: Table, synthetic: Table, options: { target?: string; seed: number; kinds?: Record<string, ColumnKind>; holdout?: Table }): Promise<unknown>;
  /** CSV text of a table, in pieces; `header` false for every batch after the first; `formats`: the input's (core/csv/format.ts). */
  tableToCsvChunks(table: Table, options: { header: boolean; formats?: CsvFormats }): Iterable<string>;
  backends: BackendSelector;
}
