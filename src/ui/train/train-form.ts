/**
 * The train panel's form: text fields in, validated `Partial<TrainOptions>` out. Defaults are the
 * reference's (DEFAULT_TRAIN_OPTIONS, CTGAN-SPEC section 1). Invalid fields produce one message
 * each, so the panel can show them beside the button instead of sending a bad request.
 */
import type { TrainOptions } from '../../core/types.ts';
import { DEFAULT_TRAIN_OPTIONS } from '../../core/types.ts';
import type { MethodName } from '../../worker/protocol.ts';

/** The editable fields, as the inputs hold them (strings, so half-typed values survive). */
export interface TrainForm {
  method: MethodName;
  epochs: string;
  batchSize: string;
  seed: string;
  generatorLr: string;
  discriminatorLr: string;
  embeddingDim: string;
  generatorDim: string;
  discriminatorDim: string;
  pac: string;
  discriminatorSteps: string;
  /** Early stop: quality checks in a row without improvement (0 = off). */
  patience: string;
}

/** A synthesizer offered in the method select, with the one line shown under it. */
export interface MethodChoice {
  name: MethodName;
  label: string;
  description: string;
  available: boolean;
  /** Trains for epochs (epochs, batch size, the Advanced settings and live quality apply). */
  epochs: boolean;
}

/** Synthesizers offered in the method select (all four train in the worker since issue 8). */
export const METHODS: readonly MethodChoice[] = [
  { name: 'ctgan', label: 'CTGAN (conditional GAN)', description: 'The reference GAN: best on mixed, multi-modal columns; slowest to train.', available: true, epochs: true },
  { name: 'tvae', label: 'TVAE (variational autoencoder)', description: 'An autoencoder on the same encoding: trains several times faster than CTGAN, often as good.', available: true, epochs: true },
  { name: 'copula', label: 'Gaussian copula (fast, no GPU)', description: 'Each column\'s distribution plus their correlations, fitted in one pass in seconds.', available: true, epochs: false },
  { name: 'profile', label: 'Profile only (ignores correlations)', description: 'No training: every column drawn independently from its own distribution; ignores correlations between columns.', available: true, epochs: false },
];

/** The choice for `name` (the first one for an unknown name). */
export function methodChoice(name: MethodName): MethodChoice {
  return METHODS.find((m) => m.name === name) ?? METHODS[0]!;
}

/** The initial form: reference defaults, with the given seed. */
export function defaultTrainForm(seed: number): TrainForm {
  const d = DEFAULT_TRAIN_OPTIONS;
  return {
    method: 'ctgan',
    epochs: String(d.epochs),
    batchSize: String(d.batchSize),
    seed: String(seed),
    generatorLr: String(d.generatorLr),
    discriminatorLr: String(d.discriminatorLr),
    embeddingDim: String(d.embeddingDim),
    generatorDim: d.generatorDim.join(', '),
    discriminatorDim: d.discriminatorDim.join(', '),
    pac: String(d.pac),
    discriminatorSteps: String(d.discriminatorSteps),
    patience: '0',
  };
}

export type TrainFormResult =
  /** `patience`: early-stop checks without improvement (0 = off), sent beside the options. */
  | { ok: true; options: Partial<TrainOptions>; patience: number }
  | { ok: false; errors: string[] };

function int(raw: string, label: string, min: number, max: number, errors: string[]): number {
  const v = Number(raw.trim());
  if (raw.trim() === '' || !Number.isInteger(v) || v < min || v > max) {
    errors.push(`${label} must be a whole number from ${min} to ${max}.`);
    return NaN;
  }
  return v;
}

function positive(raw: string, label: string, errors: string[]): number {
  const v = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(v) || v <= 0 || v >= 1) {
    errors.push(`${label} must be a number between 0 and 1 (e.g. 2e-4).`);
    return NaN;
  }
  return v;
}

function layers(raw: string, label: string, errors: string[]): number[] {
  const parts = raw.split(/[\s,]+/).filter((p) => p !== '');
  const sizes = parts.map(Number);
  if (parts.length === 0 || parts.length > 8 || sizes.some((s) => !Number.isInteger(s) || s < 1 || s > 4096)) {
    errors.push(`${label} must be 1 to 8 layer sizes from 1 to 4096, separated by commas (e.g. 256, 256).`);
    return [];
  }
  return sizes;
}

/** Validate the form. Batch size must be a multiple of pac (the critic packs pac rows per input). */
export function trainOptionsFromForm(form: TrainForm): TrainFormResult {
  const errors: string[] = [];
  const epochs = int(form.epochs, 'Epochs', 1, 100_000, errors);
  const batchSize = int(form.batchSize, 'Batch size', 2, 1_000_000, errors);
  const seed = int(form.seed, 'Seed', 0, 0xffffffff, errors);
  const pac = int(form.pac, 'Pac', 1, 100, errors);
  const discriminatorSteps = int(form.discriminatorSteps, 'Critic steps', 1, 20, errors);
  const embeddingDim = int(form.embeddingDim, 'Noise size', 1, 4096, errors);
  const generatorLr = positive(form.generatorLr, 'Generator learning rate', errors);
  const discriminatorLr = positive(form.discriminatorLr, 'Critic learning rate', errors);
  const patience = int(form.patience, 'Early-stop patience', 0, 1000, errors);
  const generatorDim = layers(form.generatorDim, 'Generator layers', errors);
  const discriminatorDim = layers(form.discriminatorDim, 'Critic layers', errors);
  if (Number.isInteger(batchSize) && Number.isInteger(pac) && batchSize % pac !== 0) {
    errors.push(`Batch size (${batchSize}) must be a multiple of pac (${pac}).`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    options: { epochs, batchSize, seed, pac, discriminatorSteps, embeddingDim, generatorLr, discriminatorLr, generatorDim, discriminatorDim },
    patience,
  };
}

/** Fewer generator steps than this get a hint (measured: bench/README.md, Methods). */
export const MIN_STEPS_HINT = 2000;

/**
 * A one-line hint when CTGAN/TVAE would take fewer than MIN_STEPS_HINT training steps on
 * `trainingRows` rows: on small tables they learn each column long before the relations between
 * columns. Null when there is nothing to say (other methods, unparsable fields, enough steps).
 */
export function stepsHint(method: string, trainingRows: number, epochs: string, batchSize: string): string | null {
  if (method !== 'ctgan' && method !== 'tvae') return null;
  const e = Number(epochs);
  const b = Number(batchSize);
  if (!Number.isInteger(e) || e < 1 || !Number.isInteger(b) || b < 1 || trainingRows < 1) return null;
  const perEpoch = Math.max(Math.floor(trainingRows / b), 1);
  const steps = e * perEpoch;
  if (steps >= MIN_STEPS_HINT) return null;
  return `${e} epochs of ${trainingRows} rows at batch ${b} are only ${steps} training steps; relations between columns usually need about ${MIN_STEPS_HINT} (try ${Math.ceil(MIN_STEPS_HINT / perEpoch)} epochs).`;
}
