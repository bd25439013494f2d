import { describe, expect, it } from 'vitest';
import { MIN_STEPS_HINT, stepsHint } from '../../../src/ui/train/train-form.ts';

describe('stepsHint', () => {
  it('counts steps as epochs x floor(rows / batch) and suggests the epochs for the minimum', () => {
    // 1,313 training rows at batch 500: 2 steps an epoch; 300 epochs = 600 steps; 1,000 epochs reach 2,000.
    expect(stepsHint('ctgan', 1313, '300', '500')).toBe(
      `300 epochs of 1313 rows at batch 500 are only 600 training steps; relations between columns usually need about ${MIN_STEPS_HINT} (try 1000 epochs).`,
    );
  });

  it('says nothing with enough steps, for methods that do not train by steps, or for unparsable fields', () => {
    expect(stepsHint('ctgan', 32_561, '300', '500')).toBeNull(); // 65 x 300 = 19,500 steps
    expect(stepsHint('copula', 100, '1', '500')).toBeNull();
    expect(stepsHint('profile', 100, '1', '500')).toBeNull();
    expect(stepsHint('tvae', 100, 'x', '500')).toBeNull();
  });

  it('counts one step an epoch when the table is smaller than the batch', () => {
    expect(stepsHint('tvae', 40, '10', '500')).toContain('only 10 training steps');
  });
});
