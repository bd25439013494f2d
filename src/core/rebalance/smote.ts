/**
 * SMOTE-NC (Chawla, Bowyer, Hall, Kegelmeyer 2002, "SMOTE: Synthetic Minority Over-sampling
 * Technique", section 6.1) for tables mixing numeric and categorical columns.
 *
 * - Neighbours: the k = 5 nearest minority rows of a minority row. Distance: squared Euclidean
 *   over numeric columns standardized with the training split's mean/std, plus Med^2 for each
 *   categorical column that differs, where Med is the median of the minority class's standard
 *   deviations of those standardized numeric columns (the paper's penalty; 1 when there is no
 *   numeric column or Med is 0).
 * - A synthetic row picks a minority seed x and one of its k neighbours nn uniformly (as
 *   imbalanced-learn does), draws u ~ U(0, 1) once per row and sets every numeric column to
 *   x + u * (nn - x), so the point lies on the segment [x, nn]. Each categorical column takes the
 *   value most frequent among the k neighbours (ties: the nearer neighbour's value).
 *
 * Missing values (our additions; the paper has none): a numeric cell missing on one side only
 * adds Med^2 to the distance, on both sides 0; a synthetic numeric cell is interpolated only when
 * both ends are present, otherwise it copies the seed's cell (missing or not). A missing
 * categorical cell is a category of its own. The target column is copied from the seed.
 */
import type { Rng } from '../rng.ts';
import { appendSameSchema, type Column, type Table } from '../table/table.ts';
import { countLabels, rowsToAdd, withMadeUpMinority, type TrainingSet } from './training-set.ts';

export const SMOTE_K = 5;

export interface MinorityMatrix {
  /** Minority row indices into the training table. */
  rows: number[];
  /** Standardized numeric features, row-major m x p (NaN = missing). */
  num: Float64Array;
  p: number;
  /** Categorical codes, row-major m x q (-1 = missing). */
  cat: Int32Array;
  q: number;
  /** Squared penalty for a categorical mismatch (Med^2). */
  penalty: number;
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

function meanStd(values: ArrayLike<number>, rows: ArrayLike<number> | null): { mean: number; std: number } {
  let n = 0, s = 0, s2 = 0;
  const count = rows ? rows.length : values.length;
  for (let i = 0; i < count; i++) {
    const v = values[rows ? rows[i]! : i]!;
    if (Number.isNaN(v)) continue;
    n++;
    s += v;
    s2 += v * v;
  }
  if (n === 0) return { mean: 0, std: 0 };
  const mean = s / n;
  return { mean, std: Math.sqrt(Math.max(0, s2 / n - mean * mean)) };
}

function minorityMatrix(train: Table, target: number, labels: Uint8Array): MinorityMatrix {
  const rows: number[] = [];
  for (let r = 0; r < labels.length; r++) if (labels[r] === 1) rows.push(r);
  const m = rows.length;
  const numCols: { values: Float64Array; mean: number; std: number }[] = [];
  const catCols: Int32Array[] = [];
  train.columns.forEach((col, j) => {
    if (j === target) return;
    if (col.type === 'numeric') {
      const { mean, std } = meanStd(col.values, null);
      // A constant column carries no distance information.
      if (std > 0) numCols.push({ values: col.values, mean, std });
    } else {
      catCols.push(col.codes);
    }
  });
  const p = numCols.length, q = catCols.length;
  const num = new Float64Array(m * p);
  const cat = new Int32Array(m * q);
  for (let i = 0; i < m; i++) {
    const r = rows[i]!;
    for (let a = 0; a < p; a++) {
      const c = numCols[a]!;
      num[i * p + a] = (c.values[r]! - c.mean) / c.std;
    }
    for (let b = 0; b < q; b++) cat[i * q + b] = catCols[b]![r]!;
  }
  const stds: number[] = [];
  for (let a = 0; a < p; a++) {
    const col = new Float64Array(m);
    for (let i = 0; i < m; i++) col[i] = num[i * p + a]!;
    stds.push(meanStd(col, null).std);
  }
  const med = median(stds);
  const penalty = Number.isFinite(med) && med > 0 ? med * med : 1;
  return { rows, num, p, cat, q, penalty };
}

/** Squared SMOTE-NC distance between minority rows i and j. */
function distance(mm: MinorityMatrix, i: number, j: number): number {
  let d = 0;
  const { num, cat, p, q, penalty } = mm;
  for (let a = 0; a < p; a++) {
    const x = num[i * p + a]!, y = num[j * p + a]!;
    const mx = Number.isNaN(x), my = Number.isNaN(y);
    if (mx || my) d += mx && my ? 0 : penalty;
    else d += (x - y) * (x - y);
  }
  for (let b = 0; b < q; b++) if (cat[i * q + b] !== cat[j * q + b]) d += penalty;
  return d;
}

/** The k nearest other minority rows of minority row i (indices into mm.rows), nearest first. */
export function nearestMinority(mm: MinorityMatrix, i: number, k: number): number[] {
  const m = mm.rows.length;
  const best: { j: number; d: number }[] = [];
  for (let j = 0; j < m; j++) {
    if (j === i) continue;
    const d = distance(mm, i, j);
    if (best.length < k) {
      best.push({ j, d });
      best.sort((a, b) => a.d - b.d || a.j - b.j);
    } else if (d < best[k - 1]!.d) {
      best[k - 1] = { j, d };
      best.sort((a, b) => a.d - b.d || a.j - b.j);
    }
  }
  return best.map((b) => b.j);
}

/** Most frequent code among neighbours (given nearest first); ties go to the nearer neighbour. */
function vote(codes: number[]): number {
  const counts = new Map<number, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best = codes[0]!, bestCount = 0;
  for (const c of codes) {
    const n = counts.get(c)!;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

/** Table with `count` synthetic rows: one (seed, neighbour, u) triple per row. */
function synthesize(train: Table, target: number, mm: MinorityMatrix, count: number, k: number, rng: Rng): Table {
  const m = mm.rows.length;
  const cache = new Map<number, number[]>();
  const seeds = new Int32Array(count), partners = new Int32Array(count), gaps = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    const i = rng.int(m);
    let nn = cache.get(i);
    if (!nn) cache.set(i, (nn = nearestMinority(mm, i, k)));
    seeds[s] = i;
    // With a single minority row there is no neighbour: the row is copied (a zero-length segment).
    partners[s] = nn.length ? nn[rng.int(nn.length)]! : i;
    gaps[s] = rng.next();
  }
  const columns: Column[] = train.columns.map((col, j) => {
    if (col.type === 'numeric') {
      const values = new Float64Array(count);
      for (let s = 0; s < count; s++) {
        const x = col.values[mm.rows[seeds[s]!]!]!;
        const y = col.values[mm.rows[partners[s]!]!]!;
        values[s] = j === target || Number.isNaN(x) || Number.isNaN(y) ? x : x + gaps[s]! * (y - x);
      }
      return { ...col, values };
    }
    const codes = new Int32Array(count);
    for (let s = 0; s < count; s++) {
      const seedRow = mm.rows[seeds[s]!]!;
      const nn = cache.get(seeds[s]!)!;
      codes[s] = j === target || nn.length === 0 ? col.codes[seedRow]! : vote(nn.map((t) => col.codes[mm.rows[t]!]!));
    }
    return { ...col, codes };
  });
  return { rowCount: count, columns };
}

/**
 * Append SMOTE-NC rows until minority / majority reaches `ratio` (1 = balanced).
 * `target` is the target column's index (never used as a feature).
 */
export function smote(train: Table, target: number, labels: Uint8Array, ratio: number, rng: Rng, k = SMOTE_K): TrainingSet {
  const { minority, majority } = countLabels(labels);
  const add = minority === 0 ? 0 : rowsToAdd(minority, majority, ratio);
  const mm = minorityMatrix(train, target, labels);
  const kk = Math.max(0, Math.min(k, minority - 1));
  const synth = synthesize(train, target, mm, add, kk, rng);
  return withMadeUpMinority(appendSameSchema(train, synth), labels);
}

/** Exposed for tests: the minority matrix and its neighbour search. */
export const _internals = { minorityMatrix, nearestMinority, distance };
