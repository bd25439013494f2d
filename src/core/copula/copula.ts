/**
 * Gaussian copula synthesizer (issue 8): `fitCopula(table, plan, rng)` -> JSON model,
 * `sampleCopula(model, n, rng, condition?)` -> Table with the same (non-excluded) columns.
 */
export { fitCopula } from './fit.ts';
export { sampleCopula } from './sample.ts';
export { assertCopulaModel, COPULA_FORMAT, COPULA_VERSION, type CopulaModel, type CopulaColumn } from './model.ts';
