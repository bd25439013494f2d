/**
 * `evaluate(real, synthetic)`: the whole report of DESIGN.md "Report JSON" (quality, diagnostics,
 * privacy, efficacy, missing rates), from one pass of `prepare` over the tables. Pure and
 * deterministic under `rng` (default seed 0); runs in a browser worker or in Node.
 *
 * Cost on 30k x 15: shapes, pair trends, diagnostics and missing rates are O(rows * pairs); DCR is
 * sampled (2,000 synthetic vs 10,000 training rows, see privacy.ts); efficacy trains two classifiers
 * on at most 20,000 rows each (see efficacy.ts).
 */
import type { Rng } from '../rng.ts';
import { createRng } from '../rng.ts';
import type { Table } from '../table/table.ts';
import type { ColumnKind } from '../types.ts';
import { SynthtabError } from '../errors.ts';
import type { MetricRole } from './column-roles.ts';
import { diagnostics } from './diagnostics.ts';
import type { Diagnostics } from './diagnostics.ts';
import { efficacy } from './efficacy.ts';
import type { Efficacy } from './efficacy.ts';
import { missingRates } from './missing-rate.ts';
import type { MissingRate } from './missing-rate.ts';
import { prepare } from './prepare.ts';
import { privacy } from './privacy.ts';
import type { Privacy } from './privacy.ts';
import { qualityReport } from './quality-report.ts';
import type { QualityReport } from './quality-report.ts';
import { sampleRows } from './subsample.ts';

export type { QualityReport } from './quality-report.ts';
export type { ColumnScore } from './column-shapes.ts';
export type { PairScore } from './column-pair-trends.ts';
export type { Diagnostics, ColumnDiagnostic } from './diagnostics.ts';
export type { Privacy, Quantiles, PrivacyVerdict } from './privacy.ts';
export type { Efficacy, EfficacyScores } from './efficacy.ts';
export type { MissingRate } from './missing-rate.ts';

/** The evaluation report (DESIGN.md "Report JSON", plus detail fields). */
export interface Report {
  quality: QualityReport;
  diagnostics: Diagnostics;
  privacy: Privacy;
  /** Present when a target column was given. */
  efficacy?: Efficacy;
  /** Missing-value rate per scored column, real vs synthetic. */
  missing: MissingRate[];
  /** How each column was treated (excluded columns are not scored). */
  columns: { name: string; kind: ColumnKind; role: MetricRole }[];
  /** Rows used (after `maxRows` sampling). */
  rows: { real: number; synthetic: number; holdout: number };
}

export interface EvaluateOptions {
  /** Real rows the synthesizer did not see: the privacy baseline and the efficacy test set. */
  holdout?: Table;
  /** Column for ML efficacy (TSTR vs TRTR); no efficacy section without it. */
  target?: string;
  /** Positive class of a binary target (default: the minority class). */
  positive?: string;
  /** Column kinds from the profile (default: a simple rule from the column types). */
  kinds?: Readonly<Record<string, ColumnKind>>;
  rng?: Rng;
  /** Sample at most this many rows of each table first (default: all rows). */
  maxRows?: number;
  /** Efficacy classifier (default 'gbdt'). */
  model?: 'gbdt' | 'logistic';
}

/** Evaluate `synthetic` against `real` (see the file comment). Throws SynthtabError on bad input. */
export function evaluate(real: Table, synthetic: Table, opts: EvaluateOptions = {}): Report {
  const rng = opts.rng ?? createRng(0);
  const max = opts.maxRows ?? Infinity;
  if (!(max > 0)) throw new SynthtabError('bad-option', `maxRows must be positive, got ${opts.maxRows}.`);
  const r = sampleRows(real, max, rng);
  const s = sampleRows(synthetic, max, rng);
  const h = opts.holdout ? sampleRows(opts.holdout, max, rng) : undefined;
  const p = prepare(r, s, { kinds: opts.kinds, holdout: h });
  if (p.columns.length === 0) {
    throw new SynthtabError('bad-column', 'No columns to compare: every column is an identifier, free text, constant or empty.');
  }
  const report: Report = {
    quality: qualityReport(p.columns),
    diagnostics: diagnostics(p.columns),
    privacy: privacy(p.columns, { rng: rng.fork() }),
    missing: missingRates(p.columns),
    columns: p.roles.map((x) => ({ name: x.name, kind: x.kind, role: x.role })),
    rows: { real: p.realRows, synthetic: p.synthRows, holdout: p.holdoutRows },
  };
  if (opts.target !== undefined) {
    report.efficacy = efficacy(r, s, { target: opts.target, rng: rng.fork(), holdout: h, positive: opts.positive, model: opts.model, kinds: opts.kinds });
  }
  return report;
}
