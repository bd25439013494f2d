/**
 * The real Engine for the browser worker: core/csv, core/profile, model/ and core/metrics, with
 * browser backend selection. Pieces that have not landed yet fail with a clear message.
 */
import type { Engine } from './engine.ts';
import { deviceLostReason, fallbackBackend, selectBackend } from '../model/backend-browser.ts';
import { createCsvParser } from '../core/csv/parse.ts';
import { tableToCsvChunks } from '../core/csv/write.ts';
import { profileTable } from '../core/profile/profile.ts';
import { SynthtabError } from '../core/errors.ts';

function notYet(what: string): never {
  throw new SynthtabError('internal', `${what} is not available yet in this build.`);
}

/** The engine trainer.worker.ts uses. */
export function createDefaultEngine(): Engine {
  return {
    createCsvParser: () => createCsvParser(),
    profileTable: (table) => profileTable(table),
    createSynthesizer: () => notYet('Training'),
    loadSynthesizer: () => notYet('Loading a model'),
    evaluate: async () => notYet('Evaluation'),
    *tableToCsvChunks(table, { header }) {
      // The writer always yields the header line as its own first chunk; later batches skip it.
      let first = true;
      for (const chunk of tableToCsvChunks(table, { formulaSafe: true })) {
        if (first && !header) {
          first = false;
          continue;
        }
        first = false;
        yield chunk;
      }
    },
    backends: { select: selectBackend, fallback: fallbackBackend, lost: deviceLostReason },
  };
}
