/**
 * TF.js backend set-up for Node (CLI, benchmarks, unit tests). Node has no GPU backend here
 * (tfjs-node downloads a native binary at install time, which this project cannot do), so the
 * choice is the wasm backend (SIMD, one thread; about 6x faster than cpu, TFJS-NOTES Q4) with the
 * pure-JS cpu backend as the fallback.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { SynthtabError } from '../core/errors.ts';
import { registerFastMatMulGradient } from './matmul-grad.ts';

/** The Node backends, fastest first. */
export type NodeBackend = 'wasm' | 'cpu';

let wasmPathsSet = false;

function wasmDistDir(): string {
  const require = createRequire(import.meta.url);
  // The package has no `exports` map, so its main file resolves; the .wasm files sit beside it in dist/.
  return dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
}

/**
 * Select and initialise a Node backend. `pref` 'wasm' (default) falls back to 'cpu' when the wasm
 * module cannot start; 'cpu' is taken as asked. Returns the backend actually active.
 */
export async function initNodeBackend(pref: NodeBackend = 'wasm'): Promise<NodeBackend> {
  if (pref === 'wasm') {
    try {
      if (!wasmPathsSet) {
        // Threads off: the threaded build needs SharedArrayBuffer workers, which the Node build
        // does not use, and on 2 cores it does not help (TFJS-NOTES Q5).
        tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
        setWasmPaths(wasmDistDir() + '/');
        wasmPathsSet = true;
      }
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        registerFastMatMulGradient(); // wasm's transposed matMuls are ~15x slower (matmul-grad.ts)
        return 'wasm';
      }
    } catch {
      // fall through to cpu
    }
  }
  if (!(await tf.setBackend('cpu'))) throw new SynthtabError('backend-failed', 'Could not start the TF.js cpu backend.');
  await tf.ready();
  return 'cpu';
}
