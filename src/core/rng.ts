/**
 * The one source of randomness for all numeric code (core and model). Create it from the seed at
 * the edge (`?seed=`, `--seed`) and pass it down; `Math.random` is banned in core/ and model/.
 *
 * Generator: sfc32 (Small Fast Counter, 128-bit state), seeded through splitmix32 so nearby seeds
 * give unrelated streams. Doubles have 32 random bits, enough for sampling and initialisation.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box-Muller, caches the second value). */
  normal(): number;
  /** Index drawn with probability proportional to weights[i] (weights need not sum to 1). */
  choice(weights: ArrayLike<number>): number;
  /** Fisher-Yates shuffle in place; returns the array. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T;
  /** A 32-bit integer seed for a child generator or a TF.js random op. */
  seed32(): number;
  /** An independent child stream (for a worker, a column, a TF.js op...). */
  fork(): Rng;
  /** Opaque state, restorable with `restoreRng`. */
  state(): number[];
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t = t ^ (t >>> 15);
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  constructor(s: number[]) {
    this.a = s[0]! | 0;
    this.b = s[1]! | 0;
    this.c = s[2]! | 0;
    this.d = s[3]! | 0;
    if (s.length > 4 && s[4] !== undefined && !Number.isNaN(s[4])) this.spare = s[4];
  }

  private u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.u32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  choice(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i]!;
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i]!;
      if (u < 0) return i;
    }
    // Floating-point slack: return the last index with positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
    return weights.length - 1;
  }

  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  }

  seed32(): number {
    return this.u32();
  }

  fork(): Rng {
    return createRng(this.u32());
  }

  state(): number[] {
    return [this.a, this.b, this.c, this.d, this.spare ?? NaN];
  }
}

/** A seeded generator; the same seed always gives the same stream. */
export function createRng(seed: number): Rng {
  const sm = splitmix32(seed >>> 0);
  const rng = new Sfc32([sm(), sm(), sm(), sm()]);
  for (let i = 0; i < 12; i++) rng.next();
  return rng;
}

/** Rebuild a generator from `rng.state()`. */
export function restoreRng(state: number[]): Rng {
  return new Sfc32(state);
}
