/**
 * Missing-value rate per column, real vs synthetic (CTGAN models missingness explicitly; this
 * shows whether it came through). Covers every scored column.
 */
import type { PreparedColumn } from './prepare.ts';

export interface MissingRate {
  name: string;
  real: number;
  synthetic: number;
}

function rate(a: Float64Array | Int32Array): number {
  if (a.length === 0) return 0;
  let n = 0;
  if (a instanceof Float64Array) {
    for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i]!)) n++;
  } else {
    for (let i = 0; i < a.length; i++) if (a[i]! < 0) n++;
  }
  return n / a.length;
}

/** Share of missing cells per column in the real and synthetic data. */
export function missingRates(columns: readonly PreparedColumn[]): MissingRate[] {
  return columns.map((c) => ({ name: c.name, real: rate(c.real), synthetic: rate(c.synth) }));
}
