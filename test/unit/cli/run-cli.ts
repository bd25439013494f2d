/** Runs the CLI as a user would (the `npm run synthtab` entry, src/cli/main.ts under tsx) and collects its output. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A file under test/fixtures/cli/. */
export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/cli/${name}`, import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `synthtab <args>`: resolves when the process exits (killed after `timeoutMs`). Runs
 * `node --import tsx src/cli/main.ts`, which is what `npx tsx src/cli/main.ts` (the npm script)
 * runs, minus npx's lookup and tsx's extra wrapper process: half the CPU per run.
 */
export function synthtab(args: string[], timeoutMs = 90_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, SYNTHTAB_DEBUG: '' }, timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A queue that runs at most `n` CLI processes at once (the test machines have few cores). */
export function limited(n: number): (args: string[]) => Promise<CliResult> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (args) => {
    if (running >= n) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await synthtab(args);
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** Asserts the bad-input contract (DESIGN.md CLI): exit non-zero, one stderr line, no stack trace. */
export function failureLine(r: CliResult): string {
  if (r.status === 0) throw new Error(`expected a failure, got exit 0; stderr: ${r.stderr}`);
  const lines = r.stderr.split('\n');
  if (lines.length !== 2 || lines[1] !== '') throw new Error(`expected exactly one stderr line, got:\n${r.stderr}`);
  if (/\n\s+at |Error:/.test(r.stderr)) throw new Error(`stack trace on stderr:\n${r.stderr}`);
  return lines[0]!;
}
