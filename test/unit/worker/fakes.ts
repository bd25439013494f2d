/**
 * Fakes for the worker's Engine: a tiny CSV parser, a deterministic "synthesizer" that follows the
 * announced fit/sample contract (events, pause, stop, initial weights) without TF.js, and a
 * backend selector with a scripted fallback chain.
 */
import type { BackendChoice, CsvParserLike, Engine, FitHooks, SynthesizerLike } from '../../../src/worker/engine.ts';
import type { BackendName, WorkerEvent } from '../../../src/worker/protocol.ts';
import { numericColumn, stringColumn, toRows, type Column, type Table } from '../../../src/core/table/table.ts';
import type { ColumnPlan, Profile, TrainOptions } from '../../../src/core/types.ts';
import { createRng } from '../../../src/core/rng.ts';
import { SynthtabError } from '../../../src/core/errors.ts';

export function fakeParser(): CsvParserLike & { pieces: string[] } {
  const pieces: string[] = [];
  return {
    pieces,
    push(text) {
      pieces.push(text);
    },
    finish() {
      const lines = pieces.join('').split('\n').filter((l) => l.length > 0);
      const header = lines[0]!.split(',');
      const rows = lines.slice(1).map((l) => l.split(','));
      const columns: Column[] = header.map((name, j) => {
        const cells = rows.map((r) => (r[j] === '' ? null : r[j]!));
        return cells.every((c) => c === null || !Number.isNaN(Number(c)))
          ? numericColumn(name, Float64Array.from(cells, (c) => (c === null ? NaN : Number(c))))
          : stringColumn(name, cells);
      });
      return { table: { rowCount: rows.length, columns }, warnings: [] };
    },
  };
}

export function fakeProfile(table: Table): Profile {
  return {
    rows: table.rowCount,
    columns: table.columns.map((c, index) => ({
      name: c.name,
      index,
      kind: c.type === 'numeric' ? 'continuous' : 'categorical',
      reason: 'fake',
      count: table.rowCount,
      missing: 0,
      distinct: 0,
    })),
  };
}

export interface FakeSynthLog {
  fits: { epochs: number; initialWeights?: Float32Array[]; backend: string }[];
  samples: { rows: number; seed?: number }[];
  disposed: number;
}

/** Two steps per epoch; weights = [epochs trained so far]; samples x ~ U(0,10), c in {a,b}. */
export class FakeSynth implements SynthesizerLike {
  trained = 0;
  constructor(private readonly log: FakeSynthLog, private readonly backend: () => string, private readonly stepDelayMs = 0) {}

  async fit(_table: Table, _plan: ColumnPlan[], options: TrainOptions, hooks: FitHooks): Promise<void> {
    this.log.fits.push({ epochs: options.epochs, ...(hooks.initialWeights ? { initialWeights: hooks.initialWeights } : {}), backend: this.backend() });
    this.trained = hooks.initialWeights ? hooks.initialWeights[0]![0]! : 0;
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      for (let step = 1; step <= 2; step++) {
        while (hooks.control?.paused) await new Promise((r) => setTimeout(r, 2));
        if (hooks.signal?.aborted) throw new SynthtabError('cancelled', 'Training was cancelled.');
        if (hooks.control?.stop) return;
        if (this.stepDelayMs) await new Promise((r) => setTimeout(r, this.stepDelayMs));
        await hooks.onEvent?.({ type: 'step', epoch, step, stepsPerEpoch: 2, lossG: -epoch, lossD: epoch / 10 });
      }
      this.trained++;
      await hooks.onEvent?.({ type: 'epoch', epoch, epochs: options.epochs, lossG: -epoch, lossD: epoch / 10, seconds: 0 });
    }
  }

  async sample(rows: number, options: { seed?: number }): Promise<Table> {
    this.log.samples.push({ rows, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
    const rng = createRng(options.seed ?? 0);
    const x = new Float64Array(rows);
    const c: string[] = [];
    for (let i = 0; i < rows; i++) {
      x[i] = Math.floor(rng.next() * 10);
      c.push(rng.next() < 0.5 ? 'a' : 'b');
    }
    return { rowCount: rows, columns: [numericColumn('x', x), stringColumn('c', c)] };
  }

  toFile(): string {
    return JSON.stringify({ fake: true, trained: this.trained });
  }

  async getWeights(): Promise<Float32Array[]> {
    return [Float32Array.of(this.trained)];
  }

  dispose(): void {
    this.log.disposed++;
  }

  columns(): string[] {
    return ['x', 'c'];
  }
}

export interface FakeEngine extends Engine {
  log: FakeSynthLog;
  active: () => BackendName;
}

/** A fake engine; `chain` is the order backends start in (select takes the first). */
export function fakeEngine(chain: BackendName[] = ['wasm', 'cpu'], stepDelayMs = 0): FakeEngine {
  const log: FakeSynthLog = { fits: [], samples: [], disposed: 0 };
  let active: BackendName = chain[0]!;
  const choice = (b: BackendName, reason: string): BackendChoice => ({ backend: b, adapter: `fake ${b}`, reason });
  return {
    log,
    active: () => active,
    createCsvParser: () => fakeParser(),
    profileTable: fakeProfile,
    createSynthesizer: (method) => {
      if (method !== 'ctgan') throw new SynthtabError('bad-option', `Method ${method} is not available.`);
      return new FakeSynth(log, () => active, stepDelayMs);
    },
    loadSynthesizer: (json) => {
      const parsed = JSON.parse(json) as { fake?: boolean; trained?: number };
      if (!parsed.fake) throw new SynthtabError('bad-model-file', 'Not a model file.');
      const s = new FakeSynth(log, () => active);
      s.trained = parsed.trained ?? 0;
      return s;
    },
    evaluate: async (real, synthetic) => ({ realRows: real.rowCount, syntheticRows: synthetic.rowCount }),
    *tableToCsvChunks(table, { header }) {
      if (header) yield table.columns.map((c) => c.name).join(',') + '\n';
      for (const row of toRows(table)) yield row.map((v) => v ?? '').join(',') + '\n';
    },
    backends: {
      select: async (pref) => {
        active = pref === 'auto' ? chain[0]! : pref;
        return choice(active, pref === 'auto' ? 'auto' : 'forced');
      },
      fallback: async (failed, why) => {
        const next = chain[chain.indexOf(failed) + 1];
        if (!next) return null;
        active = next;
        return choice(next, `${failed} failed (${why})`);
      },
    },
  };
}

/** Collects posted events (and transfer lists). */
export function recorder(): { events: WorkerEvent[]; transfers: Transferable[][]; post: (e: WorkerEvent, t?: Transferable[]) => void; of<T extends WorkerEvent['type']>(type: T): Extract<WorkerEvent, { type: T }>[] } {
  const events: WorkerEvent[] = [];
  const transfers: Transferable[][] = [];
  return {
    events,
    transfers,
    post: (e, t) => {
      events.push(e);
      if (t) transfers.push(t);
    },
    of: <T extends WorkerEvent['type']>(type: T) => events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type),
  };
}
