/** Pure helpers for the compare panel: the request body and the rows recharts and the table want. */
import type { CompareMethod, CompareResult, CompareWorkerEvent } from '../../worker/compare.ts';

export const METHOD_LABELS: Record<CompareMethod, string> = {
  ctgan: 'CTGAN',
  tvae: 'TVAE',
  copula: 'Gaussian copula',
  profile: 'Profile only (no correlations)',
};

export interface CompareForm {
  methods: CompareMethod[];
  epochs: number;
  seed: number;
  target: string;
}

/** The 'compare' request body (without id) for a form; problems as a message, or null. */
export function compareRequest(form: CompareForm): { body: { type: 'compare'; methods: CompareMethod[]; epochs: number; seed: number; target?: string } | null; problem: string | null } {
  if (form.methods.length < 2 || form.methods.length > 3) return { body: null, problem: 'Pick two or three methods to compare.' };
  if (!Number.isInteger(form.epochs) || form.epochs < 1) return { body: null, problem: 'Epochs must be a whole number of at least 1.' };
  return { body: { type: 'compare', methods: form.methods, epochs: form.epochs, seed: form.seed, ...(form.target ? { target: form.target } : {}) }, problem: null };
}

/** One line for a progress event. */
export function progressText(e: Extract<CompareWorkerEvent, { type: 'compare-progress' }>): string {
  const which = `${METHOD_LABELS[e.method]} (${e.index + 1} of ${e.total})`;
  if (e.stage === 'evaluate') return `${which}: scoring`;
  return e.epoch !== undefined ? `${which}: epoch ${e.epoch} of ${e.epochs}` : `${which}: training`;
}

/** Bars per metric, one series per method (higher is better for every metric shown). */
export function chartRows(r: CompareResult): Record<string, string | number>[] {
  const metrics: [string, (m: CompareResult['methods'][number]) => number | null | undefined][] = [
    ['Quality', (m) => m.quality],
    ['Column shapes', (m) => m.shapes],
    ['Pair trends', (m) => m.pairTrends],
    ['Pair trends (trending)', (m) => m.pairTrendsTrending],
    ...(r.target ? ([['TSTR F1', (m) => m.tstrF1]] as [string, (m: CompareResult['methods'][number]) => number | undefined][]) : []),
  ];
  return metrics.map(([metric, get]) => {
    const row: Record<string, string | number> = { metric };
    for (const m of r.methods) {
      const v = get(m);
      row[m.name] = v === null || v === undefined || !Number.isFinite(v) ? 0 : Number(v.toFixed(4));
    }
    return row;
  });
}

export const fmt3 = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(3));
