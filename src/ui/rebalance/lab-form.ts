/**
 * The rebalance lab's form as typed (strings, so half-typed numbers stay editable) and its
 * translation into a worker request. Pure, so the checks are unit-tested in Node.
 */
import { REBALANCE_METHODS, type ClassifierName, type RebalanceMethod } from '../../core/rebalance/lab.ts';
import type { BackendName } from '../../worker/protocol.ts';
import { CLI_DEFAULTS, type RebalanceRequestBody } from './cli-command.ts';

/** Seeds per run in the app (each seed is a fresh split and fresh resampling; CTGAN trains once per seed). */
export const MAX_SEEDS = 5;
/** CTGAN epochs the form starts with: a quick first look (the CLI's default is 30). */
export const DEFAULT_LAB_EPOCHS = 10;

export interface LabForm {
  /** The target the user picked; null = the suggested one. */
  target: string | null;
  /** The positive class; '' = the rarest class. */
  minority: string;
  classifier: ClassifierName;
  seed: string;
  seeds: string;
  ratio: string;
  epochs: string;
  /** Cut the training split's minority to this share (the benchmark's 'rare' scenario); '' = as is. */
  rarer: string;
  methods: RebalanceMethod[];
}

/** A fresh form: every method, one seed, balanced (ratio 1). */
export function defaultLabForm(seed: number): LabForm {
  return {
    target: null,
    minority: '',
    classifier: 'logistic',
    seed: String(seed),
    seeds: '1',
    ratio: String(CLI_DEFAULTS.ratio),
    epochs: String(DEFAULT_LAB_EPOCHS),
    rarer: '',
    methods: [...REBALANCE_METHODS],
  };
}

/** The form a previous run was sent with (the panel reopens on it after a tab switch). */
export function formFromRequest(r: RebalanceRequestBody): LabForm {
  return {
    target: r.target,
    minority: r.minority ?? '',
    classifier: r.classifier ?? 'logistic',
    seed: String(r.seed ?? CLI_DEFAULTS.seed),
    seeds: String(r.seeds ?? 1),
    ratio: String(r.ratio ?? CLI_DEFAULTS.ratio),
    epochs: String(r.epochs ?? DEFAULT_LAB_EPOCHS),
    rarer: r.trainMinorityShare !== undefined ? String(r.trainMinorityShare) : '',
    methods: r.methods ? REBALANCE_METHODS.filter((m) => r.methods!.includes(m)) : [...REBALANCE_METHODS],
  };
}

/** Toggle one method, keeping the lab's method order. */
export function toggleMethod(methods: readonly RebalanceMethod[], m: RebalanceMethod): RebalanceMethod[] {
  return methods.includes(m) ? methods.filter((x) => x !== m) : REBALANCE_METHODS.filter((x) => x === m || methods.includes(x));
}

const isWhole = (s: string): boolean => /^\s*\d+\s*$/.test(s);

/**
 * The request for `form` on `target`, or a one-line message saying which field is wrong.
 * `backend` is the URL's ?backend= (only the CTGAN method uses TF.js).
 */
export function labRequest(form: LabForm, target: string, backend: BackendName | 'auto'): { request: RebalanceRequestBody } | { error: string } {
  if (!target) return { error: 'Pick a target column.' };
  if (form.methods.length === 0) return { error: 'Pick at least one method to compare.' };
  const seed = Number(form.seed);
  if (!isWhole(form.seed) || seed > 0xffffffff) return { error: `The seed must be a whole number from 0 to 4294967295, got '${form.seed}'.` };
  const seeds = Number(form.seeds);
  if (!isWhole(form.seeds) || seeds < 1 || seeds > MAX_SEEDS) return { error: `Seeds must be a whole number from 1 to ${MAX_SEEDS}, got '${form.seeds}'.` };
  if (seed + seeds - 1 > 0xffffffff) return { error: `Seeds ${seed}..${seed + seeds - 1} go past 4294967295: pick a smaller seed.` };
  const ratio = Number(form.ratio);
  if (form.ratio.trim() === '' || !(ratio > 0 && ratio <= 1)) return { error: `Ratio must be in (0, 1] (minority / majority after rebalancing), got '${form.ratio}'.` };
  const rarer = Number(form.rarer);
  if (form.rarer.trim() !== '' && !(rarer > 0 && rarer < 1)) return { error: `The training minority share must be in (0, 1), e.g. 0.05, got '${form.rarer}'.` };
  const ctgan = form.methods.includes('ctgan');
  const epochs = Number(form.epochs);
  if (ctgan && (!isWhole(form.epochs) || epochs < 1)) return { error: `CTGAN epochs must be a whole number from 1, got '${form.epochs}'.` };
  return {
    request: {
      target,
      ...(form.minority !== '' ? { minority: form.minority } : {}),
      seed,
      seeds,
      ratio,
      methods: REBALANCE_METHODS.filter((m) => form.methods.includes(m)),
      classifier: form.classifier,
      ...(form.rarer.trim() !== '' ? { trainMinorityShare: rarer } : {}),
      ...(ctgan ? { epochs, ...(backend !== 'auto' ? { backend } : {}) } : {}),
    },
  };
}
