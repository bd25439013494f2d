/**
 * Training-by-sampling (CTGAN's DataSampler, CTGAN-SPEC.md section 3): conditional vectors over
 * the discrete columns' categories, real rows matching a condition, and the condition vectors used
 * for generation.
 */
import { SynthtabError } from '../errors.ts';
import type { Rng } from '../rng.ts';
import { NULL_CATEGORY, type DiscreteSpan, type EncodedLayout, type EncodedMatrix } from '../transform/layout.ts';

/** A batch of training conditions. */
export interface CondBatch {
  /** batch x condWidth one-hot rows. */
  cond: Float32Array;
  /** batch x nDiscrete: one-hot of the conditioned column (for the generator's CE loss). */
  mask: Float32Array;
  /** Conditioned discrete column (index into layout.discrete) per row. */
  col: Int32Array;
  /** Category index inside that column per row. */
  cat: Int32Array;
}

/** Per discrete column: row ids grouped by category (CSR) and category probabilities. */
interface ColumnIndex {
  span: DiscreteSpan;
  /** rows[offsets[j] .. offsets[j+1]) are the rows whose category is j. */
  rows: Int32Array;
  offsets: Int32Array;
  /** Cumulative training probabilities (log-frequency or frequency), last = 1. */
  trainCdf: Float64Array;
  /** Cumulative empirical frequencies, last = 1. */
  empiricalCdf: Float64Array;
}

function cdf(weights: Float64Array): Float64Array {
  let total = 0;
  for (const w of weights) total += w;
  const out = new Float64Array(weights.length);
  let acc = 0;
  for (let j = 0; j < weights.length; j++) {
    acc += weights[j]!;
    out[j] = acc / total;
  }
  return out;
}

/** First index whose cumulative probability exceeds u (CTGAN `_random_choice_prob_index`). */
function drawFromCdf(c: Float64Array, u: number): number {
  for (let j = 0; j < c.length; j++) if (c[j]! > u) return j;
  for (let j = c.length - 1; j > 0; j--) if (c[j]! > c[j - 1]!) return j;
  return 0;
}

/**
 * The index of `value` among `categories`: an exact match, else the one category equal to it after
 * trimming spaces (" Private" vs "Private"); -1 when none or ambiguous. The missing-value category
 * is only matched exactly.
 */
export function matchCategory(categories: readonly string[], value: string): number {
  const exact = categories.indexOf(value);
  if (exact >= 0) return exact;
  const trimmed = value.trim();
  let hit = -1;
  for (let i = 0; i < categories.length; i++) {
    const v = categories[i]!;
    if (v === NULL_CATEGORY || v.trim() !== trimmed) continue;
    if (hit >= 0) return -1;
    hit = i;
  }
  return hit;
}

/** A discrete column with rows, and the cumulative probabilities to draw its categories from. */
interface CdfColumn {
  span: DiscreteSpan;
  cdf: Float64Array;
}

/** Per row: a column uniformly among `columns`, then a category by its cdf; global cond positions. */
function drawCondIndices(columns: readonly CdfColumn[], n: number, rng: Rng): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = columns[rng.int(columns.length)]!;
    out[i] = c.span.condStart + drawFromCdf(c.cdf, rng.next());
  }
  return out;
}

/**
 * Unconditional-generation conditions from per-category counts alone (what a model keeps once
 * the training rows are gone, e.g. after loading a model file): the same draws as
 * ConditionalSampler#sampleOriginalCondvec with empirical frequencies, as global positions in the
 * conditional vector (condStart + category) instead of one-hot rows. `counts[d]` belongs to
 * `spans[d]`; columns without counts are skipped. Null when no column has any.
 */
export function sampleOriginalCondIndices(spans: readonly DiscreteSpan[], counts: readonly ArrayLike<number>[], n: number, rng: Rng): Int32Array | null {
  const columns: CdfColumn[] = [];
  spans.forEach((span, d) => {
    const c = Float64Array.from(counts[d] ?? []);
    if (c.length === span.width && c.some((v) => v > 0)) columns.push({ span, cdf: cdf(c) });
  });
  return columns.length > 0 ? drawCondIndices(columns, n, rng) : null;
}

function quoteList(values: string[], max = 8): string {
  const shown = values.slice(0, max).map((v) => (v === NULL_CATEGORY ? '(missing)' : JSON.stringify(v)));
  return shown.join(', ') + (values.length > max ? `, ... (${values.length} in all)` : '');
}

export class ConditionalSampler {
  /** Number of discrete columns (width of `mask` rows). */
  readonly nDiscrete: number;
  /** Width of a conditional vector. */
  readonly condWidth: number;
  private readonly columns: ColumnIndex[];
  /** Discrete columns that have at least one row (the others cannot be conditioned in training). */
  private readonly active: number[];

  /**
   * @param logFrequency weight categories by log(count + 1) in training conditions (CTGAN's
   *   default, CTGAN-SPEC.md 1), else by count.
   */
  constructor(
    private readonly encoded: EncodedMatrix,
    private readonly layout: EncodedLayout,
    logFrequency = true,
  ) {
    if (encoded.width !== layout.width) {
      throw new SynthtabError('internal', `Encoded width ${encoded.width} does not match the layout width ${layout.width}.`);
    }
    this.nDiscrete = layout.discrete.length;
    this.condWidth = layout.condWidth;
    this.columns = layout.discrete.map((span) => this.indexColumn(span, logFrequency));
    this.active = [];
    this.columns.forEach((c, d) => {
      if (c.offsets[c.offsets.length - 1]! > 0) this.active.push(d);
    });
  }

  private indexColumn(span: DiscreteSpan, logFrequency: boolean): ColumnIndex {
    const { rows: n, width, data } = this.encoded;
    const catOf = new Int32Array(n).fill(-1);
    const counts = new Int32Array(span.width);
    for (let r = 0; r < n; r++) {
      const o = r * width + span.start;
      for (let j = 0; j < span.width; j++) {
        if (data[o + j]! > 0.5) {
          catOf[r] = j;
          counts[j]! += 1;
          break;
        }
      }
    }
    const offsets = new Int32Array(span.width + 1);
    for (let j = 0; j < span.width; j++) offsets[j + 1] = offsets[j]! + counts[j]!;
    const fill = offsets.slice(0, span.width);
    const rows = new Int32Array(offsets[span.width]!);
    for (let r = 0; r < n; r++) if (catOf[r]! >= 0) rows[fill[catOf[r]!]!++] = r;
    const train = Float64Array.from(counts, (c) => (logFrequency ? Math.log(c + 1) : c));
    return { span, rows, offsets, trainCdf: cdf(train), empiricalCdf: cdf(Float64Array.from(counts)) };
  }

  /** Row count of each category of discrete column d (in category order). */
  categoryCounts(d: number): number[] {
    const c = this.columns[d];
    if (!c) throw new SynthtabError('internal', `No discrete column ${d}.`);
    return Array.from({ length: c.span.width }, (_, j) => c.offsets[j + 1]! - c.offsets[j]!);
  }

  /**
   * Training conditions (CTGAN `sample_condvec`): per row a discrete column uniformly, then a
   * category by the training probabilities. Null when there are no discrete columns.
   */
  sampleCondvec(batch: number, rng: Rng): CondBatch | null {
    if (this.active.length === 0) return null;
    const cond = new Float32Array(batch * this.condWidth);
    const mask = new Float32Array(batch * this.nDiscrete);
    const col = new Int32Array(batch);
    const cat = new Int32Array(batch);
    for (let i = 0; i < batch; i++) {
      const d = this.active[rng.int(this.active.length)]!;
      const c = this.columns[d]!;
      const j = drawFromCdf(c.trainCdf, rng.next());
      col[i] = d;
      cat[i] = j;
      cond[i * this.condWidth + c.span.condStart + j] = 1;
      mask[i * this.nDiscrete + d] = 1;
    }
    return { cond, mask, col, cat };
  }

  /** Same as `sampleRows` (the name src/model's TrainingSampler interface uses). */
  sampleRowIndices(batch: number, col: ArrayLike<number> | null, cat: ArrayLike<number> | null, rng: Rng): Int32Array {
    return this.sampleRows(batch, col, cat, rng);
  }

  /** Row indices for `sampleData` (real rows with category cat[i] in column col[i], or uniform). */
  sampleRows(batch: number, col: ArrayLike<number> | null, cat: ArrayLike<number> | null, rng: Rng): Int32Array {
    const out = new Int32Array(batch);
    if (col === null || cat === null) {
      for (let i = 0; i < batch; i++) out[i] = rng.int(this.encoded.rows);
      return out;
    }
    for (let i = 0; i < batch; i++) {
      const c = this.columns[col[i]!];
      const j = cat[i]!;
      const lo = c?.offsets[j];
      const hi = c?.offsets[j + 1];
      if (c === undefined || lo === undefined || hi === undefined || hi <= lo) {
        throw new SynthtabError('internal', `No training row has category ${j} of discrete column ${col[i]!}.`);
      }
      out[i] = c.rows[lo + rng.int(hi - lo)]!;
    }
    return out;
  }

  /** Real encoded rows (batch x width) for the conditions (CTGAN `sample_data`); uniform when null. */
  sampleData(batch: number, col: ArrayLike<number> | null, cat: ArrayLike<number> | null, rng: Rng): Float32Array {
    const ids = this.sampleRows(batch, col, cat, rng);
    const { width, data } = this.encoded;
    const out = new Float32Array(batch * width);
    for (let i = 0; i < batch; i++) out.set(data.subarray(ids[i]! * width, ids[i]! * width + width), i * width);
    return out;
  }

  /**
   * Conditions for unconditional generation (CTGAN `sample_original_condvec`): a column uniformly,
   * then a category. By default the category follows the EMPIRICAL frequencies, not the
   * log-flattened training ones that upstream uses here with log_frequency on (CTGAN-SPEC.md 3):
   * the generator then sees each category about as often as it occurs in the data, instead of
   * being pushed toward rare ones on every generated row. Pass 'training' to reproduce upstream.
   * Null when there are no discrete columns.
   */
  sampleOriginalCondvec(batch: number, rng: Rng, frequencies: 'empirical' | 'training' = 'empirical'): Float32Array | null {
    if (this.active.length === 0) return null;
    const columns = this.active.map((d) => {
      const c = this.columns[d]!;
      return { span: c.span, cdf: frequencies === 'empirical' ? c.empiricalCdf : c.trainCdf };
    });
    const idx = drawCondIndices(columns, batch, rng);
    const cond = new Float32Array(batch * this.condWidth);
    for (let i = 0; i < batch; i++) cond[i * this.condWidth + idx[i]!] = 1;
    return cond;
  }

  /**
   * The condition vector for "column = value" (conditional sampling): one-hot at the column's
   * condStart + category index (the correct offset; upstream's is wrong, CTGAN-SPEC.md 6). A value
   * matches exactly, or else after trimming spaces when that is unambiguous (" Private" vs
   * "Private"). Throws SynthtabError('bad-condition') for an unknown column or value.
   */
  condVectorFor(columnName: string, value: string): Float32Array {
    const names = this.layout.columnNames ?? [];
    const c = this.columns.find((x) => names[x.span.column] === columnName);
    if (!c) {
      const discrete = this.columns.map((x) => names[x.span.column] ?? `#${x.span.column}`);
      const list = discrete.length ? `Categorical columns: ${quoteList(discrete)}.` : 'The data has no categorical columns.';
      throw new SynthtabError('bad-condition', `Cannot condition on "${columnName}": it is not a categorical column. ${list}`);
    }
    const cats = c.span.categories;
    const j = matchCategory(cats, value);
    if (j < 0) {
      throw new SynthtabError('bad-condition', `Column "${columnName}" has no value "${value}". Valid values: ${quoteList(cats)}.`);
    }
    const v = new Float32Array(this.condWidth);
    v[c.span.condStart + j] = 1;
    return v;
  }
}
