/**
 * `synthtab profile <csv> [--json]`: the column profile of a CSV file.
 * --json prints one document on stdout: { rows, columns: [ColumnProfile...], warnings, delimiter,
 * encoding }; otherwise an aligned table for people. Parse warnings go to stderr in table mode.
 */
import { parseArgs } from '../args.ts';
import { readCsvFile } from '../io.ts';
import { SynthtabError } from '../../core/errors.ts';
import { profileTable } from '../../core/profile/profile.ts';
import type { ColumnProfile, Profile } from '../../core/types.ts';

/** A short human summary of a column's values. */
function summary(c: ColumnProfile): string {
  if (c.kind === 'datetime' && c.categories?.top.length) return `e.g. ${c.categories.top[0]!.value}`;
  if (c.numeric && (c.kind === 'continuous' || c.kind === 'integer' || c.kind === 'identifier')) {
    const d = c.numeric.decimals;
    const f = (v: number): string => v.toFixed(Math.min(d, 4));
    return `${f(c.numeric.min)} .. ${f(c.numeric.max)}, mean ${Number(c.numeric.mean.toPrecision(4))}`;
  }
  if (c.categories?.top.length) {
    const top = c.categories.top.slice(0, 3).map((t) => `${t.value} (${t.count})`).join(', ');
    return c.distinct > 3 ? `${top}, ...` : top;
  }
  return '';
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

/** The profile as an aligned text table. */
export function formatProfileTable(profile: Profile): string {
  const header = ['column', 'kind', 'missing', 'distinct', 'values', 'reason'];
  const rows = profile.columns.map((c) => [
    clip(c.name, 28), c.kind, String(c.missing), String(c.distinct), clip(summary(c), 48), c.reason + (c.warning ? ` (warning: ${c.warning})` : ''),
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const numericCols = new Set([2, 3]);
  const line = (cells: string[]): string =>
    cells.map((cell, j) => (j === cells.length - 1 ? cell : numericCols.has(j) ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!))).join('  ');
  return [`${profile.rows} rows, ${profile.columns.length} columns`, '', line(header), ...rows.map(line)].join('\n') + '\n';
}

export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { flags: ['json'] });
  if (args.positionals.length !== 1) {
    throw new SynthtabError('bad-option', 'Usage: synthtab profile <csv> [--json]');
  }
  const parsed = await readCsvFile(args.positionals[0]!);
  const profile = profileTable(parsed.table);
  if (args.flags.has('json')) {
    const doc = { ...profile, warnings: parsed.warnings, delimiter: parsed.delimiter, hasHeader: parsed.hasHeader, encoding: parsed.encoding };
    process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    return;
  }
  for (const w of parsed.warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(formatProfileTable(profile));
}
