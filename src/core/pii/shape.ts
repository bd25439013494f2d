/**
 * The "shape" of identifier-like values, learned from real examples so fakes look the same:
 * 'C-00123' -> literal 'C-' + 5 zero-padded digits; '48213' -> a 5-digit number without a leading
 * zero; 'AB12cd' -> 2 upper-case letters + 2 digits + 2 lower-case letters. Only the shape is kept
 * (run types, lengths, constant parts), never a real value.
 *
 * A value is split into runs: digits, letters, or one other character. Values sharing the most
 * common run signature define the shape; a run with one value everywhere is a literal.
 */
import type { Rng } from '../rng.ts';

type Case = 'upper' | 'lower' | 'mixed';

export type Segment =
  | { type: 'literal'; text: string }
  /** Digits; `lengths` are the real run lengths (sampled), `padded` when leading zeros occur. */
  | { type: 'digits'; lengths: number[]; padded: boolean }
  | { type: 'letters'; lengths: number[]; letterCase: Case };

export interface IdShape {
  segments: Segment[];
}

interface Run {
  type: 'digits' | 'letters' | 'other';
  text: string;
}

function runsOf(v: string): Run[] {
  const out: Run[] = [];
  for (const m of v.matchAll(/\d+|\p{L}+|[^\d\p{L}]/gu)) {
    const text = m[0];
    const type = /^\d/.test(text) ? 'digits' : /^\p{L}/u.test(text) ? 'letters' : 'other';
    out.push({ type, text });
  }
  return out;
}

function signature(runs: Run[]): string {
  return runs.map((r) => (r.type === 'other' ? `o${r.text}` : r.type[0])).join('|');
}

function caseOf(texts: string[]): Case {
  const all = texts.join('');
  if (all === all.toUpperCase()) return 'upper';
  if (all === all.toLowerCase()) return 'lower';
  return 'mixed';
}

/** The shape shared by most of the examples (null when there are none). */
export function learnShape(examples: readonly string[]): IdShape | null {
  return learnShapeWithSupport(examples)?.shape ?? null;
}

/**
 * learnShape, and `support`: how many distinct examples have the chosen signature. With support
 * >= 2, every literal run is shared by two different values (a prefix, not a value).
 */
export function learnShapeWithSupport(examples: readonly string[]): { shape: IdShape; support: number } | null {
  const parsed = examples.filter((v) => v.length > 0).map(runsOf);
  if (parsed.length === 0) return null;
  const bySig = new Map<string, Run[][]>();
  for (const r of parsed) {
    const s = signature(r);
    const list = bySig.get(s);
    if (list) list.push(r);
    else bySig.set(s, [r]);
  }
  let best: Run[][] = [];
  for (const list of bySig.values()) if (list.length > best.length) best = list;
  const segments: Segment[] = best[0]!.map((run, i) => {
    const texts = best.map((r) => r[i]!.text);
    if (run.type === 'other' || texts.every((t) => t === texts[0])) return { type: 'literal', text: texts[0]! };
    const lengths = texts.map((t) => [...t].length);
    if (run.type === 'digits') return { type: 'digits', lengths, padded: texts.some((t) => t.length > 1 && t.startsWith('0')) };
    return { type: 'letters', lengths, letterCase: caseOf(texts) };
  });
  return { shape: { segments }, support: new Set(best.map((r) => r.map((x) => x.text).join(''))).size };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/**
 * One value of the shape. `widen` adds that many characters to every variable run: the caller
 * raises it when the values of the real length are used up (all forbidden or already taken).
 */
export function drawFromShape(shape: IdShape, rng: Rng, widen = 0): string {
  let out = '';
  let variable = false;
  for (const seg of shape.segments) {
    if (seg.type === 'literal') {
      out += seg.text;
      continue;
    }
    variable = true;
    const len = seg.lengths[rng.int(seg.lengths.length)]! + widen;
    if (seg.type === 'digits') {
      for (let i = 0; i < len; i++) {
        // An unpadded number never starts with 0 (ids 1..n do not contain 0 either).
        const first = i === 0 && !seg.padded;
        out += String(first ? 1 + rng.int(9) : rng.int(10));
      }
    } else {
      for (let i = 0; i < len; i++) {
        const set = seg.letterCase === 'upper' ? UPPER : seg.letterCase === 'lower' ? LOWER : rng.next() < 0.5 ? UPPER : LOWER;
        out += set[rng.int(26)]!;
      }
    }
  }
  // A shape of literals only (every example identical) still needs variety.
  if (!variable) for (let i = 0; i < 1 + widen; i++) out += String(rng.int(10));
  return out;
}

/**
 * A Faker format string from one real value: digits become '#', letters '?', the rest stays, e.g.
 * '(212) 323-4946' -> '(###) ###-####', 'SW1A 1AA' -> '??#? #??'. With `keepLeading`, that many
 * leading characters stay literal (a phone's '+49' country code, a postal code's region digit).
 */
export function formatOf(value: string, keepLeading = 0): string {
  const head = value.slice(0, keepLeading);
  const tail = value.slice(keepLeading).replace(/\d/g, '#').replace(/\p{L}/gu, '?');
  return head.replace(/[#?]/g, '') + tail;
}
