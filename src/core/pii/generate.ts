/**
 * Fake values for a personal column (issue 7 item 2), drawn with @faker-js/faker seeded from the
 * caller's Rng, so the same seed gives the same column.
 *
 * - Null rate: exactly round(n x nullRate) cells are null, at positions the Rng picks.
 * - Uniqueness: with `unique`, no value repeats (compared in the kind's canonical form, below).
 * - Privacy (item 4): for identifying kinds (`isIdentifyingPii`) no value equals a `forbidden`
 *   (real) one; a colliding draw is retried. Comparison is canonical, so a reformatted real value
 *   does not slip through: e-mails and UUIDs without case, phone and card numbers by digits only,
 *   names and addresses without case or extra spaces.
 * - Templates: real example values (a sample of the column) keep the fakes in the column's format:
 *   identifiers take the real shape ('C-00123' -> 'C-' + 5 digits), phone numbers, postal codes and
 *   card numbers the real digit grouping. Examples are only read for their format, through the
 *   FakeShape derived from them (fake-shape.ts), which callers may also pass directly (`shape`).
 * - Retries that keep colliding widen the draw (a longer id, a middle initial, a number in the
 *   e-mail's local part, an apartment number); as a last resort a counter suffix makes the value new,
 *   so generation always ends.
 * - E-mails use Faker's reserved example domains (example.com/.net/.org, RFC 2606), so a fake
 *   address can never reach a real mailbox.
 */
import type { Faker } from '@faker-js/faker';
import { SynthtabError } from '../errors.ts';
import type { Rng } from '../rng.ts';
import { isIdentifyingPii, isPiiKind, type PiiKind } from './kinds.ts';
import { digitsOf } from './patterns.ts';
import { deriveFakeShape, pickFormat, type FakeShape } from './fake-shape.ts';
import { drawFromShape } from './shape.ts';
import { fakerFor, normalizeLocale } from './vocab.ts';

export interface FakeOptions {
  rng: Rng;
  /** Faker locale ('en' default; 'de', 'de-DE', 'fr', ... see SUPPORTED_LOCALES). */
  locale?: string;
  /** Share of cells left null, in [0, 1] (the real column's missing share). */
  nullRate: number;
  /** No value may repeat (the real column is unique). */
  unique: boolean;
  /** Real values; identifying kinds never reproduce one. Ignored for the other kinds. */
  forbidden: ReadonlySet<string>;
  /** Real example values, read for their format only (turned into a FakeShape; ignored when `shape` is given). */
  template?: readonly string[];
  /**
   * The format to follow, already derived from real examples (fake-shape.ts deriveFakeShape):
   * what a model file stores instead of the examples. null: Faker's own formats.
   */
  shape?: FakeShape | null;
  /**
   * Real values already in canonical form (canonicalValue), forbidden like `forbidden` for
   * identifying kinds; lets a caller that generates many batches canonicalize the real values once.
   */
  forbiddenKeys?: ReadonlySet<string>;
  /**
   * Canonical forms of values emitted by earlier calls; with `unique`, they are avoided too and this
   * call's values are added (uniqueness across batches). Without it, uniqueness holds per call.
   */
  used?: Set<string>;
}

/** Plain draws before the generator widens its output. */
const WIDEN_AFTER = 20;
/** Draws before a counter suffix is appended. */
const SUFFIX_AFTER = 200;

/** The form two values are compared in: equal canonical forms are "the same value". */
export function canonicalValue(kind: PiiKind, v: string): string {
  switch (kind) {
    case 'phone':
    case 'credit_card':
      return digitsOf(v) || v.trim();
    case 'email':
    case 'uuid':
    case 'url':
      return v.trim().toLowerCase();
    default:
      return v.trim().toLowerCase().replace(/\s+/g, ' ');
  }
}

type Draw = (widen: number) => string;

function drawerFor(kind: PiiKind, f: Faker, rng: Rng, shape: FakeShape | null): Draw {
  switch (kind) {
    case 'email':
      return (w) => {
        const e = f.internet.exampleEmail();
        return w > 0 ? e.replace('@', `${f.string.numeric(w + 1)}@`) : e;
      };
    case 'first_name':
      return () => f.person.firstName();
    case 'last_name':
      return () => f.person.lastName();
    case 'full_name':
      return (w) => (w > 0 ? `${f.person.firstName()} ${f.string.alpha({ length: 1, casing: 'upper' })}. ${f.person.lastName()}` : `${f.person.firstName()} ${f.person.lastName()}`);
    case 'phone':
      return () => {
        // The real layout (fake-shape.ts: a '+' country code kept, every other digit new).
        const fmt = pickFormat(shape, rng);
        return fmt ? f.helpers.replaceSymbols(fmt) : f.phone.number();
      };
    case 'street_address':
      return (w) => (w > 0 ? f.location.streetAddress(true) : f.location.streetAddress());
    case 'city':
      return () => f.location.city();
    case 'country':
      return () => f.location.country();
    case 'postal_code':
      return () => {
        // The first character (a region) is kept, the rest redrawn in the same format.
        const fmt = pickFormat(shape, rng);
        return fmt ? f.helpers.replaceSymbols(fmt) : f.location.zipCode();
      };
    case 'url':
      return (w) => (w > 0 ? `${f.internet.url({ appendSlash: true })}${f.string.alphanumeric(w + 3)}` : f.internet.url());
    case 'ipv4':
      return () => f.internet.ipv4();
    case 'uuid':
      return () => f.string.uuid();
    case 'credit_card':
      return () => {
        // Same grouping and issuer digit as a real example, Luhn-valid ('' or no shape: Faker's default).
        const fmt = pickFormat(shape, rng);
        return fmt ? f.finance.creditCardNumber(fmt) : f.finance.creditCardNumber();
      };
    case 'identifier': {
      if (!shape || shape.type !== 'id') return (w) => f.string.alphanumeric({ length: 10 + w, casing: 'upper' });
      return (w) => drawFromShape(shape, rng, Math.floor(w / 2));
    }
  }
}

/** Indices of exactly round(n x rate) null cells. */
export function nullPositions(n: number, rate: number, rng: Rng): Uint8Array {
  const mask = new Uint8Array(n);
  const k = Math.min(n, Math.round(n * rate));
  if (k === 0) return mask;
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    mask[idx[i]!] = 1;
  }
  return mask;
}

function checkOptions(kind: PiiKind, n: number, opts: FakeOptions): void {
  if (!isPiiKind(kind)) throw new SynthtabError('bad-option', `Unknown personal-data kind '${String(kind)}'`);
  if (!Number.isInteger(n) || n < 0) throw new SynthtabError('bad-option', `Row count must be a whole number >= 0, got ${n}`);
  if (!(opts.nullRate >= 0 && opts.nullRate <= 1)) throw new SynthtabError('bad-option', `Null rate must be between 0 and 1, got ${opts.nullRate}`);
}

/**
 * n fake values of `kind` (null where the null rate puts them), seeded by `opts.rng`: the same Rng
 * state gives the same column. Throws SynthtabError for a bad kind, n, null rate or locale.
 */
export function generateFakeColumn(kind: PiiKind, n: number, opts: FakeOptions): (string | null)[] {
  checkOptions(kind, n, opts);
  const f = fakerFor(normalizeLocale(opts.locale));
  const rng = opts.rng.fork();
  f.seed(opts.rng.seed32());
  const nulls = nullPositions(n, opts.nullRate, rng);
  const shape = opts.shape !== undefined ? opts.shape : deriveFakeShape(kind, opts.template);
  const draw = drawerFor(kind, f, rng, shape);
  const avoidReal = isIdentifyingPii(kind);
  const forbidden = new Set<string>();
  if (avoidReal) for (const v of opts.forbidden) forbidden.add(canonicalValue(kind, v));
  const keys = avoidReal ? opts.forbiddenKeys : undefined;
  const used = opts.used ?? new Set<string>();
  let counter = 0;
  const out: (string | null)[] = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    if (nulls[i]) {
      out[i] = null;
      continue;
    }
    for (let attempt = 0; ; attempt++) {
      let v = draw(Math.floor(attempt / WIDEN_AFTER));
      if (attempt >= SUFFIX_AFTER) v = `${v}-${++counter}`;
      const key = canonicalValue(kind, v);
      if (avoidReal && (forbidden.has(key) || keys?.has(key) === true)) continue;
      if (opts.unique && used.has(key)) continue;
      if (opts.unique) used.add(key);
      out[i] = v;
      break;
    }
  }
  return out;
}
