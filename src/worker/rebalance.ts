/**
 * The rebalance lab in the worker (and the CTGAN hook the CLI shares): runs core/rebalance's
 * `runRebalanceLab` with a CTGAN minority synthesizer, posting 'progress' events and one
 * 'rebalance-result' event. The handler routes `{ type: 'rebalance' }` requests here and sends
 * 'done' / 'error' itself.
 */
import type { SynthesizeMinority } from '../core/rebalance/ctgan.ts';
import { runRebalanceLab, type RebalanceMethod } from '../core/rebalance/lab.ts';
import { augmentedTrainingSet } from '../core/rebalance/augmented.ts';
import type { TrainingSet } from '../core/rebalance/training-set.ts';
import { planFromProfile } from '../core/profile/plan.ts';
import { profileTable } from '../core/profile/profile.ts';
import { isSynthtabError } from '../core/errors.ts';
import type { Table } from '../core/table/table.ts';
import type { ColumnKind, ColumnPlan, Condition, Profile, TrainEvent, TrainOptions } from '../core/types.ts';
import type { Request, WorkerEvent } from './protocol.ts';

/** What the lab needs from a synthesizer (CtganSynthesizer and the worker's SynthesizerLike both fit). */
export interface MinoritySynthesizer {
  fit(table: Table, plan: ColumnPlan[], options: TrainOptions | Partial<TrainOptions>, hooks: { onEvent?: (e: TrainEvent) => void | Promise<void>; signal?: AbortSignal }): Promise<unknown>;
  sample(rows: number, options: { condition?: Condition; seed?: number }): Promise<Table>;
  dispose(): void;
}

export interface CtganMinorityOptions {
  epochs: number;
  batchSize?: number;
  signal?: AbortSignal;
  /** Training progress of the minority synthesizer. */
  onEpoch?: (epoch: number, epochs: number) => void;
}

/** The target's plan kind must be discrete for conditional sampling; other kinds follow the profile. */
function planFor(train: Table, target: string): ColumnPlan[] {
  return planFromProfile(profileTable(train)).map((p) =>
    p.name === target ? { name: p.name, kind: p.kind === 'boolean' ? 'boolean' : 'categorical' } : p,
  );
}

/**
 * A `SynthesizeMinority` that trains a fresh CTGAN on the training split and samples minority rows
 * with the condition target = minority class. If the model cannot produce that many matching rows
 * (a barely learned class), it asks for half as many, down to one, and returns what it got.
 */
export function ctganMinority(create: () => MinoritySynthesizer, target: string, opts: CtganMinorityOptions): SynthesizeMinority {
  return async (train, n, minorityValue, rng) => {
    const synth = create();
    try {
      await synth.fit(train, planFor(train, target), { epochs: opts.epochs, seed: rng.seed32(), ...(opts.batchSize ? { batchSize: opts.batchSize } : {}) }, {
        onEvent: (e) => {
          if (e.type === 'epoch') opts.onEpoch?.(e.epoch, e.epochs);
        },
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      const condition = { column: target, value: minorityValue };
      let want = n;
      for (;;) {
        try {
          return await synth.sample(want, { condition, seed: rng.seed32() });
        } catch (e) {
          if (!isSynthtabError(e) || e.code !== 'condition-impossible' || want <= 1) throw e;
          want = Math.ceil(want / 2);
        }
      }
    } finally {
      synth.dispose();
    }
  };
}

export type RebalanceRequest = Extract<Request, { type: 'rebalance' }>;

export interface RebalanceDeps {
  /** A fresh CTGAN synthesizer (engine.createSynthesizer('ctgan') in the worker). */
  createSynthesizer?: () => MinoritySynthesizer;
  /** The loaded table's profile (column kinds for the classifier's features). */
  profile?: Profile | null;
  /** CSV text of a table (engine.tableToCsvChunks joined). */
  tableToCsv?: (table: Table) => string;
  signal?: AbortSignal;
}

/** The method whose augmented training set is offered for download by default. */
function defaultAugment(methods: readonly RebalanceMethod[]): RebalanceMethod | null {
  return methods.includes('ctgan') ? 'ctgan' : methods.includes('smote') ? 'smote' : null;
}

/** Run the lab for a 'rebalance' request, posting progress and the 'rebalance-result' event. */
export async function runRebalanceInWorker(table: Table, request: RebalanceRequest, post: (e: WorkerEvent) => void, deps: RebalanceDeps = {}): Promise<void> {
  const requestId = request.id;
  const seed = request.seed ?? 0;
  const seedCount = Math.max(1, request.seeds ?? 1);
  const create = deps.createSynthesizer;
  const methods: RebalanceMethod[] = request.methods ?? ['baseline', 'undersample', 'oversample', 'smote', 'class-weights', ...(create ? (['ctgan'] as const) : [])];
  const kinds: Record<string, ColumnKind> = {};
  for (const c of deps.profile?.columns ?? []) kinds[c.name] = c.kind;
  let stepDone = 0, stepTotal = 1, stepMessage = '';
  const sets = new Map<RebalanceMethod, TrainingSet>();
  const augmentMethod = request.augmentMethod ?? defaultAugment(methods);
  const result = await runRebalanceLab(table, {
    target: request.target,
    ...(request.minority !== undefined ? { minority: request.minority } : {}),
    ...(request.holdout !== undefined ? { holdout: request.holdout } : {}),
    seed,
    seeds: Array.from({ length: seedCount }, (_, i) => seed + i),
    ...(request.ratio !== undefined ? { ratio: request.ratio } : {}),
    ...(request.trainMinorityShare !== undefined ? { trainMinorityShare: request.trainMinorityShare } : {}),
    methods,
    classifier: request.classifier ?? 'logistic',
    kinds,
    ...(create && methods.includes('ctgan')
      ? {
          synthesizeMinority: ctganMinority(create, request.target, {
            epochs: request.epochs ?? 30,
            ...(deps.signal ? { signal: deps.signal } : {}),
            onEpoch: (epoch, epochs) =>
              post({ type: 'progress', requestId, stage: 'rebalance', done: stepDone + epoch / epochs, total: stepTotal, message: `${stepMessage}: epoch ${epoch}/${epochs}` }),
          }),
        }
      : {}),
    onProgress: (p) => {
      stepDone = p.done;
      stepTotal = p.total;
      stepMessage = p.message;
      post({ type: 'progress', requestId, stage: 'rebalance', done: p.done, total: p.total, message: p.message });
    },
    onTrainingSet: (m, set) => {
      if (m === augmentMethod) sets.set(m, set);
    },
  });
  const set = augmentMethod ? sets.get(augmentMethod) : undefined;
  const augmented =
    set && deps.tableToCsv
      ? { method: augmentMethod!, csv: deps.tableToCsv(augmentedTrainingSet(set)), rows: set.table.rowCount, syntheticRows: set.synthetic.reduce((a, b) => a + b, 0) }
      : undefined;
  post({ type: 'rebalance-result', requestId, result, ...(augmented ? { augmented } : {}) });
}
