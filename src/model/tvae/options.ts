/**
 * TVAE hyper-parameters, defaults from the reference (CTGAN-SPEC 1 and 8: ctgan/synthesizers/tvae.py).
 * Field names shared with TrainOptions (epochs, batchSize, embeddingDim, seed) mean the same, so a
 * TrainOptions object can be passed where Partial<TvaeOptions> is expected.
 */
import { SynthtabError } from '../../core/errors.ts';

export interface TvaeOptions {
  epochs: number;
  batchSize: number;
  /** Latent size (the reference's embedding_dim). */
  embeddingDim: number;
  /** Encoder hidden layers (compress_dims). */
  compressDims: number[];
  /** Decoder hidden layers (decompress_dims). */
  decompressDims: number[];
  /** Adam weight decay, added to the gradient as torch does (l2scale). */
  l2scale: number;
  /** Weight of the reconstruction term (loss_factor). */
  lossFactor: number;
  /** Adam learning rate (torch default 1e-3; betas 0.9, 0.999). */
  learningRate: number;
  seed: number;
}

export const DEFAULT_TVAE_OPTIONS: TvaeOptions = {
  epochs: 300,
  batchSize: 500,
  embeddingDim: 128,
  compressDims: [128, 128],
  decompressDims: [128, 128],
  l2scale: 1e-5,
  lossFactor: 2,
  learningRate: 1e-3,
  seed: 0,
};

/** Decoder sigma: initial value and the clamp applied after every step (CTGAN-SPEC 1). */
export const SIGMA_INIT = 0.1;
export const SIGMA_MIN = 0.01;
export const SIGMA_MAX = 1;

/** Defaults + overrides (only the TVAE fields are kept), validated. */
export function resolveTvaeOptions(over: Partial<TvaeOptions> = {}): TvaeOptions {
  const d = DEFAULT_TVAE_OPTIONS;
  const o: TvaeOptions = {
    epochs: over.epochs ?? d.epochs,
    batchSize: over.batchSize ?? d.batchSize,
    embeddingDim: over.embeddingDim ?? d.embeddingDim,
    compressDims: [...(over.compressDims ?? d.compressDims)],
    decompressDims: [...(over.decompressDims ?? d.decompressDims)],
    l2scale: over.l2scale ?? d.l2scale,
    lossFactor: over.lossFactor ?? d.lossFactor,
    learningRate: over.learningRate ?? d.learningRate,
    seed: over.seed ?? d.seed,
  };
  const bad = (msg: string): never => {
    throw new SynthtabError('bad-option', msg);
  };
  if (!Number.isInteger(o.epochs) || o.epochs < 1) bad(`Epochs must be a positive integer, got ${o.epochs}.`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) bad(`Batch size must be a positive integer, got ${o.batchSize}.`);
  if (!Number.isInteger(o.embeddingDim) || o.embeddingDim < 1) bad(`embeddingDim must be a positive integer, got ${o.embeddingDim}.`);
  for (const n of [...o.compressDims, ...o.decompressDims]) if (!Number.isInteger(n) || n < 1) bad(`Layer sizes must be positive integers, got ${n}.`);
  if (!(o.learningRate > 0) || !Number.isFinite(o.learningRate)) bad(`The learning rate must be positive, got ${o.learningRate}.`);
  if (!(o.l2scale >= 0) || !(o.lossFactor > 0)) bad('l2scale must be >= 0 and lossFactor > 0.');
  if (!Number.isFinite(o.seed)) bad(`The seed must be a number, got ${o.seed}.`);
  return o;
}
