import type { ReactNode } from 'react';
import { DEFAULT_TRAIN_OPTIONS } from '../../core/types.ts';
import type { MethodName } from '../../worker/protocol.ts';
import type { TrainForm } from './train-form.ts';
import { METHODS, methodChoice, stepsHint } from './train-form.ts';

interface Props {
  form: TrainForm;
  disabled: boolean;
  seedFixed: boolean;
  onChange: (form: TrainForm) => void;
  /** Rows the model will train on (after the holdout), for the step-count hint. */
  trainingRows?: number;
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint muted">{hint}</span>}
    </label>
  );
}

/**
 * The training settings: method (with its one-line description), epochs (`epochs-input`), batch
 * size and seed up front; learning rates, layer sizes (CTGAN's; TVAE keeps its reference layers)
 * and the early-stop patience (`patience-input`) under "Advanced", prefilled with the reference
 * defaults (CTGAN-SPEC 1). Epochs and batch size are disabled for the methods that do not train.
 */
export function TrainOptionsForm({ form, disabled, seedFixed, onChange, trainingRows }: Props) {
  const hint = trainingRows ? stepsHint(form.method, trainingRows, form.epochs, form.batchSize) : null;
  const set = (key: keyof TrainForm) => (e: { currentTarget: { value: string } }) => onChange({ ...form, [key]: e.currentTarget.value });
  const d = DEFAULT_TRAIN_OPTIONS;
  const method = methodChoice(form.method);
  return (
    <fieldset className="train-form" disabled={disabled}>
      <div className="field-row">
        <label className="field method-field">
          <span className="field-label">Method</span>
          <select value={form.method} onChange={(e) => onChange({ ...form, method: e.currentTarget.value as MethodName })} data-testid="method-select" aria-describedby="method-description">
            {METHODS.map((m) => (
              <option key={m.name} value={m.name} disabled={!m.available} title={m.description}>
                {m.label}
                {m.available ? '' : ' (coming soon)'}
              </option>
            ))}
          </select>
          <span id="method-description" className="field-hint muted" data-testid="method-description">
            {method.description}
          </span>
        </label>
        <Field label="Epochs" hint={`reference: ${d.epochs}`}>
          <input type="number" min={1} step={1} value={form.epochs} onChange={set('epochs')} data-testid="epochs-input" disabled={!method.epochs} />
        </Field>
        <Field label="Batch size" hint={`multiple of pac; reference: ${d.batchSize}`}>
          <input type="number" min={2} step={10} value={form.batchSize} onChange={set('batchSize')} data-testid="batch-input" disabled={!method.epochs} />
        </Field>
        <Field label="Seed" hint={seedFixed ? 'fixed by ?seed=' : 'same seed, same model'}>
          <input type="number" min={0} step={1} value={form.seed} onChange={set('seed')} data-testid="seed-input" />
        </Field>
      </div>
      {hint && (
        <p className="muted steps-hint" data-testid="steps-hint">
          {hint}
        </p>
      )}
      <details className="advanced">
        <summary>Advanced</summary>
        <div className="field-row">
          <Field label="Generator learning rate" hint={`reference: ${d.generatorLr}`}>
            <input type="text" inputMode="decimal" value={form.generatorLr} onChange={set('generatorLr')} />
          </Field>
          <Field label="Critic learning rate" hint={`reference: ${d.discriminatorLr}`}>
            <input type="text" inputMode="decimal" value={form.discriminatorLr} onChange={set('discriminatorLr')} />
          </Field>
          <Field label="Noise size" hint={`reference: ${d.embeddingDim}`}>
            <input type="number" min={1} value={form.embeddingDim} onChange={set('embeddingDim')} />
          </Field>
        </div>
        <div className="field-row">
          <Field label="Generator layers" hint={`reference: ${d.generatorDim.join(', ')}`}>
            <input type="text" value={form.generatorDim} onChange={set('generatorDim')} />
          </Field>
          <Field label="Critic layers" hint={`reference: ${d.discriminatorDim.join(', ')}`}>
            <input type="text" value={form.discriminatorDim} onChange={set('discriminatorDim')} />
          </Field>
          <Field label="Pac (rows per critic input)" hint={`reference: ${d.pac}`}>
            <input type="number" min={1} value={form.pac} onChange={set('pac')} />
          </Field>
          <Field label="Critic steps per generator step" hint={`reference: ${d.discriminatorSteps}`}>
            <input type="number" min={1} value={form.discriminatorSteps} onChange={set('discriminatorSteps')} />
          </Field>
        </div>
        <div className="field-row">
          <Field label="Early-stop patience" hint="stop after this many quality checks without improvement and keep the best epoch; 0 = off">
            <input type="number" min={0} step={1} value={form.patience} onChange={set('patience')} data-testid="patience-input" />
          </Field>
        </div>
      </details>
    </fieldset>
  );
}
