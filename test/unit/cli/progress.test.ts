/** cli/progress.ts with a fake stream and clock: plain rate-limited lines off a TTY, a redrawn bar on one. */
import { describe, expect, it } from 'vitest';
import { createProgress, type ProgressStream } from '../../../src/cli/progress.ts';

function fakeStream(isTTY: boolean, columns?: number): ProgressStream & { out: string } {
  const s = { out: '', isTTY, columns, write: (t: string) => (s.out += t) };
  return s;
}

function clock(): { now: () => number; at: (ms: number) => void } {
  let t = 0;
  return { now: () => t, at: (ms) => (t = ms) };
}

describe('createProgress off a TTY (logs, CI, pipes)', () => {
  it('prints plain lines with counts, detail, elapsed and ETA, no escape codes', () => {
    const s = fakeStream(false);
    const c = clock();
    const p = createProgress('epoch', s, { now: c.now, minIntervalMs: 1000 });
    c.at(10_000);
    p.update(1, 4, 'loss 0.5');
    c.at(20_000);
    p.update(2, 4);
    c.at(125_000);
    p.update(4, 4, 'done');
    p.finish();
    expect(s.out).toBe(
      'epoch 1/4  loss 0.5  10s elapsed, ETA 30s\n' + //
        'epoch 2/4  20s elapsed, ETA 20s\n' +
        'epoch 4/4  done  2m05s elapsed\n',
    );
    expect(s.out.includes('\r') || s.out.includes('\x1b')).toBe(false);
  });

  it('prints at most one line per interval, but always the last', () => {
    const s = fakeStream(false);
    const c = clock();
    const p = createProgress('step', s, { now: c.now }); // 5 s default off a TTY
    for (let i = 1; i <= 10; i++) {
      c.at(i * 1000);
      p.update(i, 10);
    }
    expect(s.out.split('\n').filter(Boolean)).toEqual(['step 1/10  1s elapsed, ETA 9s', 'step 6/10  6s elapsed, ETA 4s', 'step 10/10  10s elapsed']);
  });

  it('log() writes its own line; ETA is ? before any progress; hours format', () => {
    const s = fakeStream(false);
    const c = clock();
    const p = createProgress('epoch', s, { now: c.now, minIntervalMs: 0 });
    p.log('Training 3 epochs.');
    c.at(3_725_000);
    p.update(0, 3);
    expect(s.out).toBe('Training 3 epochs.\nepoch 0/3  1h02m elapsed, ETA ?\n');
  });
});

describe('createProgress on a TTY', () => {
  it('redraws one bar in place, clears it for log lines, ends with a newline', () => {
    const s = fakeStream(true, 200);
    const c = clock();
    const p = createProgress('epoch', s, { now: c.now, minIntervalMs: 0 });
    c.at(1000);
    p.update(1, 2);
    p.log('note');
    c.at(2000);
    p.update(2, 2);
    p.finish();
    const bar1 = `[${'#'.repeat(12)}${'.'.repeat(12)}] epoch 1/2  1s elapsed, ETA 1s`;
    const bar2 = `[${'#'.repeat(24)}] epoch 2/2  2s elapsed`;
    expect(s.out).toBe(`\r${bar1}\x1b[K\r\x1b[Knote\n\r${bar2}\x1b[K\n`);
  });

  it('cuts the bar to the terminal width', () => {
    const s = fakeStream(true, 30);
    const p = createProgress('epoch', s, { now: () => 0, minIntervalMs: 0 });
    p.update(1, 2, 'a long detail that does not fit');
    expect(s.out).toBe(`\r${`[${'#'.repeat(12)}${'.'.repeat(12)}] epoch 1/2  a long detail`.slice(0, 29)}\x1b[K`);
  });
});
