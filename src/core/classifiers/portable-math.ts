/**
 * exp / log / log1p that give the same bits in every JavaScript engine.
 *
 * Math.exp and Math.log are not specified to the last bit, and engines differ: Node 20 (V8 11.3)
 * and Chromium 156 disagree on about 10% of Math.exp results and 5% of Math.log results, by one
 * ulp. The classifiers feed those into L-BFGS and into the probabilities they report, so the CLI
 * (Node) and the app (browser) printed different thresholds for the same seed (issue 6: "the
 * CLI's JSON matches the UI's numbers"). These are ports of fdlibm's e_exp.c and e_log.c (error
 * < 1 ulp), written with + - * / and exact power-of-two scaling only, which IEEE 754 rounds the
 * same everywhere (JavaScript never fuses a multiply-add).
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the high (sign/exponent) word in `u32` on this machine. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  f64[0] = x;
  return u32[HI]! | 0;
}
function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO]!;
}
function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  u32[HI] = hi >>> 0;
  return f64[0];
}
/** 2^k for -1022 <= k <= 1023, exactly. */
function pow2(k: number): number {
  u32[LO] = 0;
  u32[HI] = ((k + 1023) << 20) >>> 0;
  return f64[0]!;
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const EXP_OVER = 7.09782712893383973096e2;
const EXP_UNDER = -7.45133219101941108420e2;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const TWO_M1000 = 9.33263618503218878990e-302; // 2^-1000

/** e^x, bit-identical across engines (fdlibm e_exp.c). */
export function exp(x: number): number {
  const hxRaw = highWord(x);
  const negative = hxRaw < 0;
  const hx = hxRaw & 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| >= 709.78...
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return NaN;
      return negative ? 0 : Infinity;
    }
    if (x > EXP_OVER) return Infinity;
    if (x < EXP_UNDER) return 0;
  }
  let hi = 0, lo = 0, k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: reduce x to r = hi - lo in [-0.5 ln2, 0.5 ln2], x = k ln2 + r.
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28: e^x = 1 + x to within rounding.
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * pow2(1023) : y * pow2(k);
  return y * pow2(k + 1000) * TWO_M1000;
}

const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm, bit-identical across engines (fdlibm e_log.c). */
export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal.
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i0 ^ 0x3ff00000)); // x or x/2 in [sqrt(2)/2, sqrt(2))
  k += i0 >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

/**
 * log(1 + x), accurate for small x, bit-identical across engines: with u = 1 + x rounded,
 * log(u) * x / (u - 1) cancels the rounding error of u (Goldberg 1991, theorem 4).
 */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  if (u === Infinity) return Infinity;
  return (log(u) * x) / (u - 1);
}
