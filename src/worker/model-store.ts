/**
 * Keeps the last trained model in IndexedDB (inside the worker), so a page reload does not lose
 * it and the UI can offer "restore last model". The info record is stored apart from the JSON so
 * asking "is there one?" never reads megabytes of weights. Node and private windows without
 * IndexedDB get an in-memory store with the same interface.
 */
import type { StoredModelInfo } from './protocol.ts';

export interface ModelStore {
  save(json: string, info: StoredModelInfo): Promise<void>;
  info(): Promise<StoredModelInfo | null>;
  load(): Promise<{ json: string; info: StoredModelInfo } | null>;
  clear(): Promise<void>;
}

const STORE = 'models';
const JSON_KEY = 'last';
const INFO_KEY = 'last-info';

function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function isInfo(x: unknown): x is StoredModelInfo {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o.name === 'string' && typeof o.savedAt === 'string' && typeof o.epochs === 'number' && typeof o.backend === 'string';
}

/** A store over IndexedDB database `dbName`. */
export function createIdbModelStore(idb: IDBFactory, dbName = 'synthtab'): ModelStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise((resolve, reject) => {
      const req = idb.open(dbName, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    });
    return db;
  };
  const tx = async (mode: IDBTransactionMode): Promise<IDBObjectStore> => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    async save(json, info) {
      const store = await tx('readwrite');
      const done = new Promise<void>((resolve, reject) => {
        store.transaction.oncomplete = () => resolve();
        store.transaction.onerror = () => reject(store.transaction.error ?? new Error('IndexedDB write failed'));
        store.transaction.onabort = () => reject(store.transaction.error ?? new Error('IndexedDB write aborted'));
      });
      store.put(json, JSON_KEY);
      store.put(info, INFO_KEY);
      await done;
    },
    async info() {
      const v: unknown = await promisify((await tx('readonly')).get(INFO_KEY));
      return isInfo(v) ? v : null;
    },
    async load() {
      const store = await tx('readonly');
      const [json, info] = await Promise.all([promisify(store.get(JSON_KEY)) as Promise<unknown>, promisify(store.get(INFO_KEY)) as Promise<unknown>]);
      return typeof json === 'string' && isInfo(info) ? { json, info } : null;
    },
    async clear() {
      const store = await tx('readwrite');
      await promisify(store.clear());
    },
  };
}

/** A store that lives as long as the worker (Node tests, browsers without IndexedDB). */
export function createMemoryModelStore(): ModelStore {
  let kept: { json: string; info: StoredModelInfo } | null = null;
  return {
    async save(json, info) {
      kept = { json, info };
    },
    async info() {
      return kept?.info ?? null;
    },
    async load() {
      return kept;
    },
    async clear() {
      kept = null;
    },
  };
}

/** IndexedDB where the environment has it, else memory. */
export function defaultModelStore(): ModelStore {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  return idb ? createIdbModelStore(idb) : createMemoryModelStore();
}
