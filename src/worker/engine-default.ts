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
import type { CsvFormats } from '../core/csv/format.ts';
import { prepareSavedFakes, SAVED_FAKES_NOTE, type SavedFakeColumn, type SavedFakes } from '../core/pii/saved-fakes.ts';
import type { Table } from '../core/table/table.ts';
import { parseModelJson, readCsvFormats, readFakes, withFileExtras } from '../model/model-file.ts';

/** A loaded model file's optional sections (model-file.ts readCsvFormats / readFakes). */
export interface LoadedExtras {
  formats: CsvFormats;
  fakes: SavedFakeColumn[];
}

/**
 * CtganSynthesizer (or TVAE) seen through the worker's SynthesizerLike (toFile as JSON text). With
 * `profiled`, personal columns are faked (issue 7, core/synth/personal.ts): fit trains on the plan
 * with the profile's default actions applied ('fake' -> not learned) and sample puts Faker values
 * there; the file's formats and the faked columns' specs go into the model file.
 *
 * With `loaded` (a model read from a file), the file's faked columns get Faker values again
 * (core/pii/saved-fakes.ts), avoiding the real values of the file the app has loaded when it has
 * those columns; otherwise sampleNotice says the fakes could not be checked. Exports use the
 * training file's formats (or the model file's).
 */
export function wrapCtgan(synth: CtganSynthesizer | TvaeSynthesizer, profiled?: ProfiledTables, loaded?: LoadedExtras): SynthesizerLike {
  let personal: PersonalColumns | null = null;
  let formats: CsvFormats = loaded?.formats ?? {};
  let fakes: SavedFakeColumn[] = loaded?.fakes ?? [];
  // Saved fakes against the real table at hand, rebuilt when the app's loaded file changes.
  let savedFor: { table: Table | null; fakes: SavedFakes } | null = null;
  const savedFakes = (): SavedFakes | null => {
    if (!loaded || loaded.fakes.length === 0) return null;
    const real = profiled?.latest()?.table ?? null;
    if (!savedFor || savedFor.table !== real) savedFor = { table: real, fakes: prepareSavedFakes(loaded.fakes, real) };
    return savedFor.fakes;
  };
  const sample: SynthesizerLike['sample'] = (rows, options) => {
    const fillers = personal ? personal.fillers() : savedFakes()?.fillers();
    return synth.sample(rows, fillers ? { ...options, fillers } : options);
  };
  return {
    fit: async (table, plan, options, hooks) => {
      const whole = profiled?.lookup(table);
      personal = whole ? preparePersonal(whole.table, whole.profile, plan) : null;
      formats = whole?.formats ?? {};
      fakes = personal?.saved ?? [];
      if (synth instanceof CtganSynthesizer) {
        synth.csvFormats = formats;
        synth.fakes = fakes;
      }
      const resolved = personal ? personal.plan : plan;
      // With hooks.quality, a QualityTracker scores checks (fakes included, as exported) and leaves the best weights.
      const target = { sample, getWeights: () => synth.getWeights(), setWeights: (w: readonly Float32Array[]) => synth.setWeights(w) };
      return trackedFit(target, table, resolved, options, hooks, async (h) => (await synth.fit(table, resolved, options, h)).epochs);
    },
    sample,
    // CTGAN keeps formats and fakes itself; TVAE's file gets them added.
    toFile: () => (synth instanceof CtganSynthesizer ? synth.toFileText() : withFileExtras(synth.toFileText(), { formats, fakes })),
    getWeights: () => synth.getWeights(),
    dispose: () => synth.dispose(),
    columns: () => synth.columns(),
    csvFormats: () => formats,
    sampleNotice: () => (savedFakes()?.checked === false ? SAVED_FAKES_NOTE : null),
  };
}

/** A model file (JSON text) as a SynthesizerLike: CTGAN or TVAE by its method, with its formats and faked columns. */
export function loadWrapped(json: string, profiled?: ProfiledTables): SynthesizerLike {
  const file = parseModelJson(json);
  const extras: LoadedExtras = { formats: readCsvFormats(file), fakes: readFakes(file) };
  return wrapCtgan(loadModelFile(file), profiled, extras);
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
export function* csvChunks(table: Parameters<typeof tableToCsvChunks>[0], header: boolean, formats?: CsvFormats): Iterable<string> {
  let first = true;
  for (const chunk of tableToCsvChunks(table, { formulaSafe: true, ...(formats ? { formats } : {}) })) {
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
  const formatsOf = new WeakMap<Table, CsvFormats>();
  return {
    createCsvParser: () => {
      // Keep the parse result's formats for the table, so exports look like the input.
      const parser = createCsvParser();
      return {
        push: (text) => parser.push(text),
        finish: () => {
          const r = parser.finish();
          formatsOf.set(r.table, r.formats);
          return r;
        },
      };
    },
    profileTable: (table) => profiled.remember(table, profileTable(table), formatsOf.get(table)),
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
      return copula !== null ? loadCopula(copula) : loadWrapped(json, profiled);
    },
    evaluate: async (real, synthetic, { target, seed, kinds, holdout }) =>
      evaluate(real, synthetic, { rng: createRng(seed), ...(target ? { target } : {}), ...(kinds ? { kinds } : {}), ...(holdout ? { holdout } : {}) }),
    tableToCsvChunks: (table, { header, formats }) => csvChunks(table, header, formats),
    backends,
  };
}
