/**
 * Training-by-sampling over row INDICES (CTGAN-SPEC 3), so the encoded matrix can stay on the
 * device and real rows are gathered there (train-step.ts): per step the host uploads a few
 * Int32Arrays instead of a [batch, width] float block.
 *
 * Draws: a discrete column uniformly, then a category with probability ∝ log(count + 1) (or ∝ count
 * without log frequency); real rows uniformly among the training rows of that category. Without
 * discrete columns: no condition, rows uniformly with replacement.
 *
 * Note: src/core/sampler's ConditionalSampler (when present) covers the same draws for other
 * callers; this index form is what the trainer's TrainingSampler interface asks for.
 */
import type { Rng } from '../core/rng.ts';
import type { EncodedLayout, EncodedMatrix } from '../core/transform/layout.ts';
import type { TrainingSampler } from './trainer.ts';

export function createTrainingSampler(layout: EncodedLayout, m: EncodedMatrix, logFrequency = true): TrainingSampler {
  const nd = layout.discrete.length;
  // Row ids per (column, category), as one flat Int32Array per column plus category offsets.
  const rowsByCat = layout.discrete.map((d) => {
    const counts = new Int32Array(d.width);
    const cats = new Int32Array(m.rows);
    for (let r = 0; r < m.rows; r++) {
      const base = r * m.width + d.start;
      let best = 0;
      for (let j = 1; j < d.width; j++) if (m.data[base + j]! > m.data[base + best]!) best = j;
      cats[r] = best;
      counts[best]!++;
    }
    const offsets = new Int32Array(d.width + 1);
    for (let j = 0; j < d.width; j++) offsets[j + 1] = offsets[j]! + counts[j]!;
    const fill = offsets.slice(0, d.width);
    const ids = new Int32Array(m.rows);
    for (let r = 0; r < m.rows; r++) ids[fill[cats[r]!]!++] = r;
    const weights = Float64Array.from(counts, (c) => (logFrequency ? Math.log(c + 1) : c));
    return { ids, offsets, weights };
  });
  return {
    sampleCondvec(batch: number, rng: Rng) {
      if (nd === 0) return null;
      const col = new Int32Array(batch);
      const cat = new Int32Array(batch);
      for (let i = 0; i < batch; i++) {
        const k = rng.int(nd);
        col[i] = k;
        cat[i] = rng.choice(rowsByCat[k]!.weights);
      }
      return { col, cat };
    },
    sampleRowIndices(batch: number, col: ArrayLike<number> | null, cat: ArrayLike<number> | null, rng: Rng) {
      const out = new Int32Array(batch);
      for (let i = 0; i < batch; i++) {
        if (!col || !cat) {
          out[i] = rng.int(m.rows);
          continue;
        }
        const { ids, offsets } = rowsByCat[col[i]!]!;
        const lo = offsets[cat[i]!]!;
        const n = offsets[cat[i]! + 1]! - lo;
        // A category with no rows cannot be drawn (weight log(0+1) = 0); guard anyway.
        out[i] = n > 0 ? ids[lo + rng.int(n)]! : rng.int(m.rows);
      }
      return out;
    },
  };
}
