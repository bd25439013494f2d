/**
 * Numbers as CSV text: which cell texts count as numbers, how many decimals they carry, and how to
 * print a number back without scientific notation or a negative zero.
 */

/** Decimal places beyond this are not kept (toFixed accepts up to 100, but doubles hold ~17 digits). */
export const MAX_DECIMALS = 20;

/**
 * Decimal places carried by `s` when it is a plain number, or -1 when it is not one.
 *
 * A number is: optional sign, digits with an optional fraction (or a fraction alone, ".5"), and an
 * optional exponent ("1e-05", as pandas writes small floats). The value must be finite.
 * Not numbers: "007", "-01", "00.5" (leading zeros mark codes such as zip codes or ids, which must
 * keep their text), whole numbers beyond 2^53 such as 19-digit ids (a double would change their
 * digits), "Infinity", "0x1F", "1_000", "1,5", "" and a lone sign or point.
 * Decimals of "1.25e-3" are 2 + 3 = 5 (the places needed to write it out in full), capped at
 * MAX_DECIMALS.
 */
export function numberDecimals(s: string): number {
  const r = scanNumber(s);
  return r < 0 ? -1 : r & 0xff;
}

/** The value of the last number `scanNumber` accepted (saves parsing the text twice). */
export const scanned = { value: NaN };

/** Flag set in `scanNumber`'s result when the text may not print back as `formatFixed` would. */
export const NOT_PLAIN = 0x100;

/**
 * Like `numberDecimals` (low 8 bits), plus NOT_PLAIN unless the text is surely what
 * `formatFixed(Number(s), decimals)` prints: no '+', no exponent, digits on both sides of any
 * point, not a negative zero, at most 15 significant digits (so toFixed reproduces them exactly).
 * Lets the parser skip a toFixed per cell on the common path.
 */
export function scanNumber(s: string): number {
  scanned.value = NaN;
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) { i++; c = s.charCodeAt(i); } // + -
  const intStart = i;
  while (c >= 48 && c <= 57) { i++; c = s.charCodeAt(i); }
  const intDigits = i - intStart;
  if (intDigits > 1 && s.charCodeAt(intStart) === 48) return -1; // leading zero: "007"
  let fracDigits = 0;
  if (c === 46) { // .
    i++;
    c = s.charCodeAt(i);
    const fracStart = i;
    while (c >= 48 && c <= 57) { i++; c = s.charCodeAt(i); }
    fracDigits = i - fracStart;
  }
  if (intDigits === 0 && fracDigits === 0) return -1;
  const pointAt = intStart + intDigits;
  let plain = s.charCodeAt(0) !== 43 && intDigits > 0 && (pointAt === i || fracDigits > 0) && intDigits + fracDigits <= 15;
  let exponent = 0;
  if (c === 101 || c === 69) { // e E
    i++;
    c = s.charCodeAt(i);
    let sign = 1;
    if (c === 43 || c === 45) { if (c === 45) sign = -1; i++; c = s.charCodeAt(i); }
    const expStart = i;
    while (c >= 48 && c <= 57) { i++; c = s.charCodeAt(i); }
    if (i === expStart) return -1;
    exponent = sign * Number(s.slice(expStart, i));
    plain = false;
  }
  if (i !== n) return -1;
  const v = Number(s);
  if (!Number.isFinite(v)) return -1;
  // A whole number beyond 2^53 (a 19-digit id, a long account number) cannot be held exactly.
  if (pointAt === i && exponent === 0 && !Number.isSafeInteger(v)) return -1;
  scanned.value = v;
  if (v === 0 && s.charCodeAt(0) === 45) plain = false;
  const decimals = Math.min(MAX_DECIMALS, Math.max(0, fracDigits - exponent));
  return plain ? decimals : decimals | NOT_PLAIN;
}

/**
 * `v` with exactly `decimals` places, never in scientific notation and never as "-0" (a value
 * that rounds to zero prints unsigned). Non-finite values print as ''.
 */
export function formatFixed(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return '';
  const d = Math.max(0, Math.min(MAX_DECIMALS, Math.floor(decimals)));
  let s: string;
  if (Math.abs(v) >= 1e21) {
    // toFixed switches to exponent form at 1e21; such doubles are whole numbers anyway.
    s = BigInt(v).toString() + (d > 0 ? '.' + '0'.repeat(d) : '');
  } else {
    s = v.toFixed(d);
  }
  if (s.charCodeAt(0) === 45 && /^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return s;
}
