/**
 * The `synthesize --method` runners other than CTGAN's own (which stays in commands/synthesize.ts):
 * tvae (TvaeSynthesizer), copula (core/copula) and profile (core/pii sampleFromProfile: no training,
 * columns independent). All go through src/worker/compare.ts trainMethod, the same dispatcher the
 * `compare` command and the worker use.
 */
import { writeFile } from 'node:fs/promises';
import { createRng } from '../core/rng.ts';
import type { Table } from '../core/table/table.ts';
import { PROFILE_SAMPLE_NOTE } from '../core/pii/profile-sample.ts';
import { withFileExtras } from '../model/model-file.ts';
import type { TrackerSummary } from '../model/quality-tracker.ts';
import { trainMethod, type CompareMethod } from '../worker/compare.ts';
import type { MethodJob, MethodRunner } from './commands/synthesize.ts';
import type { Progress } from './progress.ts';

/** One line about a quality tracker's outcome. */
export function qualitySummaryLine(s: TrackerSummary): string {
  if (s.bestEpoch === null) return 'No quality check ran.';
  const early = s.stoppedEarly ? ' (stopped early: no improvement)' : '';
  const kept = s.restored ? `kept the weights of epoch ${s.bestEpoch}` : `the last check (epoch ${s.bestEpoch}) was the best`;
  return `Best quality ${s.bestQuality!.toFixed(3)} at epoch ${s.bestEpoch}; ${kept}${early}; ${s.checks.length} checks took ${s.seconds.toFixed(1)}s.`;
}

function runner(method: Exclude<CompareMethod, 'ctgan'>): MethodRunner {
  return async (job: MethodJob): Promise<Table> => {
    const { progress } = job;
    const epochs = job.options.epochs ?? 300;
    if (method === 'profile') progress.log(PROFILE_SAMPLE_NOTE);
    const model = await trainMethod(method, job.table, job.plan, {
      options: job.options,
      control: job.control,
      ...(job.quality ? { quality: job.quality } : {}),
      onEvent: (e) => {
        if (e.type === 'stage') progress.log(e.message);
        else if (e.type === 'epoch') {
          const q = e.quality !== undefined ? `  quality ${e.quality.toFixed(3)}` : '';
          progress.update(e.epoch, epochs, `loss ${e.lossG.toFixed(3)} (KL ${e.lossD.toFixed(3)})${q}  ${e.seconds.toFixed(1)}s/epoch`);
        }
      },
    });
    try {
      if (method === 'tvae') {
        progress.finish();
        if (model.stopped) progress.log(`Stopped early after ${model.epochs} epochs.`);
      }
      if (model.quality) progress.log(qualitySummaryLine(model.quality));
      if (job.modelOut) await writeModel(job.modelOut, modelTextOrNull(model.modelText(), job), method, progress);
      progress.log(`Sampling ${job.rows} rows${job.condition ? ` with ${job.condition.column} = '${job.condition.value}'` : ''}.`);
      const out = await model.sample(job.rows, { ...(job.condition ? { condition: job.condition } : {}), seed: job.seed });
      // Faked personal columns (issue 7) get their Faker values after the method, whatever it made of them.
      return job.personal ? job.personal.fill(out, createRng(job.seed).fork()) : out;
    } finally {
      model.dispose();
    }
  };
}

/** The model text with the input's CSV formats and the faked personal columns added (model-file.ts withFileExtras). */
function modelTextOrNull(text: string | null, job: MethodJob): string | null {
  return text === null ? null : withFileExtras(text, { formats: job.formats, fakes: job.personal?.saved });
}

async function writeModel(path: string, text: string | null, method: string, progress: Progress): Promise<void> {
  if (text === null) {
    progress.log(`The ${method} method has no model to save; --model-out ignored.`);
    return;
  }
  await writeFile(path, text);
  progress.log(`Model written to ${path}.`);
}

/** Runners for synthesize's loadMethod. */
export const EXTRA_METHODS: Record<'tvae' | 'copula' | 'profile', MethodRunner> = {
  tvae: runner('tvae'),
  copula: runner('copula'),
  profile: runner('profile'),
};
