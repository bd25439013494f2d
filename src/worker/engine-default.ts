/**
 * The real Engine for the browser worker: core/csv, core/profile, model/ (CtganSynthesizer) and
 * core/metrics, with browser backend selection.
 */
import type { Engine, SynthesizerLike } from './engine.ts';
import { deviceLostReason, fallbackBackend, selectBackend } from '../model/backend-browser.ts';
import { CtganSynthesizer } from '../model/synthesizer.ts';
import { TvaeSynthesizer } from '../model/tvae/synthesizer.ts';
import { loadModelFile } from '../model/tvae/load.ts';
import { createCsvParser } from '../core/csv/parse.ts';
import { tableToCsvChunks } from '../core/csv/write.ts';
import { profileTable } from '../core/profile/profile.ts';
import { evaluate } from '../core/metrics/evaluate.ts';
import { createRng } from '../core/rng.ts';
import { SynthtabError } from '../core/errors.ts';
import { preparePersonal, type PersonalColumns } from '../core/synth/personal.ts';
import { ProfiledTables } from '../core/synth/profiled-tables.ts';
import { COPULA_FORMAT } from '../core/copula/copula.ts';
import { copulaSynthesizer, loadCopula, profileSynthesizer, trackedFit } from './engine-methods.ts';

/**
 * CtganSynthesizer seen through the worker's SynthesizerLike (toFile as JSON text). With `profiled`,
 * personal columns are faked (issue 7, core/synth/personal.ts): fit trains on the plan with the
 * profile's default actions applied ('fake' -> not learned) and sample puts Faker values there.
 */
export function wrapCtgan(synth: CtganSynthesizer | TvaeSynthesizer, profiled?: ProfiledTables): SynthesizerLike {
  let personal: PersonalColumns | null = null;
  const sample: SynthesizerLike['sample'] = (rows, options) => synth.sample(rows, personal ? { ...options, fillers: personal.fillers() } : options);
  return {
    fit: async (table, plan, options, hooks) => {
      const whole = profiled?.lookup(table);
      personal = whole ? preparePersonal(whole.table, whole.profile, plan) : null;
      const resolved = personal ? personal.plan : plan;
      // With hooks.quality, a QualityTracker scores checks (fakes included, as exported) and leaves the best weights.
      const target = { sample, getWeights: () => synth.getWeights(), setWeights: (w: readonly Float32Array[]) => synth.setWeights(w) };
      return trackedFit(target, table, resolved, options, hooks, async (h) => (await synth.fit(table, resolved, options, h)).epochs);
    },
    sample,
    toFile: () => synth.toFileText(),
    getWeights: () => synth.getWeights(),
    dispose: () => synth.dispose(),
    columns: () => synth.columns(),
  };
}

/** The parsed file when `json` is a Gaussian copula model file (core/copula COPULA_FORMAT), else null. */
function copulaFile(json: string): unknown {
  let x: unknown;
  try {
    x = JSON.parse(json);
  } catch {
    return null; // the model-file loader reports the bad JSON
  }
  return typeof x === 'object' && x !== null && (x as { format?: unknown }).format === COPULA_FORMAT ? x : null;
}

/** CSV pieces of `table`, formula-safe; the writer yields the header line as its own first chunk, which later batches skip. */
export function* csvChunks(table: Parameters<typeof tableToCsvChunks>[0], header: boolean): Iterable<string> {
  let first = true;
  for (const chunk of tableToCsvChunks(table, { formulaSafe: true })) {
    if (first && !header) {
      first = false;
      continue;
    }
    first = false;
    yield chunk;
  }
}

/** The engine trainer.worker.ts uses; `backends` is replaceable (Node tests pass a cpu/wasm selector). */
export function createDefaultEngine(backends: Engine['backends'] = { select: selectBackend, fallback: fallbackBackend, lost: deviceLostReason }): Engine {
  const profiled = new ProfiledTables();
  return {
    createCsvParser: () => createCsvParser(),
    profileTable: (table) => profiled.remember(table, profileTable(table)),
    createSynthesizer: (method) => {
      if (method === 'tvae') return wrapCtgan(new TvaeSynthesizer(), profiled);
      if (method === 'copula') return copulaSynthesizer(profiled);
      if (method === 'profile') return profileSynthesizer(profiled);
      if (method !== 'ctgan') throw new SynthtabError('bad-option', `Unknown method '${method}': use ctgan, tvae, copula or profile.`);
      return wrapCtgan(new CtganSynthesizer(), profiled);
    },
    // A Gaussian copula model (engine-methods.ts), else CTGAN or TVAE by the file's method.
    loadSynthesizer: (json) => {
      const copula = copulaFile(json);
      return copula !== null ? loadCopula(copula) : wrapCtgan(loadModelFile(json));
    },
    evaluate: async (real, synthetic, { target, seed, kinds, holdout }) =>
      evaluate(real, synthetic, { rng: createRng(seed), ...(target ? { target } : {}), ...(kinds ? { kinds } : {}), ...(holdout ? { holdout } : {}) }),
    tableToCsvChunks: (table, { header }) => csvChunks(table, header),
    backends,
  };
}
