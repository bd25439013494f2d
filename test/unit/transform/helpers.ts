import type { EncodedLayout } from '../../../src/core/transform/layout.ts';
import type { GmmColumnState, TransformerState } from '../../../src/core/transform/state.ts';

/** The state of a gmm column, by name. */
export function gmmState(state: TransformerState, name: string): GmmColumnState {
  const s = state.columns.find((c) => c.name === name);
  if (!s || s.handler !== 'gmm') throw new Error(`no gmm column ${name}`);
  return s;
}

/** Spans tile the row exactly: contiguous, starting at 0, summing to the width. */
export function expectSpansTile(layout: EncodedLayout, expectEq: (a: unknown, b: unknown) => void): void {
  let at = 0;
  for (const s of layout.spans) {
    expectEq(s.start, at);
    at += s.width;
  }
  expectEq(at, layout.width);
  expectEq(layout.condWidth, layout.discrete.reduce((a, d) => a + d.width, 0));
}

/**
 * What decoding row r of a gmm column must give: the spike value when the row's (sampled) mode k
 * is a point mass (state.spikes), else the original value when it lies within mu_k +- 3.96 sigma_k
 * of mode k, else that bound.
 */
export function expectedDecode(s: GmmColumnState, data: Float32Array, width: number, r: number, x: number): number {
  const k = s.model.means.length;
  let m = 0;
  for (let j = 1; j < k; j++) if (data[r * width + s.start + 1 + j]! > data[r * width + s.start + 1 + m]!) m = j;
  const spike = s.spikes?.[m];
  if (spike !== undefined && spike !== null) return spike;
  const mu = s.model.means[m]!;
  const lim = 3.96 * s.model.stds[m]!;
  return Math.max(s.min, Math.min(s.max, Math.max(mu - lim, Math.min(mu + lim, x))));
}
