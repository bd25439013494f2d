/**
 * Strength of association between two columns, for the trending-pair filter and the UI's
 * real-vs-synthetic heatmap:
 * - numeric x numeric: Pearson r (signed, -1..1), see correlation-similarity.ts;
 * - categorical x categorical: Cramer's V (0..1, no bias correction), missing as a category;
 * - numeric x categorical: the correlation ratio eta (0..1) of the numeric values across the
 *   categories (rows with a missing number are dropped, a missing category is a group).
 */
import { jointFrequencies } from './contingency-similarity.ts';

/**
 * Cramer's V = sqrt(chi2 / (n * (min(r, c) - 1))) over the non-empty rows r and columns c of the
 * contingency table of codes a, b (-1 = missing, a category). 0 when min(r, c) < 2.
 */
export function cramersV(a: ArrayLike<number>, b: ArrayLike<number>, kA: number, kB: number): number {
  const n = a.length;
  if (n === 0) return 0;
  const f = jointFrequencies(a, b, kA, kB);
  const w = kB + 1;
  const rowP = new Float64Array(kA + 1);
  const colP = new Float64Array(kB + 1);
  for (let i = 0; i <= kA; i++) for (let j = 0; j <= kB; j++) { rowP[i]! += f[i * w + j]!; colP[j]! += f[i * w + j]!; }
  let rows = 0;
  let cols = 0;
  for (let i = 0; i <= kA; i++) if (rowP[i]! > 0) rows++;
  for (let j = 0; j <= kB; j++) if (colP[j]! > 0) cols++;
  const m = Math.min(rows, cols);
  if (m < 2) return 0;
  // chi2 / n = sum over cells of (p_ij - p_i p_j)^2 / (p_i p_j).
  let phi2 = 0;
  for (let i = 0; i <= kA; i++) {
    if (rowP[i]! === 0) continue;
    for (let j = 0; j <= kB; j++) {
      if (colP[j]! === 0) continue;
      const e = rowP[i]! * colP[j]!;
      phi2 += (f[i * w + j]! - e) ** 2 / e;
    }
  }
  return Math.min(1, Math.sqrt(phi2 / (m - 1)));
}

/** Correlation ratio eta = sqrt(between-group sum of squares / total sum of squares); 0 if no variance. */
export function correlationRatio(values: ArrayLike<number>, groups: ArrayLike<number>, k: number): number {
  const sum = new Float64Array(k + 1);
  const cnt = new Float64Array(k + 1);
  let total = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const g = groups[i]! < 0 ? k : groups[i]!;
    sum[g]! += v;
    cnt[g]! += 1;
    total += v;
    n++;
  }
  if (n < 2) return 0;
  const mean = total / n;
  let ssTotal = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) ssTotal += (v - mean) ** 2;
  }
  if (ssTotal === 0) return 0;
  let ssBetween = 0;
  for (let g = 0; g <= k; g++) if (cnt[g]! > 0) ssBetween += cnt[g]! * (sum[g]! / cnt[g]! - mean) ** 2;
  return Math.min(1, Math.sqrt(ssBetween / ssTotal));
}
