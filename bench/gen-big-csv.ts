/**
 * Writes a 1,000,000-row x 20-column CSV (mixed numeric / categorical / datetime / boolean /
 * high-cardinality text, a few missing cells) for the parse + profile benchmark.
 *
 *   npx tsx bench/gen-big-csv.ts /tmp/synthtab-big.csv [rows]
 *
 * Deterministic (seeded Rng). Never commit the output; write it under /tmp.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRng } from '../src/core/rng.ts';
import { formatDatetime } from '../src/core/datetime.ts';

const HEADER = [
  'id', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'n1', 'n2', 'n3', 'n4',
  'cat_a', 'cat_b', 'cat_c', 'cat_d', 'cat_e', 'day', 'ts', 'active', 'city',
];
const VOCAB = {
  a: ['Private', 'Self-emp', 'Gov', 'Never-worked', 'Without-pay'],
  b: ['red', 'green', 'blue', 'yellow', 'black', 'white', 'orange', 'purple'],
  c: Array.from({ length: 40 }, (_, i) => `grade-${i}`),
  d: ['A', 'B'],
  e: Array.from({ length: 200 }, (_, i) => `region ${i}`),
};
const DAY0 = Date.UTC(2015, 0, 1);

async function main(): Promise<void> {
  const [path, rowsArg] = process.argv.slice(2);
  if (!path) {
    process.stderr.write('usage: npx tsx bench/gen-big-csv.ts <out.csv> [rows]\n');
    process.exit(2);
  }
  const rows = rowsArg ? Number(rowsArg) : 1_000_000;
  const rng = createRng(20240601);
  const out = createWriteStream(path);
  out.write(HEADER.join(',') + '\n');
  const pick = (list: string[]): string => list[rng.int(list.length)]!;
  let buf: string[] = [];
  for (let i = 0; i < rows; i++) {
    const z = rng.normal();
    const cells = [
      String(i + 1),
      (50 + 10 * z).toFixed(2),
      (rng.next() * 1000).toFixed(3),
      Math.exp(rng.normal()).toFixed(4),
      rng.next() < 0.02 ? '' : (z * 3 + rng.normal()).toFixed(2),
      ((rng.next() - 0.5) * 200).toFixed(1),
      (1e6 * rng.next()).toFixed(2),
      String(18 + rng.int(70)),
      String(rng.int(100_000)),
      String(rng.int(5)),
      rng.next() < 0.01 ? 'NA' : String(rng.int(1000) - 500),
      rng.next() < 0.03 ? '?' : pick(VOCAB.a),
      pick(VOCAB.b),
      pick(VOCAB.c),
      pick(VOCAB.d),
      `"${pick(VOCAB.e)}, zone"`,
      formatDatetime(DAY0 + rng.int(3650) * 86_400_000, 'YYYY-MM-DD'),
      formatDatetime(DAY0 + Math.floor(rng.next() * 3650 * 86_400) * 1000, 'YYYY-MM-DD HH:mm:ss'),
      rng.next() < 0.3 ? 'yes' : 'no',
      `city_${rng.int(5000)}`,
    ];
    buf.push(cells.join(','));
    if (buf.length === 10_000) {
      if (!out.write(buf.join('\n') + '\n')) await once(out, 'drain');
      buf = [];
    }
  }
  if (buf.length) out.write(buf.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
  process.stdout.write(`wrote ${rows} rows x ${HEADER.length} columns to ${path}\n`);
}

void main();
