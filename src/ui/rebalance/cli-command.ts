/**
 * The CLI equivalent of a rebalance lab run in the app: the request the panel sent, written as
 * `npm run synthtab -- rebalance <csv> ... --json` so a user can reproduce the numbers headless.
 * The CLI and the worker run the same core function with the same defaults (holdout 0.2, ratio 1,
 * logistic, seeds seed..seed+n-1), so for the same CSV this command prints the same JSON for
 * every method but ctgan (whose TF.js backend differs: float noise, see the panel's note).
 */
import { REBALANCE_METHODS, type RebalanceMethod } from '../../core/rebalance/lab.ts';
import type { Request } from '../../worker/protocol.ts';

/** A rebalance request's fields as the UI sends them (the session adds `type` and `id`). */
export type RebalanceRequestBody = Omit<Extract<Request, { type: 'rebalance' }>, 'id' | 'type'>;

/** Defaults shared by the CLI (src/cli/commands/rebalance.ts) and the worker (src/worker/rebalance.ts). */
export const CLI_DEFAULTS = { holdout: 0.2, ratio: 1, seed: 0, seeds: 1, epochs: 30, classifier: 'logistic' } as const;

/** Quote one word for a POSIX shell (bare when it only has characters no shell treats specially). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:,+@%=-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `--name value`, or `--name=value` when the value itself starts with '-' (the CLI would read it as an option). */
function option(name: string, value: string | number): string[] {
  const v = String(value);
  return v.startsWith('-') ? [`--${name}=${v}`] : [`--${name}`, v];
}

/** The methods in the order the lab reports them (the order of REBALANCE_METHODS). */
function orderedMethods(methods: readonly RebalanceMethod[]): RebalanceMethod[] {
  return REBALANCE_METHODS.filter((m) => methods.includes(m));
}

/**
 * The CLI arguments after `rebalance` for `request` run on the file `csvName`. Options equal to
 * the CLI's defaults are left out, except --seed (the number to change when exploring).
 */
export function rebalanceCliArgs(request: RebalanceRequestBody, csvName: string): string[] {
  const args = [csvName, ...option('target', request.target)];
  if (request.minority !== undefined) args.push(...option('minority', request.minority));
  if (request.holdout !== undefined && request.holdout !== CLI_DEFAULTS.holdout) args.push(...option('holdout', request.holdout));
  if (request.ratio !== undefined && request.ratio !== CLI_DEFAULTS.ratio) args.push(...option('ratio', request.ratio));
  if (request.classifier !== undefined && request.classifier !== CLI_DEFAULTS.classifier) args.push(...option('classifier', request.classifier));
  if (request.trainMinorityShare !== undefined) args.push(...option('train-minority-share', request.trainMinorityShare));
  // The worker's default list is every method (ctgan included), like the CLI's.
  const methods = request.methods ? orderedMethods(request.methods) : [...REBALANCE_METHODS];
  if (methods.length !== REBALANCE_METHODS.length) args.push(...option('methods', methods.join(',')));
  args.push(...option('seed', request.seed ?? CLI_DEFAULTS.seed));
  if (request.seeds !== undefined && request.seeds > 1) args.push(...option('seeds', request.seeds));
  if (methods.includes('ctgan')) args.push(...option('epochs', request.epochs ?? CLI_DEFAULTS.epochs));
  args.push('--json');
  return args;
}

/** The whole command line, shell-quoted: `npm run synthtab -- rebalance <csv> --target ... --json`. */
export function rebalanceCliCommand(request: RebalanceRequestBody, csvName: string): string {
  return ['npm', 'run', 'synthtab', '--', 'rebalance', ...rebalanceCliArgs(request, csvName)].map(shellQuote).join(' ');
}

/** The request as the JSON the panel shows ("ran with"), without the protocol's `type` tag. */
export function requestJson(request: RebalanceRequestBody): string {
  return JSON.stringify(Object.fromEntries(Object.entries(request).filter(([k]) => k !== 'type')), null, 2);
}
