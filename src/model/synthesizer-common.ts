/**
 * Pieces the CTGAN and TVAE synthesizers share: fit-or-dispose construction, epoch bookkeeping
 * across repeated fits, and weight arrays <-> named snapshots.
 */
import { SynthtabError } from '../core/errors.ts';
import type { NamedVariable } from './modules.ts';
import type { WeightSnapshot } from './networks.ts';
import type { EpochLoss, TrainHooks } from './trainer.ts';

/** Run `fit` on a new synthesizer `s`; a failed fit disposes it before the error goes on. */
export async function fitOrDispose<S extends { dispose(): void }>(s: S, fit: (s: S) => Promise<unknown>): Promise<S> {
  try {
    await fit(s);
  } catch (e) {
    s.dispose();
    throw e;
  }
  return s;
}

/** What a synthesizer keeps about its epochs across fits. */
export interface EpochBook {
  epochsTrained: number;
  readonly lossHistory: EpochLoss[];
}

/**
 * The trainer's onEpochRecord for a fit that continues `book`: epochs count on from those already
 * trained (so a resumed model's history reads 1..n+m), then the caller's own hook sees the raw record.
 */
export function continueEpochs(book: EpochBook, hooks: Pick<TrainHooks, 'onEpochRecord'>): (rec: EpochLoss) => void {
  const offset = book.epochsTrained;
  return (rec) => {
    book.epochsTrained = offset + rec.epoch;
    book.lossHistory.push({ ...rec, epoch: offset + rec.epoch });
    hooks.onEpochRecord?.(rec);
  };
}

/**
 * Weight arrays in `vars` order -> named snapshots (copies); SynthtabError('bad-option') when the
 * count differs (sizes are checked when the snapshots are assigned).
 */
export function snapshotsFromArrays(vars: readonly NamedVariable[], weights: readonly Float32Array[]): WeightSnapshot[] {
  if (weights.length !== vars.length) throw new SynthtabError('bad-option', `Expected ${vars.length} weight arrays, got ${weights.length}.`);
  return vars.map((v, i) => ({ name: v.name, shape: [...v.variable.shape], values: Float32Array.from(weights[i]!) }));
}

/** The networks side both synthesizers hand to the helpers below. */
export interface WeightOwner {
  namedVariables(): NamedVariable[];
  getWeights(): Promise<WeightSnapshot[]>;
  setWeights(snaps: WeightSnapshot[]): void;
}

/** All weights as plain arrays, in namedVariables() order (one device readback). */
export async function readWeightArrays(nets: WeightOwner): Promise<Float32Array[]> {
  return (await nets.getWeights()).map((w) => w.values);
}

/** Overwrite the weights from arrays in namedVariables() order; returns the host copy to keep. */
export function assignWeightArrays(nets: WeightOwner, weights: readonly Float32Array[]): WeightSnapshot[] {
  const snaps = snapshotsFromArrays(nets.namedVariables(), weights);
  nets.setWeights(snaps);
  return snaps;
}

/** The host weights a model file is written from, or the one-line error when there are none yet. */
export function finishedWeights(host: WeightSnapshot[] | null): WeightSnapshot[] {
  if (!host) throw new SynthtabError('bad-option', 'The model has no finished weights to save yet.');
  return host;
}
