/** The training worker: a thin adapter from postMessage to handler.ts (all logic lives there). */
import type { Request, WorkerEvent } from './protocol.ts';
import { createHandler, READY_EVENT } from './handler.ts';
import { createDefaultEngine } from './engine-default.ts';

// DedicatedWorkerGlobalScope is not in the DOM lib this project compiles against; this is its shape.
const scope = self as unknown as { postMessage(m: WorkerEvent, transfer: Transferable[]): void; onmessage: ((e: MessageEvent<Request>) => void) | null };
const handle = createHandler((e, transfer) => scope.postMessage(e, transfer ?? []), { engine: createDefaultEngine() });
scope.onmessage = (e) => void handle(e.data);
scope.postMessage(READY_EVENT, []);
