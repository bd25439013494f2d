// The pure parts of browser backend selection (the probes themselves run in the e2e suite).
import { describe, expect, it } from 'vitest';
import { backendFromSearch, fallbackBackend, isSoftwareAdapter, selectBackend } from '../../../src/model/backend-browser.ts';

describe('browser backend selection', () => {
  it('recognises software adapters from WebGPU info and WebGL renderer strings', () => {
    expect(isSoftwareAdapter({ isFallbackAdapter: true })).toBe(true);
    // What Debian Chromium reports here (shared/BROWSER.md).
    expect(isSoftwareAdapter({ architecture: 'swiftshader', isFallbackAdapter: false })).toBe(true);
    expect(isSoftwareAdapter({ renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)' })).toBe(true);
    expect(isSoftwareAdapter({ renderer: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe(true);
    expect(isSoftwareAdapter({ architecture: 'ampere', description: 'NVIDIA H100', isFallbackAdapter: false })).toBe(false);
    expect(isSoftwareAdapter({ renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 Direct3D11 vs_5_0 ps_5_0)' })).toBe(false);
  });

  it('reads ?backend= and ignores anything else', () => {
    expect(backendFromSearch('?backend=webgl&seed=3')).toBe('webgl');
    expect(backendFromSearch('backend=cpu')).toBe('cpu');
    expect(backendFromSearch('?backend=tpu')).toBe('auto');
    expect(backendFromSearch('')).toBe('auto');
  });

  it('refuses an unknown backend name instead of guessing one', async () => {
    await expect(selectBackend('tpu' as 'cpu')).rejects.toMatchObject({ code: 'bad-option' });
    expect(await fallbackBackend('tpu' as 'cpu', 'x')).toBeNull();
    expect(await fallbackBackend('cpu', 'x')).toBeNull();
  });
});
