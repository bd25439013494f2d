import { memo, useMemo } from 'react';
import type { ColumnKind, ColumnProfile, Profile } from '../../core/types.ts';
import { COLUMN_KINDS } from '../../core/types.ts';
import { kindProblem } from '../../core/profile/plan.ts';
import { formatCount, formatPercent } from '../shared/format.ts';
import type { PiiMode, UiColumnPlan } from './plan.ts';
import { hasPiiColumn, PII_MODES, piiGuess, withExcluded, withKind, withPii } from './plan.ts';
import { Sparkline } from './Sparkline.tsx';
import { sparkBars } from './sparkline.ts';

interface Props {
  profile: Profile;
  plan: readonly UiColumnPlan[];
  disabled: boolean;
  /** Apply an edit to the latest plan (a stable store action, so rows can skip re-rendering). */
  onEdit: (edit: (plan: readonly UiColumnPlan[]) => UiColumnPlan[]) => void;
}

/**
 * The profile (test id `profile-table`): one row per column with the detected kind (a select to
 * override it), the profiler's reason, missing and distinct counts, a sparkline and an exclude
 * box. Every change sends the whole plan to the worker.
 */
export function ProfileTable({ profile, plan, disabled, onEdit }: Props) {
  const byName = new Map(plan.map((p) => [p.name, p]));
  const showPii = hasPiiColumn(profile.columns);
  const edit = useMemo(
    () => ({
      kind: (name: string, kind: ColumnKind) => onEdit((p) => withKind(p, name, kind)),
      excluded: (name: string, excluded: boolean) => onEdit((p) => withExcluded(p, name, excluded)),
      pii: (name: string, mode: PiiMode) => onEdit((p) => withPii(p, name, mode)),
    }),
    [onEdit],
  );
  return (
    <div className="table-scroll">
      <table className="profile-table" data-testid="profile-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Kind</th>
            <th scope="col">Why</th>
            <th scope="col" className="num">Missing</th>
            <th scope="col" className="num">Distinct</th>
            <th scope="col">Distribution</th>
            {showPii && <th scope="col">Personal data</th>}
            <th scope="col">Exclude</th>
          </tr>
        </thead>
        <tbody>
          {profile.columns.map((col) => (
            <ProfileRow key={col.name} col={col} rows={profile.rows} plan={byName.get(col.name)} showPii={showPii} disabled={disabled} edit={edit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  col: ColumnProfile;
  rows: number;
  plan: UiColumnPlan | undefined;
  showPii: boolean;
  disabled: boolean;
  edit: {
    kind: (name: string, kind: ColumnKind) => void;
    excluded: (name: string, excluded: boolean) => void;
    pii: (name: string, mode: PiiMode) => void;
  };
}

const ProfileRow = memo(function ProfileRow({ col, rows, plan, showPii, disabled, edit }: RowProps) {
  const kind = plan?.kind ?? col.kind;
  const excluded = plan?.excluded ?? false;
  const pii = piiGuess(col);
  return (
    <tr className={excluded ? 'excluded' : undefined} data-column={col.name}>
      <th scope="row" className="col-name" title={col.name}>
        {col.name}
      </th>
      <td>
        <select
          aria-label={`Kind of ${col.name}`}
          value={kind}
          disabled={disabled}
          onChange={(e) => edit.kind(col.name, e.currentTarget.value as ColumnKind)}
          className={kind !== col.kind ? 'overridden' : undefined}
        >
          {COLUMN_KINDS.map((k) => {
            // Kinds the values cannot take are listed but disabled, with the reason as a tooltip.
            const problem = k === col.kind || k === kind ? null : kindProblem(col, k);
            return (
              <option key={k} value={k} disabled={problem !== null} title={problem ?? undefined}>
                {k}
                {k === col.kind ? ' (detected)' : ''}
              </option>
            );
          })}
        </select>
      </td>
      <td className="reason">{col.reason}</td>
      <td className="num" title={rows > 0 ? formatPercent(col.missing / rows) : undefined}>
        {formatCount(col.missing)}
      </td>
      <td className="num">{formatCount(col.distinct)}</td>
      <td>
        <Sparkline bars={sparkBars(col)} />
      </td>
      {showPii && (
        <td className="pii">
          {pii ? (
            <>
              <span className="pii-guess" title={pii.reason ?? `Looks like ${pii.kind} (confidence ${formatPercent(pii.confidence)})`}>
                {pii.kind} {formatPercent(pii.confidence)}
              </span>{' '}
              <select aria-label={`Personal data treatment of ${col.name}`} value={plan?.action ?? plan?.pii ?? pii.suggested} disabled={disabled} onChange={(e) => edit.pii(col.name, e.currentTarget.value as PiiMode)}>
                {PII_MODES.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <span className="muted">–</span>
          )}
        </td>
      )}
      <td className="center">
        <input type="checkbox" aria-label={`Exclude ${col.name}`} checked={excluded} disabled={disabled} onChange={(e) => edit.excluded(col.name, e.currentTarget.checked)} />
      </td>
    </tr>
);
});
