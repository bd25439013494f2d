/**
 * Classification scores with sklearn's definitions (sklearn.metrics), on plain typed arrays.
 * Binary labels: 1 = positive. Scores/probabilities: higher = more likely positive.
 * Undefined cases follow sklearn's zero_division=0 (precision/recall/F1 = 0) except the
 * rank scores, which are NaN when only one class is present (sklearn raises there).
 */
import type { Labels } from './classifier.ts';
import { SynthtabError } from '../errors.ts';

/** Counts of a binary confusion matrix (positive = 1). */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** The scores reported for a binary task (DESIGN.md report JSON: efficacy). */
export interface BinaryScores {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number;
  prAuc: number;
}

function sameLength(a: { length: number }, b: { length: number }): void {
  if (a.length !== b.length) throw new SynthtabError('internal', `scores: ${a.length} labels but ${b.length} predictions.`);
}

/** Confusion counts of hard predictions against true labels. */
export function confusion(yTrue: Labels, yPred: Labels): Confusion {
  sameLength(yTrue, yPred);
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i] === 1;
    const p = yPred[i] === 1;
    if (t && p) c.tp++;
    else if (!t && p) c.fp++;
    else if (t && !p) c.fn++;
    else c.tn++;
  }
  return c;
}

/** Share of exact label matches (works for class indices too). */
export function accuracy(yTrue: Labels, yPred: Labels): number {
  sameLength(yTrue, yPred);
  if (yTrue.length === 0) return NaN;
  let ok = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) ok++;
  return ok / yTrue.length;
}

/** tp / (tp + fp); 0 when nothing is predicted positive. */
export function precision(c: Confusion): number {
  return c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
}

/** tp / (tp + fn); 0 when there are no positives. */
export function recall(c: Confusion): number {
  return c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
}

/** Harmonic mean of precision and recall = 2tp / (2tp + fp + fn); 0 when undefined. */
export function f1(c: Confusion): number {
  const d = 2 * c.tp + c.fp + c.fn;
  return d === 0 ? 0 : (2 * c.tp) / d;
}

/** Hard predictions: 1 where score >= threshold. */
export function threshold(scores: ArrayLike<number>, t = 0.5): Uint8Array {
  const out = new Uint8Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = scores[i]! >= t ? 1 : 0;
  return out;
}

/**
 * ROC AUC as the Mann-Whitney U statistic: (sum of positive ranks - n1(n1+1)/2) / (n1 n0), with
 * tied scores given their average rank (a tie between a positive and a negative counts 1/2).
 * NaN when either class is absent.
 */
export function rocAuc(yTrue: Labels, scores: ArrayLike<number>): number {
  sameLength(yTrue, scores);
  const n = yTrue.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let n1 = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const midRank = (i + j) / 2 + 1; // ranks are 1-based
    for (let k = i; k <= j; k++) if (yTrue[order[k]!] === 1) { n1++; rankSum += midRank; }
    i = j + 1;
  }
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return NaN;
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}

/** One point of the precision-recall curve: predicting positive when score >= threshold. */
export interface PrPoint {
  threshold: number;
  precision: number;
  recall: number;
}

/**
 * Precision-recall points at every distinct score, highest threshold first (sklearn's
 * precision_recall_curve order reversed, without the artificial (recall 0, precision 1) end point).
 * Empty when there are no positives.
 */
export function prCurve(yTrue: Labels, scores: ArrayLike<number>): PrPoint[] {
  sameLength(yTrue, scores);
  const n = yTrue.length;
  let pos = 0;
  for (let i = 0; i < n; i++) if (yTrue[i] === 1) pos++;
  if (pos === 0) return [];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const points: PrPoint[] = [];
  let tp = 0;
  let fp = 0;
  let i = 0;
  while (i < n) {
    const s = scores[order[i]!]!;
    while (i < n && scores[order[i]!] === s) {
      if (yTrue[order[i]!] === 1) tp++;
      else fp++;
      i++;
    }
    points.push({ threshold: s, precision: tp / (tp + fp), recall: tp / pos });
  }
  return points;
}

/**
 * Average precision as sklearn defines it: AP = sum_n (R_n - R_{n-1}) P_n over the distinct
 * thresholds, highest first (R_0 = 0): a step function, not the trapezoidal area. NaN with no positives.
 */
export function averagePrecision(yTrue: Labels, scores: ArrayLike<number>): number {
  const pts = prCurve(yTrue, scores);
  if (pts.length === 0) return NaN;
  let ap = 0;
  let prevR = 0;
  for (const p of pts) {
    ap += (p.recall - prevR) * p.precision;
    prevR = p.recall;
  }
  return ap;
}

/** The threshold (one of the scores) that maximises F1, with its precision and recall. */
export function bestF1Threshold(yTrue: Labels, scores: ArrayLike<number>): { threshold: number; f1: number; precision: number; recall: number } {
  const pts = prCurve(yTrue, scores);
  let best = { threshold: 0.5, f1: 0, precision: 0, recall: 0 };
  for (const p of pts) {
    const f = p.precision + p.recall === 0 ? 0 : (2 * p.precision * p.recall) / (p.precision + p.recall);
    if (f > best.f1) best = { threshold: p.threshold, f1: f, precision: p.precision, recall: p.recall };
  }
  return best;
}

/** All binary scores of probabilities `proba` (P(positive)) at decision threshold `t` (default 0.5). */
export function binaryScores(yTrue: Labels, proba: ArrayLike<number>, t = 0.5): BinaryScores {
  const pred = threshold(proba, t);
  const c = confusion(yTrue, pred);
  return {
    accuracy: accuracy(yTrue, pred),
    precision: precision(c),
    recall: recall(c),
    f1: f1(c),
    rocAuc: rocAuc(yTrue, proba),
    prAuc: averagePrecision(yTrue, proba),
  };
}

/** Index of the largest probability per row, from per-class columns (ties -> lowest class). */
export function argmaxRows(probaByClass: readonly Float64Array[]): Int32Array {
  const n = probaByClass[0]?.length ?? 0;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < probaByClass.length; c++) if (probaByClass[c]![i]! > probaByClass[best]![i]!) best = c;
    out[i] = best;
  }
  return out;
}

/** Macro F1: the unweighted mean of per-class F1 (each class in turn positive) over classes 0..k-1 present in yTrue or yPred. */
export function macroF1(yTrue: Labels, yPred: Labels, k: number): number {
  sameLength(yTrue, yPred);
  let sum = 0;
  let count = 0;
  for (let c = 0; c < k; c++) {
    const c01: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
    let seen = false;
    for (let i = 0; i < yTrue.length; i++) {
      const t = yTrue[i] === c;
      const p = yPred[i] === c;
      if (t || p) seen = true;
      if (t && p) c01.tp++;
      else if (p) c01.fp++;
      else if (t) c01.fn++;
      else c01.tn++;
    }
    if (!seen) continue;
    sum += f1(c01);
    count++;
  }
  return count === 0 ? NaN : sum / count;
}

/** One-vs-rest macro ROC AUC (sklearn multi_class='ovr', average='macro') over classes present in yTrue. */
export function macroRocAuc(yTrue: Labels, probaByClass: readonly Float64Array[]): number {
  let sum = 0;
  let count = 0;
  for (let c = 0; c < probaByClass.length; c++) {
    const yc = new Uint8Array(yTrue.length);
    for (let i = 0; i < yTrue.length; i++) yc[i] = yTrue[i] === c ? 1 : 0;
    const auc = rocAuc(yc, probaByClass[c]!);
    if (Number.isNaN(auc)) continue;
    sum += auc;
    count++;
  }
  return count === 0 ? NaN : sum / count;
}

/** One-vs-rest macro average precision over classes present in yTrue. */
export function macroAveragePrecision(yTrue: Labels, probaByClass: readonly Float64Array[]): number {
  let sum = 0;
  let count = 0;
  for (let c = 0; c < probaByClass.length; c++) {
    const yc = new Uint8Array(yTrue.length);
    for (let i = 0; i < yTrue.length; i++) yc[i] = yTrue[i] === c ? 1 : 0;
    const ap = averagePrecision(yc, probaByClass[c]!);
    if (Number.isNaN(ap)) continue;
    sum += ap;
    count++;
  }
  return count === 0 ? NaN : sum / count;
}
