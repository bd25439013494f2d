import type { Diagnostics, MissingRate, PairScore } from '../../core/metrics/evaluate.ts';
import { formatPercent } from '../shared/format.ts';
import { formatScore, missingRows, pairRows } from './report-data.ts';

/** The worst column pairs (all pairs or trending pairs only) with the real and synthetic association. */
export function PairTable({ pairs, trendingOnly }: { pairs: readonly PairScore[]; trendingOnly: boolean }) {
  const rows = pairRows(pairs, trendingOnly);
  if (rows.length === 0) return <p className="muted">{trendingOnly ? 'No pair has a real trend.' : 'No pairs to score.'}</p>;
  return (
    <table className="report-table" data-testid="pair-table">
      <thead>
        <tr>
          <th>Pair</th>
          <th>Metric</th>
          <th className="num">Real</th>
          <th className="num">Synthetic</th>
          <th className="num">Score</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={`${p.a}\u0000${p.b}`}>
            <td>
              {p.a} × {p.b}
              {p.trending && <span className="tag">trend</span>}
            </td>
            <td className="muted">{p.metric === 'CorrelationSimilarity' ? 'Pearson r' : "Cramér's V"}</td>
            <td className="num">{formatScore(p.real)}</td>
            <td className="num">{formatScore(p.synthetic)}</td>
            <td className="num">{formatScore(p.score, 3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Boundary and category adherence, overall and per column (test id `diagnostics-table`). */
export function DiagnosticsTable({ diagnostics }: { diagnostics: Diagnostics }) {
  return (
    <div data-testid="diagnostics-table">
      <p>
        Boundary adherence <strong>{formatScore(diagnostics.boundaryAdherence, 3)}</strong> <span className="muted">(synthetic numbers inside the real min..max)</span> · Category adherence{' '}
        <strong>{formatScore(diagnostics.categoryAdherence, 3)}</strong> <span className="muted">(synthetic categories seen in the real data)</span>
      </p>
      <table className="report-table">
        <thead>
          <tr>
            <th>Column</th>
            <th>Check</th>
            <th className="num">Score</th>
          </tr>
        </thead>
        <tbody>
          {diagnostics.columns.map((c) => (
            <tr key={c.name} className={c.score !== null && c.score < 1 ? 'flagged' : undefined}>
              <td>{c.name}</td>
              <td className="muted">{c.metric === 'BoundaryAdherence' ? 'inside real range' : 'known category'}</td>
              <td className="num">{c.score === null ? 'no values' : formatScore(c.score, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Missing-value rate per column, real vs synthetic (test id `missing-table`); columns with none are summarised. */
export function MissingTable({ missing }: { missing: readonly MissingRate[] }) {
  const rows = missingRows(missing);
  if (rows.length === 0) return <p className="muted" data-testid="missing-table">No missing values in the real or the synthetic data.</p>;
  return (
    <table className="report-table" data-testid="missing-table">
      <thead>
        <tr>
          <th>Column</th>
          <th className="num">Real</th>
          <th className="num">Synthetic</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.name}>
            <td>{m.name}</td>
            <td className="num">{formatPercent(m.real)}</td>
            <td className="num">{formatPercent(m.synthetic)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
