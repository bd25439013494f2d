/**
 * The format a faked column's values follow, derived once from real example values and then used
 * without them: fillers draw from it, and model files store it (core/pii/saved-fakes.ts), so a
 * model loaded later makes fakes in the same format without holding a single real value.
 *
 * - phone, postal_code, credit_card: Faker format strings ('(###) ###-####', '9####',
 *   '4###-####-####-###L'), one per distinct example with its count, so a draw picks a format as
 *   often as picking a random example would. Every digit and letter becomes '#' or '?', except a
 *   phone's '+' country code, a postal code's first character (its region) and a card's first
 *   digit (the issuer), which generate.ts has always kept.
 * - identifier: the IdShape of shape.ts (literal runs, run lengths, letter case). A literal letter
 *   or digit run is kept only when at least two distinct examples share it (a prefix like 'C-');
 *   with a single example every run would be a literal, i.e. the real value, so then letters and
 *   digits become variable runs of the same length.
 * - every other kind: no shape (Faker's own formats).
 */
import type { Rng } from '../rng.ts';
import type { PiiKind } from './kinds.ts';
import { digitsOf } from './patterns.ts';
import { formatOf, learnShapeWithSupport, type IdShape, type Segment } from './shape.ts';

/** A Faker format ('' = Faker's default format for the kind) and how many examples had it. */
export interface WeightedFormat {
  format: string;
  count: number;
}

export type FakeShape = { type: 'formats'; formats: WeightedFormat[] } | { type: 'id'; segments: Segment[] };

/** The Faker format of one phone example: a leading '+' country code stays, every other digit is new. */
function phoneFormat(t: string): string {
  const cc = /^\+\d{1,3}/.exec(t)?.[0].length ?? 0;
  return formatOf(t, cc);
}

/** A postal code keeps its first character (a region), the rest in the same format. */
function postalFormat(t: string): string {
  return formatOf(t, /^[\dA-Za-z]/.test(t) ? 1 : 0);
}

/** Same grouping and issuer digit as the example; Faker's 'L' is the Luhn check digit ('' = Faker default). */
function cardFormat(t: string): string {
  if (digitsOf(t).length < 13) return '';
  const fmt = formatOf(t, 1);
  const last = fmt.lastIndexOf('#');
  return `${fmt.slice(0, last)}L${fmt.slice(last + 1)}`;
}

function weighted(examples: readonly string[], format: (t: string) => string): FakeShape | null {
  if (examples.length === 0) return null;
  const counts = new Map<string, number>();
  for (const t of examples) {
    const f = format(t);
    counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  return { type: 'formats', formats: [...counts].map(([f, count]) => ({ format: f, count })) };
}

/** `shape` with every letter/digit literal turned into a variable run of the same length. */
function withoutLiteralValues(shape: IdShape): IdShape {
  const segments = shape.segments.map((seg): Segment => {
    if (seg.type !== 'literal') return seg;
    const t = seg.text;
    if (/^\d+$/.test(t)) return { type: 'digits', lengths: [t.length], padded: t.startsWith('0') };
    if (/^\p{L}+$/u.test(t)) {
      const letterCase = t === t.toUpperCase() ? 'upper' : t === t.toLowerCase() ? 'lower' : 'mixed';
      return { type: 'letters', lengths: [[...t].length], letterCase };
    }
    return seg;
  });
  return { segments };
}

/**
 * The shape fakes of `kind` follow, from real example values (read for their format only); null
 * when the kind has none or there are no usable examples.
 */
export function deriveFakeShape(kind: PiiKind, template: readonly string[] | undefined): FakeShape | null {
  const examples = (template ?? []).map((t) => t.trim()).filter((t) => t.length > 0);
  switch (kind) {
    case 'phone':
      return weighted(examples, phoneFormat);
    case 'postal_code':
      return weighted(examples, postalFormat);
    case 'credit_card':
      return weighted(examples, cardFormat);
    case 'identifier': {
      const learned = learnShapeWithSupport(examples);
      if (!learned) return null;
      const shape = learned.support >= 2 ? learned.shape : withoutLiteralValues(learned.shape);
      return { type: 'id', segments: shape.segments };
    }
    default:
      return null;
  }
}

/**
 * One format of a 'formats' shape, picked with the examples' weights (one rng.int draw); null for
 * no shape. '' means Faker's default format for the kind.
 */
export function pickFormat(shape: FakeShape | null, rng: Rng): string | null {
  if (!shape || shape.type !== 'formats') return null;
  let total = 0;
  for (const f of shape.formats) total += f.count;
  if (total <= 0) return null;
  let k = rng.int(total);
  for (const f of shape.formats) {
    if (k < f.count) return f.format;
    k -= f.count;
  }
  return shape.formats[shape.formats.length - 1]!.format;
}
