import { expectString, invalidArgument } from '../arguments.js';
import { HuashuError } from '../errors.js';
import { decodeUnits, FoldBuffer, foldInto } from './fold.js';

export { isAstralPictographic } from './fold.js';

/**
 * Text folded for matching, with a map back to the original.
 *
 * `starts[i]` / `ends[i]` are the UTF-16 range in `original` that produced `text[i]`, so a match
 * `[a, b)` in `text` is `[starts[a], ends[b - 1])` in the original (see `toOriginalRange`).
 */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

// One buffer per realm: normalize() is synchronous and not re-entrant, and its arrays are copied
// out, so reusing it saves three allocations per message on the hot path.
const buffer = new FoldBuffer();

/**
 * Fold `input` for matching: NFKC (full-width → half-width), traditional → simplified Chinese,
 * lower case; drop zero-width and control characters; collapse white space to one space and a
 * run of the same punctuation mark to one; trim. Emoji and astral characters are kept as they are.
 * Never throws on a string, whatever it holds; `normalize(normalize(x).text).text === normalize(x).text`.
 * Throws `HuashuError` `INVALID_INPUT` when `input` is not a string (no `String(null)` coercion).
 */
export function normalize(input: string): NormalizedText {
  const original =
    typeof input === 'string'
      ? input
      : expectString(input, 'normalize(text)', 'text', 'the text to fold, as a string');
  buffer.shrinkFor(original.length);
  foldInto(buffer, original);
  const size = buffer.size;
  return {
    original,
    text: decodeUnits(buffer.codes, size, buffer.lone),
    starts: buffer.starts.slice(0, size),
    ends: buffer.ends.slice(0, size),
  };
}

/** Map a half-open range in the normalised text to the original text. */
export function toOriginalRange(normalized: NormalizedText, start: number, end: number): [number, number] {
  const size = normalized.text.length;
  if (size === 0) return [0, 0];
  const s = Math.max(0, Math.min(start, size - 1));
  const e = Math.max(s + 1, Math.min(end, size));
  const from = normalized.starts[s] ?? 0;
  const to = normalized.ends[e - 1] ?? normalized.original.length;
  return [from, Math.max(from, to)];
}

const RANGE_CALL = 'toOriginalRange(normalized, start, end)';

/** Whether `value` has the shape `normalize()` returns (text, original, starts and ends of the text's length). */
export function isNormalizedText(value: unknown): value is NormalizedText {
  if (typeof value !== 'object' || value === null) return false;
  const n = value as Partial<NormalizedText>;
  return (
    typeof n.text === 'string' &&
    typeof n.original === 'string' &&
    ArrayBuffer.isView(n.starts) &&
    ArrayBuffer.isView(n.ends) &&
    n.starts.length === n.text.length &&
    n.ends.length === n.text.length
  );
}

/**
 * `toOriginalRange` for callers: checks that `normalized` is what `normalize()` returned and that
 * `[start, end)` is a range of its text (integers, `0 <= start <= end <= text.length`), throwing
 * `HuashuError` `INVALID_INPUT` otherwise. An empty range maps to the empty range where it stands.
 */
export function checkedToOriginalRange(
  normalized: NormalizedText,
  start: number,
  end: number,
): [number, number] {
  if (!isNormalizedText(normalized))
    throw invalidArgument(
      'INVALID_INPUT',
      RANGE_CALL,
      'normalized',
      'the object normalize(text) returned',
      normalized,
    );
  const size = normalized.text.length;
  for (const [name, value] of [
    ['start', start],
    ['end', end],
  ] as const)
    if (!Number.isInteger(value))
      throw invalidArgument(
        'INVALID_INPUT',
        RANGE_CALL,
        name,
        `an integer offset in normalized.text (0 to ${size})`,
        value,
      );
  if (start < 0 || end < start || end > size) {
    const message = `expected 0 <= start <= end <= ${size} (a range of normalized.text), got [${start}, ${end}]`;
    throw new HuashuError('INVALID_INPUT', `Invalid ${RANGE_CALL}: ${message}.`, {
      issues: [{ path: start < 0 || end < start ? 'start' : 'end', message }],
    });
  }
  if (start === end) {
    const at =
      start < size ? (normalized.starts[start] ?? 0) : size === 0 ? 0 : (normalized.ends[size - 1] ?? 0);
    return [at, at];
  }
  return toOriginalRange(normalized, start, end);
}
