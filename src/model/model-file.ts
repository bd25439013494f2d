/**
 * The model file: ONE JSON document holding everything needed to sample again, in the app or the
 * CLI: options, column plan, the transformer's fitted state, per-category counts for unconditional
 * conditions, and every network weight (float32, little-endian, base64).
 *
 *   { format: 'synthtab-model', version: 1, method: 'ctgan', createdAt, options, plan,
 *     transformer, ctgan: { counts, samplingBn, epochs, lossHistory }, weights: [{ name, shape, dtype, base64 }],
 *     formats?, fakes? }
 *
 * `formats` (optional, added after version 1 shipped; older files simply lack it): the input CSV's
 * per-column whitespace and missing token (core/csv/format.ts), so `sample` writes rows that look
 * like the training file.
 *
 * `fakes` (optional, added likewise): the faked personal columns (ColumnPlan.action 'fake'), as
 * core/pii/saved-fakes.ts SavedFakeColumn: personal kind, Faker locale, null share, uniqueness and
 * the format derived from real values ('(###) ###-####', 'C-' + 5 digits), never a real value.
 * Loaded models build Faker fillers from it (prepareSavedFakes) instead of "text N" placeholders.
 * Both sections are top-level and method-independent: TVAE files carry them too (withFileExtras).
 *
 * Loading validates with zod and fails with SynthtabError('bad-model-file') and a one-line reason:
 * not JSON, not a Synthtab model, a newer format version, or a field that does not fit.
 */
import { z } from 'zod';
import { nonPlainFormats, type CsvFormats } from '../core/csv/format.ts';
import { SynthtabError } from '../core/errors.ts';
import { parseSavedFakes, savedFakesSchema, type SavedFakeColumn } from '../core/pii/saved-fakes.ts';
import { COLUMN_KINDS, type ColumnKind, type ColumnPlan, type TrainOptions } from '../core/types.ts';
import type { WeightSnapshot } from './networks.ts';

export const MODEL_FORMAT = 'synthtab-model';
export const MODEL_VERSION = 1;

const weightSchema = z.object({
  name: z.string(),
  shape: z.array(z.number().int().min(0)),
  dtype: z.literal('float32'),
  base64: z.string(),
});

const optionsSchema = z.object({
  epochs: z.number().int().min(0),
  batchSize: z.number().int().min(1),
  embeddingDim: z.number().int().min(1),
  generatorDim: z.array(z.number().int().min(1)),
  discriminatorDim: z.array(z.number().int().min(1)),
  generatorLr: z.number(),
  discriminatorLr: z.number(),
  generatorDecay: z.number(),
  discriminatorDecay: z.number(),
  discriminatorSteps: z.number().int().min(1),
  pac: z.number().int().min(1),
  logFrequency: z.boolean(),
  seed: z.number(),
  // Optional: files written before the averaged generator existed lack it (then the default applies).
  generatorAverage: z.number().min(0).max(1).optional(),
});

const planSchema = z.object({
  name: z.string(),
  kind: z.enum(COLUMN_KINDS as [ColumnKind, ...ColumnKind[]]),
  excluded: z.boolean().optional(),
});

/** Column formats by name (core/csv/format.ts ColumnFormat). */
export const csvFormatsSchema = z.record(z.string(), z.object({ prefix: z.string(), suffix: z.string(), missing: z.string() }));

const epochLossSchema = z.object({ epoch: z.number(), lossG: z.number(), lossD: z.number(), penalty: z.number(), seconds: z.number() });

const modelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  method: z.literal('ctgan'),
  createdAt: z.string(),
  options: optionsSchema,
  plan: z.array(planSchema),
  /** Validated by the transformer's own schema (core/transform/state.ts) when loaded. */
  transformer: z.unknown(),
  ctgan: z.object({
    counts: z.array(z.array(z.number().min(0))),
    samplingBn: z.enum(['batch', 'running']),
    epochs: z.number().int().min(0),
    lossHistory: z.array(epochLossSchema),
  }),
  weights: z.array(weightSchema),
  formats: csvFormatsSchema.optional(),
  fakes: savedFakesSchema.optional(),
});

export type ModelFile = z.infer<typeof modelFileSchema>;
export type ModelOptions = TrainOptions;

/** Float32 values -> base64 of their little-endian bytes (browser and Node: btoa is global in both). */
export function encodeFloat32(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let bin = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) bin += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(bin);
}

/** Inverse of encodeFloat32; `count` values expected. */
export function decodeFloat32(base64: string, count: number, name: string): Float32Array {
  let bin: string;
  try {
    bin = atob(base64);
  } catch {
    throw new SynthtabError('bad-model-file', `Weight '${name}' is not valid base64.`);
  }
  if (bin.length !== count * 4) throw new SynthtabError('bad-model-file', `Weight '${name}' holds ${bin.length / 4} values, its shape needs ${count}.`);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

export function weightsToFile(weights: readonly WeightSnapshot[]): ModelFile['weights'] {
  return weights.map((w) => ({ name: w.name, shape: w.shape, dtype: 'float32' as const, base64: encodeFloat32(w.values) }));
}

export function weightsFromFile(weights: ModelFile['weights']): WeightSnapshot[] {
  return weights.map((w) => ({ name: w.name, shape: w.shape, values: decodeFloat32(w.base64, w.shape.reduce((a, b) => a * b, 1), w.name) }));
}

/**
 * JSON text (or an already-parsed value) -> an object that says it is a Synthtab model file, of any
 * method; its fields are not checked yet. SynthtabError('bad-model-file') otherwise. Cheap (no
 * TF.js), so a CLI can refuse a wrong file before loading the model code.
 */
export function parseModelJson(input: unknown): Record<string, unknown> {
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch {
      throw new SynthtabError('bad-model-file', 'The model file is not valid JSON (is it truncated?).');
    }
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== MODEL_FORMAT) {
    throw new SynthtabError('bad-model-file', 'This is not a Synthtab model file.');
  }
  return json as Record<string, unknown>;
}

/** Parse and validate a model file (JSON text or an already-parsed value). */
export function parseModelFile(input: unknown): ModelFile {
  const json = parseModelJson(input);
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > MODEL_VERSION) {
    throw new SynthtabError('bad-model-file', `This model file has format version ${version}, newer than this Synthtab reads (${MODEL_VERSION}); update Synthtab.`);
  }
  const method = (json as { method?: unknown }).method;
  if (method !== undefined && method !== 'ctgan') {
    throw new SynthtabError('bad-model-file', `This model file holds a '${String(method)}' model; this loader reads CTGAN models.`);
  }
  const r = modelFileSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at '${issue.path.join('.')}'` : '';
    throw new SynthtabError('bad-model-file', `The model file is damaged or incompatible${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return r.data;
}

/**
 * The input-CSV formats stored in any Synthtab model file (any method), or {} when it has none.
 * `json` is the parsed file; a `formats` field that does not fit is a 'bad-model-file' error.
 */
export function readCsvFormats(json: unknown): CsvFormats {
  if (typeof json !== 'object' || json === null || !('formats' in json) || json.formats === undefined) return {};
  const r = csvFormatsSchema.safeParse(json.formats);
  if (!r.success) throw new SynthtabError('bad-model-file', "The model file's 'formats' field is damaged.");
  return r.data;
}

/**
 * The faked personal columns stored in any Synthtab model file (any method), or [] when it has none
 * (older files). `json` is the parsed file; a `fakes` field that does not fit is a 'bad-model-file' error.
 */
export function readFakes(json: unknown): SavedFakeColumn[] {
  if (typeof json !== 'object' || json === null || !('fakes' in json)) return [];
  return parseSavedFakes(json.fakes);
}

/**
 * `modelText` (any method's model file as JSON text) with `formats` added (only the columns whose
 * format is not plain); unchanged when there are none. For methods whose synthesizer does not
 * carry formats itself (CtganSynthesizer has csvFormats).
 */
export function withCsvFormats(modelText: string, formats: CsvFormats | undefined): string {
  return withFileExtras(modelText, { formats });
}

/**
 * `modelText` (any method's model file as JSON text) with the optional top-level sections set:
 * `formats` (non-plain columns only) and `fakes` (faked personal columns, PersonalColumns.saved).
 * Parsed and written once; unchanged when there is nothing to add. For synthesizers that do not
 * carry these themselves (CtganSynthesizer has csvFormats and fakes; TVAE does not).
 */
export function withFileExtras(modelText: string, extras: { formats?: CsvFormats | undefined; fakes?: readonly SavedFakeColumn[] | undefined }): string {
  const formats = extras.formats ? nonPlainFormats(extras.formats) : {};
  const fakes = extras.fakes ?? [];
  const add: Record<string, unknown> = {};
  if (Object.keys(formats).length > 0) add.formats = formats;
  if (fakes.length > 0) add.fakes = fakes;
  if (Object.keys(add).length === 0) return modelText;
  const json = JSON.parse(modelText) as Record<string, unknown>;
  return JSON.stringify({ ...json, ...add });
}

/** Stable serialisation of the plan (excluded only when true). */
export function planToFile(plan: readonly ColumnPlan[]): ColumnPlan[] {
  return plan.map((p) => (p.excluded ? { name: p.name, kind: p.kind, excluded: true } : { name: p.name, kind: p.kind }));
}
