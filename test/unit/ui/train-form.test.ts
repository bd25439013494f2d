import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_OPTIONS } from '../../../src/core/types.ts';
import { defaultTrainForm, trainOptionsFromForm } from '../../../src/ui/train/train-form.ts';

describe('train form', () => {
  it('the default form gives the reference defaults', () => {
    const r = trainOptionsFromForm(defaultTrainForm(7));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = DEFAULT_TRAIN_OPTIONS;
    expect(r.options).toEqual({
      epochs: d.epochs, batchSize: d.batchSize, seed: 7, pac: d.pac, discriminatorSteps: d.discriminatorSteps,
      embeddingDim: d.embeddingDim, generatorLr: d.generatorLr, discriminatorLr: d.discriminatorLr,
      generatorDim: d.generatorDim, discriminatorDim: d.discriminatorDim,
    });
  });

  it('parses layer lists with commas or spaces', () => {
    const r = trainOptionsFromForm({ ...defaultTrainForm(0), generatorDim: '128 64', discriminatorDim: '32,' });
    expect(r).toMatchObject({ ok: true, options: { generatorDim: [128, 64], discriminatorDim: [32] } });
  });

  it('reports every bad field, including a batch that pac does not divide', () => {
    const r = trainOptionsFromForm({ ...defaultTrainForm(0), epochs: '0', batchSize: '55', generatorLr: 'fast', generatorDim: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(4);
    expect(r.errors.join(' ')).toContain('multiple of pac');
  });

  it('rejects a seed outside 32 bits and a fractional epoch count', () => {
    expect(trainOptionsFromForm({ ...defaultTrainForm(0), seed: '4294967296' }).ok).toBe(false);
    expect(trainOptionsFromForm({ ...defaultTrainForm(0), epochs: '2.5' }).ok).toBe(false);
  });
});
