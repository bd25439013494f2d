import type { SessionState } from '../app/session-state.ts';
import { isTraining } from '../app/session-state.ts';
import type { SessionActions } from '../app/session-store.ts';
import { formatCount } from '../shared/format.ts';

/**
 * Save the trained model as JSON (the same file the CLI's `sample` reads), load one from a file,
 * or restore the model the worker kept in IndexedDB from an earlier session.
 */
export function ModelFiles({ state, actions }: { state: SessionState; actions: SessionActions }) {
  const busy = state.modelBusy || isTraining(state.train.status);
  const stored = state.storedModel;
  return (
    <div className="model-files">
      <h3>Model</h3>
      <p className="muted small">
        {state.modelReady
          ? state.modelSource === 'trained'
            ? 'A model trained in this session is ready.'
            : `A model ${state.modelSource === 'stored' ? 'restored from this browser' : 'loaded from a file'} is ready${state.loadedModelColumns ? ` (${state.loadedModelColumns.length} columns)` : ''}.`
          : 'No model yet.'}
      </p>
      <div className="button-row">
        <button type="button" className="button" data-testid="save-model-button" disabled={!state.modelReady || busy} onClick={actions.saveModel}>
          Save model
        </button>
        <label className={busy ? 'button disabled' : 'button'}>
          Load model…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            data-testid="model-input"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!file) return;
              file.text().then(actions.loadModel, (err: unknown) => actions.fail('bad-model-file', `Could not read ${file.name}: ${String(err)}.`));
            }}
          />
        </label>
        {stored && (
          <button type="button" className="button" data-testid="restore-model-button" disabled={busy} onClick={actions.restoreModel} title={`Saved ${stored.savedAt}`}>
            Restore last model ({stored.name}, {formatCount(stored.epochs)} epochs, {stored.backend})
          </button>
        )}
      </div>
    </div>
  );
}
