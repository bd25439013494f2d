import type { EvaluationState } from '../app/session-state.ts';
import { ProgressBar } from '../shared/ProgressBar.tsx';

/**
 * SLOT for the quality report (owned by the metrics engineer, see DESIGN.md "Report JSON").
 * What is here is a minimal placeholder: an Evaluate button and the overall score under the test
 * id `quality-score`, read defensively from the opaque report. Replace the body freely; keep the
 * props (the evaluation slice of the session and the evaluate action).
 */
export function ReportPanel({ evaluation, canEvaluate, onEvaluate }: { evaluation: EvaluationState; canEvaluate: boolean; onEvaluate: () => void }) {
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
