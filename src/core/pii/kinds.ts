/**
 * The personal-column kinds (issue 7) and the policy attached to each: whether a fake may repeat a
 * real value, and what the profiler should suggest doing with the column.
 */
import type { ColumnAction, PiiKindName } from '../types.ts';

/**
 * What a personal (or key-like) column holds, as far as detection can tell. Declared in
 * core/types.ts (as PiiKindName) so ColumnProfile can carry it without importing this module.
 */
export type PiiKind = PiiKindName;

export const PII_KINDS: readonly PiiKind[] = [
  'email', 'first_name', 'last_name', 'full_name', 'phone', 'street_address', 'city', 'country',
  'postal_code', 'url', 'ipv4', 'uuid', 'credit_card', 'identifier',
];

/** Words for the profile table. */
export const PII_LABELS: Readonly<Record<PiiKind, string>> = {
  email: 'e-mail address',
  first_name: 'first name',
  last_name: 'last name',
  full_name: 'full name',
  phone: 'phone number',
  street_address: 'street address',
  city: 'city',
  country: 'country',
  postal_code: 'postal code',
  url: 'URL',
  ipv4: 'IPv4 address',
  uuid: 'UUID',
  credit_card: 'credit-card-like number',
  identifier: 'identifier',
};

/** Plural words for reasons ('98% of the sampled values look like countries'). */
export const PII_PLURALS: Readonly<Record<PiiKind, string>> = {
  email: 'e-mail addresses',
  first_name: 'first names',
  last_name: 'last names',
  full_name: 'full names',
  phone: 'phone numbers',
  street_address: 'street addresses',
  city: 'cities',
  country: 'countries',
  postal_code: 'postal codes',
  url: 'URLs',
  ipv4: 'IPv4 addresses',
  uuid: 'UUIDs',
  credit_card: 'credit-card-like numbers',
  identifier: 'identifiers',
};

export function isPiiKind(x: unknown): x is PiiKind {
  return typeof x === 'string' && (PII_KINDS as readonly string[]).includes(x);
}

/**
 * Whether a value of this kind points at one person or one record, so that a synthetic value must
 * never equal a real one (issue 7 item 4; `generateFakeColumn` retries until it does not).
 *
 * Identifying: email, phone, street_address, full_name, identifier, credit_card, uuid, ipv4, url
 * (a URL is often a personal page or carries a user id in its path).
 *
 * Not identifying, so real values may reappear:
 * - city, country: shared by many people (the issue says so explicitly);
 * - postal_code: a postal area holds thousands of people; forbidding real codes would also remove
 *   exactly the regions present in the data, which makes the fakes less realistic for no gain;
 * - first_name, last_name on their own: one name is shared by many people, and forbidding every real
 *   first name would skew the fake name distribution. A first-name column and a last-name column are
 *   faked independently, so a real (first, last) pair can only come back by coincidence; a column
 *   holding whole names is `full_name`, which is identifying.
 */
export function isIdentifyingPii(kind: PiiKind): boolean {
  switch (kind) {
    case 'email':
    case 'phone':
    case 'street_address':
    case 'full_name':
    case 'identifier':
    case 'credit_card':
    case 'uuid':
    case 'ipv4':
    case 'url':
      return true;
    case 'first_name':
    case 'last_name':
    case 'city':
    case 'country':
    case 'postal_code':
      return false;
  }
}

/** What to do with a column, as offered in the profile table (issue 7 item 1); ColumnPlan.action. */
export type PiiAction = ColumnAction;

/** Non-identifying personal columns with at most this many distinct values are best learned. */
export const LEARNABLE_MAX_DISTINCT = 50;

/**
 * The default action for a detected column: identifying kinds are faked (a GAN would memorize
 * them); a non-identifying kind with few distinct values (a country column, a handful of cities)
 * carries real signal and is learned like any category; with many distinct values it is faked.
 */
export function suggestPiiAction(kind: PiiKind, distinct: number): PiiAction {
  if (isIdentifyingPii(kind)) return 'fake';
  return distinct <= LEARNABLE_MAX_DISTINCT ? 'learn' : 'fake';
}
