/**
 * Reading the worker's report for the panel: a guard from the opaque `unknown` of the protocol to
 * core/metrics' Report type, and the shaping the charts need (sorting, picking, zipping into
 * recharts rows, the heatmap colour scale). No statistics here: every number comes from the
 * worker (STYLE.md section 11).
 */
import type { ColumnScore, MissingRate, PairScore, Report } from '../../core/metrics/evaluate.ts';
import type { ColumnPlan } from '../../core/types.ts';
import { baseName } from '../shared/format.ts';

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

const isNumber = (x: unknown): x is number => typeof x === 'number';

/** `report.quality.overall` when it is a finite number (even if the rest of the report is not readable). */
export function overallScore(report: unknown): number | null {
  if (!isObject(report) || !isObject(report.quality)) return null;
  const overall = report.quality.overall;
  return isNumber(overall) && Number.isFinite(overall) ? overall : null;
}

/**
 * The report as core/metrics' Report, or null when a section the panel draws is missing (an
 * older worker, a fake engine). Checks the shape the panel reads, not every field.
 */
export function readReport(report: unknown): Report | null {
  if (!isObject(report)) return null;
  const { quality, diagnostics, privacy, missing, columns, rows } = report;
  if (!isObject(quality) || !isNumber(quality.overall) || !isNumber(quality.columnShapes) || !isNumber(quality.columnPairTrends)) return null;
  if (!Array.isArray(quality.columns) || !Array.isArray(quality.pairs)) return null;
  if (!isObject(diagnostics) || !Array.isArray(diagnostics.columns)) return null;
  if (!isObject(privacy) || !isNumber(privacy.exactCopyRate) || !isNumber(privacy.dcrMedian) || typeof privacy.reading !== 'string') return null;
  if (!Array.isArray(missing) || !Array.isArray(columns) || !isObject(rows)) return null;
  if (report.efficacy !== undefined && (!isObject(report.efficacy) || !isObject(report.efficacy.real) || !isObject(report.efficacy.synthetic))) return null;
  // The checks above cover what the panel reads; the worker builds the report with core/metrics' evaluate().
  return report as unknown as Report;
}

/** A 0..1 score as shown in the panel: two decimals; a missing score (NaN, null) as a dash. */
export function formatScore(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
}

/** Per-column shape scores, worst first (ties by name, so the order is stable). */
export function columnScoreRows(columns: readonly ColumnScore[]): ColumnScore[] {
  return [...columns].sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
}

/** Colour band of a 0..1 score for bars and badges. */
export function scoreBand(score: number): 'good' | 'fair' | 'poor' {
  return score >= 0.85 ? 'good' : score >= 0.7 ? 'fair' : 'poor';
}

export const BAND_COLORS = { good: '#16a34a', fair: '#d97706', poor: '#dc2626' } as const;

/** The pairs to list: worst first, trending pairs only when `trendingOnly`, at most `limit`. */
export function pairRows(pairs: readonly PairScore[], trendingOnly: boolean, limit = 10): PairScore[] {
  return pairs
    .filter((p) => !trendingOnly || p.trending)
    .sort((a, b) => a.score - b.score || a.a.localeCompare(b.a) || a.b.localeCompare(b.b))
    .slice(0, limit);
}

/** Columns with missing values in either table (the others are summarised in one line). */
export function missingRows(missing: readonly MissingRate[]): MissingRate[] {
  return missing.filter((m) => m.real > 0 || m.synthetic > 0);
}

/** Columns a classifier can predict for ML efficacy: categorical or boolean, not excluded. */
export function efficacyTargets(plan: readonly ColumnPlan[]): string[] {
  return plan.filter((p) => !p.excluded && (p.kind === 'categorical' || p.kind === 'boolean')).map((p) => p.name);
}

/** The download name of the report JSON: `<input>-report.json`. */
export function reportFileName(inputName: string): string {
  return `${baseName(inputName)}-report.json`;
}

/** The report as a JSON document (what `evaluate --json` prints); a NaN score becomes null. */
export function reportJson(report: Report): string {
  return JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/**
 * Diverging colour for an association or a difference in [-1, 1] (clamped): blue for negative,
 * white at 0, red for positive. Returned as an `rgb()` string for SVG fills.
 */
export function heatColor(v: number): string {
  const t = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
  // White (248,250,252) towards red (220,38,38) or blue (37,99,235).
  const to = t >= 0 ? [220, 38, 38] : [37, 99, 235];
  const a = Math.abs(t);
  const mix = (from: number, end: number) => Math.round(from + (end - from) * a);
  return `rgb(${mix(248, to[0]!)},${mix(250, to[1]!)},${mix(252, to[2]!)})`;
}

/** Readable text colour on a heatmap cell. */
export function heatTextColor(v: number): string {
  return Number.isFinite(v) && Math.abs(v) > 0.55 ? '#ffffff' : '#111827';
}

/** A heatmap cell's label: one decimal without the leading zero (".4", "-.2"); a value that rounds to 0 is "0". */
export function cellLabel(v: number): string {
  if (!Number.isFinite(v)) return '';
  const t = v.toFixed(1);
  if (Number(t) === 0) return '0';
  return t.replace(/^(-?)0\./, '$1.');
}

export interface HeatmapLayout {
  /** Cell side, label column width and header height, in SVG units. */
  cell: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Heatmap geometry: bigger cells for few columns, label room from the longest (shortened) name. */
export function heatmapLayout(columns: readonly string[]): HeatmapLayout {
  const n = columns.length;
  const cell = Math.max(16, Math.min(40, Math.floor(320 / Math.max(n, 1))));
  const longest = Math.max(1, ...columns.map((c) => shortName(c).length));
  // ~6.2 units per character at font size 11; the header labels are rotated 55 degrees.
  const left = Math.ceil(longest * 6.2) + 10;
  const top = Math.ceil(longest * 6.2 * Math.sin((55 * Math.PI) / 180)) + 12;
  return { cell, left, top, width: left + n * cell + 4, height: top + n * cell + 4 };
}

/** A column name cut to `max` characters for axis labels (the full name goes in the tooltip). */
export function shortName(name: string, max = 14): string {
  return name.length <= max ? name : `${name.slice(0, max - 1)}…`;
}

/** Verdict wording for the privacy badge. */
export const VERDICT_LABELS: Record<Report['privacy']['verdict'], string> = {
  farther: 'farther than real rows',
  similar: 'as close as real rows',
  closer: 'closer than real rows',
  'much-closer': 'much closer than real rows',
};
