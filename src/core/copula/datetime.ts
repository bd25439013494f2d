/**
 * Dates in text columns for the copula: ISO-like text <-> milliseconds since the epoch (UTC),
 * written back in the shape first seen. Only the ISO shapes are recognised here; anything else
 * makes the column categorical instead (a wrong parse would silently corrupt the output).
 */

/** 'date' = YYYY-MM-DD; 'space' / 'T' = YYYY-MM-DD HH:mm:ss with that separator. */
export type DateShape = 'date' | 'space' | 'T';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:([ T])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Milliseconds (UTC) and the shape of one cell, or null when it is not an ISO date. */
export function parseIsoDate(text: string): { ms: number; shape: DateShape } | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, sep, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  if (!Number.isFinite(ms)) return null;
  // Reject rollovers such as 2021-02-31.
  const check = new Date(ms);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  return { ms, shape: sep === undefined ? 'date' : sep === 'T' ? 'T' : 'space' };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Text for `ms` in `shape` (dates round to the day, datetimes to the second). */
export function formatIsoDate(ms: number, shape: DateShape): string {
  const unit = shape === 'date' ? 86_400_000 : 1000;
  const d = new Date(Math.round(ms / unit) * unit);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (shape === 'date') return day;
  return `${day}${shape === 'T' ? 'T' : ' '}${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
