/**
 * URL parameters are a public interface (DESIGN.md): `?backend=webgpu|webgl|wasm|cpu` forces a
 * backend and `?seed=N` fixes the seed. Unknown values are reported, never silently used.
 */
import type { BackendName } from '../../worker/protocol.ts';

export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface UrlParams {
  /** The forced backend, or 'auto' to let the worker pick (and say why). */
  backend: BackendName | 'auto';
  /** A fixed seed, or null for a fresh random one. */
  seed: number | null;
  /** Test hook `?failBackendAtEpoch=N`: the worker simulates a backend failure in epoch N. */
  failBackendAtEpoch: number | null;
  /** One line per ignored parameter, shown to the user. */
  warnings: string[];
}

function isBackendName(x: string): x is BackendName {
  return (BACKENDS as readonly string[]).includes(x);
}

/** Parse `location.search` (with or without the leading '?'). */
export function parseUrlParams(search: string): UrlParams {
  const params = new URLSearchParams(search);
  const warnings: string[] = [];
  let backend: BackendName | 'auto' = 'auto';
  const rawBackend = params.get('backend');
  if (rawBackend !== null && rawBackend !== '' && rawBackend !== 'auto') {
    const b = rawBackend.toLowerCase();
    if (isBackendName(b)) backend = b;
    else warnings.push(`Ignoring ?backend=${rawBackend}: use one of ${BACKENDS.join(', ')}.`);
  }
  let seed: number | null = null;
  const rawSeed = params.get('seed');
  if (rawSeed !== null && rawSeed !== '') {
    const n = Number(rawSeed);
    if (Number.isSafeInteger(n) && n >= 0 && n <= 0xffffffff) seed = n;
    else warnings.push(`Ignoring ?seed=${rawSeed}: the seed must be a whole number from 0 to 4294967295.`);
  }
  let failBackendAtEpoch: number | null = null;
  const rawFail = params.get('failBackendAtEpoch');
  if (rawFail !== null) {
    const n = Number(rawFail);
    if (Number.isInteger(n) && n >= 1) failBackendAtEpoch = n;
    else warnings.push(`Ignoring ?failBackendAtEpoch=${rawFail}: it must be an epoch number from 1.`);
  }
  return { backend, seed, failBackendAtEpoch, warnings };
}
