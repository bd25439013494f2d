import type { QualityReport } from '../../core/metrics/evaluate.ts';
import { formatScore, scoreBand } from './report-data.ts';

function ScoreCard({ label, value, hint, testId, main = false }: { label: string; value: number | null; hint: string; testId?: string; main?: boolean }) {
  const band = value !== null && Number.isFinite(value) ? scoreBand(value) : null;
  return (
    <div className={main ? 'score-card main' : 'score-card'}>
      <span className="stat-label">{label}</span>
      <strong className={band ? `score-value band-${band}` : 'score-value'} data-testid={testId}>
        {formatScore(value)}
      </strong>
      <span className="muted small">{hint}</span>
    </div>
  );
}

/**
 * The headline scores (DESIGN.md "Quality metrics"): overall quality under the test id
 * `quality-score`, column shapes, and column pair trends in both variants (all pairs, the classic
 * score published CTGAN figures use; trending pairs, SDMetrics 0.27+).
 */
export function ScoreSummary({ quality }: { quality: QualityReport }) {
  const pairs = quality.pairs.length;
  return (
    <div className="score-cards">
      <ScoreCard main label="Overall quality" value={quality.overall} hint="mean of column shapes and pair trends (all pairs)" testId="quality-score" />
      <ScoreCard label="Column shapes" value={quality.columnShapes} hint={`${quality.columns.length} columns: 1 − KS or TV distance`} testId="column-shapes-score" />
      <ScoreCard label="Pair trends · all pairs" value={pairs > 0 ? quality.columnPairTrends : null} hint={`${pairs} pairs: correlation and contingency similarity`} testId="pair-trends-all-score" />
      <ScoreCard
        label="Pair trends · trending pairs"
        value={quality.columnPairTrendsTrending}
        hint={quality.trendingPairCount > 0 ? `${quality.trendingPairCount} pairs with a real trend; overall ${formatScore(quality.overallTrending)}` : 'no pair has a real trend (|r| > 0.5 or V > 0.3)'}
        testId="pair-trends-trending-score"
      />
    </div>
  );
}
