import { useMemo, useState } from 'react';
import type { SessionState } from '../app/session-state.ts';
import { isTraining } from '../app/session-state.ts';
import type { SessionActions } from '../app/session-store.ts';
import { formatCount } from '../shared/format.ts';
import { ProgressBar } from '../shared/ProgressBar.tsx';
import { conditionChoices, conditionText, parseCondition } from './condition.ts';
import { ModelFiles } from './ModelFiles.tsx';

interface Props {
  state: SessionState;
  actions: SessionActions;
  /** The seed for sampling (the train form's seed source), so a fixed ?seed= gives the same file. */
  seed: number | null;
}

/** Largest export offered in one go (the CSV streams, but the Blob is held in memory). */
export const MAX_EXPORT_ROWS = 10_000_000;

/**
 * Step 3: how many rows (`rows-input`), an optional condition (`condition-input`, with a helper
 * listing the categorical columns and values), and `export-button`, which streams the worker's
 * CSV into a download named `<input>-synthetic.csv`. Also save / load / restore the model.
 */
export function ExportPanel({ state, actions, seed }: Props) {
  const [rows, setRows] = useState(() => String(Math.min(state.dataset?.profile.rows ?? 1000, 100_000) || 1000));
  const [conditionRaw, setConditionRaw] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const choices = useMemo(() => (state.dataset ? conditionChoices(state.dataset.profile, state.plan) : null), [state.dataset, state.plan]);
  const x = state.export;
  const running = x.status === 'running';
  const canExport = state.modelReady && !isTraining(state.train.status) && !running && !state.modelBusy;

  const exportCsv = () => {
    const n = Number(rows);
    if (!Number.isInteger(n) || n < 1 || n > MAX_EXPORT_ROWS) {
      setFormError(`Rows must be a whole number from 1 to ${formatCount(MAX_EXPORT_ROWS)}.`);
      return;
    }
    const c = parseCondition(conditionRaw, choices);
    if (!c.ok) {
      setFormError(c.message);
      return;
    }
    setFormError(null);
    actions.exportCsv(n, c.condition, seed ?? undefined);
  };

  return (
    <div className="export">
      <div className="field-row">
        <label className="field">
          <span className="field-label">Rows</span>
          <input type="number" min={1} max={MAX_EXPORT_ROWS} step={1} value={rows} onChange={(e) => setRows(e.currentTarget.value)} data-testid="rows-input" />
        </label>
        <label className="field grow">
          <span className="field-label">Condition (optional)</span>
          <input
            type="text"
            placeholder="column = value, e.g. sex = Female"
            value={conditionRaw}
            onChange={(e) => setConditionRaw(e.currentTarget.value)}
            data-testid="condition-input"
            list="condition-suggestions"
          />
          <datalist id="condition-suggestions">
            {choices?.flatMap((c) => c.values.slice(0, 20).map((v) => <option key={`${c.column}\u0000${v}`} value={conditionText(c.column, v)} />))}
          </datalist>
        </label>
      </div>
      {choices && choices.length > 0 && (
        <details className="condition-help">
          <summary>Columns you can condition on</summary>
          <dl>
            {choices.map((c) => (
              <div key={c.column} className="condition-choice">
                <dt>{c.column}</dt>
                <dd>
                  {c.values.map((v) => (
                    <button key={v} type="button" className="chip" onClick={() => setConditionRaw(conditionText(c.column, v))}>
                      {v.trim() === '' ? '(blank)' : v.trim()}
                    </button>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {formError && (
        <p className="form-errors" role="alert" data-testid="export-form-error">
          {formError}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button primary" data-testid="export-button" disabled={!canExport} onClick={exportCsv}>
          Download synthetic CSV
        </button>
        {!state.modelReady && <span className="muted">Train a model (step 2) or load one first.</span>}
        {x.status === 'done' && (
          <span className="muted" data-testid="export-done">
            Saved {formatCount(x.rowsTotal)} rows as {x.fileName}.
          </span>
        )}
      </div>
      {running && <ProgressBar testId="export-progress" label={`Generating ${formatCount(x.rowsTotal)} rows`} done={x.rowsDone} total={x.rowsTotal} etaSeconds={x.etaSeconds} />}
      <ModelFiles state={state} actions={actions} />
    </div>
  );
}
