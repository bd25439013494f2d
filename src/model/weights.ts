/**
 * Reading named variables back to the host and writing them from snapshots: shared by the CTGAN
 * and TVAE networks (model files, divergence snapshots, backend fallback).
 */
import * as tf from '@tensorflow/tfjs';
import { SynthtabError } from '../core/errors.ts';
import type { NamedVariable } from './modules.ts';
import type { WeightSnapshot } from './networks.ts';

/**
 * Read `vars` back to the host as snapshots named `names[i]` (default: each variable's own name;
 * CTGAN saves its averaged generator under the live generator's names).
 */
export async function readWeights(vars: readonly NamedVariable[], names: readonly string[] = vars.map((v) => v.name)): Promise<WeightSnapshot[]> {
  const values = await Promise.all(vars.map((v) => v.variable.data() as Promise<Float32Array>));
  return vars.map((v, i) => ({ name: names[i]!, shape: [...v.variable.shape], values: Float32Array.from(values[i]!) }));
}

/**
 * Overwrite `vars` from snapshots matched by name. Every variable must be present with its exact
 * shape ('bad-model-file' otherwise); nothing is written unless all are.
 */
export function assignWeights(vars: readonly NamedVariable[], weights: readonly WeightSnapshot[]): void {
  const byName = new Map(weights.map((w) => [w.name, w]));
  for (const v of vars) {
    const w = byName.get(v.name);
    if (!w) throw new SynthtabError('bad-model-file', `The model weights lack '${v.name}'.`);
    const shape = v.variable.shape;
    if (w.shape.length !== shape.length || w.shape.some((d, i) => d !== shape[i]) || w.values.length !== v.variable.size) {
      throw new SynthtabError('bad-model-file', `Weight '${v.name}' has shape [${w.shape.join(', ')}], expected [${shape.join(', ')}].`);
    }
  }
  tf.tidy(() => {
    for (const v of vars) v.variable.assign(tf.tensor(byName.get(v.name)!.values, [...v.variable.shape]));
  });
}
