/**
 * Streams generated rows to the page as CSV bytes. Rows are generated in batches (50k by default)
 * and each batch is written and posted before the next is made, so a request for millions of
 * rows never holds more than one batch as a Table. Each chunk is UTF-8 bytes whose buffer is
 * transferred, not copied. Rows are written in the input CSV's formats when the model knows them
 * (SynthesizerLike.csvFormats: from the parsed file, or from a loaded model file).
 */
import type { WorkerEvent } from './protocol.ts';
import type { Engine, SynthesizerLike } from './engine.ts';
import type { Condition } from '../core/types.ts';
import { createRng } from '../core/rng.ts';
import { SynthtabError } from '../core/errors.ts';

export const SAMPLE_BATCH_ROWS = 50_000;
/** Characters gathered before a chunk is posted (~1 MB: few messages, small peaks). */
export const CHUNK_CHARS = 1 << 20;
/** The most rows one request may ask for. */
export const MAX_SAMPLE_ROWS = 100_000_000;

export interface SampleJob {
  requestId: number;
  rows: number;
  condition?: Condition;
  seed: number;
  batchRows?: number;
  signal: AbortSignal;
}

type Post = (e: WorkerEvent, transfer?: Transferable[]) => void;

/** Generate `job.rows` rows and post them as 'csv-chunk' events, then 'sampled'. */
export async function streamSample(engine: Engine, synth: SynthesizerLike, job: SampleJob, post: Post): Promise<void> {
  if (!Number.isInteger(job.rows) || job.rows < 1 || job.rows > MAX_SAMPLE_ROWS) {
    throw new SynthtabError('bad-option', `Rows must be a whole number from 1 to ${MAX_SAMPLE_ROWS}.`);
  }
  const batchRows = job.batchRows ?? SAMPLE_BATCH_ROWS;
  const encoder = new TextEncoder();
  // One seed per batch from one stream: batches differ, and the same seed repeats the output.
  const rng = createRng(job.seed);
  // Written like the input file (" Private", " ?") when the model knows its formats.
  const formats = synth.csvFormats?.();
  const notice = synth.sampleNotice?.();
  if (notice) post({ type: 'notice', requestId: job.requestId, message: notice });
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = (rowsDone: number): void => {
    if (pendingChars === 0) return;
    const bytes = encoder.encode(pending.join(''));
    pending = [];
    pendingChars = 0;
    post({ type: 'csv-chunk', requestId: job.requestId, bytes, rowsDone, rowsTotal: job.rows }, [bytes.buffer]);
  };
  for (let done = 0; done < job.rows; ) {
    if (job.signal.aborted) throw new SynthtabError('cancelled', 'Sampling was stopped.');
    const n = Math.min(batchRows, job.rows - done);
    const table = await synth.sample(n, { ...(job.condition ? { condition: job.condition } : {}), seed: rng.seed32() });
    for (const piece of engine.tableToCsvChunks(table, { header: done === 0, ...(formats ? { formats } : {}) })) {
      pending.push(piece);
      pendingChars += piece.length;
      if (pendingChars >= CHUNK_CHARS) flush(done);
    }
    done += n;
    flush(done);
  }
  post({ type: 'sampled', requestId: job.requestId, rows: job.rows });
}
