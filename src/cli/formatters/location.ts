import type { Range } from '../../analysis/types.js';
import type { LintedReply } from './types.js';

/** A point in the source: 1-based line and UTF-16 column, 0-based offset when the origin has one. */
export interface SourcePosition {
  line: number;
  column: number;
  offset?: number;
}

/** Where a range of the reply lies in the source; `end` is the position just after the last character. */
export interface SourceSpan {
  start: SourcePosition;
  end: SourcePosition;
}

/**
 * Map ranges of the reply to lines and columns of its source. Walks the reply once, decoding the
 * source's escapes (JSON `\n`, `\u4e00`; CSV `""`) as it goes, so a finding points at the exact
 * characters of the file even when the reply is written escaped or quoted.
 */
export function locateRanges(entry: LintedReply, ranges: readonly Range[]): SourceSpan[] {
  const length = entry.reply.length;
  const clamp = (index: number) => (index < 0 ? 0 : index > length ? length : index);
  // Every boundary, in order: the reply is walked once however many findings it has.
  const wanted: number[] = [];
  for (const [start, end] of ranges) wanted.push(clamp(start), clamp(end));
  wanted.sort((a, b) => a - b);

  const origin = entry.origin ?? { line: 1, column: 1 };
  const encoding = origin.encoding ?? 'verbatim';
  const verbatim = encoding === 'verbatim' || origin.raw === undefined;
  // A raw text that cannot be the reply's source (a caller's mistake) falls back to the reply itself.
  const raw = verbatim ? entry.reply : (origin.raw ?? entry.reply);
  const rawStep = verbatim
    ? verbatimStep
    : stepFor(encoding === 'json-string' ? 'json-string' : 'csv-quoted');

  const found = new Map<number, SourcePosition>();
  let line = origin.line;
  let column = origin.column;
  let rawIndex = 0;
  let decoded = 0;
  for (const target of wanted) {
    if (found.has(target)) continue;
    while (decoded < target) {
      const inRaw = rawIndex < raw.length;
      const step = inRaw ? rawStep(raw, rawIndex) : 1;
      if ((inRaw ? raw.charCodeAt(rawIndex) : entry.reply.charCodeAt(decoded)) === 10 /* \n */) {
        line += 1;
        column = 1;
      } else column += step;
      rawIndex += step;
      decoded += 1;
    }
    found.set(
      target,
      origin.offset === undefined ? { line, column } : { line, column, offset: origin.offset + rawIndex },
    );
  }
  const start = { line: origin.line, column: origin.column };
  return ranges.map(([a, b]) => ({ start: found.get(clamp(a)) ?? start, end: found.get(clamp(b)) ?? start }));
}

/** How many source characters encode the one UTF-16 unit of the reply starting at `i`. */
type RawStep = (raw: string, i: number) => number;

const verbatimStep: RawStep = () => 1;

const jsonStep: RawStep = (raw, i) => (raw[i] !== '\\' ? 1 : raw[i + 1] === 'u' ? 6 : 2);

const csvStep: RawStep = (raw, i) => (raw[i] === '"' && raw[i + 1] === '"' ? 2 : 1);

function stepFor(encoding: 'json-string' | 'csv-quoted'): RawStep {
  return encoding === 'json-string' ? jsonStep : csvStep;
}
