import type { Efficacy, EfficacyScores } from '../../core/metrics/evaluate.ts';
import { formatScore } from './report-data.ts';

const METRICS: { key: keyof EfficacyScores; label: string }[] = [
  { key: 'accuracy', label: 'Accuracy' },
  { key: 'f1', label: 'F1' },
  { key: 'rocAuc', label: 'ROC AUC' },
  { key: 'prAuc', label: 'PR AUC' },
];

/**
 * ML efficacy (test id `efficacy-section`): a classifier trained on real rows (TRTR) vs one
 * trained on synthetic rows (TSTR), both tested on the same real rows.
 */
export function EfficacyCard({ efficacy }: { efficacy: Efficacy }) {
  const test = efficacy.test === 'holdout' ? 'the held-back real rows' : 'a 20% split of the real rows (the synthesizer saw these too)';
  const what = efficacy.task === 'binary' ? `binary, positive class “${efficacy.positiveClass ?? ''}”` : `${efficacy.classes.length} classes, macro averages`;
  return (
    <div data-testid="efficacy-section">
      <p>
        Predicting <strong>{efficacy.target}</strong> ({what}) with {efficacy.model === 'gbdt' ? 'gradient-boosted trees' : 'logistic regression'}, tested on {test} ({efficacy.testRows} rows).
      </p>
      <table className="report-table">
        <thead>
          <tr>
            <th>Trained on</th>
            {METRICS.map((m) => (
              <th key={m.key} className="num">
                {m.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr data-testid="efficacy-real">
            <td>Real rows, TRTR ({efficacy.trainRows.real})</td>
            {METRICS.map((m) => (
              <td key={m.key} className="num">
                {formatScore(efficacy.real[m.key], 3)}
              </td>
            ))}
          </tr>
          <tr data-testid="efficacy-synthetic">
            <td>Synthetic rows, TSTR ({efficacy.trainRows.synthetic})</td>
            {METRICS.map((m) => (
              <td key={m.key} className="num">
                {formatScore(efficacy.synthetic[m.key], 3)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="muted small">The closer the synthetic row comes to the real row, the better the synthetic data stands in for the real data on this task.</p>
    </div>
  );
}
