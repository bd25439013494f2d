import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { Profile } from '../../core/types.ts';
import { isDiscreteKind } from '../../core/types.ts';
import type { WorkerEvent } from '../../worker/protocol.ts';
import { COMPARE_METHODS, type CompareMethod, type CompareResult } from '../../worker/compare.ts';
import { chartRows, compareRequest, fmt3, METHOD_LABELS, progressText, type CompareForm } from './compare-view.ts';

const COLORS: Record<CompareMethod, string> = { ctgan: '#3366cc', tvae: '#dc7633', copula: '#2e8b57', profile: '#888888' };

interface Props {
  /** The loaded data's profile (null before a file is loaded). */
  profile: Profile | null;
  /** Send a request to the worker and resolve on 'done' (WorkerClient.request). */
  request(body: { type: 'compare'; methods: CompareMethod[]; epochs: number; seed: number; target?: string }, onEvent: (e: WorkerEvent) => void): Promise<void>;
  /** Seed the form starts with. */
  initialSeed?: number;
}

/**
 * Method comparison (issue 8): pick 2-3 methods, run them in the worker on a 20% holdout split,
 * see quality, privacy and time side by side (table + grouped bars).
 * Test ids: compare-panel, compare-method-<name>, compare-epochs, compare-seed, compare-target,
 * compare-run, compare-progress, compare-results, compare-chart, compare-error.
 */
export function ComparePanel({ profile, request, initialSeed = 0 }: Props) {
  const [form, setForm] = useState<CompareForm>({ methods: ['ctgan', 'tvae', 'copula'], epochs: 30, seed: initialSeed, target: '' });
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [result, setResult] = useState<CompareResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const targets = profile ? profile.columns.filter((c) => isDiscreteKind(c.kind)).map((c) => c.name) : [];
  const { body, problem } = compareRequest(form);

  const toggle = (m: CompareMethod): void =>
    setForm((f) => ({ ...f, methods: f.methods.includes(m) ? f.methods.filter((x) => x !== m) : COMPARE_METHODS.filter((x) => x === m || f.methods.includes(x)) }));

  const run = async (): Promise<void> => {
    if (!body) return;
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      await request(body, (e) => {
        if (e.type === 'compare-progress') setProgress(progressText(e));
        else if (e.type === 'compare-result') setResult(e.result);
        else if (e.type === 'error') setError(e.message);
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };

  return (
    <div data-testid="compare-panel" className="compare">
      <h3>Compare methods</h3>
      {!profile ? <p>Load a CSV file first.</p> : null}
      <fieldset disabled={running || !profile}>
        <legend>Methods (pick 2 or 3)</legend>
        {COMPARE_METHODS.map((m) => (
          <label key={m}>
            <input type="checkbox" data-testid={`compare-method-${m}`} checked={form.methods.includes(m)} onChange={() => toggle(m)} /> {METHOD_LABELS[m]}
          </label>
        ))}
        <label>
          Epochs (CTGAN, TVAE){' '}
          <input type="number" min={1} data-testid="compare-epochs" value={form.epochs} onChange={(e) => setForm({ ...form, epochs: Number(e.target.value) })} />
        </label>
        <label>
          Seed <input type="number" data-testid="compare-seed" value={form.seed} onChange={(e) => setForm({ ...form, seed: Number(e.target.value) || 0 })} />
        </label>
        <label>
          ML efficacy target{' '}
          <select data-testid="compare-target" value={form.target} onChange={(e) => setForm({ ...form, target: e.target.value })}>
            <option value="">(none)</option>
            {targets.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
      </fieldset>
      <button type="button" className="button primary" data-testid="compare-run" disabled={running || !profile || !body} onClick={() => void run()}>
        {running ? 'Comparing…' : 'Compare'}
      </button>
      {problem && profile ? <p className="hint">{problem}</p> : null}
      {running ? <p data-testid="compare-progress" aria-live="polite">{progress ?? 'Starting…'}</p> : null}
      {error ? <p data-testid="compare-error" role="alert" className="error">{error}</p> : null}
      {result ? (
        <div data-testid="compare-results">
          <p>
            Trained on {result.rows.train} rows, {result.rows.holdout} held out; each method generated {result.rows.synthetic} rows, scored against the training rows.
            Privacy baseline (median distance of unseen real rows): {fmt3(result.holdoutDcrMedian)}.
            {result.realF1 !== undefined ? ` Real-data F1 on ${result.target}: ${fmt3(result.realF1)}.` : ''}
          </p>
          <table>
            <thead>
              <tr>
                <th>Method</th><th>Quality</th><th>Shapes</th><th>Pair trends</th><th>Trending pairs</th><th>Exact copies</th><th>DCR median</th>
                {result.target ? <th>TSTR F1</th> : null}
                <th>Train s</th><th>Sample s</th>
              </tr>
            </thead>
            <tbody>
              {result.methods.map((m) => (
                <tr key={m.name}>
                  <td>{METHOD_LABELS[m.name]}</td><td>{fmt3(m.quality)}</td><td>{fmt3(m.shapes)}</td><td>{fmt3(m.pairTrends)}</td><td>{fmt3(m.pairTrendsTrending)}</td>
                  <td>{(m.exactCopyRate * 100).toFixed(2)}%</td><td>{fmt3(m.dcrMedian)}</td>
                  {result.target ? <td>{fmt3(m.tstrF1)}</td> : null}
                  <td>{m.trainSeconds.toFixed(1)}</td><td>{m.sampleSeconds.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div data-testid="compare-chart">
            <BarChart width={640} height={280} data={chartRows(result)}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="metric" />
              <YAxis domain={[0, 1]} />
              <Tooltip />
              <Legend />
              {result.methods.map((m) => (
                <Bar key={m.name} dataKey={m.name} name={METHOD_LABELS[m.name]} fill={COLORS[m.name]} isAnimationActive={false} />
              ))}
            </BarChart>
          </div>
        </div>
      ) : null}
    </div>
  );
}
