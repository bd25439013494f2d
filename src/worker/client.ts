/**
 * The page's side of the training worker. `send` + `subscribe` are what the UI's session store
 * needs (fire-and-forget requests, every event to every listener, for useSyncExternalStore);
 * the promise helpers (`loadText`, `train`, `sample`...) resolve when the worker answers 'done'
 * and reject with a ClientError carrying the worker's error code, for tests and scripts.
 */
import type { Condition, ColumnPlan } from '../core/types.ts';
import type { Request, StoredModelInfo, WorkerEvent } from './protocol.ts';
import { isWorkerEvent } from './protocol.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A request before the client gives it an id. */
export type RequestBody = DistributiveOmit<Request, 'id'>;
export type TrainBody = Omit<Extract<Request, { type: 'train' }>, 'id' | 'type'>;
type EventOf<T extends WorkerEvent['type']> = Extract<WorkerEvent, { type: T }>;

/** The part of `Worker` the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** A request the worker answered with 'error'. */
export class ClientError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'ClientError';
  }
}

interface Pending {
  resolve: () => void;
  reject: (e: ClientError) => void;
  onEvent?: (e: WorkerEvent) => void;
}

function requestIdOf(e: WorkerEvent): number | undefined {
  return 'requestId' in e ? e.requestId : undefined;
}

/** Start the module worker (Vite bundles trainer.worker.ts as its own ES chunk). */
export function startTrainerWorker(): WorkerLike {
  return new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'synthtab-trainer' });
}

export class WorkerClient {
  private readonly worker: WorkerLike;
  private nextId = 1;
  private readonly listeners = new Set<(e: WorkerEvent) => void>();
  private readonly pending = new Map<number, Pending>();

  constructor(worker: WorkerLike = startTrainerWorker()) {
    this.worker = worker;
    worker.addEventListener('message', (m: MessageEvent) => {
      if (isWorkerEvent(m.data)) this.dispatch(m.data);
    });
    worker.addEventListener('error', (e: ErrorEvent) => {
      // The worker script itself failed (a load error, an uncaught exception): fail every waiter.
      const message = `The training worker failed: ${e.message || 'could not start'}`;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(new ClientError('internal', message));
      }
      this.emit({ type: 'error', code: 'internal', message });
    });
  }

  /** Send a request; returns its id (events answering it carry `requestId`). */
  send(body: RequestBody): number {
    const id = this.nextId++;
    this.worker.postMessage({ ...body, id } as Request);
    return id;
  }

  /** Hear every worker event; returns the unsubscribe function. */
  subscribe(listener: (e: WorkerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Send and wait for 'done'; `onEvent` sees this request's events as they come. */
  request(body: RequestBody, onEvent?: (e: WorkerEvent) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const id = this.send(body);
      this.pending.set(id, { resolve, reject, ...(onEvent ? { onEvent } : {}) });
    });
  }

  /** Send and resolve with the last event of type `type` that answered it. */
  private async ask<T extends WorkerEvent['type']>(body: RequestBody, type: T, onEvent?: (e: WorkerEvent) => void): Promise<EventOf<T>> {
    let last: EventOf<T> | undefined;
    await this.request(body, (e) => {
      if (e.type === type) last = e as EventOf<T>;
      onEvent?.(e);
    });
    if (!last) throw new ClientError('internal', `The worker finished without a '${type}' event.`);
    return last;
  }

  loadFile(file: File | Blob, name: string, onEvent?: (e: WorkerEvent) => void): Promise<EventOf<'loaded'>> {
    return this.ask({ type: 'load-file', file, name }, 'loaded', onEvent);
  }

  loadText(text: string, name: string, onEvent?: (e: WorkerEvent) => void): Promise<EventOf<'loaded'>> {
    return this.ask({ type: 'load-text', text, name }, 'loaded', onEvent);
  }

  setPlan(plan: ColumnPlan[]): Promise<void> {
    return this.request({ type: 'set-plan', plan });
  }

  /** Train; resolves with the 'trained' event (also when stopped early). */
  train(body: TrainBody, onEvent?: (e: WorkerEvent) => void): Promise<EventOf<'trained'>> {
    return this.ask({ type: 'train', ...body }, 'trained', onEvent);
  }

  pause(): Promise<void> {
    return this.request({ type: 'pause' });
  }

  resume(): Promise<void> {
    return this.request({ type: 'resume' });
  }

  stop(): Promise<void> {
    return this.request({ type: 'stop' });
  }

  /** Generate `rows` rows as one CSV Blob. */
  async sample(rows: number, options: { condition?: Condition; seed?: number } = {}, onEvent?: (e: WorkerEvent) => void): Promise<Blob> {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    await this.request({ type: 'sample', rows, ...options }, (e) => {
      if (e.type === 'csv-chunk') parts.push(e.bytes as Uint8Array<ArrayBuffer>);
      onEvent?.(e);
    });
    return new Blob(parts, { type: 'text/csv' });
  }

  /** Generate `rows` rows as a stream of CSV byte chunks (for writing straight to a file). */
  async *sampleChunks(rows: number, options: { condition?: Condition; seed?: number } = {}): AsyncGenerator<Uint8Array> {
    const queue: Uint8Array[] = [];
    let wake: (() => void) | null = null;
    let finished = false;
    let failure: unknown = null;
    this.request({ type: 'sample', rows, ...options }, (e) => {
      if (e.type === 'csv-chunk') {
        queue.push(e.bytes);
        wake?.();
      }
    }).then(
      () => {
        finished = true;
        wake?.();
      },
      (err: unknown) => {
        failure = err;
        finished = true;
        wake?.();
      },
    );
    for (;;) {
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      if (finished) {
        if (failure) throw failure;
        return;
      }
      await new Promise<void>((r) => (wake = r));
      wake = null;
    }
  }

  /** Sample and score against the loaded data; resolves with the report (core/metrics' shape). */
  async evaluate(options: { target?: string; rows?: number; seed?: number } = {}): Promise<unknown> {
    return (await this.ask({ type: 'evaluate', ...options }, 'report')).report;
  }

  async saveModel(): Promise<string> {
    return (await this.ask({ type: 'save-model' }, 'model-file')).json;
  }

  loadModel(json: string): Promise<EventOf<'model-loaded'>> {
    return this.ask({ type: 'load-model', json }, 'model-loaded');
  }

  /** What IndexedDB keeps from an earlier session, or null. */
  async storedModel(): Promise<StoredModelInfo | null> {
    return (await this.ask({ type: 'stored-model' }, 'stored-model')).info;
  }

  /** Load the model kept in IndexedDB. */
  restoreModel(): Promise<EventOf<'model-loaded'>> {
    return this.ask({ type: 'restore-model' }, 'model-loaded');
  }

  /** Stop the worker for good. */
  terminate(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new ClientError('cancelled', 'The worker was stopped.'));
    this.pending.clear();
  }

  private emit(e: WorkerEvent): void {
    for (const l of this.listeners) l(e);
  }

  private dispatch(e: WorkerEvent): void {
    const id = requestIdOf(e);
    const p = id === undefined ? undefined : this.pending.get(id);
    if (p) {
      p.onEvent?.(e);
      if (e.type === 'done') {
        this.pending.delete(id!);
        p.resolve();
      } else if (e.type === 'error') {
        this.pending.delete(id!);
        p.reject(new ClientError(e.code, e.message));
      }
    }
    this.emit(e);
  }
}
