/**
 * The one WorkerClient and session store of the page, created on first use (outside render, so
 * StrictMode's double render does not start two workers), and the hook components read them with
 * (useSyncExternalStore: react.dev's recipe for external stores).
 */
import { useSyncExternalStore } from 'react';
import { WorkerClient } from '../../worker/client.ts';
import { downloadBlob } from '../export/download.ts';
import type { SessionState } from './session-state.ts';
import type { SessionActions, SessionStore, StoreEnv } from './session-store.ts';
import { createSessionStore } from './session-store.ts';

/** Flush once per animation frame; the timeout covers hidden tabs, where frames do not run. */
function schedule(flush: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    flush();
  };
  requestAnimationFrame(once);
  setTimeout(once, 250);
}

async function fetchText(url: string): Promise<string> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.text();
}

const browserEnv: StoreEnv = { now: () => Date.now(), schedule, download: downloadBlob, fetchText };

let store: SessionStore | undefined;

/** The page's session store (starts the worker and asks for a stored model on first call). */
export function getSessionStore(): SessionStore {
  if (!store) {
    store = createSessionStore(new WorkerClient(), browserEnv);
    store.actions.checkStoredModel();
  }
  return store;
}

/** The current session state (re-rendered at most once per frame) and the actions. */
export function useSession(): [SessionState, SessionActions] {
  const s = getSessionStore();
  const state = useSyncExternalStore(s.subscribe, s.getSnapshot);
  return [state, s.actions];
}
