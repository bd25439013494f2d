/**
 * The real Engine for the browser worker: core/csv, core/profile, model/ and core/metrics, with
 * browser backend selection. Pieces that have not landed yet fail with a clear message.
 */
import type { Engine } from './engine.ts';
import { deviceLostReason, fallbackBackend, selectBackend } from '../model/backend-browser.ts';
import { SynthtabError } from '../core/errors.ts';

function notYet(what: string): never {
  throw new SynthtabError('internal', `${what} is not available yet in this build.`);
}

/** The engine trainer.worker.ts uses. */
export function createDefaultEngine(): Engine {
  return {
    createCsvParser: () => notYet('CSV parsing'),
    profileTable: () => notYet('Profiling'),
    createSynthesizer: () => notYet('Training'),
    loadSynthesizer: () => notYet('Loading a model'),
    evaluate: async () => notYet('Evaluation'),
    tableToCsvChunks: () => notYet('CSV export'),
    backends: { select: selectBackend, fallback: fallbackBackend, lost: deviceLostReason },
  };
}
