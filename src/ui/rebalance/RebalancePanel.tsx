import { useMemo, useState } from 'react';
import type { SessionState } from '../app/session-state.ts';
import type { SessionActions } from '../app/session-store.ts';
import type { UrlParams } from '../app/url-params.ts';
import { ProgressBar } from '../shared/ProgressBar.tsx';
import { downloadBlob } from '../export/download.ts';
import { suggestTargetFromProfile } from '../../core/rebalance/target.ts';
import { isDiscreteKind } from '../../core/types.ts';
import { defaultLabForm, formFromRequest, labRequest, type LabForm } from './lab-form.ts';
import { RanWith } from './RanWith.tsx';
import { RebalanceForm } from './RebalanceForm.tsx';
import { RebalanceResults } from './RebalanceResults.tsx';

interface Props {
  state: SessionState;
  actions: SessionActions;
  /** `?seed=` fixes the seed the form starts with; `?backend=` is passed on for the CTGAN method. */
  url: Pick<UrlParams, 'seed' | 'backend'>;
  /** The seed the form starts with (from ?seed=, else drawn once per page load, as in the train form). */
  initialSeed: number;
}

/**
 * The rebalance lab (core/rebalance, run in the worker): pick a discrete target (the most
 * imbalanced one is suggested), see its class balance, compare baseline / undersampling /
 * oversampling / SMOTE-NC / class weights / CTGAN minority rows on a stratified holdout over one
 * or more seeds, download the augmented training set, and copy the run as a CLI command.
 * Test ids: rebalance-panel, rebalance-target, rebalance-run, rebalance-progress, rebalance-results,
 * rebalance-metrics-chart, rebalance-pr-chart, rebalance-download; also rebalance-minority,
 * rebalance-seed, rebalance-seeds, rebalance-ratio, rebalance-epochs, rebalance-method-<name>,
 * rebalance-cli, rebalance-request-json, rebalance-download-json, rebalance-balance.
 */
export function RebalancePanel({ state, actions, url, initialSeed }: Props) {
  const profile = state.dataset?.profile ?? null;
  const candidates = useMemo(() => (profile ? profile.columns.filter((c) => isDiscreteKind(c.kind) && (c.categories?.top.length ?? 0) >= 2) : []), [profile]);
  const suggested = useMemo(() => (profile ? suggestTargetFromProfile(profile) : null), [profile]);
  const job = state.rebalance;
  // After a tab switch the panel mounts again: start from the last run's settings.
  const [form, setForm] = useState<LabForm>(() => (job.request ? formFromRequest(job.request) : defaultLabForm(initialSeed)));
  const running = job.status === 'running';
  const target = form.target !== null && candidates.some((c) => c.name === form.target) ? form.target : (suggested ?? candidates[0]?.name ?? '');
  const fileName = state.dataset?.name ?? 'data.csv';

  if (!profile) return <p className="muted" data-testid="rebalance-panel">Load a table first.</p>;
  if (candidates.length === 0) return <p className="muted" data-testid="rebalance-panel">No categorical or boolean column to use as a target.</p>;

  const run = () => {
    const built = labRequest(form, target, url.backend);
    if ('error' in built) actions.fail('bad-option', built.error);
    else actions.rebalance(built.request);
  };
  const download = () => {
    if (!job.augmented) return;
    downloadBlob(new Blob([job.augmented.csv], { type: 'text/csv' }), `${fileName.replace(/\.csv$/i, '')}-${job.augmented.method}-augmented.csv`);
  };

  return (
    <div className="rebalance" data-testid="rebalance-panel">
      <p className="muted small">
        Does CTGAN-made minority data help a classifier more than the classic fixes? Each method builds its own training set from the training split; one
        classifier per method is scored on the same stratified holdout, which is never resampled or shown to CTGAN.
      </p>
      <RebalanceForm form={form} onChange={setForm} candidates={candidates} suggested={suggested} target={target} disabled={running} seedFixed={url.seed !== null} />
      <div className="button-row">
        <button type="button" className="button" data-testid="rebalance-run" disabled={running || form.methods.length === 0 || !target} onClick={run}>
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
      {job.result && <RebalanceResults result={job.result} />}
      {job.request && <RanWith request={job.request} fileName={fileName} result={job.status === 'done' ? job.result : null} />}
    </div>
  );
}
