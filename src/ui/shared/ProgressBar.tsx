import { formatDuration } from './format.ts';

/**
 * A labelled progress bar with an ETA. `total` 0 means the length is unknown (an indeterminate bar).
 * The component only renders; the share and the ETA come from the session state.
 */
export function ProgressBar({ label, done, total, etaSeconds, testId }: { label: string; done: number; total: number; etaSeconds?: number | null; testId?: string }) {
  const known = total > 0;
  const share = known ? Math.min(1, Math.max(0, done / total)) : 0;
  const eta = formatDuration(etaSeconds);
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress-label">
        <span>{label}</span>
        <span className="muted">
          {known ? `${Math.round(share * 100)}%` : ''}
          {eta && share < 1 ? ` · about ${eta} left` : ''}
        </span>
      </div>
      <div
        className={known ? 'progress-track' : 'progress-track indeterminate'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
      >
        <div className="progress-fill" style={known ? { width: `${share * 100}%` } : undefined} />
      </div>
    </div>
  );
}
