/**
 * Test hook: with `?debug=1` the app exposes `window.__synthtab` so e2e tests and benchmarks can
 * drive the training worker directly (src/ui/main.tsx imports this module only then).
 */
import { WorkerClient } from './client.ts';

export interface DebugHook {
  /** A new client with its own worker. */
  createClient(): WorkerClient;
}

export function installDebugHook(): void {
  (globalThis as { __synthtab?: DebugHook }).__synthtab = { createClient: () => new WorkerClient() };
}
