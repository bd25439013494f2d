import type { ColumnProfile } from '../../core/types.ts';
import { REBALANCE_METHODS } from '../../core/rebalance/lab.ts';
import { MAX_SEEDS, toggleMethod, type LabForm } from './lab-form.ts';

interface Props {
  form: LabForm;
  onChange: (form: LabForm) => void;
  /** Discrete columns with at least two classes. */
  candidates: readonly ColumnProfile[];
  suggested: string | null;
  /** The target in effect (the pick, else the suggestion). */
  target: string;
  disabled: boolean;
  /** The seed came from the URL's ?seed=. */
  seedFixed: boolean;
}

/** Form rows wrap, with room between fields (the panel has no stylesheet of its own). */
const ROW = { display: 'flex', flexWrap: 'wrap', gap: '0.4rem 1.2rem', alignItems: 'center', margin: '0.4rem 0' } as const;

/** The target's classes as bars with counts and shares (from the profile's top categories). */
function ClassBalance({ column }: { column: ColumnProfile }) {
  const total = Math.max(1, column.count);
  return (
    <div className="class-balance" aria-label="Class balance" data-testid="rebalance-balance">
      {(column.categories?.top ?? []).map((t) => (
        <div key={t.value} className="class-row" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <span style={{ minWidth: 120 }}>{t.value}</span>
          <span style={{ display: 'inline-block', height: 10, width: `${Math.max(1, (t.count / total) * 300)}px`, background: '#94a3b8' }} />
          <span className="muted">
            {t.count} ({((t.count / total) * 100).toFixed(1)}%)
          </span>
        </div>
      ))}
    </div>
  );
}

/**
 * The lab's settings: target (suggested: the most imbalanced discrete column), positive class,
 * classifier, seed and seed count, wanted minority/majority ratio, CTGAN epochs and the methods.
 */
export function RebalanceForm({ form, onChange, candidates, suggested, target, disabled, seedFixed }: Props) {
  const column = candidates.find((c) => c.name === target);
  const classes = column?.categories?.top ?? [];
  const set = (key: 'seed' | 'seeds' | 'ratio' | 'epochs' | 'rarer') => (e: { currentTarget: { value: string } }) => onChange({ ...form, [key]: e.currentTarget.value });
  return (
    <fieldset className="rebalance-form" disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
      <div className="form-row" style={ROW}>
        <label>
          Target{' '}
          <select data-testid="rebalance-target" value={target} onChange={(e) => onChange({ ...form, target: e.currentTarget.value, minority: '' })}>
            {candidates.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
                {c.name === suggested ? ' (suggested)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Positive (minority) class{' '}
          <select data-testid="rebalance-minority" value={form.minority} onChange={(e) => onChange({ ...form, minority: e.currentTarget.value })}>
            <option value="">the rarest</option>
            {classes.map((t) => (
              <option key={t.value} value={t.value}>
                {t.value}
              </option>
            ))}
          </select>
        </label>
        <label>
          Classifier{' '}
          <select value={form.classifier} onChange={(e) => onChange({ ...form, classifier: e.currentTarget.value === 'gbdt' ? 'gbdt' : 'logistic' })}>
            <option value="logistic">logistic regression</option>
            <option value="gbdt">gradient boosting</option>
          </select>
        </label>
      </div>
      <div className="form-row" style={ROW}>
        <label title={seedFixed ? 'fixed by ?seed=' : 'same seed, same split and same numbers'}>
          Seed <input type="number" min={0} step={1} value={form.seed} onChange={set('seed')} data-testid="rebalance-seed" style={{ width: '8em' }} />
        </label>
        <label title="Each seed is a fresh holdout split and fresh resampling; scores are then mean ± sd">
          Seeds <input type="number" min={1} max={MAX_SEEDS} step={1} value={form.seeds} onChange={set('seeds')} data-testid="rebalance-seeds" style={{ width: '4em' }} />
        </label>
        <label title="Minority / majority size after rebalancing (1 = balanced)">
          Ratio <input type="number" min={0.05} max={1} step={0.05} value={form.ratio} onChange={set('ratio')} data-testid="rebalance-ratio" style={{ width: '5em' }} />
        </label>
        <label title="Optional: randomly drop minority rows of the training split until they are this share of it (e.g. 0.05), to test the methods on a rarer class. The holdout is untouched.">
          Rarer minority in training{' '}
          <input type="text" inputMode="decimal" placeholder="as is" value={form.rarer} onChange={set('rarer')} data-testid="rebalance-rarer" style={{ width: '5em' }} />
        </label>
        <label>
          CTGAN epochs <input type="number" min={1} step={1} value={form.epochs} onChange={set('epochs')} data-testid="rebalance-epochs" style={{ width: '5em' }} />
        </label>
      </div>
      {column && <ClassBalance column={column} />}
      <div className="form-row" style={ROW}>
        {REBALANCE_METHODS.map((m) => (
          <label key={m}>
            <input type="checkbox" data-testid={`rebalance-method-${m}`} checked={form.methods.includes(m)} onChange={() => onChange({ ...form, methods: toggleMethod(form.methods, m) })} /> {m}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
