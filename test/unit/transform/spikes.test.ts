import { describe, expect, it } from 'vitest';
import { fitBgmm } from '../../../src/core/gmm/bgmm.ts';
import { createRng } from '../../../src/core/rng.ts';
import { numericColumn, type Table } from '../../../src/core/table/table.ts';
import { findSpikes, SPIKE_SHARE } from '../../../src/core/transform/gmm-column.ts';
import { DataTransformer } from '../../../src/core/transform/transformer.ts';
import { gmmState } from './helpers.ts';

/**
 * A capital-gain-like column: 90% exact zeros, the rest spread over thousands (the shape behind
 * the Adult sample's capital-gain KS of 0.555), plus an hours-like column with a 45% spike at 40.
 */
function spikyTable(n: number, seed: number): Table {
  const rng = createRng(seed);
  const gain = Float64Array.from({ length: n }, () => (rng.next() < 0.9 ? 0 : Math.round(3000 + 6000 * rng.next())));
  const hours = Float64Array.from({ length: n }, () => (rng.next() < 0.45 ? 40 : Math.max(1, Math.round(40 + 12 * rng.normal()))));
  return { rowCount: n, columns: [numericColumn('gain', gain, 0), numericColumn('hours', hours, 0)] };
}

function zeroShare(v: Float64Array): number {
  let z = 0;
  for (const x of v) if (x === 0) z++;
  return z / v.length;
}

describe('point-mass (spike) modes', () => {
  const table = spikyTable(1500, 1);
  const plan = [{ name: 'gain', kind: 'integer' as const }, { name: 'hours', kind: 'integer' as const }];
  const tr = DataTransformer.fit(table, plan, createRng(2));
  const state = tr.toJSON();

  it('finds the spikes: the zero mode of gain and the 40 mode of hours, nothing else', () => {
    const gain = gmmState(state, 'gain');
    expect(gain.spikes).toBeDefined();
    expect(gain.spikes!.filter((v) => v !== null)).toEqual([0]);
    const hours = gmmState(state, 'hours');
    expect(hours.spikes!.filter((v) => v !== null)).toEqual([40]);
    // The prior keeps the zero mode's posterior sigma far from 0: why alpha alone cannot rebuild it.
    const k = gain.spikes!.indexOf(0);
    expect(gain.model.stds[k]!).toBeGreaterThan(50);
  });

  it('decodes a spike mode to its value whatever the alpha (generator noise on alpha)', () => {
    const enc = tr.transform(table, createRng(3));
    const noisy = Float32Array.from(enc.data);
    const rng = createRng(4);
    const gain = gmmState(state, 'gain');
    const hours = gmmState(state, 'hours');
    for (let r = 0; r < enc.rows; r++) {
      // The generator's alpha is never exact: +-0.1 is small next to its real spread.
      noisy[r * enc.width + gain.start] = Math.max(-1, Math.min(1, noisy[r * enc.width + gain.start]! + 0.2 * (rng.next() - 0.5)));
      noisy[r * enc.width + hours.start] = Math.max(-1, Math.min(1, noisy[r * enc.width + hours.start]! + 0.2 * (rng.next() - 0.5)));
    }
    const back = tr.inverse(noisy, enc.rows, createRng(5));
    const g = back.columns[0]!;
    const h = back.columns[1]!;
    const real = table.columns[0]!;
    if (g.type !== 'numeric' || h.type !== 'numeric' || real.type !== 'numeric') throw new Error('numeric expected');
    // Without spike decoding about 0.1·4·sigma = ±30 around 0: only ~1/60 of the zeros stay 0.
    expect(zeroShare(g.values)).toBeGreaterThan(zeroShare(real.values) - 0.01);
    let forty = 0;
    let realForty = 0;
    for (let r = 0; r < enc.rows; r++) {
      if (h.values[r] === 40) forty++;
      if ((table.columns[1] as { values: Float64Array }).values[r] === 40) realForty++;
    }
    expect(forty).toBeGreaterThanOrEqual(realForty - 15);
  });

  it('marks a component only when one value holds SPIKE_SHARE of its mass', () => {
    // Two clusters of distinct values and one exact spike at 100, far apart.
    const rng = createRng(7);
    const values = Float64Array.from({ length: 900 }, (_, i) => (i < 300 ? 100 : i < 600 ? 5000 + 100 * rng.normal() : 10_000 + 300 * rng.normal()));
    const model = fitBgmm(values, createRng(8));
    const spikes = findSpikes(model, values);
    expect(spikes.length).toBe(model.means.length);
    expect(spikes.filter((v) => v !== null)).toEqual([100]);
    expect(SPIKE_SHARE).toBeGreaterThan(0.9);
  });

  it('reads model files without spikes (older) and rejects a wrong spike count', () => {
    const old = JSON.parse(JSON.stringify(state)) as { columns: { handler: string; spikes?: unknown }[] };
    for (const c of old.columns) delete c.spikes;
    const again = DataTransformer.fromJSON(old);
    expect(gmmState(again.toJSON(), 'gain').spikes).toBeUndefined();
    const bad = JSON.parse(JSON.stringify(state)) as { columns: { spikes?: unknown[] }[] };
    bad.columns[0]!.spikes = [0];
    expect(() => DataTransformer.fromJSON(bad)).toThrow(/spike entries/);
  });
});
