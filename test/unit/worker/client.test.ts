import { describe, expect, it } from 'vitest';
import { ClientError, WorkerClient, type WorkerLike } from '../../../src/worker/client.ts';
import { createHandler } from '../../../src/worker/handler.ts';
import { createMemoryModelStore } from '../../../src/worker/model-store.ts';
import type { Request, WorkerEvent } from '../../../src/worker/protocol.ts';
import { fakeEngine } from './fakes.ts';

/** A Worker stand-in that runs the real handler in-process, asynchronously like postMessage. */
function inProcessWorker(): WorkerLike & { fail(message: string): void; sent: Request[] } {
  const messageListeners: ((e: MessageEvent) => void)[] = [];
  const errorListeners: ((e: ErrorEvent) => void)[] = [];
  const sent: Request[] = [];
  const handle = createHandler((e: WorkerEvent) => queueMicrotask(() => messageListeners.forEach((l) => l({ data: e } as MessageEvent))), {
    engine: fakeEngine(),
    store: createMemoryModelStore(),
  });
  return {
    sent,
    postMessage(m) {
      sent.push(m as Request);
      setTimeout(() => void handle(m as Request), 0);
    },
    addEventListener(type: 'message' | 'error', l: ((e: MessageEvent) => void) | ((e: ErrorEvent) => void)) {
      if (type === 'message') messageListeners.push(l as (e: MessageEvent) => void);
      else errorListeners.push(l as (e: ErrorEvent) => void);
    },
    terminate() {},
    fail(message) {
      errorListeners.forEach((l) => l({ message } as ErrorEvent));
    },
  };
}

const CSV = 'x,c\n1,a\n2,b\n3,a\n';

describe('WorkerClient', () => {
  it('numbers requests and lets subscribers hear every event', async () => {
    const worker = inProcessWorker();
    const client = new WorkerClient(worker);
    const heard: WorkerEvent['type'][] = [];
    const off = client.subscribe((e) => heard.push(e.type));
    const loaded = await client.loadText(CSV, 'toy.csv');
    expect(loaded.profile.rows).toBe(3);
    expect(client.send({ type: 'pause' })).toBe(2);
    expect(worker.sent.map((r) => [r.id, r.type])).toEqual([[1, 'load-text'], [2, 'pause']]);
    expect(heard).toContain('loaded');
    expect(heard.at(-1)).toBe('done');
    off();
  });

  it('trains, samples a CSV Blob and streams the same bytes as chunks', async () => {
    const client = new WorkerClient(inProcessWorker());
    await client.loadText(CSV, 'toy.csv');
    const epochs: number[] = [];
    const trained = await client.train({ method: 'ctgan', options: { epochs: 2 } }, (e) => {
      if (e.type === 'epoch') epochs.push(e.epoch);
    });
    expect(trained).toMatchObject({ type: 'trained', epochs: 2, stopped: false });
    expect(epochs).toEqual([1, 2]);
    const blob = await client.sample(5, { seed: 1 });
    const text = await blob.text();
    expect(text.split('\n')[0]).toBe('x,c');
    expect(text.trimEnd().split('\n')).toHaveLength(6);
    const parts: Uint8Array[] = [];
    for await (const chunk of client.sampleChunks(5, { seed: 1 })) parts.push(chunk);
    expect(await new Blob(parts as Uint8Array<ArrayBuffer>[]).text()).toBe(text);
    expect(JSON.parse(await client.saveModel())).toEqual({ fake: true, trained: 2 });
    expect(await client.storedModel()).toMatchObject({ name: 'toy.csv', epochs: 2 });
    expect(await client.restoreModel()).toMatchObject({ source: 'stored', columns: ['x', 'c'] });
  });

  it('rejects with the worker error code', async () => {
    const client = new WorkerClient(inProcessWorker());
    const err = await client.sample(3).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect(err).toMatchObject({ code: 'bad-option', message: 'Train or load a model first.' });
  });

  it('fails every waiting request when the worker script dies', async () => {
    const worker = inProcessWorker();
    const client = new WorkerClient(worker);
    const heard: WorkerEvent[] = [];
    client.subscribe((e) => heard.push(e));
    const pending = client.stop();
    worker.fail('boom');
    await expect(pending).rejects.toMatchObject({ code: 'internal', message: 'The training worker failed: boom' });
    expect(heard).toContainEqual({ type: 'error', code: 'internal', message: 'The training worker failed: boom' });
  });
});
