import type { SessionState } from '../app/session-state.ts';
import { isTraining } from '../app/session-state.ts';
import type { SessionActions } from '../app/session-store.ts';
import { ProgressBar } from '../shared/ProgressBar.tsx';

/**
 * SLOT for the quality report (owned by the metrics engineer, see DESIGN.md "Report JSON").
 * What is here is a minimal placeholder: an Evaluate button and the overall score under the test
 * id `quality-score`, read defensively from the opaque report. Replace the body freely; keep the
 * props: `state.evaluation` holds status, progress and the report; `actions.evaluate(target?)` asks.
 */
export function ReportPanel({ state, actions }: { state: SessionState; actions: SessionActions }) {
  const evaluation = state.evaluation;
  const canEvaluate = state.dataset !== null && state.modelReady && !isTraining(state.train.status);
  const onEvaluate = () => actions.evaluate();
  const overall = overallScore(evaluation.report);
  return (
    <div className="report">
      <div className="button-row">
        <button type="button" className="button" data-testid="evaluate-button" disabled={!canEvaluate || evaluation.status === 'running'} onClick={onEvaluate}>
          Evaluate quality
        </button>
        {!canEvaluate && <span className="muted">Needs a loaded table and a model.</span>}
      </div>
      {evaluation.status === 'running' && (
        <ProgressBar label={evaluation.progress?.message ?? evaluation.progress?.stage ?? 'Scoring'} done={evaluation.progress?.done ?? 0} total={evaluation.progress?.total ?? 0} etaSeconds={evaluation.progress?.etaSeconds} />
      )}
      {overall !== null && (
        <p className="score">
          Overall quality <strong data-testid="quality-score">{overall.toFixed(3)}</strong>
        </p>
      )}
    </div>
  );
}

/** `report.quality.overall` when it is a number (the report shape is owned by core/metrics). */
function overallScore(report: unknown): number | null {
  if (typeof report !== 'object' || report === null) return null;
  const quality: unknown = (report as { quality?: unknown }).quality;
  if (typeof quality !== 'object' || quality === null) return null;
  const overall: unknown = (quality as { overall?: unknown }).overall;
  return typeof overall === 'number' && Number.isFinite(overall) ? overall : null;
}
