import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RebalanceResult } from '../../core/rebalance/lab.ts';
import { METHOD_COLORS, metricRows, prSeries, spreadKey } from './chart-data.ts';

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');
const SCORE_COLUMNS = ['precision', 'recall', 'f1', 'rocAuc', 'prAuc'] as const;

/**
 * The lab's scores: a table (mean ± sd with several seeds), a grouped bar chart of the metrics per
 * method (error bars = sd over seeds) and a precision-recall curve per method (first seed).
 * Each score cell carries `data-metric` and the unrounded `data-value` (what the CLI's JSON holds).
 */
export function RebalanceResults({ result }: { result: RebalanceResult }) {
  const multi = result.seeds.length > 1;
  return (
    <>
      <p className="muted">
        Minority class <strong>{result.minorityClass}</strong> of <strong>{result.target}</strong> is the positive class; holdout {result.holdoutRows} rows (
        {result.holdoutMinority} minority), stratified and never resampled; training split {result.trainRows} rows ({result.trainMinority} minority). Precision,
        recall and F1 at threshold 0.5; {multi ? `mean ± sd over seeds ${result.seeds.join(', ')}` : `seed ${result.seeds[0]}`}.
      </p>
      <table className="table" data-testid="rebalance-results">
        <thead>
          <tr>
            <th>method</th>
            <th>precision</th>
            <th>recall</th>
            <th>F1</th>
            <th>ROC AUC</th>
            <th>PR AUC</th>
            <th>best F1</th>
            <th>train rows</th>
          </tr>
        </thead>
        <tbody>
          {result.methods.map((m) => (
            <tr key={m.name} data-method={m.name}>
              <td>{m.name}</td>
              {SCORE_COLUMNS.map((k) => (
                <td key={k} data-metric={k} data-value={String(m[k])}>
                  {fmt(m[k])}
                  {m.spread ? <span className="muted"> ±{fmt(m.spread[k])}</span> : null}
                </td>
              ))}
              <td data-metric="bestF1" data-value={String(m.bestF1.f1)}>
                {fmt(m.bestF1.f1)}
              </td>
              <td>
                {m.trainRows}
                {m.syntheticRows ? <span className="muted"> ({m.syntheticRows} synthetic)</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="chart-grid">
        <figure className="chart" data-testid="rebalance-metrics-chart">
          <figcaption>Metrics per method (minority class = positive){multi ? ', bars = sd over seeds' : ''}</figcaption>
          <BarChart responsive style={{ width: '100%', height: 280 }} data={metricRows(result.methods)} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis dataKey="metric" fontSize={12} />
            <YAxis domain={[0, 1]} fontSize={12} width={40} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
            <Legend />
            {result.methods.map((m) => (
              <Bar key={m.name} dataKey={m.name} fill={METHOD_COLORS[m.name] ?? '#888'} isAnimationActive={false}>
                {multi ? <ErrorBar dataKey={spreadKey(m.name)} width={3} stroke="#334155" /> : null}
              </Bar>
            ))}
          </BarChart>
        </figure>
        <figure className="chart" data-testid="rebalance-pr-chart">
          <figcaption>Precision-recall on the holdout{multi ? ` (seed ${result.seeds[0]})` : ''}</figcaption>
          <LineChart responsive style={{ width: '100%', height: 280 }} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis dataKey="recall" type="number" domain={[0, 1]} fontSize={12} label={{ value: 'recall', position: 'insideBottomRight', offset: -2, fontSize: 12 }} />
            <YAxis dataKey="precision" type="number" domain={[0, 1]} fontSize={12} width={40} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
            <Legend />
            {result.methods.map((m) => (
              <Line key={m.name} data={prSeries(m)} dataKey="precision" name={m.name} stroke={METHOD_COLORS[m.name] ?? '#888'} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </figure>
      </div>
    </>
  );
}
