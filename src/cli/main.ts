/**
 * `npm run synthtab -- <command> ...`: the headless entry point, same core as the app.
 * Each command lives in src/cli/commands/<name>.ts and exports `run(argv: string[]): Promise<void>`.
 * Bad input exits non-zero with a one-line message on stderr and no stack trace.
 */
import { userMessage } from '../core/errors.ts';

const USAGE = `usage: npm run synthtab -- <command> [options]

commands:
  profile <csv> [--json]                          print the column profile
  synthesize <csv> --out <synth.csv> [--rows N] [--epochs N] [--batch N] [--seed N]
             [--model-out <model.json>] [--condition col=value] [--report <report.json>]
             [--method ctgan|tvae|copula|profile]
  sample <model.json> --out <synth.csv> --rows N [--condition col=value] [--seed N]
  evaluate --real <csv> --synthetic <csv> [--target col] [--json]
  rebalance <csv> --target <col> [--holdout 0.2] [--seed N] [--epochs N] [--ratio R] [--json]
  compare <csv> [--methods ctgan,tvae,copula] [--epochs N] [--json]`;

type Command = { run(argv: string[]): Promise<void> };

const COMMANDS: Record<string, () => Promise<Command>> = {
  profile: () => import('./commands/profile.ts'),
  synthesize: () => import('./commands/synthesize.ts'),
  sample: () => import('./commands/sample.ts'),
  evaluate: () => import('./commands/evaluate.ts'),
  rebalance: () => import('./commands/rebalance.ts'),
  compare: () => import('./commands/compare.ts'),
};

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    if (!name) process.exitCode = 2;
    return;
  }
  const load = COMMANDS[name];
  if (!load) throw new Error(`Unknown command '${name}'. Run 'npm run synthtab -- --help' for the list.`);
  const cmd = await load();
  await cmd.run(rest);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`synthtab: ${userMessage(e)}\n`);
  if (process.env.SYNTHTAB_DEBUG) console.error(e);
  process.exit(1);
});
