import { useState } from 'react';
import type { SessionState } from '../app/session-state.ts';
import { isTraining } from '../app/session-state.ts';
import type { SessionActions } from '../app/session-store.ts';
import type { UrlParams } from '../app/url-params.ts';
import { formatDuration, formatLoss } from '../shared/format.ts';
import { ProgressBar } from '../shared/ProgressBar.tsx';
import { distributionEvery, liveDistributionColumns, qualityEvery } from './chart-data.ts';
import { DistributionChart } from './DistributionChart.tsx';
import { LossChart } from './LossChart.tsx';
import { QualityChart } from './QualityChart.tsx';
import { defaultTrainForm, methodChoice, trainOptionsFromForm } from './train-form.ts';
import type { TrainForm } from './train-form.ts';
import { TrainOptionsForm } from './TrainOptionsForm.tsx';
import { DEFAULT_HOLDOUT } from '../../worker/protocol.ts';

interface Props {
  state: SessionState;
  actions: SessionActions;
  url: UrlParams;
  /** The seed the form starts with (from ?seed=, else drawn once per page load). */
  initialSeed: number;
}

const STATUS_TEXT: Record<SessionState['train']['status'], string> = {
  idle: 'Not started',
  starting: 'Preparing…',
  running: 'Training',
  paused: 'Paused',
  stopping: 'Stopping after this step…',
  done: 'Done',
  stopped: 'Stopped early',
  failed: 'Failed',
};

/** Loss labels per method: TVAE reports its total loss and the KL term in the same two slots. */
const LOSS_LABELS: Record<'gan' | 'vae', [string, string]> = { gan: ['generator', 'critic'], vae: ['loss', 'KL'] };

/** The progress line: steps for the networks, a plain word for the one-pass methods. */
function progressLabel(t: SessionState['train']): string {
  if (t.method === 'profile') return 'No training needed: columns are drawn from the profile';
  if (t.method === 'copula') return t.epoch > 0 ? 'Copula fitted in one pass' : 'Fitting the copula';
  return `Step ${t.step} of ${t.stepsPerEpoch || '?'} in epoch ${t.epoch}`;
}

/**
 * Step 2: settings, train / pause-resume / stop, the epoch counter, progress, the loss and live
 * quality charts with the best epoch (issue 8), and the live distributions.
 */
export function TrainPanel({ state, actions, url, initialSeed }: Props) {
  const [form, setForm] = useState<TrainForm>(() => defaultTrainForm(initialSeed));
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const t = state.train;
  const busy = isTraining(t.status);
  const canTrain = state.dataset !== null && state.load === null && !busy;

  const start = () => {
    const r = trainOptionsFromForm(form);
    if (!r.ok) {
      setFormErrors(r.errors);
      return;
    }
    setFormErrors([]);
    const epochs = methodChoice(form.method).epochs ? (r.options.epochs ?? 1) : 1;
    actions.train({
      method: form.method,
      options: r.options,
      backend: url.backend,
      distributionColumns: liveDistributionColumns(state.plan),
      distributionEvery: distributionEvery(epochs),
      qualityEvery: qualityEvery(epochs),
      patience: r.patience,
      ...(url.failBackendAtEpoch !== null ? { failBackendAtEpoch: url.failBackendAtEpoch } : {}),
    });
  };

  const last = t.epochLog.at(-1);
  // Before the first epoch ends, show the smoothed loss of the latest step.
  const lastStep = t.loss.points.at(-1);
  const lossLabels = LOSS_LABELS[t.method === 'tvae' ? 'vae' : 'gan'];
  const bestQuality = t.bestEpoch === null ? undefined : t.quality.points.find((p) => p.epoch === t.bestEpoch)?.quality;
  return (
    <div className="train">
      <TrainOptionsForm form={form} disabled={busy} seedFixed={url.seed !== null} onChange={setForm} trainingRows={state.dataset ? Math.round(state.dataset.profile.rows * (1 - DEFAULT_HOLDOUT)) : undefined} />
      {formErrors.length > 0 && (
        <ul className="form-errors" data-testid="form-errors">
          {formErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="button primary" data-testid="train-button" onClick={start} disabled={!canTrain}>
          {t.status === 'idle' ? 'Train' : 'Train again'}
        </button>
        <button
          type="button"
          className="button"
          data-testid="pause-button"
          disabled={!(t.status === 'running' || t.status === 'paused' || t.status === 'starting')}
          onClick={() => (t.status === 'paused' ? actions.resume() : actions.pause())}
          aria-pressed={t.status === 'paused'}
        >
          {t.status === 'paused' ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="button danger" data-testid="stop-button" disabled={!busy || t.status === 'stopping'} onClick={actions.stop}>
          Stop
        </button>
        {!state.dataset && <span className="muted">Load a table first (step 1).</span>}
      </div>

      <div className="train-status" aria-live="polite">
        <div className="stat">
          <span className="stat-label">Epoch</span>
          <span className="stat-value">
            <span data-testid="epoch-counter">{t.epoch}</span>
            {t.epochs > 0 && <span className="muted"> / {t.epochs}</span>}
          </span>
        </div>
        <div className="stat">
          <span className="stat-label">Status</span>
          <span className="stat-value" data-testid="train-status" data-status={t.status}>
            {STATUS_TEXT[t.status]}
          </span>
        </div>
        <div className="stat">
          <span className="stat-label">{t.method === 'tvae' ? 'Loss / KL' : 'Loss G / critic'}</span>
          <span className="stat-value">
            {last ? `${formatLoss(last.lossG)} / ${formatLoss(last.lossD)}` : `${formatLoss(lastStep?.gSmooth)} / ${formatLoss(lastStep?.dSmooth)}`}
          </span>
        </div>
        <div className="stat">
          <span className="stat-label">Last epoch</span>
          <span className="stat-value">{last ? formatDuration(last.seconds) : '–'}</span>
        </div>
        {last?.quality !== undefined && (
          <div className="stat">
            <span className="stat-label">Quality</span>
            <span className="stat-value">{last.quality.toFixed(3)}</span>
          </div>
        )}
        <div className="stat">
          <span className="stat-label">Best epoch</span>
          <span className="stat-value" data-testid="best-epoch" title="The epoch whose weights the model keeps (best live quality)">
            {t.bestEpoch !== null ? `${t.bestEpoch}${bestQuality !== undefined ? ` (${bestQuality.toFixed(3)})` : ''}` : '–'}
          </span>
        </div>
        {t.seconds !== null && (
          <div className="stat">
            <span className="stat-label">Total</span>
            <span className="stat-value">{formatDuration(t.seconds)}</span>
          </div>
        )}
      </div>

      {t.progress && t.status === 'starting' ? (
        <ProgressBar label={t.progress.message ?? t.progress.stage} done={t.progress.done} total={t.progress.total} />
      ) : (
        t.status !== 'idle' && <ProgressBar testId="train-progress" label={progressLabel(t)} done={t.fraction} total={1} etaSeconds={busy ? t.etaSeconds : null} />
      )}

      <div className="chart-grid">
        <LossChart points={t.loss.points} epochLog={t.epochLog} labels={lossLabels} />
        <QualityChart points={t.quality.points} bestEpoch={t.bestEpoch} />
        <DistributionChart data={t.distributions} epoch={t.distributionsEpoch} />
      </div>
    </div>
  );
}
