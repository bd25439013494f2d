/**
 * TF.js backend selection in the browser (page or worker): WebGPU -> WebGL -> WASM -> CPU.
 *
 * 'auto' takes the first GPU backend whose adapter is real hardware. A software adapter
 * (SwiftShader, a WebGPU fallback adapter) is slower than wasm for this model: one CTGAN step is
 * ~0.48 s on wasm, ~0.86 s on SwiftShader WebGL and ~11 s on SwiftShader WebGPU (shared/BROWSER.md),
 * so 'auto' prefers wasm there and says why. A forced backend (URL `?backend=`) is taken as asked
 * when it starts, else the next one down the chain.
 *
 * wasm runs single-threaded: the threaded build fails inside a bundled module worker
 * (`e is not defined`, TFJS-NOTES Q5), and two cores gain little from threads.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { registerSecondOrderFixes } from './second-order.ts';
import { SynthtabError } from '../core/errors.ts';

export type BrowserBackend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** The fallback chain, fastest first on real hardware. */
export const BACKEND_ORDER: readonly BrowserBackend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendSelection {
  backend: BrowserBackend;
  /** The device in words (GPU name, "WebAssembly (SIMD)", "JavaScript"). */
  adapter: string;
  /** Why this backend, in words, for the badge. */
  reason: string;
}

/** What a GPU probe found. */
export interface GpuProbe {
  adapter: string;
  software: boolean;
}

/** Is this adapter a CPU implementation (SwiftShader, a WebGPU fallback adapter, llvmpipe)? */
export function isSoftwareAdapter(info: { isFallbackAdapter?: boolean; architecture?: string; description?: string; renderer?: string }): boolean {
  if (info.isFallbackAdapter === true) return true;
  const text = `${info.architecture ?? ''} ${info.description ?? ''} ${info.renderer ?? ''}`.toLowerCase();
  return /swiftshader|llvmpipe|softpipe|software|basic render driver/.test(text);
}

/** Read `?backend=` from a query string; anything else is 'auto'. */
export function backendFromSearch(search: string): BrowserBackend | 'auto' {
  const v = new URLSearchParams(search).get('backend');
  return v !== null && (BACKEND_ORDER as readonly string[]).includes(v) ? (v as BrowserBackend) : 'auto';
}

/** WebGPU adapter, if the browser offers one. */
export async function probeWebGpu(): Promise<GpuProbe | null> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return null;
    const info = adapter.info;
    const name = [info.vendor, info.architecture, info.device, info.description].filter((x) => x).join(' ') || 'WebGPU adapter';
    return { adapter: name, software: isSoftwareAdapter(info) };
  } catch {
    return null;
  }
}

/** WebGL2 renderer (OffscreenCanvas, so it works inside a worker), if the browser offers one. */
export function probeWebGl(): GpuProbe | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { adapter: renderer, software: isSoftwareAdapter({ renderer }) };
  } catch {
    return null;
  }
}

let wasmConfigured = false;
/** Set when the WebGPU device of the active backend is lost (GPUDevice.lost resolved). */
let webgpuLost: string | null = null;
let watchedDevice: unknown = null;

function watchWebGpuDevice(): void {
  const device = (tf.backend() as unknown as { device?: GPUDevice }).device;
  if (!device || device === watchedDevice) return;
  watchedDevice = device;
  webgpuLost = null;
  void device.lost.then((info) => {
    if (watchedDevice === device) webgpuLost = `the WebGPU device was lost (${info.reason}${info.message ? `: ${info.message}` : ''})`;
  });
}
let fixesRegistered = false;

async function init(name: BrowserBackend): Promise<boolean> {
  if (!fixesRegistered) {
    // The gradient registry is per JS realm: the worker must register the fixes itself.
    registerSecondOrderFixes();
    fixesRegistered = true;
  }
  if (name === 'wasm' && !wasmConfigured) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
    });
    wasmConfigured = true;
  }
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    if (tf.getBackend() !== name) return false;
    if (name === 'webgpu') watchWebGpuDevice();
    return true;
  } catch {
    return false;
  }
}

function describe(name: BrowserBackend, probe: GpuProbe | null): string {
  if (probe) return probe.adapter;
  if (name === 'wasm') return tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'WebAssembly (SIMD, 1 thread)' : 'WebAssembly (1 thread)';
  if (name === 'cpu') return 'JavaScript (no acceleration)';
  return name;
}

async function probeFor(name: BrowserBackend): Promise<GpuProbe | null> {
  if (name === 'webgpu') return probeWebGpu();
  if (name === 'webgl') return probeWebGl();
  return null;
}

/** Start the first backend of `chain` that works; `reason` explains the first choice. */
async function firstWorking(chain: readonly BrowserBackend[], reason: (b: BrowserBackend, skipped: string[]) => string): Promise<BackendSelection> {
  const skipped: string[] = [];
  for (const b of chain) {
    const probe = await probeFor(b);
    if ((b === 'webgpu' || b === 'webgl') && !probe) {
      skipped.push(`${b} not available`);
      continue;
    }
    if (await init(b)) return { backend: b, adapter: describe(b, probe), reason: reason(b, skipped) };
    skipped.push(`${b} failed to start`);
  }
  throw new Error(`No TF.js backend could start (${skipped.join('; ')}).`);
}

/**
 * Select and initialise a backend. `pref` 'auto' prefers a hardware GPU (WebGPU, then WebGL),
 * else wasm; a forced backend is used when it starts, else the next one down the chain.
 */
export async function selectBackend(pref: BrowserBackend | 'auto'): Promise<BackendSelection> {
  if (pref !== 'auto' && !BACKEND_ORDER.includes(pref)) throw new SynthtabError('bad-option', `Unknown backend '${String(pref)}': use one of ${BACKEND_ORDER.join(', ')} or auto.`);
  if (pref !== 'auto') {
    const chain = BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(pref));
    return firstWorking(chain, (b, skipped) => (b === pref ? `forced by ?backend=${pref}` : `${skipped.join('; ')}: using ${b}`));
  }
  const [gpu, gl] = [await probeWebGpu(), probeWebGl()];
  if (gpu && !gpu.software && (await init('webgpu'))) return { backend: 'webgpu', adapter: gpu.adapter, reason: 'hardware GPU (WebGPU)' };
  if (gl && !gl.software && (await init('webgl'))) {
    return { backend: 'webgl', adapter: gl.adapter, reason: gpu ? 'WebGPU adapter is software: hardware WebGL is faster' : 'hardware GPU (WebGL; no WebGPU)' };
  }
  const software = gpu?.software || gl?.software;
  const label = /swiftshader/i.test(`${gpu?.adapter ?? ''} ${gl?.adapter ?? ''}`) ? 'software GPU (SwiftShader)' : 'software GPU';
  const why = software ? `${label}: wasm is faster` : 'no GPU available';
  return firstWorking(['wasm', 'cpu'], (b) => (b === 'wasm' ? why : `${why}; wasm failed to start: using cpu`));
}

/** After `failed` broke mid-run: start the next backend down the chain, or null when none is left. */
export async function fallbackBackend(failed: BrowserBackend, why: string): Promise<BackendSelection | null> {
  if (!BACKEND_ORDER.includes(failed)) return null;
  const chain = BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(failed) + 1);
  if (chain.length === 0) return null;
  try {
    return await firstWorking(chain, (b) => `${failed} failed (${why}): fell back to ${b}`);
  } catch {
    return null;
  }
}

/** A reason string when the active GPU device or context is gone, else null (polled between steps). */
export function deviceLostReason(): string | null {
  const name = tf.getBackend();
  if (name === 'webgpu') return webgpuLost;
  if (name !== 'webgl') return null;
  // The WebGL backend keeps its context at gpgpu.gl; a lost context makes every later op fail.
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: { isContextLost?: () => boolean } } };
  return backend.gpgpu?.gl?.isContextLost?.() ? 'the WebGL context was lost' : null;
}
