/** Hand-built layouts, encoded matrices and a minimal training sampler for model tests. */
import type { Rng } from '../../../src/core/rng.ts';
import type { EncodedLayout, EncodedMatrix } from '../../../src/core/transform/layout.ts';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from '../../../src/core/types.ts';
import type { TrainingSampler } from '../../../src/model/trainer.ts';

/**
 * Two columns: 'x' continuous with 2 modes ([alpha | mode0 mode1], width 3) and 'c' discrete with
 * categories a/b (width 2). Encoded width 5, cond width 2.
 */
export function toyLayout(): EncodedLayout {
  return {
    width: 5,
    spans: [
      { start: 0, width: 1, activation: 'tanh' },
      { start: 1, width: 2, activation: 'softmax' },
      { start: 3, width: 2, activation: 'softmax' },
    ],
    discrete: [{ column: 1, start: 3, width: 2, condStart: 0, categories: ['a', 'b'] }],
    condWidth: 2,
    columnNames: ['x', 'c'],
  };
}

/**
 * `rows` encoded rows: category a with probability pA; mode 0 or 1 with probability 1/2 each,
 * alpha ~ N(0, 0.1) clipped, independent of the category.
 */
export function toyMatrix(rows: number, rng: Rng, pA = 0.8): EncodedMatrix {
  const width = 5;
  const data = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const o = r * width;
    data[o] = Math.max(-0.99, Math.min(0.99, 0.1 * rng.normal()));
    data[o + 1 + (rng.next() < 0.5 ? 0 : 1)] = 1;
    data[o + 3 + (rng.next() < pA ? 0 : 1)] = 1;
  }
  return { rows, width, data };
}

/** A straightforward TrainingSampler: column uniform, category ∝ log(count+1), rows by category. */
export function simpleSampler(layout: EncodedLayout, m: EncodedMatrix): TrainingSampler {
  const byCat = layout.discrete.map((d) => Array.from({ length: d.width }, () => [] as number[]));
  for (let r = 0; r < m.rows; r++) {
    layout.discrete.forEach((d, k) => {
      for (let j = 0; j < d.width; j++) if (m.data[r * m.width + d.start + j] === 1) byCat[k]![j]!.push(r);
    });
  }
  const logp = byCat.map((cats) => cats.map((rows) => Math.log(rows.length + 1)));
  return {
    sampleCondvec(batch: number, rng: Rng) {
      if (layout.discrete.length === 0) return null;
      const col = new Int32Array(batch);
      const cat = new Int32Array(batch);
      for (let i = 0; i < batch; i++) {
        col[i] = rng.int(layout.discrete.length);
        cat[i] = rng.choice(logp[col[i]!]!);
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
        const rows = byCat[col[i]!]![cat[i]!]!;
        out[i] = rows[rng.int(rows.length)]!;
      }
      return out;
    },
  };
}

/** Tiny networks for fast tests. */
export function tinyOptions(over: Partial<TrainOptions> = {}): TrainOptions {
  return { ...DEFAULT_TRAIN_OPTIONS, embeddingDim: 8, generatorDim: [16, 16], discriminatorDim: [16, 16], batchSize: 40, epochs: 2, ...over };
}
