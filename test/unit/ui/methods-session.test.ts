// Issue 8 in the UI's state: the live quality series and best epoch (reducer), per-method epoch
// counts, the store's request() the Compare tab uses, the automatic report after a profile run,
// and the form's method list and patience field.
import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../../../src/worker/protocol.ts';
import { applyEvent, applyRequest } from '../../../src/ui/app/session-reducer.ts';
import type { SessionState } from '../../../src/ui/app/session-state.ts';
import { INITIAL_SESSION } from '../../../src/ui/app/session-state.ts';
import { createSessionStore } from '../../../src/ui/app/session-store.ts';
import { appendQuality, EMPTY_QUALITY_SERIES } from '../../../src/ui/train/quality-series.ts';
import { defaultTrainForm, METHODS, methodChoice, trainOptionsFromForm } from '../../../src/ui/train/train-form.ts';
import { qualityEvery } from '../../../src/ui/train/chart-data.ts';
import { fakeWorkerPort, quietStoreEnv } from '../helpers/fake-worker-port.ts';

const epoch = (requestId: number, e: number, epochs: number, quality?: number): WorkerEvent => ({
  type: 'epoch', requestId, epoch: e, epochs, lossG: 1, lossD: 0.5, seconds: 1, ...(quality !== undefined ? { quality } : {}),
});

function train(method: 'ctgan' | 'tvae' | 'copula' | 'profile', epochs = 10): SessionState {
  return applyRequest(INITIAL_SESSION, 1, { type: 'train', method, options: { epochs } }, 0);
}

describe('quality series', () => {
  it('a check is the new best only when it beats the best by more than 0.001 (the tracker rule)', () => {
    let s = EMPTY_QUALITY_SERIES;
    for (const [e, q] of [[2, 0.5], [4, 0.6], [6, 0.6005], [8, 0.59], [10, 0.7]] as const) s = appendQuality(s, e, q);
    expect(s.points.map((p) => p.epoch)).toEqual([2, 4, 6, 8, 10]);
    expect(s.best).toEqual({ epoch: 10, quality: 0.7 });
    expect(appendQuality(s, 12, 0.7009).best?.epoch).toBe(10);
    expect(appendQuality(s, 12, NaN)).toBe(s);
  });

  it('keeps at most maxPoints, the best survives the trim', () => {
    let s = EMPTY_QUALITY_SERIES;
    s = appendQuality(s, 1, 0.9, 3);
    for (let e = 2; e <= 6; e++) s = appendQuality(s, e, 0.1, 3);
    expect(s.points.map((p) => p.epoch)).toEqual([4, 5, 6]);
    expect(s.best).toEqual({ epoch: 1, quality: 0.9 });
  });
});

describe('session reducer: live quality and best epoch', () => {
  it('epoch events with a quality build the series; the best epoch follows it, the worker has the last word', () => {
    let s = train('tvae', 6);
    expect(s.train).toMatchObject({ method: 'tvae', epochs: 6, bestEpoch: null });
    s = applyEvent(s, epoch(1, 1, 6), 0);
    expect(s.train.quality.points).toEqual([]);
    s = applyEvent(s, epoch(1, 2, 6, 0.61), 0);
    s = applyEvent(s, epoch(1, 3, 6), 0);
    s = applyEvent(s, epoch(1, 4, 6, 0.72), 0);
    s = applyEvent(s, epoch(1, 6, 6, 0.7), 0);
    expect(s.train.quality.points).toEqual([{ epoch: 2, quality: 0.61 }, { epoch: 4, quality: 0.72 }, { epoch: 6, quality: 0.7 }]);
    expect(s.train.bestEpoch).toBe(4);
    expect(s.train.epochLog.map((r) => r.quality)).toEqual([undefined, 0.61, undefined, 0.72, 0.7]);
    s = applyEvent(s, { type: 'trained', requestId: 1, epochs: 6, seconds: 6, stopped: false, bestEpoch: 4 }, 0);
    expect(s.train.bestEpoch).toBe(4);
    // A run without quality tracking reports none.
    const off = applyEvent(applyEvent(train('ctgan', 1), epoch(1, 1, 1), 0), { type: 'trained', requestId: 1, epochs: 1, seconds: 1, stopped: false }, 0);
    expect(off.train.bestEpoch).toBeNull();
    expect(off.train.quality.points).toEqual([]);
  });

  it('a stale run\'s quality is ignored and a new run starts an empty series', () => {
    let s = applyEvent(train('ctgan', 4), epoch(1, 2, 4, 0.5), 0);
    s = applyRequest(s, 2, { type: 'train', method: 'tvae', options: { epochs: 4 } }, 0);
    expect(s.train.quality.points).toEqual([]);
    expect(s.train.bestEpoch).toBeNull();
    s = applyEvent(s, epoch(1, 4, 4, 0.9), 0);
    expect(s.train.quality.points).toEqual([]);
  });

  it('copula counts one epoch, profile none; both end with a model', () => {
    let c = train('copula', 300);
    expect(c.train.epochs).toBe(1);
    c = applyEvent(c, { type: 'epoch', requestId: 1, epoch: 1, epochs: 1, lossG: NaN, lossD: NaN, seconds: 0.2, quality: 0.8 }, 0);
    c = applyEvent(c, { type: 'trained', requestId: 1, epochs: 1, seconds: 0.3, stopped: false, bestEpoch: 1 }, 0);
    expect(c.train).toMatchObject({ status: 'done', epoch: 1, fraction: 1, bestEpoch: 1 });
    expect(c.modelReady).toBe(true);
    let p = train('profile', 300);
    expect(p.train.epochs).toBe(0);
    p = applyEvent(p, { type: 'trained', requestId: 1, epochs: 0, seconds: 0, stopped: false }, 0);
    expect(p.train).toMatchObject({ status: 'done', epoch: 0, bestEpoch: null });
    expect(p.modelReady).toBe(true);
  });
});

function store() {
  const w = fakeWorkerPort();
  const s = createSessionStore(w.port, quietStoreEnv({ schedule: (f) => f() }));
  return { ...w, store: s };
}

describe('session store', () => {
  it('request() hears only its own events, resolves on done and lets go of the port', async () => {
    const { store: s, emit, sent, listeners } = store();
    const heard: string[] = [];
    const before = listeners.size;
    const p = s.actions.request({ type: 'compare', methods: ['copula', 'profile'], epochs: 1, seed: 0 }, (e) => heard.push(e.type));
    expect(sent.at(-1)).toMatchObject({ type: 'compare', methods: ['copula', 'profile'] });
    emit({ type: 'compare-progress', requestId: 1, method: 'copula', index: 0, total: 2, stage: 'train' });
    emit({ type: 'progress', requestId: 99, stage: 'x', done: 0, total: 1 });
    emit({ type: 'done', requestId: 1 });
    await p;
    expect(heard).toEqual(['compare-progress', 'done']);
    expect(listeners.size).toBe(before);
  });

  it('request() rejects with the worker\'s message', async () => {
    const { store: s, emit } = store();
    const p = s.actions.request({ type: 'compare', methods: ['copula'], epochs: 1, seed: 0 });
    emit({ type: 'error', requestId: 1, code: 'bad-option', message: 'Choose at least one method to compare.' });
    await expect(p).rejects.toThrow('Choose at least one method to compare.');
  });

  it('a profile run (0 epochs, not stopped) is evaluated automatically; a run stopped before any epoch is not', () => {
    const { store: s, emit, sent } = store();
    s.actions.train({ method: 'profile', options: {} });
    emit({ type: 'trained', requestId: 1, epochs: 0, seconds: 0, stopped: false });
    emit({ type: 'done', requestId: 1 });
    expect(sent.at(-1)).toMatchObject({ type: 'evaluate' });
    const n = sent.length;
    s.actions.train({ method: 'ctgan', options: { epochs: 5 } });
    emit({ type: 'trained', requestId: n + 1, epochs: 0, seconds: 0, stopped: true });
    emit({ type: 'done', requestId: n + 1 });
    expect(sent.at(-1)).toMatchObject({ type: 'train' });
  });
});

describe('train form: methods and patience', () => {
  it('offers all four methods, each with a description; profile says it ignores correlations', () => {
    expect(METHODS.map((m) => [m.name, m.available])).toEqual([['ctgan', true], ['tvae', true], ['copula', true], ['profile', true]]);
    expect(METHODS.every((m) => m.description.length > 20)).toBe(true);
    expect(methodChoice('profile').label).toContain('ignores correlations');
    expect(methodChoice('copula').epochs).toBe(false);
  });

  it('patience defaults to 0 (off), accepts whole numbers and rejects the rest', () => {
    expect(trainOptionsFromForm(defaultTrainForm(1))).toMatchObject({ ok: true, patience: 0 });
    expect(trainOptionsFromForm({ ...defaultTrainForm(1), patience: '4' })).toMatchObject({ ok: true, patience: 4 });
    const bad = trainOptionsFromForm({ ...defaultTrainForm(1), patience: '-1' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual(['Early-stop patience must be a whole number from 0 to 1000.']);
  });

  it('checks quality about 20 times a run: every epoch for short runs, every 5 for long ones', () => {
    expect([1, 10, 30, 60, 300, 5000].map(qualityEvery)).toEqual([1, 1, 2, 3, 5, 5]);
  });
});
