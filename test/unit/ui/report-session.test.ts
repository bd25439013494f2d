/** Report state in the session: charts kept with the report, the target remembered, evaluation auto-run after training. */
import { describe, expect, it } from 'vitest';
import type { ReportCharts } from '../../../src/worker/protocol.ts';
import { DEFAULT_HOLDOUT } from '../../../src/worker/protocol.ts';
import { applyEvent, applyRequest } from '../../../src/ui/app/session-reducer.ts';
import { INITIAL_SESSION } from '../../../src/ui/app/session-state.ts';
import { createSessionStore } from '../../../src/ui/app/session-store.ts';
import { fakeWorkerPort, quietStoreEnv } from '../helpers/fake-worker-port.ts';

const CHARTS: ReportCharts = {
  distributions: [{ column: 'x', kind: 'continuous', labels: ['0–1'], real: [1], synthetic: [1] }],
  associations: { columns: ['x'], method: [['pearson']], real: [[1]], synthetic: [[1]], difference: [[0]] },
};

function setup(autoEvaluate?: boolean) {
  const w = fakeWorkerPort();
  const store = createSessionStore(w.port, quietStoreEnv(autoEvaluate === undefined ? {} : { autoEvaluate }));
  return { store, sent: w.sent, emit: w.emit };
}

describe('report state', () => {
  it('keeps the charts with the report and the target of the request', () => {
    let s = applyRequest(INITIAL_SESSION, 1, { type: 'evaluate', target: 'income' }, 0);
    expect(s.evaluation).toMatchObject({ requestId: 1, status: 'running', target: 'income', report: null, charts: null });
    s = applyEvent(s, { type: 'report', requestId: 1, report: { quality: { overall: 0.8 } }, charts: CHARTS }, 0);
    expect(s.evaluation).toMatchObject({ status: 'done', report: { quality: { overall: 0.8 } }, charts: CHARTS, target: 'income' });
    // A report for an older request is ignored.
    expect(applyEvent(s, { type: 'report', requestId: 9, report: {} }, 0)).toBe(s);
  });

  it('a new training run clears the old report but keeps the target choice', () => {
    let s = applyRequest(INITIAL_SESSION, 1, { type: 'evaluate', target: 'income' }, 0);
    s = applyEvent(s, { type: 'report', requestId: 1, report: { quality: { overall: 0.8 } }, charts: CHARTS }, 0);
    s = applyRequest(s, 2, { type: 'train', method: 'ctgan', options: { epochs: 1 } }, 0);
    expect(s.evaluation).toEqual({ requestId: null, status: 'idle', progress: null, report: null, charts: null, target: 'income' });
  });

  it('the store sends the default holdout with a train request, and evaluates once the run is done', () => {
    const { store, sent, emit } = setup();
    store.actions.train({ method: 'ctgan', options: { epochs: 2 } });
    expect(sent[0]).toEqual({ type: 'train', holdout: DEFAULT_HOLDOUT, method: 'ctgan', options: { epochs: 2 } });
    emit({ type: 'trained', requestId: 1, epochs: 2, seconds: 1, stopped: false });
    expect(sent).toHaveLength(1); // the worker is still busy until 'done'
    emit({ type: 'done', requestId: 1 });
    expect(sent[1]).toEqual({ type: 'evaluate' });
    expect(store.getSnapshot().evaluation).toMatchObject({ requestId: 2, status: 'running' });
    expect(store.getSnapshot().train.status).toBe('done');
    // Only once per run.
    emit({ type: 'done', requestId: 1 });
    expect(sent).toHaveLength(2);
  });

  it('the automatic run reuses the chosen target; an explicit holdout wins over the default', () => {
    const { store, sent, emit } = setup();
    store.actions.evaluate('income');
    emit({ type: 'done', requestId: 1 });
    store.actions.train({ method: 'ctgan', options: { epochs: 1 }, holdout: 0 });
    expect(sent[1]).toMatchObject({ type: 'train', holdout: 0 });
    emit({ type: 'trained', requestId: 2, epochs: 1, seconds: 1, stopped: true });
    emit({ type: 'done', requestId: 2 });
    expect(sent[2]).toEqual({ type: 'evaluate', target: 'income' });
  });

  it('no automatic run after a run with no epochs, a failed run, or with autoEvaluate off', () => {
    const a = setup();
    a.store.actions.train({ method: 'ctgan', options: { epochs: 5 } });
    a.emit({ type: 'trained', requestId: 1, epochs: 0, seconds: 0, stopped: true });
    a.emit({ type: 'done', requestId: 1 });
    a.store.actions.train({ method: 'ctgan', options: { epochs: 5 } });
    a.emit({ type: 'trained', requestId: 2, epochs: 5, seconds: 1, stopped: false });
    a.emit({ type: 'error', requestId: 2, code: 'internal', message: 'x' });
    expect(a.sent.map((b) => b.type)).toEqual(['train', 'train']);
    const b = setup(false);
    b.store.actions.train({ method: 'ctgan', options: { epochs: 1 } });
    b.emit({ type: 'trained', requestId: 1, epochs: 1, seconds: 1, stopped: false });
    b.emit({ type: 'done', requestId: 1 });
    expect(b.sent.map((x) => x.type)).toEqual(['train']);
  });
});
