/**
 * Sniffing the dialect from the start of a file: delimiter, line break, header row.
 */
import { numberDecimals } from './number-text.ts';

/** Delimiters tried by auto-detection, in order of preference on a tie. */
export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/** How much of the file's start the dialect is sniffed from (the same for every chunking). */
export const SNIFF_CHARS = 65_536;

/** Lines of the sample used for delimiter detection. */
const SNIFF_LINES = 30;

/** `sample` with every quoted section removed (an open quote runs to the end). */
function stripQuoted(sample: string): string {
  return sample.replace(/"(?:[^"]|"")*"/g, '').replace(/"[^]*$/, '');
}

/**
 * The delimiter that splits the first lines most consistently, ignoring text inside quotes.
 * A candidate must occur on the first line; the winner has the largest share of lines with the
 * same count as the first line, then the largest count, then the earliest place in
 * CANDIDATE_DELIMITERS. A file with none of them is one column (comma).
 *
 * `complete` says whether `sample` is the whole file; if not, its last line may be cut short and
 * is ignored.
 */
export function detectDelimiter(sample: string, complete = true): string {
  const lines = stripQuoted(sample).split(/\r\n|\n|\r/);
  if (!complete && lines.length > 1) lines.pop();
  const used = lines.filter((l) => l.trim() !== '').slice(0, SNIFF_LINES);
  if (used.length === 0) return ',';
  let best = ',';
  let bestShare = -1;
  let bestCount = 0;
  for (const d of CANDIDATE_DELIMITERS) {
    const counts = used.map((l) => l.split(d).length - 1);
    const first = counts[0]!;
    if (first === 0) continue;
    const share = counts.filter((c) => c === first).length / counts.length;
    if (share > bestShare || (share === bestShare && first > bestCount)) {
      best = d;
      bestShare = share;
      bestCount = first;
    }
  }
  return best;
}

/** The line break of the first line outside quotes: '\r\n', '\n' or '\r' ('\n' when none). */
export function detectNewline(sample: string): '\r\n' | '\n' | '\r' {
  const s = stripQuoted(sample);
  const lf = s.indexOf('\n');
  const cr = s.indexOf('\r');
  if (cr === -1) return '\n';
  if (lf === -1 || cr < lf) return s[cr + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/**
 * Whether a first row (trimmed cells) reads as a header. It does unless it looks like data: every
 * non-empty cell is a number and at least one cell is non-empty (a row "1,2,3" is data, while
 * "id,2020,2021" is a header). Column names that are all numbers are the cost of this rule; pass
 * `header: true` for such files.
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
  let numbers = 0;
  for (const c of cells) {
    if (c === '') continue;
    if (numberDecimals(c) < 0) return true;
    numbers++;
  }
  return numbers === 0;
}
