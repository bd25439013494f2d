import type { SessionState } from '../app/session-state.ts';
import type { SessionActions } from '../app/session-store.ts';

/**
 * SLOT for the rebalance lab (core/rebalance; DESIGN.md "Rebalance JSON"). The plumbing is done:
 * `actions.rebalance({ target, ... })` sends the request, and `state.rebalance` holds its status,
 * progress, `result` (RebalanceResult) and `augmented` CSV. Replace this placeholder body.
 */
export function RebalancePanel({ state }: { state: SessionState; actions: SessionActions }) {
  const columns = state.dataset?.profile.columns.length ?? 0;
  return (
    <div className="rebalance" data-testid="rebalance-panel">
      <p className="muted">
        The rebalance lab is coming: pick a target column{columns > 0 ? ` (${columns} available)` : ''} and compare undersampling, oversampling, SMOTE,
        class weights and synthetic minority rows on a held-out split.
      </p>
    </div>
  );
}
