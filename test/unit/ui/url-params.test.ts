import { describe, expect, it } from 'vitest';
import { parseUrlParams } from '../../../src/ui/app/url-params.ts';

describe('parseUrlParams', () => {
  it('defaults to auto backend and no seed', () => {
    expect(parseUrlParams('')).toEqual({ backend: 'auto', seed: null, failBackendAtEpoch: null, warnings: [] });
  });

  it('reads ?backend and ?seed', () => {
    const p = parseUrlParams('?backend=wasm&seed=42');
    expect(p.backend).toBe('wasm');
    expect(p.seed).toBe(42);
    expect(p.warnings).toEqual([]);
    expect(parseUrlParams('backend=WebGPU').backend).toBe('webgpu');
    expect(parseUrlParams('?seed=0').seed).toBe(0);
  });

  it('warns about and ignores bad values', () => {
    const p = parseUrlParams('?backend=cuda&seed=1.5');
    expect(p.backend).toBe('auto');
    expect(p.seed).toBeNull();
    expect(p.warnings).toHaveLength(2);
    expect(p.warnings[0]).toContain('cuda');
    expect(parseUrlParams('?seed=-3').seed).toBeNull();
    expect(parseUrlParams('?seed=4294967296').seed).toBeNull();
  });

  it('passes the fallback test hook through', () => {
    expect(parseUrlParams('?failBackendAtEpoch=2').failBackendAtEpoch).toBe(2);
    expect(parseUrlParams('?failBackendAtEpoch=x').failBackendAtEpoch).toBeNull();
  });
});
