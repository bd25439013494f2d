import type { Privacy } from '../../core/metrics/evaluate.ts';
import { formatPercent } from '../shared/format.ts';
import { formatScore, VERDICT_LABELS } from './report-data.ts';

/**
 * Privacy figures (test id `privacy-section`): exact copies of training rows, and the median
 * distance to the closest training record for synthetic rows vs real rows the model never saw
 * (the holdout), with core/metrics' plain-language reading.
 */
export function PrivacyCard({ privacy }: { privacy: Privacy }) {
  const baseline = privacy.baseline === 'holdout' ? 'held-back real rows' : 'real rows vs the other real rows (no holdout)';
  return (
    <div data-testid="privacy-section">
      <p className={`verdict verdict-${privacy.verdict}`}>
        Synthetic rows are <strong>{VERDICT_LABELS[privacy.verdict]}</strong> to the training data.
      </p>
      <p data-testid="privacy-reading">{privacy.reading}</p>
      <table className="report-table">
        <thead>
          <tr>
            <th />
            <th className="num">Synthetic → training</th>
            <th className="num">Baseline: {baseline} → training</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Exact copies of a training row</td>
            <td className="num" data-testid="exact-copy-rate">{formatPercent(privacy.exactCopyRate)}</td>
            <td className="num">{formatPercent(privacy.baselineExactCopyRate)}</td>
          </tr>
          <tr>
            <td>Median distance to closest record (DCR)</td>
            <td className="num" data-testid="dcr-median">{formatScore(privacy.dcrMedian, 3)}</td>
            <td className="num" data-testid="holdout-dcr-median">{formatScore(privacy.holdoutDcrMedian, 3)}</td>
          </tr>
          <tr>
            <td>DCR, 5th percentile (the closest rows)</td>
            <td className="num">{formatScore(privacy.dcr.p05, 3)}</td>
            <td className="num">{formatScore(privacy.baselineDcr.p05, 3)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">
        Distance: mean over columns of the range-scaled gap (numbers) or mismatch (categories), 0..1. DCR on {privacy.sample.syntheticRows} synthetic and{' '}
        {privacy.sample.baselineRows} baseline rows against {privacy.sample.trainingRows} training rows.
      </p>
    </div>
  );
}
