/**
 * The DataTransformer's fitted state: plain JSON (versioned) so it can travel inside the model
 * file (DESIGN.md: weights + transformer state in one file). `parseTransformerState` validates an
 * untrusted document with zod and throws SynthtabError('bad-model-file') on any mismatch.
 */
import { z } from 'zod';
import { SynthtabError } from '../errors.ts';

export const TRANSFORMER_STATE_VERSION = 1;

/** Where the column's cells live in the source table (output keeps the same column type). */
const source = z.enum(['numeric', 'string']);

const bgmm = z.object({
  means: z.array(z.number()),
  stds: z.array(z.number()),
  weights: z.array(z.number()),
  kept: z.array(z.number().int()),
  logConst: z.array(z.number()),
  fullMeans: z.array(z.number()),
  fullPrecisions: z.array(z.number()),
  iterations: z.number().int(),
  converged: z.boolean(),
  fitRows: z.number().int(),
});

/** continuous / integer / datetime: mode-specific normalisation (CTGAN-SPEC 2.1). */
const gmmState = z.object({
  handler: z.literal('gmm'),
  name: z.string(),
  kind: z.enum(['continuous', 'integer', 'datetime']),
  source,
  /** Decimals of the source (numbers are rounded to these on output). */
  decimals: z.number().int().min(0),
  /** Datetime text format (datetime columns read from text); null otherwise. */
  datetimeFormat: z.string().nullable(),
  model: bgmm,
  min: z.number(),
  max: z.number(),
  /** Value used in place of a missing cell for the mixture (the column mean). */
  fill: z.number(),
  /** True when the column had missing cells: a 2-wide [present, missing] softmax block follows. */
  nullable: z.boolean(),
  /** Offset of the alpha scalar in the encoded row. */
  start: z.number().int().min(0),
  /**
   * Per kept component: the value it is a point mass at (decoded exactly, ignoring alpha), or null
   * (gmm-column.ts findSpikes). Absent in model files written before it existed: no spikes.
   */
  spikes: z.array(z.number().nullable()).optional(),
});

/** categorical / boolean: one-hot in order of first appearance (CTGAN-SPEC 2.2). */
const oneHotState = z.object({
  handler: z.literal('onehot'),
  name: z.string(),
  kind: z.enum(['categorical', 'boolean']),
  source,
  decimals: z.number().int().min(0),
  /** Category labels (cell text); the last is NULL_CATEGORY when the column had missing cells. */
  categories: z.array(z.string()),
  /** For numeric sources: the number behind each label (null for the null category). */
  numbers: z.array(z.number().nullable()).nullable(),
  start: z.number().int().min(0),
});

const idShape = z.discriminatedUnion('type', [
  /** Numeric ids: integers on a grid of 10^-decimals inside [min, max]. */
  z.object({ type: z.literal('numeric'), min: z.number(), max: z.number(), increasing: z.boolean() }),
  /** Same-length strings: each slot a literal character or a character class. */
  z.object({ type: z.literal('fixed'), slots: z.array(z.string()), increasing: z.boolean() }),
  /** Varying length: literal prefix/suffix around a middle from one class, length in [minLen, maxLen]. */
  z.object({
    type: z.literal('variable'), prefix: z.string(), suffix: z.string(), cls: z.string(),
    minLen: z.number().int().min(0), maxLen: z.number().int().min(0), increasing: z.boolean(),
  }),
]);

/** Columns the GAN does not learn: identifier, text, constant, empty. */
const ruleState = z.object({
  handler: z.literal('rule'),
  name: z.string(),
  kind: z.enum(['identifier', 'text', 'constant', 'empty']),
  source,
  decimals: z.number().int().min(0),
  /** Share of missing cells in the real column, reproduced at random. */
  nullFraction: z.number().min(0).max(1),
  /** The constant's text (constant columns); null otherwise. */
  constant: z.string().nullable(),
  /** Identifier shape (identifier columns); null otherwise. */
  idShape: idShape.nullable(),
});

const columnState = z.discriminatedUnion('handler', [gmmState, oneHotState, ruleState]);

const span = z.object({ start: z.number().int(), width: z.number().int(), activation: z.enum(['tanh', 'softmax']) });
const discreteSpan = z.object({
  column: z.number().int(), start: z.number().int(), width: z.number().int(), condStart: z.number().int(),
  categories: z.array(z.string()),
});

export const transformerStateSchema = z.object({
  version: z.literal(TRANSFORMER_STATE_VERSION),
  /** Output columns (non-excluded), in original order. */
  columns: z.array(columnState),
  layout: z.object({
    width: z.number().int(),
    spans: z.array(span),
    discrete: z.array(discreteSpan),
    condWidth: z.number().int(),
    columnNames: z.array(z.string()),
  }),
});

export type TransformerState = z.infer<typeof transformerStateSchema>;
export type ColumnState = z.infer<typeof columnState>;
export type GmmColumnState = z.infer<typeof gmmState>;
export type OneHotColumnState = z.infer<typeof oneHotState>;
export type RuleColumnState = z.infer<typeof ruleState>;
export type IdShape = z.infer<typeof idShape>;

/** Validate an untrusted state (from a model file). */
export function parseTransformerState(json: unknown): TransformerState {
  const r = transformerStateSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new SynthtabError('bad-model-file', `The model file's transformer state is invalid${where ? ` at ${where}` : ''}.`);
  }
  for (const c of r.data.columns) {
    if (c.handler === 'gmm' && c.spikes !== undefined && c.spikes.length !== c.model.means.length) {
      throw new SynthtabError('bad-model-file', `The model file's transformer state is invalid at column "${c.name}": ${c.spikes.length} spike entries for ${c.model.means.length} modes.`);
    }
  }
  return r.data;
}
