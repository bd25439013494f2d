// The training worker on every backend headless Chromium offers here (webgpu and webgl through
// SwiftShader, wasm, cpu): backend choice, real training steps, same-seed agreement across
// backends, and the mid-run fallback. Tiny runs (batch 20): SwiftShader WebGPU costs seconds a step.
import { assert } from './harness.mjs';
import { close, expectOk, ofType, openDebugPage, toyCsv, trainInPage } from './worker-helpers.mjs';

const CSV = toyCsv(60);
/** 60 rows at batch 20: 3 steps an epoch. Small networks keep the cpu and webgpu runs short. */
const SMALL = { batchSize: 20, embeddingDim: 16, generatorDim: [32, 32], discriminatorDim: [32, 32], seed: 7 };

function firstStep(run) {
  const step = ofType(run.events, 'step')[0];
  assert(step, 'no step event');
  return step;
}

export const tests = {
  async 'auto picks wasm on a SwiftShader GPU, says why, trains, charts and samples'({ browser, baseUrl }) {
    const { page, logs } = await openDebugPage(browser, baseUrl);
    const run = expectOk(
      await trainInPage(page, CSV, { method: 'ctgan', options: { ...SMALL, epochs: 2 }, backend: 'auto', distributionColumns: ['age', 'workclass'], distributionEvery: 1 }, 40),
      logs,
    );
    const [backend] = ofType(run.events, 'backend');
    assert(backend.backend === 'wasm', `auto chose ${backend.backend}`);
    assert(/SwiftShader/.test(backend.reason) && /wasm is faster/.test(backend.reason), `reason: ${backend.reason}`);
    assert(JSON.stringify(ofType(run.events, 'epoch').map((e) => e.epoch)) === '[1,2]', 'epochs 1 and 2');
    assert(ofType(run.events, 'step').length === 6, `steps: ${ofType(run.events, 'step').length}`);
    const dist = ofType(run.events, 'distributions');
    assert(dist.length === 2 && dist[1].data.map((d) => d.column).join() === 'age,workclass', 'distributions at epochs 1 and 2');
    const lines = run.sample.trimEnd().split('\n');
    assert(lines[0] === 'age,hours,workclass,income' && lines.length === 41, `sample: ${lines.length} lines, header ${lines[0]}`);
    assert(run.trained.epochs === 2 && !run.trained.stopped, 'trained 2 epochs');
  },

  async 'wasm, cpu and webgl give the same step losses under one seed'({ browser, baseUrl }) {
    const { page, logs } = await openDebugPage(browser, baseUrl);
    const losses = {};
    for (const backend of ['wasm', 'cpu', 'webgl']) {
      const run = expectOk(await trainInPage(page, CSV, { method: 'ctgan', options: { ...SMALL, epochs: 1 }, backend }), logs);
      const chosen = ofType(run.events, 'backend')[0];
      assert(chosen.backend === backend, `${backend} forced, got ${chosen.backend} (${chosen.reason})`);
      firstStep(run);
      losses[backend] = ofType(run.events, 'step').flatMap((s) => [s.lossG, s.lossD]);
    }
    // Every step of the epoch (3), not just the first: the same draws and weights on each backend.
    for (const b of ['cpu', 'webgl']) {
      const ok = losses[b].length === 6 && losses[b].every((v, i) => close(v, losses.wasm[i]));
      assert(ok, `losses differ: ${JSON.stringify(losses)}`);
    }
  },

  async 'webgpu (SwiftShader) trains real steps and agrees with wasm'({ browser, baseUrl }) {
    const { page, logs } = await openDebugPage(browser, baseUrl);
    const csv = toyCsv(40); // 2 steps at batch 20
    const gpu = expectOk(await trainInPage(page, csv, { method: 'ctgan', options: { ...SMALL, epochs: 1 }, backend: 'webgpu' }), logs);
    const chosen = ofType(gpu.events, 'backend')[0];
    assert(chosen.backend === 'webgpu' && /swiftshader/i.test(chosen.adapter), `webgpu forced: ${JSON.stringify(chosen)}`);
    assert(ofType(gpu.events, 'step').length === 2 && gpu.trained.epochs === 1, 'two webgpu steps, one epoch');
    const cpu = expectOk(await trainInPage(page, csv, { method: 'ctgan', options: { ...SMALL, epochs: 1 }, backend: 'wasm' }), logs);
    const [a, b] = [gpu, cpu].map((r) => ofType(r.events, 'step').flatMap((s) => [s.lossG, s.lossD]));
    assert(a.length === 4 && a.every((v, i) => close(v, b[i])), `webgpu ${a} vs wasm ${b}`);
  },

  async 'a backend failure mid-run falls back to the next backend and training continues'({ browser, baseUrl }) {
    const { page, logs } = await openDebugPage(browser, baseUrl);
    const run = expectOk(
      await trainInPage(page, CSV, { method: 'ctgan', options: { ...SMALL, epochs: 3 }, backend: 'webgl', failBackendAtEpoch: 2 }, 10),
      logs,
    );
    const backends = ofType(run.events, 'backend').map((e) => `${e.backend}<${e.fallbackFrom ?? ''}`);
    assert(backends.join() === 'webgl<,wasm<webgl', `backend events: ${backends}`);
    // Other notices (e.g. the run's step count) may come first: pick the fallback notice.
    const notice = ofType(run.events, 'notice').find((n) => /failed in epoch/.test(n.message));
    assert(notice && /webgl failed in epoch 2/.test(notice.message) && /continuing on wasm from epoch 1/.test(notice.message), `notice: ${notice?.message}`);
    assert(JSON.stringify(ofType(run.events, 'epoch').map((e) => e.epoch)) === '[1,2,3]', 'epochs 1..3 despite the switch');
    assert(run.trained.epochs === 3 && run.sample.trimEnd().split('\n').length === 11, 'trained 3 epochs and samples');
  },
};
