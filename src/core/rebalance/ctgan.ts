/**
 * Synthetic minority oversampling with a generative model (CTGAN in the app and CLI). Core never
 * imports TF.js: the caller injects `synthesizeMinority`, which trains on the training split only
 * and returns minority rows sampled with the condition `target = minorityValue`.
 */
import { SynthtabError } from '../errors.ts';
import type { Rng } from '../rng.ts';
import { appendSameSchema, cellText, dictionaryCoder, type Column, type Table } from '../table/table.ts';
import { countLabels, rowsToAdd, withMadeUpMinority, type TrainingSet } from './training-set.ts';

/**
 * Train a synthesizer on `train` (never the holdout) and return `n` rows whose target equals
 * `minorityValue`. The returned table must have the training table's column names; types and
 * dictionaries may differ (cells are matched by text).
 */
export type SynthesizeMinority = (train: Table, n: number, minorityValue: string, rng: Rng) => Promise<Table>;

/**
 * Re-express `synth` in `like`'s schema: columns matched by name, numeric cells parsed, string
 * cells coded into `like`'s dictionary (new values are appended to a copy of it).
 */
export function alignToSchema(synth: Table, like: Table): Table {
  const columns: Column[] = like.columns.map((col) => {
    const src = synth.columns.find((c) => c.name === col.name);
    if (!src) throw new SynthtabError('internal', `The synthesizer returned no column '${col.name}'.`);
    const n = synth.rowCount;
    if (col.type === 'numeric') {
      const values = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        if (src.type === 'numeric') values[r] = src.values[r]!;
        else {
          const t = cellText(src, r);
          values[r] = t === null || t.trim() === '' ? NaN : Number(t);
        }
      }
      return { ...col, values };
    }
    const dictionary = [...col.dictionary];
    const code = dictionaryCoder(dictionary);
    const codes = new Int32Array(n);
    for (let r = 0; r < n; r++) codes[r] = code(cellText(src, r));
    return { ...col, codes, dictionary };
  });
  return { rowCount: synth.rowCount, columns };
}

/** Give string columns of `a` every dictionary entry of `b` (b's dictionaries extend a's). */
function widenDictionaries(a: Table, b: Table): Table {
  return {
    rowCount: a.rowCount,
    columns: a.columns.map((col, j) => {
      const other = b.columns[j]!;
      return col.type === 'string' && other.type === 'string' ? { ...col, dictionary: other.dictionary } : col;
    }),
  };
}

/** Force every row's target cell to the minority class (the synthesizer's condition may be soft). */
function setTarget(table: Table, target: number, minorityValue: string): Table {
  const columns = table.columns.map((col, j) => {
    if (j !== target) return col;
    if (col.type === 'numeric') return { ...col, values: new Float64Array(table.rowCount).fill(Number(minorityValue)) };
    let code = col.dictionary.indexOf(minorityValue);
    const dictionary = [...col.dictionary];
    if (code < 0) {
      code = dictionary.length;
      dictionary.push(minorityValue);
    }
    return { ...col, codes: new Int32Array(table.rowCount).fill(code), dictionary };
  });
  return { rowCount: table.rowCount, columns };
}

/**
 * Append synthetic minority rows until minority / majority reaches `ratio`.
 * `target` is the target column's index in `train`.
 */
export async function ctganOversample(
  train: Table,
  target: number,
  labels: Uint8Array,
  minorityValue: string,
  ratio: number,
  rng: Rng,
  synthesizeMinority: SynthesizeMinority,
): Promise<TrainingSet> {
  const { minority, majority } = countLabels(labels);
  const add = minority === 0 ? 0 : rowsToAdd(minority, majority, ratio);
  if (add === 0) return { table: train, labels, synthetic: new Uint8Array(train.rowCount) };
  const raw = await synthesizeMinority(train, add, minorityValue, rng);
  const synth = setTarget(alignToSchema(raw, train), target, minorityValue);
  return withMadeUpMinority(appendSameSchema(widenDictionaries(train, synth), synth), labels);
}
