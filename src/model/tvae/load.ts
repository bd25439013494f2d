/**
 * Load any Synthtab model file (CTGAN or TVAE) by its `method` field, for the CLI `sample` command
 * and the worker's load-model.
 */
import { SynthtabError } from '../../core/errors.ts';
import { CtganSynthesizer } from '../synthesizer.ts';
import { MODEL_FORMAT } from '../model-file.ts';
import { TvaeSynthesizer } from './synthesizer.ts';

export type AnySynthesizer = CtganSynthesizer | TvaeSynthesizer;

/** The method a model file holds ('ctgan' when absent, as in early files). */
export function modelFileMethod(input: unknown): string {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch {
      throw new SynthtabError('bad-model-file', 'The model file is not valid JSON (is it truncated?).');
    }
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== MODEL_FORMAT) {
    throw new SynthtabError('bad-model-file', 'This is not a Synthtab model file.');
  }
  const m = (json as { method?: unknown }).method;
  return typeof m === 'string' ? m : 'ctgan';
}

/** A CtganSynthesizer or TvaeSynthesizer from a model file (object or JSON text). */
export function loadModelFile(input: unknown): AnySynthesizer {
  const json = typeof input === 'string' ? (() => {
    try {
      return JSON.parse(input) as unknown;
    } catch {
      throw new SynthtabError('bad-model-file', 'The model file is not valid JSON (is it truncated?).');
    }
  })() : input;
  const method = modelFileMethod(json);
  if (method === 'tvae') return TvaeSynthesizer.fromFile(json);
  return CtganSynthesizer.fromFile(json);
}
