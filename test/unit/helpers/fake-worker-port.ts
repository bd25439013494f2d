/**
 * A fake worker for the UI session store tests: records the requests the store sends and lets
 * the test post events to whoever subscribed.
 */
import type { RequestBody } from '../../../src/ui/app/session-state.ts';
import type { StoreEnv, WorkerPort } from '../../../src/ui/app/session-store.ts';
import type { WorkerEvent } from '../../../src/worker/protocol.ts';

export interface FakeWorkerPort {
  /** Give this to `createSessionStore`. */
  port: WorkerPort;
  /** Every request body sent, in order; a request's id is its 1-based position here. */
  sent: RequestBody[];
  /** The current subscribers (tests check that a finished request lets go of the port). */
  listeners: Set<(e: WorkerEvent) => void>;
  /** Post an event to every subscriber. */
  emit(e: WorkerEvent): void;
}

/** A fresh fake worker port (request ids 1, 2, ...). */
export function fakeWorkerPort(): FakeWorkerPort {
  const sent: RequestBody[] = [];
  const listeners = new Set<(e: WorkerEvent) => void>();
  const port: WorkerPort = {
    send(body) {
      sent.push(body);
      return sent.length;
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { port, sent, listeners, emit: (e) => listeners.forEach((l) => l(e)) };
}

/** A store environment with no side effects (time 0, no downloads, empty fetches); `over` replaces parts. */
export function quietStoreEnv(over: Partial<StoreEnv> = {}): StoreEnv {
  return { now: () => 0, schedule: () => {}, download: () => {}, fetchText: async () => '', ...over };
}
