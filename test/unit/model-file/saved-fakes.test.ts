/**
 * Faked personal columns survive a model file (model-file.ts `fakes`): a CTGAN model trained on the
 * customers fixture (1 wasm epoch, small nets) is saved, then `synthtab sample` on the file gives
 * realistic fakes in the real formats with the real null share, instead of "text N" placeholders.
 * The file holds no real personal value; the same seed gives the same rows; the note about
 * unchecked fakes is on stderr.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as sampleCommand } from '../../../src/cli/commands/sample.ts';
import { parseCsv } from '../../../src/core/csv/parse.ts';
import { SAVED_FAKES_NOTE } from '../../../src/core/pii/saved-fakes.ts';
import { planFromProfile } from '../../../src/core/profile/plan.ts';
import { profileTable } from '../../../src/core/profile/profile.ts';
import { preparePersonal } from '../../../src/core/synth/personal.ts';
import { missingCount, type Table } from '../../../src/core/table/table.ts';
import { initNodeBackend } from '../../../src/model/backend-node.ts';
import { parseModelFile } from '../../../src/model/model-file.ts';
import { CtganSynthesizer } from '../../../src/model/synthesizer.ts';
import { captureStderr, column, customers, CUSTOMERS_PATH, FAKED, FORMATS, IDENTIFYING, readCsv, realCopies, texts } from '../pii-integration/helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'synthtab-fakes-'));
const modelPath = join(dir, 'model.json');
let modelText: string;
let first: Table;
let firstText: string;
let againText: string;
let otherText: string;
let stderr: string;

async function sample(out: string, seed: number): Promise<string> {
  return captureStderr(() => sampleCommand([modelPath, '--out', out, '--rows', '400', '--seed', String(seed), '--backend', 'wasm']));
}

beforeAll(async () => {
  await initNodeBackend('wasm');
  const parsed = parseCsv(readFileSync(CUSTOMERS_PATH, 'utf8'));
  const profile = profileTable(parsed.table);
  const personal = preparePersonal(parsed.table, profile, planFromProfile(profile));
  const synth = new CtganSynthesizer();
  try {
    await synth.fit(parsed.table, personal.plan, { epochs: 1, batchSize: 50, embeddingDim: 8, generatorDim: [16], discriminatorDim: [16], seed: 3 });
    synth.csvFormats = parsed.formats;
    synth.fakes = personal.saved;
    modelText = synth.toFileText();
  } finally {
    synth.dispose();
  }
  writeFileSync(modelPath, modelText);
  stderr = await sample(join(dir, 'a.csv'), 5);
  await sample(join(dir, 'b.csv'), 5);
  await sample(join(dir, 'c.csv'), 6);
  firstText = readFileSync(join(dir, 'a.csv'), 'utf8');
  againText = readFileSync(join(dir, 'b.csv'), 'utf8');
  otherText = readFileSync(join(dir, 'c.csv'), 'utf8');
  first = readCsv(join(dir, 'a.csv'));
}, 120_000);

describe('a saved model fakes personal columns again', () => {
  it('stores one fakes entry per faked column: kind, locale, null share, uniqueness, shape', () => {
    const file = parseModelFile(modelText);
    expect(file.fakes?.map((f) => [f.name, f.kind])).toEqual(Object.entries(FAKED));
    const byName = new Map(file.fakes!.map((f) => [f.name, f]));
    // 288 distinct phone numbers, all in one layout; 12 of 300 missing.
    expect(byName.get('phone')).toMatchObject({ locale: 'en', unique: true, shape: { type: 'formats', formats: [{ format: '(###) ###-####', count: 288 }] } });
    expect(byName.get('phone')!.nullRate).toBeCloseTo(12 / 300, 12);
    expect(byName.get('email')).toMatchObject({ nullRate: 0, unique: true, shape: null });
    expect(byName.get('customer_id')!.shape).toEqual({
      type: 'id',
      segments: [{ type: 'literal', text: 'C' }, { type: 'literal', text: '-' }, { type: 'digits', lengths: expect.any(Array) as unknown, padded: true }],
    });
    // Zip codes: 5 characters, the first (region) digit kept, the rest '#'.
    const zip = byName.get('zip')!.shape;
    expect(zip?.type === 'formats' && zip.formats.every((f) => /^\d####$/.test(f.format))).toBe(true);
  });

  it('holds none of the real personal values (quoted anywhere; as a substring in the fakes section or when long)', () => {
    const fakesText = JSON.stringify((JSON.parse(modelText) as { fakes: unknown }).fakes);
    for (const name of Object.keys(FAKED)) {
      for (const v of new Set(texts(customers, name))) {
        if (v === null) continue;
        const leaked = modelText.includes(JSON.stringify(v)) || (v.length >= 8 && modelText.includes(v)) || (v.length >= 2 && fakesText.includes(v));
        expect([name, v, leaked]).toEqual([name, v, false]);
      }
    }
  });

  it('sample: realistic fakes in the real formats, no placeholders, unique where the real column is', () => {
    expect(first.rowCount).toBe(400);
    expect(first.columns.map((c) => c.name)).toEqual(customers.columns.map((c) => c.name));
    for (const name of Object.keys(FAKED)) {
      expect([name, texts(first, name).filter((v) => v !== null && /^text \d+$/.test(v)).length]).toEqual([name, 0]);
    }
    for (const [name, re] of Object.entries(FORMATS)) {
      expect([name, texts(first, name).filter((v) => v !== null && !re.test(v)).slice(0, 3)]).toEqual([name, []]);
    }
    for (const name of IDENTIFYING) if (name !== 'phone') expect([name, new Set(texts(first, name)).size]).toEqual([name, 400]);
    // Leading zeros kept: zip stays text.
    expect(column(first, 'zip').type).toBe('string');
  });

  it('sample: the real null share (phone 12 of 300 -> 16 of 400) and none where the real column has none', () => {
    expect(missingCount(column(first, 'phone'))).toBe(16);
    expect(missingCount(column(first, 'email'))).toBe(0);
  });

  it('says on stderr which columns are faked and that they could not be checked against real values', () => {
    expect(stderr).toContain('Personal columns faked (not learned): customer_id, account_uuid, name, email, phone, street_address, city, country, zip.');
    expect(stderr).toContain(SAVED_FAKES_NOTE);
  });

  it('same seed -> the same file; another seed -> other fakes', () => {
    expect(againText).toBe(firstText);
    expect(otherText).not.toBe(firstText);
    const other = parseCsv(otherText).table;
    expect(texts(other, 'email')).not.toEqual(texts(first, 'email'));
  });

  it('e-mail and uuid fakes never equal real ones even unchecked (reserved domains, 122 random bits)', () => {
    for (const name of ['account_uuid', 'email']) expect([name, realCopies(first, name)]).toEqual([name, []]);
  });
});
