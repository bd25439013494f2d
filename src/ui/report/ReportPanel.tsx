import { useState } from 'react';
import type { Report } from '../../core/metrics/evaluate.ts';
import type { ReportCharts } from '../../worker/protocol.ts';
import type { SessionState } from '../app/session-state.ts';
import { isTraining } from '../app/session-state.ts';
import type { SessionActions } from '../app/session-store.ts';
import { downloadBlob } from '../export/download.ts';
import { ProgressBar } from '../shared/ProgressBar.tsx';
import { AssociationHeatmap } from './AssociationHeatmap.tsx';
import { ColumnCompareChart } from './ColumnCompareChart.tsx';
import { ColumnScoresChart } from './ColumnScoresChart.tsx';
import { DiagnosticsTable, MissingTable, PairTable } from './DetailTables.tsx';
import { EfficacyCard } from './EfficacyCard.tsx';
import { PrivacyCard } from './PrivacyCard.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';
import { efficacyTargets, formatScore, overallScore, readReport, reportFileName, reportJson } from './report-data.ts';
import './report.css';

/**
 * The quality report (DESIGN.md "Quality metrics", "Report JSON"): the scores, per-column bars,
 * real vs synthetic charts, the association heatmaps, diagnostics, missing values, privacy and ML
 * efficacy, with a JSON download and a print layout. The evaluation runs by itself after each
 * training run (session-store); "Evaluate" re-runs it, with the efficacy target picked here.
 * Everything drawn comes computed from the worker.
 */
export function ReportPanel({ state, actions }: { state: SessionState; actions: SessionActions }) {
  const evaluation = state.evaluation;
  const [target, setTarget] = useState<string>(evaluation.target ?? '');
  const canEvaluate = state.dataset !== null && state.modelReady && !isTraining(state.train.status);
  const report = readReport(evaluation.report);
  const overall = overallScore(evaluation.report);
  const targets = efficacyTargets(state.plan);
  const fileName = reportFileName(state.dataset?.name ?? 'synthtab');
  const onDownload = () => {
    if (report) downloadBlob(new Blob([reportJson(report)], { type: 'application/json' }), fileName);
  };
  return (
    <div className="report" data-testid="report-panel">
      <div className="button-row no-print report-toolbar">
        <label className="inline-field">
          <span className="field-label">Efficacy target</span>
          <select data-testid="efficacy-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)} disabled={targets.length === 0}>
            <option value="">(none)</option>
            {targets.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button primary" data-testid="evaluate-button" disabled={!canEvaluate || evaluation.status === 'running'} onClick={() => actions.evaluate(target === '' ? undefined : target)}>
          Evaluate quality
        </button>
        <button type="button" className="button" data-testid="report-json-button" disabled={!report} onClick={onDownload}>
          Download JSON
        </button>
        <button type="button" className="button" data-testid="print-report-button" disabled={!report} onClick={() => window.print()}>
          Print / save as PDF
        </button>
        {!canEvaluate && evaluation.status !== 'running' && <span className="muted">Needs a loaded table and a model; runs by itself after training.</span>}
      </div>
      {evaluation.status === 'running' && (
        <ProgressBar label={evaluation.progress?.message ?? evaluation.progress?.stage ?? 'Scoring'} done={evaluation.progress?.done ?? 0} total={evaluation.progress?.total ?? 0} etaSeconds={evaluation.progress?.etaSeconds} testId="evaluate-progress" />
      )}
      {report ? (
        <ReportBody report={report} charts={evaluation.charts} datasetName={state.dataset?.name ?? ''} />
      ) : (
        overall !== null && (
          <p className="score">
            Overall quality <strong data-testid="quality-score">{formatScore(overall)}</strong>
          </p>
        )
      )}
      {evaluation.status === 'failed' && <p className="muted">The evaluation failed; the message is at the top of the page.</p>}
    </div>
  );
}

function ReportBody({ report, charts, datasetName }: { report: Report; charts: ReportCharts | null; datasetName: string }) {
  const [trendingOnly, setTrendingOnly] = useState(false);
  const q = report.quality;
  return (
    <div className="report-body">
      <header className="print-only report-print-header">
        <h2>Synthtab quality report{datasetName ? ` · ${datasetName}` : ''}</h2>
      </header>
      <p className="muted small" data-testid="report-rows">
        {report.rows.synthetic} synthetic rows scored against {report.rows.real} training rows
        {report.rows.holdout > 0 ? `; ${report.rows.holdout} real rows held back from training as the baseline.` : '; no rows were held back.'}
      </p>
      <ScoreSummary quality={q} />

      <section className="report-section">
        <h3>Column shapes</h3>
        <div className="chart-grid">
          <ColumnScoresChart columns={q.columns} />
          {charts && <ColumnCompareChart data={charts.distributions} />}
        </div>
      </section>

      <section className="report-section">
        <h3>Column pair trends</h3>
        <div className="segmented no-print" role="radiogroup" aria-label="Pairs to list">
          <label>
            <input type="radio" name="pair-variant" data-testid="pairs-all" checked={!trendingOnly} onChange={() => setTrendingOnly(false)} /> All pairs ({formatScore(q.columnPairTrends)})
          </label>
          <label>
            <input type="radio" name="pair-variant" data-testid="pairs-trending" checked={trendingOnly} onChange={() => setTrendingOnly(true)} /> Trending pairs ({formatScore(q.columnPairTrendsTrending)})
          </label>
        </div>
        <p className="muted small">The ten weakest {trendingOnly ? 'trending ' : ''}pairs; the score is 1 − |r_real − r_synth| / 2 for two numbers, else 1 − the total variation distance of the joint table.</p>
        <PairTable pairs={q.pairs} trendingOnly={trendingOnly} />
        {charts && <AssociationHeatmap data={charts.associations} />}
      </section>

      <div className="report-columns">
        <section className="report-section">
          <h3>Diagnostics</h3>
          <DiagnosticsTable diagnostics={report.diagnostics} />
        </section>
        <section className="report-section">
          <h3>Missing values</h3>
          <MissingTable missing={report.missing} />
        </section>
      </div>

      <section className="report-section">
        <h3>Privacy</h3>
        <PrivacyCard privacy={report.privacy} />
      </section>

      <section className="report-section">
        <h3>ML efficacy</h3>
        {report.efficacy ? <EfficacyCard efficacy={report.efficacy} /> : <p className="muted">Pick a target column above and press Evaluate to compare a classifier trained on synthetic rows with one trained on real rows.</p>}
      </section>
    </div>
  );
}
