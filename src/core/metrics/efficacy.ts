/**
 * ML efficacy: train on synthetic, test on real (TSTR) against train on real, test on real (TRTR),
 * for one target column, with the same classifier and features (classifiers/features.ts) for both.
 *
 * - Test set: the real holdout when given. Without one, a seeded 80/20 split of the real data
 *   (TRTR trains on the 80%); the synthesizer probably saw the 20% too, which flatters TSTR, so the
 *   result says `test: 'real-split'`.
 * - Binary targets: the positive class is the minority class of the real training rows, or the
 *   value asked for; accuracy / precision / recall / F1 at threshold 0.5, ROC AUC, PR AUC (average
 *   precision). Multi-class: accuracy, macro F1, one-vs-rest macro ROC AUC and macro average precision.
 * - Model: gradient-boosted trees by default (the REFERENCE.md figures use gradient boosting;
 *   ordinal-coded features, depth 3, learning rate 0.1, 100 rounds for binary targets; for k
 *   classes one-vs-rest with max(20, 200 / k) rounds each, to bound the cost), or L2 logistic
 *   regression on one-hot features. Each model's feature encoder is fitted on its own training
 *   set (TSTR never sees real-data statistics). Training sets are capped at `maxTrainRows` rows.
 * Rows whose target is missing, or a class absent from the real training rows, are dropped.
 */
import type { Rng } from '../rng.ts';
import type { Table } from '../table/table.ts';
import { takeRows } from '../table/table.ts';
import type { ColumnKind } from '../types.ts';
import { SynthtabError } from '../errors.ts';
import { OneVsRest } from '../classifiers/classifier.ts';
import type { ClassifierFactory, Matrix } from '../classifiers/classifier.ts';
import { encodeLabels, fitFeatureEncoder, fitLabels } from '../classifiers/features.ts';
import type { FeatureEncoder, LabelEncoding } from '../classifiers/features.ts';
import { Gbdt } from '../classifiers/gbdt.ts';
import { LogisticRegression } from '../classifiers/logistic.ts';
import { accuracy, argmaxRows, binaryScores, macroAveragePrecision, macroF1, macroRocAuc } from '../classifiers/scores.ts';
import { columnTexts } from './column-roles.ts';
import { sampleIndices } from './subsample.ts';

export interface EfficacyScores {
  accuracy: number;
  /** Binary: F1 of the positive class; multi-class: macro F1. */
  f1: number;
  /** Binary: ROC AUC; multi-class: one-vs-rest macro ROC AUC. */
  rocAuc: number;
  /** Binary: average precision; multi-class: macro average precision. */
  prAuc: number;
  /** Binary only. */
  precision?: number;
  /** Binary only. */
  recall?: number;
}

export interface Efficacy {
  target: string;
  task: 'binary' | 'multiclass';
  classes: string[];
  /** The positive class of a binary target, else null. */
  positiveClass: string | null;
  model: 'gbdt' | 'logistic';
  test: 'holdout' | 'real-split';
  testRows: number;
  trainRows: { real: number; synthetic: number };
  /** Trained on real (TRTR). */
  real: EfficacyScores;
  /** Trained on synthetic (TSTR). */
  synthetic: EfficacyScores;
}

export interface EfficacyOptions {
  target: string;
  rng: Rng;
  holdout?: Table;
  positive?: string;
  model?: 'gbdt' | 'logistic';
  kinds?: Readonly<Record<string, ColumnKind>>;
  /** Cap on each training set (default 20,000 rows). */
  maxTrainRows?: number;
}

/** Most distinct values a target may have to count as a class label. */
const MAX_CLASSES = 30;

function factoryFor(model: 'gbdt' | 'logistic', classes: number): ClassifierFactory {
  const rounds = classes <= 2 ? 100 : Math.max(20, Math.round(200 / classes));
  return model === 'gbdt' ? () => new Gbdt({ rounds, depth: 3, learningRate: 0.1 }) : () => new LogisticRegression();
}

function checkTarget(real: Table, target: string): void {
  const col = real.columns.find((c) => c.name === target);
  if (!col) throw new SynthtabError('bad-column', `Target column '${target}' is not in the data (columns: ${real.columns.map((c) => c.name).join(', ')}).`);
  const distinct = new Set(columnTexts(col).filter((t) => t !== null));
  if (distinct.size > MAX_CLASSES) {
    throw new SynthtabError('bad-option', `Target column '${target}' has ${distinct.size} distinct values; ML efficacy needs a categorical target (at most ${MAX_CLASSES} classes).`);
  }
}

/** Rows with a known label, capped at `max` by a seeded sample. */
function usable(table: Table, y: Int32Array, max: number, rng: Rng): { table: Table; y: Int32Array } {
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++) if (y[i]! >= 0) keep.push(i);
  const pick = sampleIndices(keep.length, max, rng);
  const rows = Int32Array.from(pick, (p) => keep[p]!);
  return { table: takeRows(table, rows), y: Int32Array.from(rows, (r) => y[r]!) };
}

function score(train: { X: Matrix; y: Int32Array }, test: { X: Matrix; y: Int32Array }, enc: LabelEncoding, factory: ClassifierFactory): EfficacyScores {
  if (enc.classes.length === 2) {
    const m = factory();
    m.fit(train.X, train.y);
    const s = binaryScores(test.y, m.predictProba(test.X));
    return { accuracy: s.accuracy, f1: s.f1, rocAuc: s.rocAuc, prAuc: s.prAuc, precision: s.precision, recall: s.recall };
  }
  const k = enc.classes.length;
  const m = new OneVsRest(factory);
  m.fit(train.X, train.y, k);
  const p = m.predictProba(test.X);
  const pred = argmaxRows(p);
  return { accuracy: accuracy(test.y, pred), f1: macroF1(test.y, pred, k), rocAuc: macroRocAuc(test.y, p), prAuc: macroAveragePrecision(test.y, p) };
}

/** TSTR vs TRTR for `opts.target` (see the file comment). `synthetic` must have the real columns. */
export function efficacy(real: Table, synthetic: Table, opts: EfficacyOptions): Efficacy {
  const { target, rng } = opts;
  checkTarget(real, target);
  const model = opts.model ?? 'gbdt';
  const maxTrain = opts.maxTrainRows ?? 20000;
  let trainReal: Table;
  let test: Table;
  if (opts.holdout) {
    trainReal = real;
    test = opts.holdout;
  } else {
    if (real.rowCount < 10) throw new SynthtabError('bad-option', 'ML efficacy needs at least 10 real rows (or a holdout file).');
    const order = rng.shuffle(Int32Array.from({ length: real.rowCount }, (_, i) => i));
    const nTest = Math.max(1, Math.round(real.rowCount * 0.2));
    test = takeRows(real, order.slice(0, nTest).sort());
    trainReal = takeRows(real, order.slice(nTest).sort());
  }
  const labels = fitLabels(trainReal, target, opts.positive);
  const rows = (t: Table, max: number): { table: Table; y: Int32Array } => usable(t, encodeLabels(t, target, labels), max, rng);
  const testRows = rows(test, Number.MAX_SAFE_INTEGER);
  const fitOn = (train: { table: Table; y: Int32Array }): { train: { X: Matrix; y: Int32Array }; test: { X: Matrix; y: Int32Array } } => {
    const enc: FeatureEncoder = fitFeatureEncoder(train.table, target, {
      kinds: opts.kinds, encoding: model === 'gbdt' ? 'ordinal' : 'one-hot', labels,
    });
    return { train: { X: enc.transform(train.table), y: train.y }, test: { X: enc.transform(testRows.table), y: testRows.y } };
  };
  if (testRows.y.length === 0) throw new SynthtabError('bad-option', `No test rows have a known '${target}' class.`);
  const realSets = fitOn(rows(trainReal, maxTrain));
  const synthSets = fitOn(rows(synthetic, maxTrain));
  const realTrain = realSets.train;
  const synthTrain = synthSets.train;
  const testSet = realSets.test;
  if (synthTrain.y.length === 0) throw new SynthtabError('bad-option', `No synthetic rows have a '${target}' class seen in the real data.`);
  const factory = factoryFor(model, labels.classes.length);
  return {
    target,
    task: labels.classes.length === 2 ? 'binary' : 'multiclass',
    classes: labels.classes,
    positiveClass: labels.classes.length === 2 ? labels.classes[labels.positive]! : null,
    model,
    test: opts.holdout ? 'holdout' : 'real-split',
    testRows: testSet.y.length,
    trainRows: { real: realTrain.y.length, synthetic: synthTrain.y.length },
    real: score(realTrain, testSet, labels, factory),
    synthetic: score(synthTrain, synthSets.test, labels, factory),
  };
}
