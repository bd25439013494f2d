/**
 * Node parse + profile time on the big CSV (median of 3 runs), written to
 * bench/results/parse-node.json.
 *
 *   npx tsx bench/gen-big-csv.ts /tmp/synthtab-big.csv
 *   npx tsx bench/parse-bench.ts /tmp/synthtab-big.csv
 *
 * Parse = readCsvFile (fs stream in 4 MB chunks -> decoder -> streaming parser -> Table).
 * Profile = profileTable on that Table. Wall-clock times; the machine is noted in the result.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { readCsvFile } from '../src/cli/io.ts';
import { profileTable } from '../src/core/profile/profile.ts';
import type { ParseResult } from '../src/core/csv/parse.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const path = process.argv[2] ?? '/tmp/synthtab-big.csv';
  const runs = 3;
  const parseMs: number[] = [];
  const profileMs: number[] = [];
  const parseCpuMs: number[] = [];
  const profileCpuMs: number[] = [];
  let peakRss = 0;
  let last: ParseResult | null = null;
  let kinds: Record<string, string> = {};
  for (let r = 0; r < runs; r++) {
    (globalThis as { gc?: () => void }).gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = await readCsvFile(path);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const profile = profileTable(last.table);
    const t2 = performance.now();
    const c2 = process.cpuUsage();
    parseMs.push(t1 - t0);
    profileMs.push(t2 - t1);
    // CPU time (user + system) as well: on a shared machine wall time includes waiting for a core.
    parseCpuMs.push((c1.user - c0.user + c1.system - c0.system) / 1000);
    profileCpuMs.push((c2.user - c1.user + c2.system - c1.system) / 1000);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    kinds = Object.fromEntries(profile.columns.map((c) => [c.name, c.kind]));
    process.stdout.write(`run ${r + 1}: parse ${(t1 - t0).toFixed(0)} ms (cpu ${parseCpuMs[r]!.toFixed(0)}), profile ${(t2 - t1).toFixed(0)} ms (cpu ${profileCpuMs[r]!.toFixed(0)})\n`);
  }
  const result = {
    file: path,
    bytes: statSync(path).size,
    rows: last!.table.rowCount,
    columns: last!.table.columns.length,
    runs,
    parseMsMedian: Math.round(median(parseMs)),
    profileMsMedian: Math.round(median(profileMs)),
    parseMs: parseMs.map(Math.round),
    profileMs: profileMs.map(Math.round),
    parseCpuMsMedian: Math.round(median(parseCpuMs)),
    profileCpuMsMedian: Math.round(median(profileCpuMs)),
    loadAverage1m: loadavg()[0],
    rowsPerSecond: Math.round(last!.table.rowCount / (median(parseMs) / 1000)),
    peakRssMiB: Math.round(peakRss / 2 ** 20),
    kinds,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
    date: new Date().toISOString(),
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/parse-node.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

void main();
