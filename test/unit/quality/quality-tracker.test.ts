/**
 * QualityTracker with a fake synthesizer whose "weights" are the epoch they were taken at, and a
 * scripted quality per check: the best check's weights are restored, early stop fires after K flat
 * checks, the epoch events carry the quality.
 */
import { describe, expect, it } from 'vitest';
import { numericColumn, type Table } from '../../../src/core/table/table.ts';
import type { TrainEvent } from '../../../src/core/types.ts';
import { QualityTracker, type Trackable } from '../../../src/model/quality-tracker.ts';

const table: Table = { rowCount: 3, columns: [numericColumn('x', Float64Array.from([1, 2, 3]), 0)] };
const plan = [{ name: 'x', kind: 'continuous' as const }];

/** A synthesizer whose weights are [epoch]; setWeights records what was restored. */
class FakeSynth implements Trackable {
  epoch = 0;
  restored: number[] = [];
  async sample(): Promise<Table> {
    return table;
  }
  async getWeights(): Promise<Float32Array[]> {
    return [Float32Array.of(this.epoch), Float32Array.of(-this.epoch)];
  }
  setWeights(w: readonly Float32Array[]): void {
    this.epoch = w[0]![0]!;
    this.restored.push(this.epoch);
  }
}

/** Drive `epochs` epoch events through the wrapped hooks, stopping when control.stop is set. */
async function drive(
  tracker: QualityTracker, synth: FakeSynth, epochs: number, events: TrainEvent[] = [], control?: { paused: boolean; stop?: boolean },
): Promise<number> {
  const hooks = tracker.wrap({ onEvent: (e: TrainEvent) => void events.push(e), ...(control ? { control } : {}) });
  let e = 0;
  while (e < epochs && !hooks.control.stop) {
    e++;
    synth.epoch = e;
    await hooks.onEvent({ type: 'epoch', epoch: e, epochs, lossG: 0, lossD: 0, seconds: 0 });
  }
  return e;
}

function scripted(qualities: number[]): () => { overall: number; columnShapes: number; columnPairTrends: number; columnPairTrendsTrending: null } {
  let i = 0;
  return () => {
    const q = qualities[i++] ?? 0;
    return { overall: q, columnShapes: q, columnPairTrends: q, columnPairTrendsTrending: null };
  };
}

describe('QualityTracker', () => {
  it('checks every N epochs and at the last, and restores the best check weights', async () => {
    const synth = new FakeSynth();
    const events: TrainEvent[] = [];
    const tracker = new QualityTracker(synth, table, plan, { every: 2, score: scripted([0.5, 0.8, 0.7, 0.6]) });
    await drive(tracker, synth, 7, events);
    expect(tracker.checks.map((c) => c.epoch)).toEqual([2, 4, 6, 7]);
    const withQuality = events.filter((e) => e.type === 'epoch' && e.quality !== undefined).map((e) => (e.type === 'epoch' ? [e.epoch, e.quality] : []));
    expect(withQuality).toEqual([[2, 0.5], [4, 0.8], [6, 0.7], [7, 0.6]]);
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(7);
    const s = await tracker.finish();
    expect(s.bestEpoch).toBe(4);
    expect(s.bestQuality).toBe(0.8);
    expect(s.restored).toBe(true);
    expect(synth.restored).toEqual([4]);
    expect(synth.epoch).toBe(4);
    expect(s.stoppedEarly).toBe(false);
  });

  it('does not restore when the last check is the best', async () => {
    const synth = new FakeSynth();
    const tracker = new QualityTracker(synth, table, plan, { every: 1, score: scripted([0.1, 0.2, 0.3]) });
    await drive(tracker, synth, 3);
    const s = await tracker.finish();
    expect(s.bestEpoch).toBe(3);
    expect(s.restored).toBe(false);
    expect(synth.restored).toEqual([]);
  });

  it('needs more than minDelta to count as an improvement', async () => {
    const synth = new FakeSynth();
    const tracker = new QualityTracker(synth, table, plan, { every: 1, minDelta: 0.01, score: scripted([0.5, 0.505, 0.52]) });
    await drive(tracker, synth, 3);
    expect((await tracker.finish()).bestEpoch).toBe(3);
    const t2 = new QualityTracker(synth, table, plan, { every: 1, minDelta: 0.01, score: scripted([0.5, 0.505, 0.509]) });
    await drive(t2, synth, 3);
    expect((await t2.finish()).bestEpoch).toBe(1);
  });

  it('stops early after K checks without improvement, through control.stop', async () => {
    const synth = new FakeSynth();
    const events: TrainEvent[] = [];
    const tracker = new QualityTracker(synth, table, plan, { every: 5, patience: 3, score: scripted([0.4, 0.6, 0.55, 0.6, 0.59, 0.9]) });
    const ran = await drive(tracker, synth, 100, events);
    // Checks at 5 (0.4), 10 (0.6 best), 15, 20, 25 flat -> stop after epoch 25.
    expect(ran).toBe(25);
    expect(tracker.stoppedEarly).toBe(true);
    expect(events.some((e) => e.type === 'stage' && /Stopping early/.test(e.message))).toBe(true);
    const s = await tracker.finish();
    expect(s.bestEpoch).toBe(10);
    expect(synth.epoch).toBe(10);
    expect(s.checks).toHaveLength(5);
  });

  it('uses the caller control object, so the trainer sees the stop', async () => {
    const synth = new FakeSynth();
    const control = { paused: false, stop: false };
    const tracker = new QualityTracker(synth, table, plan, { every: 1, patience: 1, score: scripted([0.5, 0.4]) });
    expect(tracker.wrap({ control }).control).toBe(control);
    await drive(tracker, synth, 10, [], control);
    expect(control.stop).toBe(true);
  });

  it('checks the final weights on finish when the stop came between checks', async () => {
    const synth = new FakeSynth();
    // A run of 20 epochs stopped by the user after epoch 7: epoch 7 was never checked.
    const t2 = new QualityTracker(synth, table, plan, { every: 5, score: scripted([0.3, 0.9]) });
    const hooks = t2.wrap({});
    for (let e = 1; e <= 7; e++) {
      synth.epoch = e;
      await hooks.onEvent({ type: 'epoch', epoch: e, epochs: 20, lossG: 0, lossD: 0, seconds: 0 });
    }
    const s = await t2.finish();
    expect(s.checks.map((c) => c.epoch)).toEqual([5, 7]);
    expect(s.bestEpoch).toBe(7);
    expect(s.restored).toBe(false);
  });

  it('rejects bad options with clear errors', () => {
    const synth = new FakeSynth();
    expect(() => new QualityTracker(synth, table, plan, { every: 0 })).toThrow(/interval/);
    expect(() => new QualityTracker(synth, table, plan, { patience: -1 })).toThrow(/Patience/);
  });
});
