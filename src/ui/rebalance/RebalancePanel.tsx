/**
 * SLOT for the rebalance lab (issue: rebalance; core/rebalance holds the methods). It will compare
 * baseline / undersample / oversample / SMOTE / class weights / CTGAN minority rows on a target
 * column (DESIGN.md "Rebalance JSON"). Replace this placeholder; it receives the loaded profile's
 * column names so a target can be picked.
 */
export function RebalancePanel({ columns }: { columns: readonly string[] }) {
  return (
    <div className="rebalance" data-testid="rebalance-panel">
      <p className="muted">
        The rebalance lab is coming: pick a target column{columns.length > 0 ? ` (${columns.length} available)` : ''} and compare resampling methods with
        synthetic minority rows.
      </p>
    </div>
  );
}
