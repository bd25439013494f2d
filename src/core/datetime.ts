/**
 * Date/time formats: detect the format of a column's texts, parse a text to milliseconds since the
 * Unix epoch (UTC), and format milliseconds back into exactly the same shape.
 *
 * Pure and locale-free: no `Date` at all. Calendar arithmetic uses Howard Hinnant's
 * days-from-civil algorithm (proleptic Gregorian), so results never depend on the host's time
 * zone and years 0000..9999 all work (Date.UTC maps years < 100 to 19xx).
 *
 * Format tokens: YYYY (4-digit year), MM / DD (2-digit month / day), M / D (1-2 digits, no leading
 * zero), HH (00-23), mm, ss, S.. (fractional seconds, exactly as many digits as S letters, 1-3).
 * Any other character is a literal (`-`, `/`, `.`, ` `, `:`, `T`, `Z`). Times carry no offset:
 * a trailing `Z` is a literal meaning UTC, and local times are treated as UTC too.
 *
 * Round trip: `formatDatetime(parseDatetime(s, f), f) === s` for every s that parses under f,
 * because every token has exactly one spelling for a given value (strict widths, strict ranges).
 */

/** Formats tried by `detectDatetimeFormat`, most specific first. */
export const DATETIME_FORMATS: readonly string[] = [
  'YYYY-MM-DDTHH:mm:ss.SSSZ',
  'YYYY-MM-DDTHH:mm:ssZ',
  'YYYY-MM-DDTHH:mm:ss.SSS',
  'YYYY-MM-DDTHH:mm:ss',
  'YYYY-MM-DDTHH:mm',
  'YYYY-MM-DD HH:mm:ss.SSS',
  'YYYY-MM-DD HH:mm:ss',
  'YYYY-MM-DD HH:mm',
  'YYYY-MM-DD',
  'YYYY/MM/DD HH:mm:ss',
  'YYYY/MM/DD',
  // Day/month order: both are tried; see `detectDatetimeFormat` for the tie-break.
  'MM/DD/YYYY HH:mm:ss',
  'DD/MM/YYYY HH:mm:ss',
  'MM/DD/YYYY HH:mm',
  'DD/MM/YYYY HH:mm',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'M/D/YYYY',
  'D/M/YYYY',
  'DD.MM.YYYY HH:mm:ss',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
];

type Field = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'fraction';

interface Token {
  /** null for a literal. */
  field: Field | null;
  /** Literal text, for literals. */
  text: string;
  /** Minimum and maximum digits (equal for fixed-width tokens). */
  minDigits: number;
  maxDigits: number;
}

interface CompiledFormat {
  tokens: Token[];
  /** Smallest unit in ms the format can express (used to round when formatting). */
  unitMs: number;
}

const MS_PER_DAY = 86_400_000;
const cache = new Map<string, CompiledFormat>();

function compile(format: string): CompiledFormat {
  const hit = cache.get(format);
  if (hit) return hit;
  const tokens: Token[] = [];
  let unitMs = MS_PER_DAY;
  let i = 0;
  const lit = (ch: string): void => {
    const last = tokens[tokens.length - 1];
    if (last && last.field === null) last.text += ch;
    else tokens.push({ field: null, text: ch, minDigits: 0, maxDigits: 0 });
  };
  while (i < format.length) {
    const rest = format.slice(i);
    const tok = (field: Field, len: number, min: number, max: number): void => {
      tokens.push({ field, text: '', minDigits: min, maxDigits: max });
      i += len;
    };
    if (rest.startsWith('YYYY')) tok('year', 4, 4, 4);
    else if (rest.startsWith('MM')) tok('month', 2, 2, 2);
    else if (rest.startsWith('DD')) tok('day', 2, 2, 2);
    else if (rest.startsWith('HH')) { tok('hour', 2, 2, 2); unitMs = Math.min(unitMs, 3_600_000); }
    else if (rest.startsWith('mm')) { tok('minute', 2, 2, 2); unitMs = Math.min(unitMs, 60_000); }
    else if (rest.startsWith('ss')) { tok('second', 2, 2, 2); unitMs = Math.min(unitMs, 1000); }
    else if (rest[0] === 'S') {
      let n = 0;
      while (rest[n] === 'S') n++;
      if (n > 3) throw new RangeError(`Fractional seconds beyond milliseconds are not supported: '${format}'`);
      tok('fraction', n, n, n);
      unitMs = Math.min(unitMs, 10 ** (3 - n));
    } else if (rest[0] === 'M') tok('month', 1, 1, 2);
    else if (rest[0] === 'D') tok('day', 1, 1, 2);
    else { lit(rest[0]!); i++; }
  }
  const compiled = { tokens, unitMs };
  cache.set(format, compiled);
  return compiled;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day count since 1970-01-01 (Hinnant's civil_from_days). */
export function civilFromDays(z: number): { year: number; month: number; day: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Milliseconds since 1970-01-01T00:00:00 UTC for `text` read with `format`, or NaN when the text
 * does not have that shape or names an impossible date/time (2023-02-30, 24:00, month 13).
 */
export function parseDatetime(text: string, format: string): number {
  const { tokens } = compile(format);
  let pos = 0;
  let year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0;
  for (const t of tokens) {
    if (t.field === null) {
      if (!text.startsWith(t.text, pos)) return NaN;
      pos += t.text.length;
      continue;
    }
    let n = 0;
    while (n < t.maxDigits) {
      const c = text.charCodeAt(pos + n);
      if (c < 48 || c > 57) break;
      n++;
    }
    if (n < t.minDigits) return NaN;
    // Variable-width tokens (M, D) have no leading zero, so each value has one spelling.
    if (t.minDigits !== t.maxDigits && n > 1 && text.charCodeAt(pos) === 48) return NaN;
    const v = Number(text.slice(pos, pos + n));
    pos += n;
    switch (t.field) {
      case 'year': year = v; break;
      case 'month': month = v; break;
      case 'day': day = v; break;
      case 'hour': hour = v; break;
      case 'minute': minute = v; break;
      case 'second': second = v; break;
      case 'fraction': ms = v * 10 ** (3 - t.maxDigits); break;
    }
  }
  if (pos !== text.length) return NaN;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

function pad(v: number, width: number): string {
  return String(v).padStart(width, '0');
}

/**
 * `ms` (since the epoch, UTC) written in `format`. The value is first rounded to the format's
 * smallest unit (a day, minute, second or 10^-k s), so synthetic fractional values print cleanly.
 * Returns '' for a non-finite value or a year outside 0000..9999.
 */
export function formatDatetime(ms: number, format: string): string {
  if (!Number.isFinite(ms)) return '';
  const { tokens, unitMs } = compile(format);
  const t = Math.round(ms / unitMs) * unitMs;
  const days = Math.floor(t / MS_PER_DAY);
  let rest = t - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  if (year < 0 || year > 9999) return '';
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = Math.round(rest - second * 1000);
  let out = '';
  for (const tk of tokens) {
    switch (tk.field) {
      case null: out += tk.text; break;
      case 'year': out += pad(year, 4); break;
      case 'month': out += pad(month, tk.minDigits); break;
      case 'day': out += pad(day, tk.minDigits); break;
      case 'hour': out += pad(hour, 2); break;
      case 'minute': out += pad(minute, 2); break;
      case 'second': out += pad(second, 2); break;
      case 'fraction': out += pad(Math.floor(milli / 10 ** (3 - tk.maxDigits)), tk.maxDigits); break;
    }
  }
  return out;
}

/** Fractional-second variants of the formats that end in seconds (`.S`, `.SS`; `.SSS` is listed). */
function withFractions(format: string): string[] {
  if (!format.includes('ss.SSS')) return [format];
  return [format, format.replace('ss.SSS', 'ss.SS'), format.replace('ss.SSS', 'ss.S')];
}

/**
 * The first known format under which every sample parses, or null.
 *
 * Day/month order: when both MM/DD and DD/MM read every sample (no value above 12 in either
 * place), MM/DD wins, as pandas' default (dayfirst=False) does; a single value > 12 in the first
 * place settles it as DD/MM. Fractional seconds must have the same number of digits throughout
 * (1-3) so the column can be written back exactly.
 */
export function detectDatetimeFormat(samples: string[]): string | null {
  if (samples.length === 0) return null;
  const first = samples[0]!;
  // Cheap filter: a date has at least 6 characters and starts with a digit.
  if (first.length < 6 || first.charCodeAt(0) < 48 || first.charCodeAt(0) > 57) return null;
  for (const base of DATETIME_FORMATS) {
    for (const f of withFractions(base)) {
      if (samples.every((s) => !Number.isNaN(parseDatetime(s, f)))) return f;
    }
  }
  return null;
}
