/**
 * Live quality during training, the best epoch, and early stopping (issue 8 item 1).
 *
 * A QualityTracker plugs into any synthesizer's existing fit hooks (CtganSynthesizer, TvaeSynthesizer,
 * the worker's wrappers): no change to the training loop. Every `every` epochs (and at the last
 * epoch) it samples `rows` rows, scores them against a FIXED sample of the training data with
 * core/metrics' quickQuality (the same column-shapes and pair-trends definitions as the report),
 * keeps a host copy of the best check's weights, and on `finish()` puts the best weights back.
 *
 *   const tracker = new QualityTracker(synth, table, plan, { every: 5, patience: 4 });
 *   await synth.fit(table, plan, options, tracker.wrap(hooks));
 *   const { bestEpoch } = await tracker.finish();     // synth now holds the best check's weights
 *
 * Every check samples with the same seed (common random numbers), so two checks differ by the
 * weights, not by sampling noise. Early stop: after `patience` checks in a row without beating the
 * best by more than `minDelta`, the tracker sets `control.stop` (the trainer's graceful stop: the run
 * ends after the current step and reports `stopped`).
 */
import { createRng } from '../core/rng.ts';
import { quickQuality, type QuickQuality } from '../core/metrics/quality-report.ts';
import { sampleRows } from '../core/metrics/subsample.ts';
import type { Table } from '../core/table/table.ts';
import type { ColumnKind, ColumnPlan, TrainEvent } from '../core/types.ts';
import { SynthtabError } from '../core/errors.ts';

/** What the tracker needs from a synthesizer (CtganSynthesizer and TvaeSynthesizer both fit). */
export interface Trackable {
  sample(n: number, opts: { seed?: number }): Promise<Table>;
  getWeights(): Promise<Float32Array[]>;
  setWeights(weights: readonly Float32Array[]): void;
}

/** One quality check. */
export interface QualityCheck {
  epoch: number;
  /** quickQuality overall: mean of shapes and all-pairs trends, in [0, 1]. */
  quality: number;
  shapes: number;
  pairTrends: number;
  pairTrendsTrending: number | null;
  /** Seconds this check took (sampling + scoring + weight copy). */
  seconds: number;
}

export interface QualityTrackerOptions {
  /** Check every N epochs (default 5); the last epoch is always checked. */
  every?: number;
  /** Synthetic rows per check, and the size of the fixed real sample (default 2,000). */
  rows?: number;
  /** Stop after this many checks in a row without improvement; 0 or absent = never. */
  patience?: number;
  /** Improvement needed to count as better (default 0.001). */
  minDelta?: number;
  /** Seed of the real sample and of every check's sampling (default 0). */
  seed?: number;
  /** Called after every check. */
  onCheck?(check: QualityCheck): void;
  /** Replaces quickQuality (tests script the quality sequence with it). */
  score?(synthetic: Table): QuickQuality;
}

/** The fit hooks the tracker reads (any other hook passes through unchanged). */
export interface TrackerHooks {
  onEvent?(e: TrainEvent): void | Promise<void>;
  control?: { paused: boolean; stop?: boolean };
  signal?: AbortSignal;
  stepEvents?: boolean;
}

export interface TrackerSummary {
  /** Epoch of the best check, null when no check ran. */
  bestEpoch: number | null;
  bestQuality: number | null;
  /** Whether the best weights were put back (false when the last state was the best). */
  restored: boolean;
  stoppedEarly: boolean;
  checks: QualityCheck[];
  /** Total seconds spent in checks (the overhead on training). */
  seconds: number;
}

function now(): number {
  return performance.now();
}

export class QualityTracker {
  readonly checks: QualityCheck[] = [];
  /** Seconds spent in checks so far. */
  seconds = 0;
  stoppedEarly = false;
  private readonly every: number;
  private readonly rows: number;
  private readonly patience: number;
  private readonly minDelta: number;
  private readonly seed: number;
  private readonly real: Table;
  private readonly kinds: Record<string, ColumnKind>;
  private best: { epoch: number; quality: number; weights: Float32Array[] } | null = null;
  private sinceBest = 0;
  private lastEpoch = 0;
  private lastChecked = -1;
  private control: { paused: boolean; stop?: boolean } = { paused: false };
  private emit: ((e: TrainEvent) => void | Promise<void>) | undefined;

  constructor(private readonly synth: Trackable, table: Table, plan: readonly ColumnPlan[], private readonly opts: QualityTrackerOptions = {}) {
    this.every = opts.every ?? 5;
    this.rows = opts.rows ?? 2000;
    this.patience = opts.patience ?? 0;
    this.minDelta = opts.minDelta ?? 0.001;
    this.seed = opts.seed ?? 0;
    if (!Number.isInteger(this.every) || this.every < 1) throw new SynthtabError('bad-option', `The quality check interval must be a whole number >= 1, got ${this.every}.`);
    if (!Number.isInteger(this.rows) || this.rows < 10) throw new SynthtabError('bad-option', `Quality checks need at least 10 rows, got ${this.rows}.`);
    if (!Number.isInteger(this.patience) || this.patience < 0) throw new SynthtabError('bad-option', `Patience must be a whole number >= 0, got ${this.patience}.`);
    // The synthetic table has the non-excluded columns only; the real sample must match it.
    const keep = new Set(plan.filter((p) => !p.excluded).map((p) => p.name));
    const columns = table.columns.filter((c) => keep.has(c.name));
    this.real = sampleRows({ rowCount: table.rowCount, columns }, this.rows, createRng(this.seed ^ 0x9a11));
    this.kinds = Object.fromEntries(plan.filter((p) => !p.excluded).map((p) => [p.name, p.kind]));
  }

  /** The best check so far (epoch and quality), or null. */
  get bestCheck(): { epoch: number; quality: number } | null {
    return this.best ? { epoch: this.best.epoch, quality: this.best.quality } : null;
  }

  /**
   * Hooks for `fit`: 'epoch' events due for a check are scored first and passed on with `quality`
   * set; the returned `control` is the caller's (or a new one) and gets `stop` on early stop.
   */
  wrap<H extends TrackerHooks>(hooks: H): H & { control: { paused: boolean; stop?: boolean }; onEvent(e: TrainEvent): Promise<void> } {
    this.control = hooks.control ?? { paused: false };
    this.emit = hooks.onEvent?.bind(hooks);
    return {
      ...hooks,
      control: this.control,
      onEvent: async (e: TrainEvent) => {
        if (e.type === 'epoch') {
          this.lastEpoch = e.epoch;
          if (e.epoch % this.every === 0 || e.epoch === e.epochs) {
            const c = await this.check(e.epoch);
            await this.emit?.({ ...e, quality: c.quality });
            return;
          }
        }
        await this.emit?.(e);
      },
    };
  }

  /** Score the synthesizer's current weights as epoch `epoch` (wrap() calls this; public for callers with their own loop). */
  async check(epoch: number): Promise<QualityCheck> {
    const t0 = now();
    const synthetic = await this.synth.sample(this.rows, { seed: this.seed });
    const q = this.opts.score
      ? this.opts.score(synthetic)
      : quickQuality(this.real, synthetic, { kinds: this.kinds, maxRows: this.rows, rng: createRng(this.seed) });
    const quality = Number.isFinite(q.overall) ? q.overall : 0;
    if (!this.best || quality > this.best.quality + this.minDelta) {
      this.best = { epoch, quality, weights: (await this.synth.getWeights()).map((w) => Float32Array.from(w)) };
      this.sinceBest = 0;
    } else {
      this.sinceBest++;
    }
    this.lastChecked = epoch;
    const check: QualityCheck = {
      epoch, quality, shapes: q.columnShapes, pairTrends: q.columnPairTrends, pairTrendsTrending: q.columnPairTrendsTrending, seconds: 0,
    };
    check.seconds = (now() - t0) / 1000;
    this.seconds += check.seconds;
    this.checks.push(check);
    this.opts.onCheck?.(check);
    if (this.patience > 0 && this.sinceBest >= this.patience && !this.control.stop) {
      this.control.stop = true;
      this.stoppedEarly = true;
      await this.emit?.({
        type: 'stage', stage: 'train',
        message: `Stopping early: quality has not improved for ${this.patience} checks (best ${this.best!.quality.toFixed(3)} at epoch ${this.best!.epoch}).`,
      });
    }
    return check;
  }

  /**
   * After fit (finished, stopped or early-stopped): check the final weights if the last epoch was
   * not checked (`checkLast`, default true), then put the best check's weights back.
   */
  async finish(opts: { checkLast?: boolean } = {}): Promise<TrackerSummary> {
    if ((opts.checkLast ?? true) && this.lastEpoch > 0 && this.lastChecked !== this.lastEpoch) await this.check(this.lastEpoch);
    // Restore unless the weights in the synthesizer now ARE the best check's (last check, and best).
    const currentIsBest = this.sinceBest === 0 && this.lastChecked === this.lastEpoch;
    let restored = false;
    if (this.best && !currentIsBest) {
      this.synth.setWeights(this.best.weights);
      restored = true;
    }
    if (restored && this.best) {
      await this.emit?.({ type: 'stage', stage: 'train', message: `Kept the weights of epoch ${this.best.epoch} (best quality ${this.best.quality.toFixed(3)}).` });
    }
    return {
      bestEpoch: this.best?.epoch ?? null,
      bestQuality: this.best?.quality ?? null,
      restored,
      stoppedEarly: this.stoppedEarly,
      checks: [...this.checks],
      seconds: this.seconds,
    };
  }
}
