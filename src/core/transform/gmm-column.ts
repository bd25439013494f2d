/**
 * Continuous, integer and datetime columns: CTGAN's mode-specific normalisation
 * (CTGAN-SPEC.md 2.1). Encoded as [alpha (tanh), one-hot mode (softmax, K)] and, only when the
 * column had missing cells, a [present, missing] softmax pair right after, so the generator learns
 * missingness jointly with the other columns (SDV's 'from_column' null handling, CTGAN-SPEC 7).
 */
import { formatDatetime } from '../datetime.ts';
import { fitBgmm, predictProbaBatch, sampleModes, type BgmmModel, type BgmmOptions } from '../gmm/bgmm.ts';
import type { Rng } from '../rng.ts';
import { formatNumber, numericColumn, stringColumn, type Column } from '../table/table.ts';
import type { OutputSpan } from './layout.ts';
import { readNumbers } from './source.ts';
import type { GmmColumnState } from './state.ts';

/** ClusterBasedNormalizer STD_MULTIPLIER (CTGAN-SPEC 1). */
const STD_MULTIPLIER = 4;
/** Alpha clip at transform (inverse clips to [-1, 1]). */
const ALPHA_CLIP = 0.99;
/**
 * A kept component is a point mass ("spike") when one value holds at least this share of its
 * posterior mass. Measured on the Adult sample: the spikes (capital-gain/loss 0, hours 40,
 * education-num 9/10/13) hold >= 0.994, every other component <= 0.85.
 */
export const SPIKE_SHARE = 0.95;

/**
 * Per kept component: the value it is a point mass at, or null (see SPIKE_SHARE). Deviation from the
 * reference (CTGAN-SPEC 2.1), which decodes every mode as alpha·4σ + μ: the mixture's posterior σ of
 * a spike is set by the covariance prior (≈ sqrt(data variance / rows in the spike), 160 for
 * capital-gain's 91% zeros), so the generator would have to hit alpha to within 1e-3 to give back
 * 0; its alpha noise instead spread the zeros over 0..600. Decoding a spike mode to its value
 * reproduces the spike exactly; the few other values sampled into that mode (<= 5%) move onto it.
 */
export function findSpikes(model: BgmmModel, values: Float64Array): (number | null)[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const xs = [...counts.keys()];
  const k = model.kept.length;
  const mass = new Float64Array(k);
  const top = new Float64Array(k);
  const topValue = new Float64Array(k);
  const chunk = 4096;
  const probs = new Float64Array(chunk * k);
  for (let start = 0; start < xs.length; start += chunk) {
    const part = xs.slice(start, start + chunk);
    predictProbaBatch(model, part, probs);
    part.forEach((x, i) => {
      const c = counts.get(x)!;
      for (let j = 0; j < k; j++) {
        const m = c * probs[i * k + j]!;
        mass[j]! += m;
        if (m > top[j]!) {
          top[j] = m;
          topValue[j] = x;
        }
      }
    });
  }
  return Array.from({ length: k }, (_, j) => (mass[j]! > 0 && top[j]! >= SPIKE_SHARE * mass[j]! ? topValue[j]! : null));
}

/** Fit the mixture on the non-missing values (missing cells are filled with the mean). Null when all missing. */
export function fitGmmColumn(
  col: Column, kind: GmmColumnState['kind'], rng: Rng, format: string | null | undefined, bgmm: BgmmOptions | undefined,
): GmmColumnState | null {
  const view = readNumbers(col, kind, format);
  const present: number[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of view.values) {
    if (Number.isNaN(v)) continue;
    present.push(v);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (present.length === 0) return null;
  const finite = Float64Array.from(present);
  let mean = 0;
  for (const v of finite) mean += v;
  mean /= finite.length;
  const nullable = finite.length < view.values.length;
  // The mixture sees the filled column, as SDV's FloatFormatter(missing_value_replacement='mean').
  const filled = nullable ? Float64Array.from(view.values, (v) => (Number.isNaN(v) ? mean : v)) : finite;
  const model = fitBgmm(filled, rng, bgmm);
  return {
    handler: 'gmm', name: col.name, kind, source: col.type, decimals: view.decimals, datetimeFormat: view.datetimeFormat,
    model, min, max, fill: mean, nullable, start: 0, spikes: findSpikes(model, finite),
  };
}

/** Encoded width: 1 + K (+ 2 when nullable). */
export function gmmWidth(s: GmmColumnState): number {
  return 1 + s.model.means.length + (s.nullable ? 2 : 0);
}

export function gmmSpans(s: GmmColumnState): OutputSpan[] {
  const k = s.model.means.length;
  const spans: OutputSpan[] = [
    { start: s.start, width: 1, activation: 'tanh' },
    { start: s.start + 1, width: k, activation: 'softmax' },
  ];
  if (s.nullable) spans.push({ start: s.start + 1 + k, width: 2, activation: 'softmax' });
  return spans;
}

/** Write the column's block of every row into `out` (row-major, `width` per row). */
export function encodeGmm(s: GmmColumnState, col: Column, rng: Rng, out: Float32Array, width: number): void {
  const view = readNumbers(col, s.kind, s.datetimeFormat);
  const n = view.values.length;
  const x = Float64Array.from(view.values, (v) => (Number.isNaN(v) ? s.fill : v));
  const modes = sampleModes(s.model, x, rng, new Int32Array(n));
  const k = s.model.means.length;
  for (let r = 0; r < n; r++) {
    const m = modes[r]!;
    const o = r * width + s.start;
    const a = (x[r]! - s.model.means[m]!) / (STD_MULTIPLIER * s.model.stds[m]!);
    out[o] = Math.max(-ALPHA_CLIP, Math.min(ALPHA_CLIP, a));
    out[o + 1 + m] = 1;
    if (s.nullable) out[o + 1 + k + (Number.isNaN(view.values[r]!) ? 1 : 0)] = 1;
  }
}

function roundTo(v: number, decimals: number): number {
  if (decimals <= 0) return Math.round(v);
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/** Decode rows back into a column of the source's type (CTGAN-SPEC 2.1 inverse + SDV rounding/clipping). */
export function decodeGmm(s: GmmColumnState, data: Float32Array, rows: number, width: number): Column {
  const k = s.model.means.length;
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * width + s.start;
    if (s.nullable && data[o + 1 + k + 1]! > data[o + 1 + k]!) {
      values[r] = Number.NaN;
      continue;
    }
    const a = Math.max(-1, Math.min(1, data[o]!));
    let m = 0;
    for (let j = 1; j < k; j++) if (data[o + 1 + j]! > data[o + 1 + m]!) m = j;
    const spike = s.spikes?.[m];
    let v = spike ?? a * STD_MULTIPLIER * s.model.stds[m]! + s.model.means[m]!;
    v = Math.max(s.min, Math.min(s.max, v));
    if (s.datetimeFormat === null) v = Math.max(s.min, Math.min(s.max, roundTo(v, s.kind === 'integer' ? 0 : s.decimals)));
    values[r] = v === 0 ? 0 : v; // no -0 from rounding small negatives
  }
  if (s.source === 'numeric') return numericColumn(s.name, values, s.decimals);
  const fmt = s.datetimeFormat;
  return stringColumn(s.name, Array.from(values, (v) => {
    if (Number.isNaN(v)) return null;
    return fmt !== null ? formatDatetime(v, fmt) : formatNumber(v, s.decimals);
  }));
}
