/**
 * The TVAE model file: the same document family as CTGAN's (src/model/model-file.ts: format
 * 'synthtab-model', version 1, plan, transformer state, base64 float32 weights) with
 * `method: 'tvae'`, TVAE options and a `tvae` section instead of `ctgan`:
 *
 *   { format, version: 1, method: 'tvae', createdAt, options: TvaeOptions, plan, transformer,
 *     tvae: { epochs, lossHistory }, weights: [{ name, shape, dtype, base64 }] }
 *
 * CTGAN's loader rejects it with a clear message; `loadModelFile` (load.ts) reads either.
 */
import { z } from 'zod';
import { SynthtabError } from '../../core/errors.ts';
import { COLUMN_KINDS, type ColumnKind } from '../../core/types.ts';
import { MODEL_FORMAT, MODEL_VERSION } from '../model-file.ts';

const planSchema = z.object({ name: z.string(), kind: z.enum(COLUMN_KINDS as [ColumnKind, ...ColumnKind[]]), excluded: z.boolean().optional() });
const epochLossSchema = z.object({ epoch: z.number(), lossG: z.number(), lossD: z.number(), penalty: z.number(), seconds: z.number() });
const dims = z.array(z.number().int().min(1));

const tvaeFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  method: z.literal('tvae'),
  createdAt: z.string(),
  options: z.object({
    epochs: z.number().int().min(1),
    batchSize: z.number().int().min(1),
    embeddingDim: z.number().int().min(1),
    compressDims: dims,
    decompressDims: dims,
    l2scale: z.number().min(0),
    lossFactor: z.number(),
    learningRate: z.number(),
    seed: z.number(),
  }),
  plan: z.array(planSchema),
  /** Validated by the transformer's own schema when loaded. */
  transformer: z.unknown(),
  tvae: z.object({ epochs: z.number().int().min(0), lossHistory: z.array(epochLossSchema) }),
  weights: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().min(0)), dtype: z.literal('float32'), base64: z.string() })),
});

export type TvaeModelFile = z.infer<typeof tvaeFileSchema>;

/** Parse JSON text (or a parsed value) into the file's fields (after the caller checked format/version). */
export function parseTvaeModelFile(json: unknown): TvaeModelFile {
  const r = tvaeFileSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at '${issue.path.join('.')}'` : '';
    throw new SynthtabError('bad-model-file', `The TVAE model file is damaged or incompatible${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return r.data;
}
