/**
 * Load any Synthtab model file (CTGAN or TVAE) by its `method` field, for the CLI `sample` command
 * and the worker's load-model.
 */
import { CtganSynthesizer } from '../synthesizer.ts';
import { parseModelJson } from '../model-file.ts';
import { TvaeSynthesizer } from './synthesizer.ts';

export type AnySynthesizer = CtganSynthesizer | TvaeSynthesizer;

/** The method a model file holds ('ctgan' when absent, as in early files). */
export function modelFileMethod(input: unknown): string {
  const m = parseModelJson(input).method;
  return typeof m === 'string' ? m : 'ctgan';
}

/** A CtganSynthesizer or TvaeSynthesizer from a model file (object or JSON text). */
export function loadModelFile(input: unknown): AnySynthesizer {
  const json = parseModelJson(input);
  if (modelFileMethod(json) === 'tvae') return TvaeSynthesizer.fromFile(json);
  return CtganSynthesizer.fromFile(json);
}
