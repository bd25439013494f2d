/**
 * `synthtab evaluate --real <csv> --synthetic <csv> [--holdout <csv>] [--target col] [--positive value]
 *  [--model gbdt|logistic] [--seed N] [--max-rows N] [--json]`
 *
 * Compares synthetic rows with the real data (core/metrics/evaluate.ts). --json prints exactly one
 * JSON document, the Report (DESIGN.md "Report JSON"), on stdout; otherwise a readable summary:
 * overall quality, shapes, pair trends (all pairs and trending pairs), the worst 5 columns and
 * pairs, diagnostics, missing rates, privacy with its plain reading, and efficacy with --target.
 * Column kinds come from profiling the real file. Parse warnings go to stderr.
 */
import { intOption, parseArgs } from '../args.ts';
import { readCsvFile } from '../io.ts';
import { SynthtabError } from '../../core/errors.ts';
import { evaluate } from '../../core/metrics/evaluate.ts';
import type { EfficacyScores, Report } from '../../core/metrics/evaluate.ts';
import { profileTable } from '../../core/profile/profile.ts';
import { createRng } from '../../core/rng.ts';
import type { ColumnKind } from '../../core/types.ts';

const USAGE = 'Usage: synthtab evaluate --real <csv> --synthetic <csv> [--holdout <csv>] [--target col] [--positive value] [--model gbdt|logistic] [--seed N] [--max-rows N] [--json]';

const f3 = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '  n/a' : x.toFixed(3));
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function table(rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  return rows.map((r) => '  ' + r.map((c, j) => (rightAligned.has(j) ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join('  ').trimEnd());
}

function efficacyRow(label: string, s: EfficacyScores): string[] {
  return [label, f3(s.accuracy), f3(s.f1), f3(s.rocAuc), f3(s.prAuc)];
}

/** The report as text for people. */
export function formatReport(r: Report): string {
  const q = r.quality;
  const out: string[] = [];
  out.push(`Rows: real ${r.rows.real}, synthetic ${r.rows.synthetic}${r.rows.holdout ? `, holdout ${r.rows.holdout}` : ''}`);
  const excluded = r.columns.filter((c) => c.role === 'excluded');
  if (excluded.length) out.push(`Not scored: ${excluded.map((c) => `${c.name} (${c.kind})`).join(', ')}`);
  out.push('', 'Quality (SDMetrics definitions)');
  out.push(...table([
    ['overall', f3(q.overall), 'mean of column shapes and column pair trends (all pairs)'],
    ['column shapes', f3(q.columnShapes), `${q.columns.length} columns (KS / TV complement)`],
    ['column pair trends', f3(q.columnPairTrends), `all ${q.pairs.length} pairs (classic, comparable with published scores)`],
    ['  trending pairs only', f3(q.columnPairTrendsTrending), `${q.trendingPairCount} pairs with |r| > 0.5 or Cramer's V > 0.3 (SDMetrics 0.27+)`],
    ['overall (trending)', f3(q.overallTrending), 'mean of column shapes and trending pairs'],
  ], new Set([1])));
  const worstCols = [...q.columns].sort((a, b) => a.score - b.score).slice(0, 5);
  out.push('', 'Worst columns');
  out.push(...table(worstCols.map((c) => [c.name, c.metric, f3(c.score)]), new Set([2])));
  if (q.pairs.length) {
    const worstPairs = [...q.pairs].sort((a, b) => a.score - b.score).slice(0, 5);
    out.push('', 'Worst pairs (association real -> synthetic)');
    out.push(...table(worstPairs.map((p) => [`${p.a} x ${p.b}`, p.metric, f3(p.score), `${f3(p.real)} -> ${f3(p.synthetic)}`]), new Set([2])));
  }
  const d = r.diagnostics;
  out.push('', 'Diagnostics');
  out.push(...table([
    ['boundary adherence', f3(d.boundaryAdherence), 'synthetic numbers inside the real min..max'],
    ['category adherence', f3(d.categoryAdherence), 'synthetic categories seen in the real data'],
  ], new Set([1])));
  const missing = r.missing.filter((m) => m.real > 0 || m.synthetic > 0);
  if (missing.length) {
    out.push('', 'Missing values (real -> synthetic)');
    out.push(...table(missing.map((m) => [m.name, `${pct(m.real)} -> ${pct(m.synthetic)}`]), new Set()));
  }
  const p = r.privacy;
  const base = p.baseline === 'holdout' ? 'holdout rows' : 'real rows (leave-one-out)';
  out.push('', 'Privacy');
  out.push(...table([
    ['exact copies', pct(p.exactCopyRate), `baseline ${pct(p.baselineExactCopyRate)}`],
    ['DCR median', f3(p.dcrMedian), `baseline (${base}) ${f3(p.holdoutDcrMedian)}`],
    ['DCR 5th percentile', f3(p.dcr.p05), `baseline ${f3(p.baselineDcr.p05)}`],
  ], new Set([1])));
  out.push(`  ${p.reading}`);
  out.push(`  (DCR on ${p.sample.syntheticRows} synthetic / ${p.sample.baselineRows} baseline rows vs ${p.sample.trainingRows} training rows)`);
  const e = r.efficacy;
  if (e) {
    const what = e.task === 'binary' ? `positive class '${e.positiveClass}'` : `${e.classes.length} classes, macro F1 / AUC`;
    const test = e.test === 'holdout' ? 'the holdout' : 'a 20% split of the real data (seen by the synthesizer too)';
    out.push('', `ML efficacy: target '${e.target}' (${what}), ${e.model}, tested on ${test} (${e.testRows} rows)`);
    out.push(...table([
      ['trained on', 'accuracy', 'f1', 'roc auc', 'pr auc'],
      efficacyRow(`real (${e.trainRows.real} rows)`, e.real),
      efficacyRow(`synthetic (${e.trainRows.synthetic} rows)`, e.synthetic),
    ], new Set([1, 2, 3, 4])));
  }
  return out.join('\n') + '\n';
}

export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { options: ['real', 'synthetic', 'holdout', 'target', 'positive', 'model', 'seed', 'max-rows'], flags: ['json'] });
  const realPath = args.options.get('real');
  const synthPath = args.options.get('synthetic');
  if (!realPath || !synthPath || args.positionals.length > 0) throw new SynthtabError('bad-option', USAGE);
  const model = args.options.get('model') ?? 'gbdt';
  if (model !== 'gbdt' && model !== 'logistic') throw new SynthtabError('bad-option', `--model must be gbdt or logistic, got '${model}'.`);
  const seed = intOption(args, 'seed', 0);
  const maxRows = args.options.has('max-rows') ? intOption(args, 'max-rows', 0, 1) : undefined;
  const holdoutPath = args.options.get('holdout');
  const [real, synthetic, holdout] = await Promise.all([
    readCsvFile(realPath), readCsvFile(synthPath), holdoutPath ? readCsvFile(holdoutPath) : Promise.resolve(undefined),
  ]);
  const json = args.flags.has('json');
  if (!json) {
    for (const [label, parsed] of [['real', real], ['synthetic', synthetic], ['holdout', holdout]] as const) {
      for (const w of parsed?.warnings ?? []) process.stderr.write(`warning (${label}): ${w}\n`);
    }
  }
  const profile = profileTable(real.table);
  const kinds: Record<string, ColumnKind> = Object.fromEntries(profile.columns.map((c) => [c.name, c.kind]));
  const report = evaluate(real.table, synthetic.table, {
    holdout: holdout?.table, target: args.options.get('target'), positive: args.options.get('positive'),
    kinds, rng: createRng(seed), maxRows, model,
  });
  process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
}
