/**
 * Privacy: does the synthetic data copy its training rows?
 *
 * - Exact-copy rate: the share of ALL synthetic rows identical (over the scored columns) to some
 *   training row, by hashing rows. Baseline: the share of holdout rows identical to a training row
 *   (or, without a holdout, of real rows duplicating another real row).
 * - DCR (distance to closest record): for each synthetic row, the distance to the nearest training
 *   row, where distance = mean over scored columns of min(1, |x - y| / range) (numeric, range of
 *   the training column; 1 for a constant column; the cap at 1, as in Gower's distance, only bites
 *   for values far outside the real range) or 0/1 mismatch (categorical); two missing cells are
 *   at distance 0, missing vs a value 1. Baseline: the same for real rows the model never saw (the
 *   holdout), or without one, each real row's distance to the OTHER real rows (leave-one-out).
 *   DCR is O(n * m), so it runs on samples: at most 2,000 synthetic (and baseline) rows against at
 *   most 10,000 training rows (`sample` in the result says how many were used).
 * Identifier/text/constant/empty columns are excluded (they are regenerated, not learned).
 */
import type { Rng } from '../rng.ts';
import { finiteRange } from './metric.ts';
import type { PreparedColumn } from './prepare.ts';
import { sampleIndices } from './subsample.ts';

export interface Quantiles {
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export type PrivacyVerdict = 'farther' | 'similar' | 'closer' | 'much-closer';

export interface Privacy {
  exactCopyRate: number;
  /** Median DCR of synthetic rows to the training rows. */
  dcrMedian: number;
  /** Median DCR of the baseline rows (holdout, or real leave-one-out). */
  holdoutDcrMedian: number;
  baseline: 'holdout' | 'real-leave-one-out';
  /** Exact-copy rate of the baseline rows. */
  baselineExactCopyRate: number;
  dcr: Quantiles;
  baselineDcr: Quantiles;
  verdict: PrivacyVerdict;
  /** A plain-language reading of the numbers. */
  reading: string;
  sample: { syntheticRows: number; trainingRows: number; baselineRows: number };
}

export interface PrivacyOptions {
  rng: Rng;
  maxSyntheticRows?: number;
  maxTrainingRows?: number;
}

/** Linear-interpolation quantile (numpy's default) of sorted values. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function quantiles(values: Float64Array): Quantiles {
  const s = Float64Array.from(values).sort();
  return { p05: quantileSorted(s, 0.05), p25: quantileSorted(s, 0.25), p50: quantileSorted(s, 0.5), p75: quantileSorted(s, 0.75), p95: quantileSorted(s, 0.95) };
}

type Which = 'real' | 'synth' | 'holdout';

function rowKeys(columns: readonly PreparedColumn[], which: Which): string[] {
  const n = columns.length === 0 ? 0 : columns[0]![which]!.length;
  const keys = new Array<string>(n).fill('');
  for (const c of columns) {
    const a = c[which]!;
    for (let i = 0; i < n; i++) {
      const v = a[i]!;
      // Codes are shared across tables; numbers compare by value; NaN/-1 both print as a marker.
      keys[i] += (c.role === 'numeric' ? (Number.isNaN(v) ? 'NA' : String(v)) : v < 0 ? 'NA' : String(v)) + '\u0001';
    }
  }
  return keys;
}

/** Stands for a missing number after scaling; real scaled values are far smaller in magnitude. */
const MISSING_SENTINEL = 1e300;

/** Row-major scaled numbers and codes of the chosen rows, for fast distance loops. */
interface RowBlock {
  n: number;
  num: Float64Array;
  cat: Int32Array;
}

function rowBlock(columns: readonly PreparedColumn[], which: Which, rows: Int32Array, scale: Float64Array): RowBlock {
  const numCols = columns.filter((c) => c.role === 'numeric');
  const catCols = columns.filter((c) => c.role === 'categorical');
  const n = rows.length;
  const num = new Float64Array(n * numCols.length);
  const cat = new Int32Array(n * catCols.length);
  numCols.forEach((c, j) => {
    const a = c[which]!;
    for (let i = 0; i < n; i++) {
      const v = a[rows[i]!]!;
      // Missing -> a far sentinel: with the cap at 1, missing vs value = 1 and missing vs missing = 0.
      num[i * numCols.length + j] = Number.isNaN(v) ? MISSING_SENTINEL : v * scale[j]!;
    }
  });
  catCols.forEach((c, j) => {
    const a = c[which]!;
    for (let i = 0; i < n; i++) cat[i * catCols.length + j] = a[rows[i]!]!;
  });
  return { n, num, cat };
}

/** Min distance (sum over columns, not yet averaged) of each query row to the reference rows; skip[i] = reference index to ignore. */
function nearest(q: RowBlock, r: RowBlock, dn: number, dc: number, skip: Int32Array | null): Float64Array {
  const out = new Float64Array(q.n);
  for (let i = 0; i < q.n; i++) {
    let best = Infinity;
    const qn = i * dn;
    const qc = i * dc;
    const self = skip ? skip[i]! : -1;
    for (let k = 0; k < r.n; k++) {
      if (k === self) continue;
      let d = 0;
      const rc = k * dc;
      for (let j = 0; j < dc && d < best; j++) if (q.cat[qc + j] !== r.cat[rc + j]) d += 1;
      const rn = k * dn;
      for (let j = 0; j < dn && d < best; j++) d += Math.min(1, Math.abs(q.num[qn + j]! - r.num[rn + j]!));
      if (d < best) {
        best = d;
        if (best === 0) break;
      }
    }
    out[i] = best;
  }
  return out;
}

function reading(verdict: PrivacyVerdict, copy: number, baseCopy: number, baseline: Privacy['baseline']): string {
  const other = baseline === 'holdout' ? 'real unseen rows are' : 'real rows are to each other';
  const head: Record<PrivacyVerdict, string> = {
    farther: `Synthetic rows are farther from the training data than ${other}: no sign of memorisation (fidelity may be lower).`,
    similar: `Synthetic rows are about as close to the training data as ${other}: no sign of memorisation.`,
    closer: `Synthetic rows are somewhat closer to the training data than ${other}: check for partial memorisation.`,
    'much-closer': `Synthetic rows are much closer to the training data than ${other}: possible memorisation.`,
  };
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const baseLabel = baseline === 'holdout' ? 'holdout rows' : 'real rows duplicating another real row';
  let copies = ` ${pct(copy)} of synthetic rows are exact copies of a training row (baseline, ${baseLabel}: ${pct(baseCopy)}).`;
  if (copy > baseCopy + 0.01) copies += ' The copy rate is above the baseline: some rows may be memorised.';
  return head[verdict] + copies;
}

/**
 * Privacy metrics of prepared columns. With `holdout` columns present (prepare(..., {holdout}))
 * the baseline is the holdout; otherwise real leave-one-out.
 */
export function privacy(columns: readonly PreparedColumn[], opts: PrivacyOptions): Privacy {
  const maxSynth = opts.maxSyntheticRows ?? 2000;
  const maxTrain = opts.maxTrainingRows ?? 10000;
  const hasHoldout = columns.length > 0 && columns[0]!.holdout !== null && columns[0]!.holdout.length > 0;
  const baseline: Privacy['baseline'] = hasHoldout ? 'holdout' : 'real-leave-one-out';
  const realN = columns.length > 0 ? columns[0]!.real.length : 0;
  const synthN = columns.length > 0 ? columns[0]!.synth.length : 0;

  // Exact copies over all rows.
  const realKeys = rowKeys(columns, 'real');
  const realSet = new Map<string, number>();
  for (const k of realKeys) realSet.set(k, (realSet.get(k) ?? 0) + 1);
  const synthKeys = rowKeys(columns, 'synth');
  const exactCopyRate = synthKeys.length === 0 ? 0 : synthKeys.filter((k) => realSet.has(k)).length / synthKeys.length;
  let baselineExactCopyRate: number;
  if (hasHoldout) {
    const hk = rowKeys(columns, 'holdout');
    baselineExactCopyRate = hk.filter((k) => realSet.has(k)).length / hk.length;
  } else {
    baselineExactCopyRate = realKeys.length === 0 ? 0 : realKeys.filter((k) => realSet.get(k)! > 1).length / realKeys.length;
  }

  // DCR on samples.
  const numCols = columns.filter((c) => c.role === 'numeric');
  const scale = new Float64Array(numCols.length);
  numCols.forEach((c, j) => {
    const { lo, hi } = finiteRange(c.real);
    scale[j] = hi > lo ? 1 / (hi - lo) : 1;
  });
  const dn = numCols.length;
  const dc = columns.length - dn;
  const d = Math.max(1, columns.length);
  const trainRows = sampleIndices(realN, maxTrain, opts.rng);
  const train = rowBlock(columns, 'real', trainRows, scale);
  const synthRows = sampleIndices(synthN, maxSynth, opts.rng);
  const dcr = nearest(rowBlock(columns, 'synth', synthRows, scale), train, dn, dc, null).map((x) => x / d);
  let baseDcr: Float64Array;
  let baselineRows: number;
  if (hasHoldout) {
    const hRows = sampleIndices(columns[0]!.holdout!.length, maxSynth, opts.rng);
    baseDcr = nearest(rowBlock(columns, 'holdout', hRows, scale), train, dn, dc, null).map((x) => x / d);
    baselineRows = hRows.length;
  } else {
    // Leave-one-out: query rows are a sample of the training sample, each skipping itself.
    const pick = sampleIndices(trainRows.length, maxSynth, opts.rng);
    const qRows = Int32Array.from(pick, (p) => trainRows[p]!);
    baseDcr = nearest(rowBlock(columns, 'real', qRows, scale), train, dn, dc, pick).map((x) => x / d);
    baselineRows = qRows.length;
  }
  const q = quantiles(dcr);
  const bq = quantiles(baseDcr);
  let verdict: PrivacyVerdict;
  if (bq.p50 === 0) verdict = q.p50 === 0 ? 'similar' : 'farther';
  else {
    const ratio = q.p50 / bq.p50;
    verdict = ratio >= 1.25 ? 'farther' : ratio >= 0.8 ? 'similar' : ratio >= 0.5 ? 'closer' : 'much-closer';
  }
  return {
    exactCopyRate,
    dcrMedian: q.p50,
    holdoutDcrMedian: bq.p50,
    baseline,
    baselineExactCopyRate,
    dcr: q,
    baselineDcr: bq,
    verdict,
    reading: reading(verdict, exactCopyRate, baselineExactCopyRate, baseline),
    sample: { syntheticRows: synthRows.length, trainingRows: trainRows.length, baselineRows },
  };
}
