/**
 * Rebalance lab benchmark: `npx tsx bench/rebalance-bench.ts [--epochs 20] [--seeds 3]`.
 * Data: public/demo/adult.csv (income >50K is ~24% positive). Two scenarios on the same stratified
 * 20% holdout: 'natural' (training split as is) and 'rare' (minority rows of the training split
 * subsampled to 5%, the holdout untouched). Logistic regression, every method, several seeds.
 * Writes bench/results/rebalance-adult.json; the table in bench/README.md is copied from it.
 */
import { writeFileSync } from 'node:fs';
import { intOption, parseArgs } from '../src/cli/args.ts';
import { readCsvFile } from '../src/cli/io.ts';
import { profileTable } from '../src/core/profile/profile.ts';
import { runRebalanceLab, type RebalanceResult } from '../src/core/rebalance/lab.ts';
import type { ColumnKind } from '../src/core/types.ts';
import { initNodeBackend } from '../src/model/backend-node.ts';
import { CtganSynthesizer } from '../src/model/synthesizer.ts';
import { ctganMinority } from '../src/worker/rebalance.ts';

const args = parseArgs(process.argv.slice(2), { options: ['epochs', 'seeds', 'classifier'] });
const epochs = intOption(args, 'epochs', 20, 1);
const seedCount = intOption(args, 'seeds', 3, 1);
const classifier = args.options.get('classifier') === 'gbdt' ? 'gbdt' : 'logistic';

const { table } = await readCsvFile('public/demo/adult.csv');
const kinds: Record<string, ColumnKind> = {};
for (const c of profileTable(table).columns) kinds[c.name] = c.kind;
const backend = await initNodeBackend();
const seeds = Array.from({ length: seedCount }, (_, i) => i);
const out: { scenario: string; trainMinorityShare: number | null; seconds: number; result: RebalanceResult }[] = [];
for (const [scenario, share] of [['natural', null], ['rare', 0.05]] as const) {
  const t0 = performance.now();
  const result = await runRebalanceLab(table, {
    target: 'income',
    seed: 0,
    seeds,
    classifier,
    kinds,
    ...(share !== null ? { trainMinorityShare: share } : {}),
    synthesizeMinority: ctganMinority(() => new CtganSynthesizer(), 'income', { epochs }),
    onProgress: (p) => process.stderr.write(`${scenario} [${p.done}/${p.total}] ${p.message}\n`),
  });
  out.push({ scenario, trainMinorityShare: share, seconds: (performance.now() - t0) / 1000, result });
}
const doc = { dataset: 'public/demo/adult.csv (1,641 rows)', target: 'income', classifier, ctganEpochs: epochs, backend, seeds, scenarios: out };
writeFileSync('bench/results/rebalance-adult.json', JSON.stringify(doc, null, 2) + '\n');
const f = (x: number, s?: number): string => `${x.toFixed(3)}${s !== undefined ? ` ± ${s.toFixed(3)}` : ''}`;
for (const s of out) {
  process.stdout.write(`\n### ${s.scenario} (train minority ${s.result.trainMinority}/${s.result.trainRows}, holdout ${s.result.holdoutMinority}/${s.result.holdoutRows})\n`);
  process.stdout.write('| method | precision | recall | F1 | ROC AUC | PR AUC | best F1 |\n|---|---|---|---|---|---|---|\n');
  for (const m of s.result.methods) {
    const sp = m.spread;
    process.stdout.write(`| ${m.name} | ${f(m.precision, sp?.precision)} | ${f(m.recall, sp?.recall)} | ${f(m.f1, sp?.f1)} | ${f(m.rocAuc, sp?.rocAuc)} | ${f(m.prAuc, sp?.prAuc)} | ${f(m.bestF1.f1)} |\n`);
  }
}
