/**
 * A progress display on stderr for long CLI jobs: a redrawn bar with ETA when stderr is a TTY,
 * plain lines (at most one per `minIntervalMs`, plus the last) when it is not (logs, CI, pipes).
 * stdout is never touched, so `--json` output stays clean.
 */

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** `done` of `total` units; `detail` is shown after the counts (e.g. losses). */
  update(done: number, total: number, detail?: string): void;
  /** A message on its own line (clears the bar first). */
  log(line: string): void;
  /** Finish the bar (newline on a TTY). */
  finish(): void;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  const m = Math.floor(s / 60);
  const r = Math.round(s % 60);
  if (m < 60) return `${m}m${String(r).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * @param label what is counted, e.g. 'epoch'
 * @param now clock in ms (injectable for tests)
 */
export function createProgress(label: string, stream: ProgressStream = process.stderr, opts: { minIntervalMs?: number; now?: () => number } = {}): Progress {
  const now = opts.now ?? (() => Date.now());
  const tty = stream.isTTY === true;
  const minInterval = opts.minIntervalMs ?? (tty ? 100 : 5000);
  const start = now();
  let lastDraw = -Infinity;
  let barShown = false;

  const line = (done: number, total: number, detail?: string): string => {
    const elapsed = (now() - start) / 1000;
    const eta = done > 0 ? (elapsed / done) * (total - done) : NaN;
    const counts = `${label} ${done}/${total}`;
    const tail = `${detail ? `  ${detail}` : ''}  ${formatSeconds(elapsed)} elapsed${done < total ? `, ETA ${formatSeconds(eta)}` : ''}`;
    if (!tty) return counts + tail;
    const width = 24;
    const filled = total > 0 ? Math.round((width * Math.min(done, total)) / total) : 0;
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${counts}${tail}`;
  };

  return {
    update(done, total, detail) {
      const t = now();
      if (t - lastDraw < minInterval && done < total) return;
      lastDraw = t;
      if (tty) {
        const cols = stream.columns ?? 120;
        stream.write(`\r${line(done, total, detail).slice(0, cols - 1)}\x1b[K`);
        barShown = true;
      } else {
        stream.write(line(done, total, detail) + '\n');
      }
    },
    log(text) {
      if (tty && barShown) {
        stream.write('\r\x1b[K');
        barShown = false;
        lastDraw = -Infinity;
      }
      stream.write(text + '\n');
    },
    finish() {
      if (tty && barShown) stream.write('\n');
      barShown = false;
    },
  };
}
