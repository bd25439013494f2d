/**
 * Small display formatters shared by the panels. Pure string work only: no statistics here
 * (the worker and core compute every number the UI shows).
 */

/** "1,234,567" style thousands separators, independent of the browser locale (stable in tests). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Seconds as "42 s", "3 min 05 s" or "1 h 02 min"; "" for unknown or negative input. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${String(m % 60).padStart(2, '0')} min`;
}

/** A loss or score with 3 significant decimals, "–" when missing. */
export function formatLoss(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3);
}

/** A 0..1 share as a percentage with one decimal: 0.1234 -> "12.3%". */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** "adult.csv" -> "adult"; "C:\\x\\data.tsv" -> "data"; "" -> "data". */
export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? '';
  const dot = last.lastIndexOf('.');
  const stem = dot > 0 ? last.slice(0, dot) : last;
  return stem.trim() === '' ? 'data' : stem;
}

/** The download name of the synthetic CSV: `<input>-synthetic.csv` (DESIGN.md, export). */
export function syntheticFileName(inputName: string): string {
  return `${baseName(inputName)}-synthetic.csv`;
}

/** The download name of a saved model: `<input>-model.json`. */
export function modelFileName(inputName: string): string {
  return `${baseName(inputName)}-model.json`;
}
