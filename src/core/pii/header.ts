/**
 * What a column's header says about its content. SDV detects PII sdtypes from the cleaned,
 * lower-cased name or its camelCase/separator tokens (CTGAN-SPEC.md section 7: email, phonenumber,
 * firstname, lastname, city, zipcode/postcode, streetaddress, ipv4, creditcardnumber; a token "id"
 * means an id). We follow the same idea and add a few common variants in other languages.
 */
import type { PiiKind } from './kinds.ts';

/** 'customerEmail', 'E-Mail Address', 'first_name' -> ['customer', 'email'], ['e', 'mail', 'address'], ['first', 'name']. */
export function headerTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** A 'name' column that is not a person's name. */
const NON_PERSON_NAME = new Set([
  'product', 'company', 'file', 'filename', 'item', 'brand', 'category', 'team', 'city', 'country', 'street', 'domain',
  'host', 'hostname', 'user', 'username', 'device', 'app', 'model', 'project', 'store', 'shop', 'org', 'organization',
  'organisation', 'business', 'dataset', 'table', 'column', 'field', 'variable', 'course', 'school', 'hospital', 'dept',
  'department', 'job', 'title', 'song', 'artist', 'album', 'book', 'movie', 'game', 'drug', 'state', 'region', 'place',
  'location', 'venue', 'event', 'plan', 'class', 'type', 'group', 'account', 'bank', 'server', 'package', 'sheet',
]);

const ID_WORDS = new Set(['id', 'ids', 'uid', 'key', 'pk', 'identifier']);
const NUMBER_WORDS = new Set(['number', 'no', 'nr']);

export interface HeaderHint {
  kind: PiiKind;
  /** The header words that gave the hint, for the reason shown to the user. */
  matched: string;
  /** A weak hint ('order_no'): only unique values confirm it. */
  weak?: boolean;
}

function has(tokens: string[], ...words: string[]): string | null {
  for (const w of words) if (tokens.includes(w)) return w;
  return null;
}

function contains(squashed: string, ...words: string[]): string | null {
  for (const w of words) if (squashed.includes(w)) return w;
  return null;
}

/** The kind the header names, if any (first rule that matches, most specific first). */
export function headerHint(name: string): HeaderHint | null {
  const t = headerTokens(name);
  if (t.length === 0) return null;
  const sq = t.join('');
  let m: string | null;
  const hint = (kind: PiiKind, matched: string): HeaderHint => ({ kind, matched });

  if ((m = has(t, 'uuid', 'guid'))) return hint('uuid', m);
  if ((m = contains(sq, 'email', 'emailaddress')) || (m = has(t, 'mail', 'courriel', 'correo'))) return hint('email', m);
  if ((m = contains(sq, 'creditcard', 'cardnumber', 'ccnumber', 'cardno')) || (m = has(t, 'ccn'))) return hint('credit_card', m);
  if ((m = contains(sq, 'ipv4', 'ipaddress', 'ipaddr')) || (m = has(t, 'ip'))) return hint('ipv4', m);
  if ((m = has(t, 'url', 'uri', 'website', 'homepage', 'webpage', 'link', 'web'))) return hint('url', m);
  if ((m = contains(sq, 'phone', 'telephone', 'telefon', 'mobile', 'cellphone')) || (m = has(t, 'tel', 'cell', 'fax', 'msisdn'))) {
    return hint('phone', m);
  }
  if ((m = contains(sq, 'zipcode', 'postcode', 'postalcode', 'postleitzahl', 'codepostal')) || (m = has(t, 'zip', 'postal', 'plz'))) {
    return hint('postal_code', m);
  }
  if ((m = contains(sq, 'firstname', 'givenname', 'forename', 'vorname', 'prenom', 'prénom')) || (m = has(t, 'fname'))) {
    return hint('first_name', m);
  }
  if ((m = contains(sq, 'lastname', 'surname', 'familyname', 'nachname', 'apellido')) || (m = has(t, 'lname'))) {
    return hint('last_name', m);
  }
  if ((m = contains(sq, 'streetaddress', 'addressline', 'address1', 'address2')) || (m = has(t, 'address', 'addr', 'street', 'adresse', 'strasse', 'straße', 'direccion', 'dirección'))) {
    return hint('street_address', m);
  }
  if ((m = has(t, 'city', 'town', 'municipality', 'stadt', 'ort', 'ville', 'ciudad', 'citta', 'città', 'stad', 'miasto'))) return hint('city', m);
  if ((m = contains(sq, 'country', 'nationality')) || (m = has(t, 'nation', 'pays', 'pais', 'país'))) return hint('country', m);
  if ((m = contains(sq, 'fullname', 'customername', 'clientname', 'contactname', 'personname', 'patientname', 'employeename'))) {
    return hint('full_name', m);
  }
  if ((m = has(t, 'name', 'nombre', 'nom')) && !t.some((w) => NON_PERSON_NAME.has(w))) return hint('full_name', m);
  // Key-like names, as in profile/infer-kind.ts: the id word last ('customer_id', 'userId') or
  // first ('id_user'); 'order_no' / 'account number' (the number word last, so not 'num_children').
  const last = t[t.length - 1]!;
  if ((m = has(t, 'ssn', 'iban'))) return hint('identifier', m);
  if (ID_WORDS.has(last) || (ID_WORDS.has(t[0]!) && t[0] !== 'key')) return hint('identifier', ID_WORDS.has(last) ? last : t[0]!);
  if (t.length > 1 && NUMBER_WORDS.has(last)) return { kind: 'identifier', matched: t.join(' '), weak: true };
  return null;
}
