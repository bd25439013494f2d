/**
 * The session store: owns the SessionState, talks to the worker through a WorkerPort, and is read
 * by React with useSyncExternalStore (STYLE.md section 11). Worker events are queued and folded in
 * once per animation frame, so 100 training steps a second cause at most one render per frame.
 *
 * Two kinds of traffic never enter React state: CSV chunks of an export (collected here, then
 * handed to `download` as one Blob) and the saved model's JSON (downloaded as is).
 */
import type { ColumnPlan, Condition } from '../../core/types.ts';
import type { Request, WorkerEvent } from '../../worker/protocol.ts';
import { DEFAULT_HOLDOUT } from '../../worker/protocol.ts';
import { modelFileName } from '../shared/format.ts';
import { applyEvent, applyRequest, dismissError } from './session-reducer.ts';
import type { RequestBody, SessionState } from './session-state.ts';
import { INITIAL_SESSION } from './session-state.ts';

/** What the store needs from the worker client: send a request (returns its id) and hear events. */
export interface WorkerPort {
  send(body: RequestBody): number;
  subscribe(listener: (event: WorkerEvent) => void): () => void;
}

/** The store's side effects, injected so the store runs in Node tests. */
export interface StoreEnv {
  now(): number;
  /** Run `flush` soon (once per frame in the browser). */
  schedule(flush: () => void): void;
  /** Save a Blob as a file (an <a download> click in the browser). */
  download(blob: Blob, fileName: string): void;
  /** Fetch a bundled file as text (the demo dataset). */
  fetchText(url: string): Promise<string>;
  /** Evaluate the model as soon as a training run ends with one (default true). */
  autoEvaluate?: boolean;
}

/** A train request's fields (method, options, backend, live distribution columns, test hooks). */
export type TrainRequest = Omit<Extract<Request, { type: 'train' }>, 'id' | 'type'>;

/** A rebalance request's fields (target column, methods, holdout, seeds...). */
export type RebalanceRequest = Omit<Extract<Request, { type: 'rebalance' }>, 'id' | 'type'>;

export interface SessionActions {
  loadFile(file: File | Blob, name: string): void;
  loadText(text: string, name: string): void;
  /** Fetch a bundled CSV (public/demo) and load it. */
  loadUrl(url: string, name: string): Promise<void>;
  setPlan(plan: ColumnPlan[]): void;
  /** Edit the current plan and send it (stable, so table rows need not re-render on each edit). */
  editPlan(edit: (plan: readonly ColumnPlan[]) => ColumnPlan[]): void;
  /** Start training; the worker holds back DEFAULT_HOLDOUT of the rows unless `request.holdout` says otherwise. */
  train(request: TrainRequest): void;
  pause(): void;
  resume(): void;
  stop(): void;
  exportCsv(rows: number, condition?: Condition, seed?: number): void;
  saveModel(): void;
  loadModel(json: string): void;
  /** Ask the worker whether IndexedDB keeps a model from an earlier session. */
  checkStoredModel(): void;
  /** Load the model kept in IndexedDB. */
  restoreModel(): void;
  /** Score a fresh synthetic sample (also sent automatically after each training run); `target` adds ML efficacy. */
  evaluate(target?: string): void;
  /** Run the rebalance lab on the loaded table. */
  rebalance(request: RebalanceRequest): void;
  /**
   * Send a request whose events a panel keeps itself (the Compare tab): `onEvent` hears this
   * request's events; resolves on 'done', rejects with the worker's message on 'error'.
   */
  request(body: RequestBody, onEvent?: (e: WorkerEvent) => void): Promise<void>;
  /** Show an error raised on the UI side (a file that could not be read, a bad form). */
  fail(code: string, message: string): void;
  dismissError(): void;
}

export interface SessionStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SessionState;
  actions: SessionActions;
  /** Apply queued events now (tests, and before each user action to keep order). */
  flush(): void;
  dispose(): void;
}

export function createSessionStore(port: WorkerPort, env: StoreEnv, initial: SessionState = INITIAL_SESSION): SessionStore {
  let state = initial;
  let queue: WorkerEvent[] = [];
  let scheduled = false;
  const listeners = new Set<() => void>();
  /** CSV byte chunks per sample request id, with the file name to save them under. */
  const exports = new Map<number, { chunks: BlobPart[]; fileName: string }>();
  const saves = new Set<number>();
  /** Training runs that produced a model: evaluate once their request is done (the worker is free then). */
  const evaluateAfter = new Set<number>();

  const notify = () => {
    for (const l of listeners) l();
  };

  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    const now = env.now();
    let s = state;
    for (const e of batch) s = applyEvent(s, e, now);
    if (s !== state) {
      state = s;
      notify();
    }
  };

  const update = (next: SessionState) => {
    if (next !== state) {
      state = next;
      notify();
    }
  };

  const send = (body: RequestBody): number => {
    flush();
    const id = port.send(body);
    update(applyRequest(state, id, body, env.now()));
    return id;
  };

  const finishExport = (requestId: number) => {
    const job = exports.get(requestId);
    if (!job) return;
    exports.delete(requestId);
    env.download(new Blob(job.chunks, { type: 'text/csv;charset=utf-8' }), job.fileName);
  };

  const onEvent = (e: WorkerEvent) => {
    // Side channels first: they must not wait for a frame, and their payloads stay out of state.
    // The bytes arrive in a transferred ArrayBuffer (never a SharedArrayBuffer), so the cast is safe.
    if (e.type === 'csv-chunk') exports.get(e.requestId)?.chunks.push(e.bytes as Uint8Array<ArrayBuffer>);
    else if (e.type === 'sampled' || e.type === 'done') finishExport(e.requestId);
    else if (e.type === 'error' && e.requestId !== undefined) {
      exports.delete(e.requestId);
      saves.delete(e.requestId);
    } else if (e.type === 'model-file' && saves.delete(e.requestId)) {
      env.download(new Blob([e.json], { type: 'application/json' }), modelFileName(state.dataset?.name ?? 'synthtab'));
    }
    // A run that ended with a model: trained epochs, or a method that trains nothing (profile: 0 epochs, not stopped).
    if (e.type === 'trained' && (e.epochs > 0 || !e.stopped) && env.autoEvaluate !== false) evaluateAfter.add(e.requestId);
    queue.push(e);
    if (!scheduled) {
      scheduled = true;
      env.schedule(flush);
    }
    if (e.type === 'error' && e.requestId !== undefined) evaluateAfter.delete(e.requestId);
    if (e.type === 'done' && evaluateAfter.delete(e.requestId)) actions.evaluate(state.evaluation.target ?? undefined);
  };
  const unsubscribe = port.subscribe(onEvent);

  const actions: SessionActions = {
    loadFile: (file, name) => void send({ type: 'load-file', file, name }),
    loadText: (text, name) => void send({ type: 'load-text', text, name }),
    async loadUrl(url, name) {
      let text: string;
      try {
        text = await env.fetchText(url);
      } catch (err) {
        actions.fail('fetch-failed', `Could not load ${name}: ${err instanceof Error ? err.message : String(err)}.`);
        return;
      }
      actions.loadText(text, name);
    },
    setPlan: (plan) => void send({ type: 'set-plan', plan }),
    editPlan(edit) {
      flush();
      actions.setPlan(edit(state.plan));
    },
    train: (request) => void send({ type: 'train', holdout: DEFAULT_HOLDOUT, ...request }),
    pause: () => void send({ type: 'pause' }),
    resume: () => void send({ type: 'resume' }),
    stop: () => void send({ type: 'stop' }),
    exportCsv(rows, condition, seed) {
      const body: RequestBody = { type: 'sample', rows, ...(condition ? { condition } : {}), ...(seed !== undefined ? { seed } : {}) };
      const id = send(body);
      exports.set(id, { chunks: [], fileName: state.export.fileName });
    },
    saveModel: () => void saves.add(send({ type: 'save-model' })),
    loadModel: (json) => void send({ type: 'load-model', json }),
    checkStoredModel: () => void send({ type: 'stored-model' }),
    restoreModel: () => void send({ type: 'restore-model' }),
    evaluate: (target) => void send({ type: 'evaluate', ...(target !== undefined ? { target } : {}) }),
    rebalance: (request) => void send({ type: 'rebalance', ...request }),
    request: (body, onEvent) =>
      new Promise<void>((resolve, reject) => {
        let id = -1;
        const off = port.subscribe((e) => {
          if (!('requestId' in e) || e.requestId !== id) return;
          onEvent?.(e);
          if (e.type === 'done') {
            off();
            resolve();
          } else if (e.type === 'error') {
            off();
            reject(new Error(e.message));
          }
        });
        // The worker answers asynchronously, so the id is known before any of its events arrive.
        id = send(body);
      }),
    fail: (code, message) => update({ ...state, error: { code, message } }),
    dismissError: () => update(dismissError(state)),
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    actions,
    flush,
    dispose() {
      unsubscribe();
      listeners.clear();
      exports.clear();
    },
  };
}
