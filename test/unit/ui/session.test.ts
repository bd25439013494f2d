import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/core/types.ts';
import type { WorkerEvent } from '../../../src/worker/protocol.ts';
import { applyEvent, applyRequest, estimateEta } from '../../../src/ui/app/session-reducer.ts';
import type { RequestBody, SessionState } from '../../../src/ui/app/session-state.ts';
import { INITIAL_SESSION } from '../../../src/ui/app/session-state.ts';
import { createSessionStore } from '../../../src/ui/app/session-store.ts';
import { fakeWorkerPort } from '../helpers/fake-worker-port.ts';

const profile: Profile = {
  rows: 3,
  columns: [
    { name: 'a', index: 0, kind: 'continuous', reason: 'numbers', count: 3, missing: 0, distinct: 3 },
    { name: 'b', index: 1, kind: 'categorical', reason: 'few values', count: 3, missing: 1, distinct: 2 },
  ],
};

/** Apply requests (with ids 1, 2, ...) and events in order, at time `now` ms. */
function run(steps: (RequestBody | WorkerEvent)[], now = 0, start: SessionState = INITIAL_SESSION): SessionState {
  let s = start;
  let id = 0;
  for (const x of steps) {
    if (isRequest(x)) s = applyRequest(s, ++id, x, now);
    else s = applyEvent(s, x, now);
  }
  return s;
}
const REQUEST_TYPES = new Set(['load-file', 'load-text', 'set-plan', 'train', 'pause', 'resume', 'stop', 'sample', 'evaluate', 'save-model', 'load-model', 'stored-model', 'restore-model', 'rebalance', 'dispose']);
function isRequest(x: RequestBody | WorkerEvent): x is RequestBody {
  // 'stored-model' is both a request and an event; events carry requestId.
  return REQUEST_TYPES.has(x.type) && !('requestId' in x);
}

const loaded = (requestId: number): WorkerEvent => ({ type: 'loaded', requestId, name: 'x.csv', profile, preview: { columns: ['a', 'b'], rows: [] }, warnings: [] });

describe('session reducer', () => {
  it('estimateEta extrapolates the rate so far', () => {
    expect(estimateEta(0, 10, 0, 1000)).toBeNull();
    expect(estimateEta(5, 10, 0, 10_000)).toBeCloseTo(10, 12);
    expect(estimateEta(5, 10, null, 10_000)).toBeNull();
  });

  it('a load fills the dataset and the plan from the profile kinds', () => {
    const s = run([{ type: 'load-text', text: 'a,b', name: 'x.csv' }, { type: 'progress', requestId: 1, stage: 'parse', done: 5, total: 10 }]);
    expect(s.load?.progress).toMatchObject({ stage: 'parse', done: 5, total: 10 });
    const t = applyEvent(s, loaded(1), 0);
    expect(t.load).toBeNull();
    expect(t.dataset?.name).toBe('x.csv');
    expect(t.plan).toEqual([{ name: 'a', kind: 'continuous' }, { name: 'b', kind: 'categorical' }]);
  });

  it('an error for the load clears it and shows the message', () => {
    const s = run([{ type: 'load-text', text: '', name: 'x.csv' }, { type: 'error', requestId: 1, code: 'ragged-row', message: 'Line 3 has 2 fields; the header has 3.' }]);
    expect(s.load).toBeNull();
    expect(s.error).toEqual({ code: 'ragged-row', message: 'Line 3 has 2 fields; the header has 3.' });
  });

  it('training: steps advance the epoch and the loss, epochs give an ETA, trained enables export', () => {
    let s = run([
      { type: 'load-text', text: '', name: 'x.csv' },
      loaded(1),
      { type: 'train', method: 'ctgan', options: { epochs: 4 } },
    ]);
    expect(s.train).toMatchObject({ requestId: 2, status: 'starting', epochs: 4, epoch: 0 });
    s = applyEvent(s, { type: 'step', requestId: 2, epoch: 1, step: 1, stepsPerEpoch: 2, lossG: 1, lossD: -1 }, 1000);
    expect(s.train).toMatchObject({ status: 'running', epoch: 1, fraction: 0.125 });
    expect(s.train.loss.points).toHaveLength(1);
    s = applyEvent(s, { type: 'epoch', requestId: 2, epoch: 1, epochs: 4, lossG: 1, lossD: -1, seconds: 2 }, 2000);
    expect(s.train.fraction).toBe(0.25);
    expect(s.train.etaSeconds).toBeCloseTo(6, 12); // 3 epochs left x 2 s
    expect(s.modelReady).toBe(false);
    s = applyEvent(s, { type: 'trained', requestId: 2, epochs: 4, seconds: 8, stopped: false }, 3000);
    expect(s.train.status).toBe('done');
    expect(s.modelReady).toBe(true);
  });

  it('pause, resume and stop move the status; stale runs are ignored', () => {
    let s = run([{ type: 'train', method: 'ctgan', options: { epochs: 2 } }, { type: 'pause' }]);
    expect(s.train.status).toBe('paused');
    s = run([{ type: 'resume' }], 0, s);
    expect(s.train.status).toBe('running');
    // A second run replaces the first; the first's late events must not touch it.
    s = applyRequest(s, 10, { type: 'train', method: 'ctgan', options: { epochs: 3 } }, 0);
    s = applyEvent(s, { type: 'step', requestId: 1, epoch: 2, step: 1, stepsPerEpoch: 1, lossG: 0, lossD: 0 }, 0);
    expect(s.train).toMatchObject({ requestId: 10, epoch: 0 });
    s = applyRequest(s, 11, { type: 'stop' }, 0);
    expect(s.train.status).toBe('stopping');
    s = applyEvent(s, { type: 'trained', requestId: 10, epochs: 1, seconds: 1, stopped: true }, 0);
    expect(s.train.status).toBe('stopped');
    expect(s.modelReady).toBe(true);
  });

  it('export progress and completion; a model file load and a stored model', () => {
    let s = run([{ type: 'load-text', text: '', name: 'adult.csv' }, loaded(1), { type: 'sample', rows: 100 }]);
    expect(s.export).toMatchObject({ status: 'running', rowsTotal: 100, fileName: 'x-synthetic.csv' });
    s = applyEvent(s, { type: 'csv-chunk', requestId: 2, bytes: new Uint8Array(1), rowsDone: 50, rowsTotal: 100 }, 0);
    expect(s.export.rowsDone).toBe(50);
    s = applyEvent(s, { type: 'sampled', requestId: 2, rows: 100 }, 0);
    expect(s.export.status).toBe('done');
    s = applyEvent(s, { type: 'stored-model', requestId: 9, info: { name: 'adult.csv', savedAt: '2026-01-01T00:00:00Z', epochs: 3, backend: 'wasm', size: 10 } }, 0);
    expect(s.storedModel?.epochs).toBe(3);
    s = applyRequest(s, 12, { type: 'restore-model' }, 0);
    expect(s.modelBusy).toBe(true);
    s = applyEvent(s, { type: 'model-loaded', requestId: 12, columns: ['a'], source: 'stored' }, 0);
    expect(s).toMatchObject({ modelBusy: false, modelReady: true, modelSource: 'stored', loadedModelColumns: ['a'] });
  });

  it('a training error marks the run failed', () => {
    const s = run([{ type: 'train', method: 'ctgan', options: {} }, { type: 'error', requestId: 1, code: 'no-trainable-columns', message: 'Nothing to learn.' }]);
    expect(s.train.status).toBe('failed');
    expect(s.error?.message).toBe('Nothing to learn.');
  });
});

describe('session store', () => {
  function setup() {
    const w = fakeWorkerPort();
    const flushes: (() => void)[] = [];
    const downloads: { blob: Blob; name: string }[] = [];
    const store = createSessionStore(w.port, {
      now: () => 0,
      schedule: (f) => flushes.push(f),
      download: (blob, name) => downloads.push({ blob, name }),
      fetchText: async (url) => {
        if (url.endsWith('missing.csv')) throw new Error('404');
        return 'a,b\n1,x\n';
      },
    });
    return { ...w, store, flushes, downloads };
  }

  it('batches many events into one render per scheduled frame', () => {
    const { store, emit, flushes } = setup();
    let renders = 0;
    store.subscribe(() => renders++);
    store.actions.train({ method: 'ctgan', options: { epochs: 1 } });
    expect(renders).toBe(1);
    for (let i = 1; i <= 100; i++) emit({ type: 'step', requestId: 1, epoch: 1, step: i, stepsPerEpoch: 100, lossG: i, lossD: -i });
    expect(flushes).toHaveLength(1);
    expect(store.getSnapshot().train.loss.count).toBe(0);
    flushes[0]!();
    expect(renders).toBe(2);
    expect(store.getSnapshot().train.loss.count).toBe(100);
  });

  it('collects CSV chunks outside the state and downloads one Blob', async () => {
    const { store, emit, downloads, flushes } = setup();
    emit(loaded(0));
    store.actions.loadText('a,b', 'adult.csv');
    emit({ ...loaded(1), name: 'adult.csv' } as WorkerEvent);
    store.flush();
    store.actions.exportCsv(2);
    const enc = new TextEncoder();
    emit({ type: 'csv-chunk', requestId: 2, bytes: enc.encode('a,b\n'), rowsDone: 0, rowsTotal: 2 });
    emit({ type: 'csv-chunk', requestId: 2, bytes: enc.encode('1,x\n2,y\n'), rowsDone: 2, rowsTotal: 2 });
    emit({ type: 'sampled', requestId: 2, rows: 2 });
    emit({ type: 'done', requestId: 2 });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toBe('adult-synthetic.csv');
    expect(await downloads[0]!.blob.text()).toBe('a,b\n1,x\n2,y\n');
    flushes.forEach((f) => f());
    expect(store.getSnapshot().export.status).toBe('done');
  });

  it('saves the model JSON it asked for', async () => {
    const { store, emit, downloads } = setup();
    store.actions.saveModel();
    emit({ type: 'model-file', requestId: 1, json: '{"v":1}' });
    emit({ type: 'model-file', requestId: 99, json: '{}' });
    expect(downloads.map((d) => d.name)).toEqual(['synthtab-model.json']);
    expect(await downloads[0]!.blob.text()).toBe('{"v":1}');
  });

  it('loads the demo by URL, and reports a failed fetch as an error', async () => {
    const { store, sent } = setup();
    await store.actions.loadUrl('demo/adult.csv', 'adult.csv');
    expect(sent[0]).toEqual({ type: 'load-text', text: 'a,b\n1,x\n', name: 'adult.csv' });
    await store.actions.loadUrl('demo/missing.csv', 'missing.csv');
    expect(sent).toHaveLength(1);
    expect(store.getSnapshot().error?.message).toContain('missing.csv');
    store.actions.dismissError();
    expect(store.getSnapshot().error).toBeNull();
  });
});

describe('rebalance routing', () => {
  it('progress, result and errors reach the rebalance slice', () => {
    let s = run([{ type: 'rebalance', target: 'income' }, { type: 'progress', requestId: 1, stage: 'rebalance', done: 1, total: 6 }]);
    expect(s.rebalance).toMatchObject({ requestId: 1, status: 'running', progress: { done: 1, total: 6 } });
    s = applyEvent(s, { type: 'error', requestId: 1, code: 'bad-column', message: 'No column "income".' }, 0);
    expect(s.rebalance.status).toBe('failed');
    expect(s.error?.message).toBe('No column "income".');
  });
});

describe('plan edits the worker rejects', () => {
  it('restore the plan the worker kept', () => {
    let s = run([{ type: 'load-text', text: '', name: 'x.csv' }, loaded(1)]);
    const before = s.plan;
    s = applyRequest(s, 2, { type: 'set-plan', plan: [{ name: 'a', kind: 'continuous' }, { name: 'b', kind: 'continuous' }] }, 0);
    expect(s.plan[1]!.kind).toBe('continuous');
    s = applyEvent(s, { type: 'error', requestId: 2, code: 'bad-option', message: 'Column "b" has text values.' }, 0);
    expect(s.plan).toEqual(before);
    expect(s.error?.code).toBe('bad-option');
  });
});
