import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SessionState } from '../app/session-state.ts';
import type { SessionActions } from '../app/session-store.ts';
import { ProgressBar } from '../shared/ProgressBar.tsx';
import { downloadBlob } from '../export/download.ts';
import { REBALANCE_METHODS, type RebalanceMethod } from '../../core/rebalance/lab.ts';
import { suggestTargetFromProfile } from '../../core/rebalance/target.ts';
import { isDiscreteKind } from '../../core/types.ts';
import { METHOD_COLORS, metricRows, prSeries } from './chart-data.ts';

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');

/**
 * The rebalance lab (core/rebalance, run in the worker): pick a discrete target (the most
 * imbalanced one is suggested), see its class balance, compare baseline / undersampling /
 * oversampling / SMOTE-NC / class weights / CTGAN minority rows on a stratified holdout, and
 * download the augmented training set. Test ids: rebalance-panel, rebalance-target,
 * rebalance-run, rebalance-progress, rebalance-results, rebalance-metrics-chart, rebalance-pr-chart,
 * rebalance-download.
 */
export function RebalancePanel({ state, actions }: { state: SessionState; actions: SessionActions }) {
  const profile = state.dataset?.profile ?? null;
  const candidates = useMemo(() => (profile ? profile.columns.filter((c) => isDiscreteKind(c.kind) && (c.categories?.top.length ?? 0) >= 2) : []), [profile]);
  const suggested = useMemo(() => (profile ? suggestTargetFromProfile(profile) : null), [profile]);
  const [picked, setPicked] = useState<string | null>(null);
  const target = picked !== null && candidates.some((c) => c.name === picked) ? picked : (suggested ?? candidates[0]?.name ?? '');
  const [classifier, setClassifier] = useState<'logistic' | 'gbdt'>('logistic');
  const [seeds, setSeeds] = useState(1);
  const [epochs, setEpochs] = useState(10);
  const [methods, setMethods] = useState<RebalanceMethod[]>([...REBALANCE_METHODS]);
  const job = state.rebalance;
  const running = job.status === 'running';
  const result = job.result;
  const column = candidates.find((c) => c.name === target);
  const total = column ? column.count : 0;

  if (!profile) return <p className="muted" data-testid="rebalance-panel">Load a table first.</p>;
  if (candidates.length === 0) return <p className="muted" data-testid="rebalance-panel">No categorical or boolean column to use as a target.</p>;

  const toggle = (m: RebalanceMethod) => setMethods((ms) => (ms.includes(m) ? ms.filter((x) => x !== m) : REBALANCE_METHODS.filter((x) => x === m || ms.includes(x))));
  const run = () => actions.rebalance({ target, classifier, seeds, epochs, methods, seed: 0 });
  const download = () => {
    if (!job.augmented) return;
    downloadBlob(new Blob([job.augmented.csv], { type: 'text/csv' }), `${(state.dataset?.name ?? 'data').replace(/\.csv$/i, '')}-${job.augmented.method}-augmented.csv`);
  };

  return (
    <div className="rebalance" data-testid="rebalance-panel">
      <div className="form-row">
        <label>
          Target{' '}
          <select data-testid="rebalance-target" value={target} disabled={running} onChange={(e) => setPicked(e.target.value)}>
            {candidates.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
                {c.name === suggested ? ' (suggested)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Classifier{' '}
          <select value={classifier} disabled={running} onChange={(e) => setClassifier(e.target.value === 'gbdt' ? 'gbdt' : 'logistic')}>
            <option value="logistic">logistic regression</option>
            <option value="gbdt">gradient boosting</option>
          </select>
        </label>
        <label>
          Seeds <input type="number" min={1} max={10} value={seeds} disabled={running} onChange={(e) => setSeeds(Math.max(1, Math.min(10, Number(e.target.value) || 1)))} style={{ width: '4em' }} />
        </label>
        <label>
          CTGAN epochs <input type="number" min={1} max={300} value={epochs} disabled={running} onChange={(e) => setEpochs(Math.max(1, Number(e.target.value) || 1))} style={{ width: '5em' }} />
        </label>
      </div>
      {column && (
        <div className="class-balance" aria-label="Class balance">
          {(column.categories?.top ?? []).map((t) => (
            <div key={t.value} className="class-row" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <span style={{ minWidth: 120 }}>{t.value}</span>
              <span style={{ display: 'inline-block', height: 10, width: `${Math.max(1, (t.count / Math.max(1, total)) * 300)}px`, background: '#94a3b8' }} />
              <span className="muted">
                {t.count} ({((t.count / Math.max(1, total)) * 100).toFixed(1)}%)
              </span>
            </div>
          ))}
        </div>
      )}
      <div className="form-row">
        {REBALANCE_METHODS.map((m) => (
          <label key={m}>
            <input type="checkbox" checked={methods.includes(m)} disabled={running} onChange={() => toggle(m)} /> {m}
          </label>
        ))}
      </div>
      <div className="button-row">
        <button type="button" className="button" data-testid="rebalance-run" disabled={running || methods.length === 0 || !target} onClick={run}>
          Compare methods
        </button>
        {job.augmented && (
          <button type="button" className="button secondary" data-testid="rebalance-download" onClick={download}>
            Download augmented training set ({job.augmented.method}, {job.augmented.syntheticRows} synthetic rows)
          </button>
        )}
      </div>
      {running && (
        <div data-testid="rebalance-progress">
          <ProgressBar label={job.progress?.message ?? 'Comparing methods'} done={job.progress?.done ?? 0} total={job.progress?.total ?? 0} etaSeconds={job.progress?.etaSeconds} />
        </div>
      )}
      {result && (
        <>
          <p className="muted">
            Minority class <strong>{result.minorityClass}</strong> of <strong>{result.target}</strong>; holdout {result.holdoutRows} rows ({result.holdoutMinority} minority), never
            resampled. Precision, recall and F1 at threshold 0.5{result.seeds.length > 1 ? `; mean ± sd over ${result.seeds.length} seeds` : ''}.
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
                  {(['precision', 'recall', 'f1', 'rocAuc', 'prAuc'] as const).map((k) => (
                    <td key={k}>
                      {fmt(m[k])}
                      {m.spread ? <span className="muted"> ±{fmt(m.spread[k])}</span> : null}
                    </td>
                  ))}
                  <td>{fmt(m.bestF1.f1)}</td>
                  <td>
                    {m.trainRows}
                    {m.syntheticRows ? <span className="muted"> ({m.syntheticRows} synthetic)</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <figure className="chart" data-testid="rebalance-metrics-chart">
            <figcaption>Metrics per method (minority class = positive)</figcaption>
            <BarChart responsive style={{ width: '100%', height: 280 }} data={metricRows(result.methods)} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
              <XAxis dataKey="metric" fontSize={12} />
              <YAxis domain={[0, 1]} fontSize={12} width={40} />
              <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
              <Legend />
              {result.methods.map((m) => (
                <Bar key={m.name} dataKey={m.name} fill={METHOD_COLORS[m.name] ?? '#888'} isAnimationActive={false} />
              ))}
            </BarChart>
          </figure>
          <figure className="chart" data-testid="rebalance-pr-chart">
            <figcaption>Precision-recall on the holdout{result.seeds.length > 1 ? ` (seed ${result.seeds[0]})` : ''}</figcaption>
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
        </>
      )}
    </div>
  );
}
