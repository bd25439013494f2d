/**
 * The rebalance lab: for one target, compare ways of treating class imbalance on the same
 * stratified holdout. Each method builds a training set from the training split only (the
 * holdout is never resampled, weighted or seen by a synthesizer); one classifier is fitted per
 * method and scored on the holdout, minority class = positive (one-vs-rest for multi-class).
 *
 * Determinism: the split draws from createRng(seed); each method draws from its own stream derived
 * from (seed, method), so a method's numbers do not depend on which other methods run. The CLI and
 * the worker call this same function, so the same seed gives the same JSON in both.
 */
import { bestF1Threshold, binaryScores, prCurve, type PrPoint } from '../classifiers/scores.ts';
import { buildFeatures } from '../classifiers/features.ts';
import { Gbdt } from '../classifiers/gbdt.ts';
import { LogisticRegression } from '../classifiers/logistic.ts';
import type { Classifier } from '../classifiers/classifier.ts';
import { SynthtabError } from '../errors.ts';
import { createRng, type Rng } from '../rng.ts';
import { takeRows, type Table } from '../table/table.ts';
import type { ColumnKind } from '../types.ts';
import { classWeights } from './class-weights.ts';
import { ctganOversample, type SynthesizeMinority } from './ctgan.ts';
import { oversample } from './oversample.ts';
import { smote } from './smote.ts';
import { stratifiedSplit } from './split.ts';
import { binaryLabels, resolveTarget, type ClassCount } from './target.ts';
import { baseline, checkRatio, countLabels, type TrainingSet } from './training-set.ts';
import { undersample } from './undersample.ts';
import { meanAndSpread, thinCurve, type MethodScores, type ScoreName } from './summary.ts';

export { SCORE_NAMES, type MethodScores, type ScoreName } from './summary.ts';

export const REBALANCE_METHODS = ['baseline', 'undersample', 'oversample', 'smote', 'class-weights', 'ctgan'] as const;
export type RebalanceMethod = (typeof REBALANCE_METHODS)[number];
export type ClassifierName = 'logistic' | 'gbdt';

/** Progress of a lab run: one step per (seed, method). */
export interface RebalanceProgress {
  done: number;
  total: number;
  seed: number;
  method: RebalanceMethod;
  message: string;
}

export interface RebalanceOptions {
  target: string;
  /** The positive class; default the rarest class. */
  minority?: string;
  /** Holdout fraction, stratified (default 0.2). */
  holdout?: number;
  seed: number;
  /** Several seeds (each one a fresh split and fresh resampling); overrides `seed`. */
  seeds?: number[];
  /** Wanted minority / majority size after resampling (default 1 = balanced). */
  ratio?: number;
  /** Default: every method, minus 'ctgan' when no synthesizer is given. */
  methods?: RebalanceMethod[];
  classifier?: ClassifierName;
  /** Column kinds from the profile (feature encoding); default by column type. */
  kinds?: Readonly<Record<string, ColumnKind>>;
  /**
   * Benchmark knob: randomly drop minority rows of the training split until they are this share
   * of it (e.g. 0.05), to make the task harder. The holdout is untouched.
   */
  trainMinorityShare?: number;
  synthesizeMinority?: SynthesizeMinority;
  onProgress?: (p: RebalanceProgress) => void;
  /** Called with every method's training set of the first seed (e.g. to offer a download). */
  onTrainingSet?: (method: RebalanceMethod, set: TrainingSet) => void;
}

export interface MethodResult extends MethodScores {
  name: RebalanceMethod;
  /** Precision-recall curve on the holdout (first seed), at most ~100 points, highest threshold first. */
  prCurve: PrPoint[];
  /** With several seeds: the scores above are means and this is their standard deviation. */
  spread?: Record<ScoreName, number>;
}

export interface SeedResult {
  seed: number;
  methods: (MethodScores & { name: RebalanceMethod })[];
}

/** DESIGN.md's Rebalance JSON, extended with the context needed to read it. */
export interface RebalanceResult {
  target: string;
  minorityClass: string;
  /** All classes of the target with their counts (whole table). */
  classes: ClassCount[];
  holdoutRows: number;
  holdoutMinority: number;
  trainRows: number;
  trainMinority: number;
  classifier: ClassifierName;
  ratio: number;
  seeds: number[];
  methods: MethodResult[];
  /** Per-seed scores (present when several seeds ran). */
  perSeed?: SeedResult[];
}

function makeClassifier(name: ClassifierName): Classifier {
  return name === 'gbdt' ? new Gbdt() : new LogisticRegression();
}

/** A per-(seed, method) stream, independent of which other methods run. */
function methodRng(seed: number, method: RebalanceMethod): Rng {
  const k = REBALANCE_METHODS.indexOf(method) + 1;
  return createRng((seed ^ Math.imul(k, 0x9e3779b9)) >>> 0);
}

/** Drop random minority rows until they are `share` of the split (bench knob). */
function thinMinority(rows: Int32Array, labels: Uint8Array, share: number, rng: Rng): Int32Array {
  if (!(share > 0 && share < 1)) throw new SynthtabError('bad-option', `Training minority share must be in (0, 1), got ${share}.`);
  const minority = [...rows].filter((r) => labels[r] === 1);
  const majority = rows.length - minority.length;
  const keep = Math.max(2, Math.round((share * majority) / (1 - share)));
  if (keep >= minority.length) return rows;
  const kept = new Set(rng.shuffle(minority).slice(0, keep));
  return Int32Array.from([...rows].filter((r) => labels[r] !== 1 || kept.has(r)));
}

async function buildSet(
  method: RebalanceMethod,
  train: Table,
  targetIndex: number,
  labels: Uint8Array,
  minorityClass: string,
  ratio: number,
  rng: Rng,
  synthesize: SynthesizeMinority | undefined,
): Promise<TrainingSet> {
  switch (method) {
    case 'baseline':
      return baseline(train, labels);
    case 'undersample':
      return undersample(train, labels, ratio, rng);
    case 'oversample':
      return oversample(train, labels, ratio, rng);
    case 'smote':
      return smote(train, targetIndex, labels, ratio, rng);
    case 'class-weights':
      return classWeights(train, labels);
    case 'ctgan':
      if (!synthesize) throw new SynthtabError('bad-option', 'The ctgan method needs a synthesizer.');
      return ctganOversample(train, targetIndex, labels, minorityClass, ratio, rng, synthesize);
  }
}

/**
 * Run the lab: split, build each method's training set, fit the classifier, score on the holdout.
 * With several seeds the method entries hold mean scores plus `spread` (standard deviation).
 */
export async function runRebalanceLab(table: Table, options: RebalanceOptions): Promise<RebalanceResult> {
  const holdoutFraction = options.holdout ?? 0.2;
  const ratio = options.ratio ?? 1;
  checkRatio(ratio);
  const classifier = options.classifier ?? 'logistic';
  if (classifier !== 'logistic' && classifier !== 'gbdt') {
    throw new SynthtabError('bad-option', `Unknown classifier '${String(classifier)}' (use logistic or gbdt).`);
  }
  const methods = options.methods ?? REBALANCE_METHODS.filter((m) => m !== 'ctgan' || options.synthesizeMinority);
  for (const m of methods) {
    if (!REBALANCE_METHODS.includes(m)) throw new SynthtabError('bad-option', `Unknown method '${m}' (use ${REBALANCE_METHODS.join(', ')}).`);
    if (m === 'ctgan' && !options.synthesizeMinority) throw new SynthtabError('bad-option', 'The ctgan method needs a synthesizer.');
  }
  if (methods.length === 0) throw new SynthtabError('bad-option', 'No rebalancing method selected.');
  const seeds = options.seeds?.length ? options.seeds : [options.seed];
  const info = resolveTarget(table, options.target, options.minority);
  const labelsAll = binaryLabels(table, info);
  const kinds = options.kinds;

  const perSeed: SeedResult[] = [];
  const curves = new Map<RebalanceMethod, PrPoint[]>();
  let shape = { holdoutRows: 0, holdoutMinority: 0, trainRows: 0, trainMinority: 0 };
  const total = seeds.length * methods.length;
  let done = 0;
  for (const [si, seed] of seeds.entries()) {
    const rng = createRng(seed);
    const split = stratifiedSplit(labelsAll, holdoutFraction, rng);
    const trainRows = options.trainMinorityShare === undefined ? split.train : thinMinority(split.train, labelsAll, options.trainMinorityShare, rng);
    const train = takeRows(table, trainRows);
    const trainLabels = Uint8Array.from(trainRows, (r) => labelsAll[r]!);
    const holdout = takeRows(table, split.holdout);
    const yHold = Uint8Array.from(split.holdout, (r) => labelsAll[r]!);
    const counts = countLabels(trainLabels);
    if (counts.minority < 2) {
      throw new SynthtabError('bad-column', `Only ${counts.minority} '${info.minorityClass}' row(s) in the training split: too few to compare methods.`);
    }
    if (si === 0) {
      shape = { holdoutRows: holdout.rowCount, holdoutMinority: countLabels(yHold).minority, trainRows: train.rowCount, trainMinority: counts.minority };
    }
    // One encoder fitted on the real training split, shared by every method of this seed.
    const { encoder } = buildFeatures(train, info.name, { kinds });
    const xHold = encoder.transform(holdout);
    const results: SeedResult['methods'] = [];
    for (const method of methods) {
      options.onProgress?.({ done, total, seed, method, message: `seed ${seed}: ${method}` });
      const set = await buildSet(method, train, info.column, trainLabels, info.minorityClass, ratio, methodRng(seed, method), options.synthesizeMinority);
      if (si === 0) options.onTrainingSet?.(method, set);
      const clf = makeClassifier(classifier);
      clf.fit(encoder.transform(set.table), set.labels, set.weights);
      const proba = clf.predictProba(xHold);
      const s = binaryScores(yHold, proba, 0.5);
      const best = bestF1Threshold(yHold, proba);
      results.push({
        name: method,
        precision: s.precision,
        recall: s.recall,
        f1: s.f1,
        accuracy: s.accuracy,
        rocAuc: s.rocAuc,
        prAuc: s.prAuc,
        bestF1: best,
        trainRows: set.table.rowCount,
        syntheticRows: set.synthetic.reduce((a, b) => a + b, 0),
      });
      if (si === 0) curves.set(method, thinCurve(prCurve(yHold, proba), 100));
      done++;
    }
    perSeed.push({ seed, methods: results });
  }
  options.onProgress?.({ done, total, seed: seeds[seeds.length - 1]!, method: methods[methods.length - 1]!, message: 'done' });

  const summary: MethodResult[] = methods.map((name, k) => {
    const runs = perSeed.map((s) => s.methods[k]!);
    const { mean, spread } = meanAndSpread(runs);
    return { ...mean, name, prCurve: curves.get(name) ?? [], ...(seeds.length > 1 ? { spread } : {}) };
  });
  return {
    target: info.name,
    minorityClass: info.minorityClass,
    classes: info.classes,
    ...shape,
    classifier,
    ratio,
    seeds,
    methods: summary,
    ...(seeds.length > 1 ? { perSeed } : {}),
  };
}
