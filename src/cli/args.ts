/**
 * A small, strict argument parser shared by the CLI commands: `--name value`, `--flag`,
 * positionals. Unknown options are an error (a typo must not be silently ignored).
 */
import { SynthtabError } from '../core/errors.ts';

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export function parseArgs(argv: string[], spec: { options?: string[]; flags?: string[] }): ParsedArgs {
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  const known = new Set(spec.options ?? []);
  const knownFlags = new Set(spec.flags ?? []);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (knownFlags.has(name)) {
        flags.add(name);
      } else if (known.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new SynthtabError('bad-option', `Option --${name} needs a value.`);
        options.set(name, value);
      } else {
        throw new SynthtabError('bad-option', `Unknown option --${name}.`);
      }
    } else {
      positionals.push(a);
    }
  }
  return { positionals, options, flags };
}

export function intOption(args: ParsedArgs, name: string, fallback: number, min = 0): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min) throw new SynthtabError('bad-option', `--${name} must be an integer >= ${min}, got '${raw}'.`);
  return v;
}

export function numberOption(args: ParsedArgs, name: string, fallback: number, min = -Infinity, max = Infinity): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) throw new SynthtabError('bad-option', `--${name} must be a number in [${min}, ${max}], got '${raw}'.`);
  return v;
}

/** `col=value` -> { column, value }. */
export function conditionOption(args: ParsedArgs): { column: string; value: string } | undefined {
  const raw = args.options.get('condition');
  if (raw === undefined) return undefined;
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new SynthtabError('bad-option', `--condition must look like column=value, got '${raw}'.`);
  return { column: raw.slice(0, eq).trim(), value: raw.slice(eq + 1).trim() };
}
