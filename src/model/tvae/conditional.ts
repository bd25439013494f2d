/**
 * Conditional sampling by rejection for synthesizers without a conditional vector (TVAE): draw
 * unconditional rows, keep those satisfying the condition, repeat (SDV's schedule, CTGAN-SPEC 7:
 * first the rows asked for, then remaining / observed rate, at most 10 batches per try, 100 tries).
 * Matching follows src/model/sample.ts: discrete columns by category text (the value may omit the
 * data's leading/trailing spaces), continuous/integer by |x − v| ≤ 0.01·|v| with the kept value set
 * to v exactly, anything else by exact text.
 */
import { SynthtabError } from '../../core/errors.ts';
import type { Rng } from '../../core/rng.ts';
import { cellText, type Column, type NumericColumn, type Table } from '../../core/table/table.ts';
import { isDiscreteKind, isLearnedKind, type ColumnPlan, type Condition } from '../../core/types.ts';
import { collectMatchingRows, FLOAT_RTOL } from '../sample.ts';

type Keep = (t: Table) => number[];

function column(t: Table, name: string): Column {
  const c = t.columns.find((k) => k.name === name);
  if (!c) throw new SynthtabError('internal', `Decoded table lacks column '${name}'.`);
  return c;
}

function textMatcher(name: string, want: string): Keep {
  return (t) => {
    const col = column(t, name);
    const out: number[] = [];
    for (let i = 0; i < t.rowCount; i++) if (cellText(col, i) === want) out.push(i);
    return out;
  };
}

/**
 * Rows matching `condition` from `generate(k, rng)` batches. `categories` lists a discrete column's
 * known values (to fail fast with the list when the value is unknown).
 */
export async function sampleByRejection(
  generate: (rows: number, rng: Rng) => Promise<Table>,
  n: number,
  condition: Condition,
  plan: readonly ColumnPlan[],
  categories: (column: string) => string[] | null,
  batch: number,
  rng: Rng,
): Promise<Table> {
  const p = plan.find((x) => x.name === condition.column && !x.excluded);
  if (!p) {
    throw new SynthtabError('bad-condition', `Unknown column '${condition.column}' in the condition; columns: ${plan.filter((x) => !x.excluded).map((x) => x.name).join(', ')}.`);
  }
  if (!isLearnedKind(p.kind)) throw new SynthtabError('bad-condition', `Column '${condition.column}' is ${p.kind} and not learned by the model, so it cannot be a condition.`);
  let keep: Keep;
  let fix: ((t: Table) => Table) | undefined;
  if (isDiscreteKind(p.kind)) {
    const cats = categories(condition.column) ?? [];
    const label = cats.find((c) => c === condition.value) ?? cats.find((c) => c.trim() === condition.value.trim());
    if (label === undefined) {
      const shown = cats.slice(0, 8).map((c) => `'${c.trim()}'`).join(', ');
      throw new SynthtabError('bad-condition', `Column '${condition.column}' has no value '${condition.value}'; known values: ${shown}${cats.length > 8 ? ', ...' : ''}.`);
    }
    keep = textMatcher(condition.column, label);
  } else {
    const v = Number(condition.value.trim());
    if (condition.value.trim() !== '' && Number.isFinite(v) && (p.kind === 'continuous' || p.kind === 'integer')) {
      keep = (t) => {
        const col = column(t, condition.column);
        const out: number[] = [];
        if (col.type !== 'numeric') return out;
        for (let i = 0; i < t.rowCount; i++) if (Math.abs(col.values[i]! - v) <= FLOAT_RTOL * Math.abs(v)) out.push(i);
        return out;
      };
      fix = (t) => ({
        ...t,
        columns: t.columns.map((c) => (c.name === condition.column && c.type === 'numeric' ? ({ ...c, values: new Float64Array(t.rowCount).fill(v) } satisfies NumericColumn) : c)),
      });
    } else {
      keep = textMatcher(condition.column, condition.value);
    }
  }
  if (n === 0) return generate(0, rng);
  const result = await collectMatchingRows(n, batch, condition, keep, (want) => generate(want, rng));
  return fix ? fix(result) : result;
}
