import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/core/types.ts';
import { conditionChoices, conditionText, parseCondition } from '../../../src/ui/export/condition.ts';

const profile: Profile = {
  rows: 4,
  columns: [
    { name: 'age', index: 0, kind: 'integer', reason: '', count: 4, missing: 0, distinct: 4 },
    { name: 'workclass', index: 1, kind: 'categorical', reason: '', count: 4, missing: 0, distinct: 2, categories: { top: [{ value: ' Private', count: 3 }, { value: ' State-gov', count: 1 }] } },
    { name: 'income', index: 2, kind: 'boolean', reason: '', count: 4, missing: 0, distinct: 2, categories: { top: [{ value: '<=50K', count: 3 }, { value: '>50K', count: 1 }] } },
    { name: 'id', index: 3, kind: 'categorical', reason: '', count: 4, missing: 0, distinct: 4 },
  ],
};

describe('condition', () => {
  const plan = profile.columns.map((c) => ({ name: c.name, kind: c.kind, excluded: c.name === 'id' }));
  const choices = conditionChoices(profile, plan);

  it('offers discrete, non-excluded columns with their values', () => {
    expect(choices).toEqual([
      { column: 'workclass', values: [' Private', ' State-gov'] },
      { column: 'income', values: ['<=50K', '>50K'] },
    ]);
  });

  it('follows kind overrides in the plan', () => {
    const overridden = conditionChoices(profile, [{ name: 'age', kind: 'categorical' }]);
    expect(overridden.map((c) => c.column)).toContain('age');
  });

  it('empty text means no condition', () => {
    expect(parseCondition('  ', choices)).toEqual({ ok: true, condition: undefined });
  });

  it('maps a trimmed value back to the exact category text', () => {
    expect(parseCondition('workclass = Private', choices)).toEqual({ ok: true, condition: { column: 'workclass', value: ' Private' } });
    expect(parseCondition('income=>50K', choices)).toEqual({ ok: true, condition: { column: 'income', value: '>50K' } });
    expect(parseCondition('Income = <=50K', choices)).toEqual({ ok: true, condition: { column: 'income', value: '<=50K' } });
  });

  it('passes unknown values through for the worker to check', () => {
    expect(parseCondition('workclass = Never-worked', choices)).toEqual({ ok: true, condition: { column: 'workclass', value: 'Never-worked' } });
  });

  it('rejects malformed text and unknown columns with a message', () => {
    const noEq = parseCondition('workclass Private', choices);
    expect(noEq.ok).toBe(false);
    const unknown = parseCondition('salary = high', choices);
    expect(unknown).toMatchObject({ ok: false });
    if (!unknown.ok) expect(unknown.message).toContain('salary');
    const excluded = parseCondition('id = 3', choices);
    expect(excluded.ok).toBe(false);
  });

  it('conditionText round-trips through parseCondition', () => {
    const text = conditionText('workclass', ' State-gov');
    expect(text).toBe('workclass = State-gov');
    expect(parseCondition(text, choices)).toEqual({ ok: true, condition: { column: 'workclass', value: ' State-gov' } });
  });
});

describe('condition without a profile', () => {
  it('passes any column through when there is no profile to check against', () => {
    expect(parseCondition('sex = Female', null)).toEqual({ ok: true, condition: { column: 'sex', value: 'Female' } });
    expect(parseCondition('= x', null).ok).toBe(false);
  });
});
