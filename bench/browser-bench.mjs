// Browser benchmark: CTGAN training speed per backend inside the real worker, in headless Debian
// Chromium (SwiftShader for webgl/webgpu unless the machine has a GPU), on public/demo/adult.csv
// at the reference batch of 500; the cost of live distributions; and loading a large CSV File
// while the page stays responsive.
//
//   npx vite build && node bench/browser-bench.mjs [--backends wasm,webgl,webgpu,cpu] [--epochs N]
//                                                  [--load-rows N] [--no-load]
//
// Writes bench/results/browser-<backend>.json and bench/results/browser-load.json.
// Step times are measured in the page between consecutive 'step' events (the worker awaits each
// step's losses, so events are step boundaries); the first two steps are warm-up and reported apart.
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startPreview } from '../test/e2e/harness.mjs';
import { openDebugPage } from '../test/e2e/worker-helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const backends = opt('backends', 'wasm,webgl,webgpu').split(',').filter((b) => ['webgpu', 'webgl', 'wasm', 'cpu'].includes(b));
/** Epochs per backend: SwiftShader WebGPU gets one epoch (3 steps at batch 500 on 1,641 rows). */
const epochsFor = (b) => Number(opt('epochs', b === 'webgpu' || b === 'cpu' ? 1 : b === 'webgl' ? 3 : 10));
const loadRows = args.includes('--no-load') ? 0 : Number(opt('load-rows', 1_000_000));
/** Stop after this many steps (SwiftShader WebGPU: ~11 s a step on an idle 2-core machine). */
const maxStepsFor = (b) => Number(opt(`${b}-steps`, b === 'webgpu' ? 2 : 0));
/** The machine's state: on a shared machine the load average explains slow figures. */
const machine = () => ({ cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', loadAverage1m: round(os.loadavg()[0], 2) });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

function chromiumVersion() {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function benchBackend(browser, baseUrl, backend) {
  const { page, logs } = await openDebugPage(browser, baseUrl);
  const epochs = epochsFor(backend);
  const maxSteps = maxStepsFor(backend);
  const loadBefore = os.loadavg()[0];
  const out = await page.evaluate(
    async ({ backend, epochs, maxSteps }) => {
      const csv = await (await fetch('/demo/adult.csv')).text();
      const client = globalThis.__synthtab.createClient();
      try {
        const loaded = await client.loadText(csv, 'adult.csv');
        const columns = loaded.preview.columns;
        const stamps = [];
        const epochSeconds = [];
        let distributionUpdates = 0;
        let chosen = null;
        const t0 = performance.now();
        let firstStepAt = null;
        const trained = await client.train(
          // Every column charted every 5 epochs (the UI default cadence), so the overhead is the worst case.
          { method: 'ctgan', options: { epochs, batchSize: 500, seed: 1 }, backend, distributionColumns: columns, distributionEvery: 5 },
          (e) => {
            if (e.type === 'backend') chosen = e;
            if (e.type === 'step') {
              stamps.push(performance.now());
              firstStepAt ??= performance.now();
              if (maxSteps > 0 && stamps.length === maxSteps) void client.stop();
            }
            if (e.type === 'epoch') epochSeconds.push(e.seconds);
            if (e.type === 'distributions') distributionUpdates++;
          },
        );
        return { chosen, stamps, epochSeconds, distributionUpdates, trained, rows: loaded.profile.rows, startMs: firstStepAt - t0 };
      } catch (e) {
        return { error: `${e?.code ?? ''} ${e?.message ?? String(e)}` };
      } finally {
        client.terminate();
      }
    },
    { backend, epochs, maxSteps },
  );
  await page.close();
  if (out.error) throw new Error(`${backend}: ${out.error}\n${logs.slice(-10).join('\n')}`);
  // stamps[0] ends the first step (warm-up included, reported as firstStepMs); step k lasts stamps[k] - stamps[k-1].
  const steps = out.stamps.slice(1).map((t, i) => t - out.stamps[i]);
  const warm = steps.length > 2 ? steps.slice(0, 1) : [];
  const timed = steps.slice(warm.length);
  const stepsPerEpoch = Math.max(Math.floor(out.rows / 500), 1);
  const result = {
    backend: out.chosen.backend,
    adapter: out.chosen.adapter,
    reason: out.chosen.reason,
    browser: chromiumVersion(),
    where: 'dedicated module worker, vite preview build',
    dataset: 'public/demo/adult.csv',
    rows: out.rows,
    batchSize: 500,
    stepsPerEpoch,
    epochs: out.trained.epochs,
    steps: out.stamps.length,
    stoppedEarly: out.trained.stopped,
    // From the train request to the end of the first step: transformer fit, network build, kernel warm-up.
    firstStepMs: round(out.startMs, 0),
    warmupStepMs: warm.map((x) => round(x, 0)),
    stepMsMedian: round(median(timed), 0),
    stepMs: timed.map((x) => round(x, 0)),
    epochSecondsMedian: round(median(out.epochSeconds.slice(out.epochSeconds.length > 1 ? 1 : 0)), 3),
    epochSeconds: out.epochSeconds.map((x) => round(x, 3)),
    trainSeconds: round(out.trained.seconds, 2),
    distributionSeconds: round(out.trained.distributionSeconds ?? 0, 3),
    distributionShare: round((out.trained.distributionSeconds ?? 0) / out.trained.seconds, 4),
    distributionUpdates: out.distributionUpdates,
    // One update (1,000 rows sampled and binned, every column) against 5 epochs, the default cadence.
    distributionShareEvery5Epochs: null,
    machine: { ...machine(), loadAverage1mBefore: round(loadBefore, 2) },
    date: new Date().toISOString().slice(0, 10),
  };
  const perUpdate = out.distributionUpdates > 0 ? (out.trained.distributionSeconds ?? 0) / out.distributionUpdates : null;
  if (perUpdate !== null && result.epochSecondsMedian) result.distributionShareEvery5Epochs = round(perUpdate / (5 * result.epochSecondsMedian + perUpdate), 4);
  return result;
}

/** Write the big CSV to a temp file from Node, so the page's heap never holds it (a File backed by disk). */
function writeBigCsv(rows) {
  const file = path.join(os.tmpdir(), `synthtab-bench-${rows}.csv`);
  // 20 columns: 10 numeric, 10 categorical.
  const cats = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
  writeFileSync(file, Array.from({ length: 20 }, (_, j) => (j < 10 ? `n${j}` : `c${j}`)).join(',') + '\n');
  for (let start = 0; start < rows; start += 50_000) {
    const lines = [];
    for (let i = start; i < Math.min(rows, start + 50_000); i++) {
      const cells = [];
      for (let j = 0; j < 10; j++) cells.push(((i * (j + 7)) % 9973) / 10);
      for (let j = 10; j < 20; j++) cells.push(cats[(i + j) % 5]);
      lines.push(cells.join(','));
    }
    appendFileSync(file, lines.join('\n') + '\n');
  }
  return file;
}

async function benchLoad(browser, baseUrl, rows) {
  const csvPath = writeBigCsv(rows);
  const { page, logs } = await openDebugPage(browser, baseUrl);
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-file';
    document.body.append(input);
  });
  await page.setInputFiles('#bench-file', csvPath);
  const out = await page.evaluate(async () => {
    const file = document.getElementById('bench-file').files[0];
    // Page responsiveness: the longest gap between 10 ms timer ticks, first for 3 s with nothing
    // running (on a busy machine the OS alone stalls the page), then while the worker parses.
    const watch = () => {
      let prev = performance.now();
      let gap = 0;
      const t = setInterval(() => {
        const now = performance.now();
        gap = Math.max(gap, now - prev);
        prev = now;
      }, 10);
      return () => {
        clearInterval(t);
        return gap;
      };
    };
    const idle = watch();
    await new Promise((r) => setTimeout(r, 3000));
    const idleMaxGapMs = idle();
    const busy = watch();
    const client = globalThis.__synthtab.createClient();
    let progress = 0;
    const t0 = performance.now();
    try {
      const loaded = await client.loadFile(file, 'big.csv', (e) => {
        if (e.type === 'progress') progress++;
      });
      return { bytes: file.size, seconds: (performance.now() - t0) / 1000, maxGapMs: busy(), idleMaxGapMs, progressEvents: progress, rows: loaded.profile.rows, columns: loaded.preview.columns.length };
    } catch (e) {
      busy();
      return { error: `${e?.code ?? ''} ${e?.message ?? String(e)}` };
    } finally {
      client.terminate();
    }
  });
  await page.close();
  rmSync(csvPath, { force: true });
  if (out.error) throw new Error(`load: ${out.error}\n${logs.slice(-10).join('\n')}`);
  return { ...out, seconds: round(out.seconds, 2), maxGapMs: round(out.maxGapMs, 0), idleMaxGapMs: round(out.idleMaxGapMs, 0), mb: round(out.bytes / 1e6, 1), browser: chromiumVersion(), machine: machine(), date: new Date().toISOString().slice(0, 10) };
}

const server = await startPreview();
const outDir = path.join(here, 'results');
mkdirSync(outDir, { recursive: true });
try {
  for (const backend of backends) {
    const browser = await launchBrowser();
    try {
      const r = await benchBackend(browser, server.url, backend);
      writeFileSync(path.join(outDir, `browser-${backend}.json`), JSON.stringify(r, null, 2) + '\n');
      console.log(`${backend}: step ${r.stepMsMedian} ms (median of ${r.stepMs.length}), epoch ${r.epochSecondsMedian} s, first step after ${r.firstStepMs} ms, distributions ${(r.distributionShare * 100).toFixed(2)}% of training, ${r.distributionShareEvery5Epochs === null ? '?' : (r.distributionShareEvery5Epochs * 100).toFixed(2)}% at every 5 epochs (${r.adapter})`);
    } catch (e) {
      console.log(`${backend}: FAILED ${e.message}`);
      process.exitCode = 1;
    } finally {
      await browser.close();
    }
  }
  if (loadRows > 0) {
    const browser = await launchBrowser();
    try {
      const r = await benchLoad(browser, server.url, loadRows);
      writeFileSync(path.join(outDir, 'browser-load.json'), JSON.stringify(r, null, 2) + '\n');
      console.log(`load: ${r.rows} rows x ${r.columns} columns (${r.mb} MB) in ${r.seconds} s; longest page stall ${r.maxGapMs} ms (idle baseline ${r.idleMaxGapMs} ms); ${r.progressEvents} progress events`);
    } finally {
      await browser.close();
    }
  }
} finally {
  server.stop();
}
