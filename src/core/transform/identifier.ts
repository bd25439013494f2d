/**
 * Identifier columns are not learned: at inverse they are regenerated as unique values of the same
 * shape. Only the shape is stored (character classes per position, literal prefix/suffix, numeric
 * range), never the real ids, so the model file does not carry them.
 */
import type { Rng } from '../rng.ts';
import type { Column } from '../table/table.ts';
import type { IdShape } from './state.ts';

/** Character classes, by one-letter name. */
const CLASSES: Record<string, string> = {
  d: '0123456789',
  h: '0123456789abcdef',
  H: '0123456789ABCDEF',
  a: 'abcdefghijklmnopqrstuvwxyz',
  A: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  l: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  u: '0123456789abcdefghijklmnopqrstuvwxyz',
  U: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  x: '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
};
/** Smallest class first, so the narrowest class that covers the characters seen wins. */
const CLASS_ORDER = ['d', 'h', 'H', 'a', 'A', 'l', 'u', 'U', 'x'];
const MAX_FIXED = 128;

function classOf(chars: Set<string>): string {
  for (const name of CLASS_ORDER) {
    const set = CLASSES[name]!;
    let ok = true;
    for (const ch of chars) if (!set.includes(ch)) ok = false;
    if (ok) return name;
  }
  return 'x';
}

function isIncreasing(values: ArrayLike<number | string>): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i - 1]! < values[i]!)) return false;
  return values.length > 1;
}

function commonPrefix(a: string[]): string {
  let p = a[0] ?? '';
  for (const s of a) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Infer the shape of the column's non-missing values. */
export function fitIdShape(col: Column): IdShape {
  if (col.type === 'numeric') {
    const xs = Array.from(col.values).filter((v) => !Number.isNaN(v));
    const scale = 10 ** col.decimals;
    let min = Infinity;
    let max = -Infinity;
    for (const v of xs) {
      min = Math.min(min, Math.round(v * scale));
      max = Math.max(max, Math.round(v * scale));
    }
    if (xs.length === 0) min = max = 0;
    return { type: 'numeric', min, max, increasing: isIncreasing(xs) };
  }
  const texts: string[] = [];
  for (const c of col.codes) if (c >= 0) texts.push(col.dictionary[c]!);
  const increasing = isIncreasing(texts);
  const len = texts[0]?.length ?? 0;
  if (len > 0 && len <= MAX_FIXED && texts.every((t) => t.length === len)) {
    const slots: string[] = [];
    for (let i = 0; i < len; i++) {
      const chars = new Set<string>();
      for (const t of texts) chars.add(t[i]!);
      slots.push(chars.size === 1 ? `=${[...chars][0]!}` : classOf(chars));
    }
    return { type: 'fixed', slots, increasing };
  }
  const prefix = commonPrefix(texts);
  const rests = texts.map((t) => t.slice(prefix.length));
  const suffix = [...commonPrefix(rests.map((t) => [...t].reverse().join('')))].reverse().join('');
  const middles = rests.map((t) => t.slice(0, t.length - suffix.length));
  const chars = new Set<string>();
  for (const m of middles) for (const ch of m) chars.add(ch);
  const lens = middles.map((m) => m.length);
  return {
    type: 'variable', prefix, suffix, cls: classOf(chars),
    minLen: Math.max(1, lens.length ? Math.min(...lens) : 1), maxLen: Math.max(1, lens.length ? Math.max(...lens) : 1), increasing,
  };
}

function pick(cls: string, rng: Rng): string {
  const set = CLASSES[cls] ?? CLASSES['x']!;
  return set[rng.int(set.length)]!;
}

function drawText(shape: Exclude<IdShape, { type: 'numeric' }>, rng: Rng): string {
  if (shape.type === 'fixed') return shape.slots.map((s) => (s.startsWith('=') ? s.slice(1) : pick(s, rng))).join('');
  const len = shape.minLen + rng.int(shape.maxLen - shape.minLen + 1);
  let mid = '';
  if (shape.cls === 'd' && shape.minLen !== shape.maxLen) {
    // Unpadded numbers ("u7", "u1234"): no leading zero.
    const lo = len === 1 ? 0 : 10 ** (len - 1);
    mid = String(lo + rng.int(10 ** len - lo));
  } else {
    for (let i = 0; i < len; i++) mid += pick(shape.cls, rng);
  }
  return shape.prefix + mid + shape.suffix;
}

/** n distinct integers from [lo, hi] (or lo, lo+1, ... when the range is too small). */
function distinctInts(lo: number, hi: number, n: number, rng: Rng): number[] {
  const size = hi - lo + 1;
  if (size < n) return Array.from({ length: n }, (_, i) => lo + i);
  if (size <= 4 * n) {
    const all = Array.from({ length: size }, (_, i) => lo + i);
    for (let i = 0; i < n; i++) {
      const j = i + rng.int(size - i);
      const t = all[i]!;
      all[i] = all[j]!;
      all[j] = t;
    }
    return all.slice(0, n);
  }
  const seen = new Set<number>();
  const out: number[] = [];
  while (out.length < n) {
    const v = lo + Math.floor(rng.next() * size);
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

/** n unique values of the shape (strings; numeric shapes give numbers on the decimals grid). */
export function generateIds(shape: IdShape, n: number, decimals: number, rng: Rng): number[] | string[] {
  if (shape.type === 'numeric') {
    const ints = distinctInts(shape.min, shape.max, n, rng);
    if (shape.increasing) ints.sort((a, b) => a - b);
    const scale = 10 ** decimals;
    return ints.map((v) => v / scale);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let v = drawText(shape, rng);
    for (let t = 0; t < 20 && seen.has(v); t++) v = drawText(shape, rng);
    // The shape cannot hold n distinct values: keep uniqueness first, with a counter suffix.
    for (let c = 1; seen.has(v); c++) v = `${drawText(shape, rng)}-${c}`;
    seen.add(v);
    out.push(v);
  }
  if (shape.increasing) out.sort();
  return out;
}
