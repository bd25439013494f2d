/**
 * `synthtab sample <model.json> --out <synth.csv> --rows N [--condition col=value] [--seed N]
 *   [--backend wasm|cpu]`: load a model file written by `synthesize --model-out` (or the app) and
 * write N new rows, in the training CSV's formats when the file stores them. Same seed, same rows.
 *
 * Faked personal columns (the file's `fakes` section) get Faker values of their kind, locale, null
 * share and format again. The real values are not at hand here, so a fake cannot be checked
 * against them: a note on stderr says so (SAVED_FAKES_NOTE).
 */
import { readFile } from 'node:fs/promises';
import { conditionOption, intOption, parseArgs } from '../args.ts';
import { writeCsvFile } from '../io.ts';
import { SynthtabError } from '../../core/errors.ts';
import { prepareSavedFakes, SAVED_FAKES_NOTE } from '../../core/pii/saved-fakes.ts';
import { parseModelJson, readCsvFormats, readFakes } from '../../model/model-file.ts';

const USAGE = 'Usage: synthtab sample <model.json> --out <synth.csv> --rows N [--condition col=value] [--seed N] [--backend wasm|cpu]';

export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { options: ['out', 'rows', 'condition', 'seed', 'backend'] });
  if (args.positionals.length !== 1) throw new SynthtabError('bad-option', USAGE);
  const out = args.options.get('out');
  if (!out) throw new SynthtabError('bad-option', `--out is required. ${USAGE}`);
  if (!args.options.has('rows')) throw new SynthtabError('bad-option', `--rows is required. ${USAGE}`);
  const rows = intOption(args, 'rows', 0, 1);
  const seed = intOption(args, 'seed', 0);
  const condition = conditionOption(args);
  const backend = args.options.get('backend') ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') throw new SynthtabError('bad-option', `--backend must be wasm or cpu, got '${backend}'.`);

  const path = args.positionals[0]!;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
    throw new SynthtabError('bad-option', code === 'ENOENT' ? `File not found: ${path}` : `Cannot read ${path}: ${code || String(e)}`);
  }
  // Not JSON, not a model file, or damaged formats: refused before TF.js loads.
  const json = parseModelJson(text);
  const formats = readCsvFormats(json);
  const fakes = readFakes(json);
  const [{ initNodeBackend }, { loadModelFile }] = await Promise.all([import('../../model/backend-node.ts'), import('../../model/tvae/load.ts')]);
  await initNodeBackend(backend);
  const synth = loadModelFile(json); // CTGAN or TVAE, by the file's method
  try {
    const saved = fakes.length > 0 ? prepareSavedFakes(fakes) : null;
    if (saved) process.stderr.write(`Personal columns faked (not learned): ${fakes.map((f) => f.name).join(', ')}.\n`);
    if (saved && !saved.checked) process.stderr.write(`Note: ${SAVED_FAKES_NOTE}\n`);
    const table = await synth.sample(rows, { ...(condition ? { condition } : {}), seed, ...(saved ? { fillers: saved.fillers() } : {}) });
    // In the training CSV's formats when the model file has them (" Private", " ?").
    await writeCsvFile(out, table, { formats });
    process.stderr.write(`Wrote ${table.rowCount} rows to ${out}.\n`);
  } finally {
    synth.dispose();
  }
}
