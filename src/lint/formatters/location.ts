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
  const wanted = [...new Set(ranges.flat())]
    .map((index) => Math.max(0, Math.min(entry.reply.length, index)))
    .sort((a, b) => a - b);
  const found = new Map<number, SourcePosition>();
  const origin = entry.origin ?? { line: 1, column: 1 };
  const encoding = origin.encoding ?? 'verbatim';
  // A raw text that cannot be the reply's source (a caller's mistake) falls back to the reply itself.
  const raw = encoding === 'verbatim' || origin.raw === undefined ? entry.reply : origin.raw;
  const rawStep = encoding === 'verbatim' || origin.raw === undefined ? verbatimStep : stepFor(encoding);

  let line = origin.line;
  let column = origin.column;
  let rawIndex = 0;
  let decoded = 0;
  const at = (): SourcePosition =>
    origin.offset === undefined ? { line, column } : { line, column, offset: origin.offset + rawIndex };

  for (const target of wanted) {
    while (decoded < target) {
      const step = rawIndex < raw.length ? rawStep(raw, rawIndex) : 1;
      const char = rawIndex < raw.length ? raw[rawIndex] : entry.reply[decoded];
      if (char === '\n') {
        line += 1;
        column = 1;
      } else column += step;
      rawIndex += step;
      decoded += 1;
    }
    found.set(target, at());
  }
  const get = (index: number) =>
    found.get(Math.max(0, Math.min(entry.reply.length, index))) ?? {
      line: origin.line,
      column: origin.column,
    };
  return ranges.map(([start, end]) => ({ start: get(start), end: get(end) }));
}

/** How many source characters encode the one UTF-16 unit of the reply starting at `i`. */
type RawStep = (raw: string, i: number) => number;

const verbatimStep: RawStep = () => 1;

const jsonStep: RawStep = (raw, i) => (raw[i] !== '\\' ? 1 : raw[i + 1] === 'u' ? 6 : 2);

const csvStep: RawStep = (raw, i) => (raw[i] === '"' && raw[i + 1] === '"' ? 2 : 1);

function stepFor(encoding: 'json-string' | 'csv-quoted'): RawStep {
  return encoding === 'json-string' ? jsonStep : csvStep;
}
