import { expectString, invalidArgument } from '../arguments.js';
import { HuashuError } from '../errors.js';
import { CharKind, foldCode, foldKind, MULTI, multiFold, SELF } from './fold-table.js';

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

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const SPACE = 0x20;
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Emoji_Modifier}/u;
/** Every astral pictograph and emoji modifier lies in U+1F000–U+1FFFF (tested against the property). */
const PICTOGRAPHIC_FROM = 0x1f000;
const PICTOGRAPHIC_TO = 0x1ffff;
/** 0: not yet known, 1: no, 2: yes — one regex test per distinct code point, not per character. */
const pictographic = new Uint8Array(PICTOGRAPHIC_TO - PICTOGRAPHIC_FROM + 1);
const CHUNK = 4096;
/** Decodes the output buffer in one native call (lone surrogates excepted: it would replace them). */
const utf16Decoder = littleEndianUtf16Decoder();

function littleEndianUtf16Decoder(): { decode(input: Uint16Array): string } | undefined {
  try {
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) return undefined;
    return new TextDecoder('utf-16le', { ignoreBOM: true });
  } catch {
    return undefined;
  }
}

/** Whether the astral code point is an emoji (a ZWJ after it joins an emoji sequence). */
export function isAstralPictographic(codePoint: number): boolean {
  if (codePoint < PICTOGRAPHIC_FROM || codePoint > PICTOGRAPHIC_TO) return false;
  const slot = codePoint - PICTOGRAPHIC_FROM;
  let known = pictographic[slot]!;
  if (known === 0) {
    known = PICTOGRAPHIC.test(String.fromCodePoint(codePoint)) ? 2 : 1;
    pictographic[slot] = known;
  }
  return known === 2;
}

// Scratch buffers reused across calls: normalize() is synchronous and not re-entrant, so one set
// per realm is safe and saves three allocations per message on the hot path.
let outCodes = new Uint16Array(256);
let outStarts = new Int32Array(256);
let outEnds = new Int32Array(256);
let size = 0;
let lastCode = -1;
let pendingSpace = -1;
/** A lone surrogate was emitted (the native decoder would replace it with U+FFFD). */
let loneSurrogate = false;

function ensureCapacity(extra: number): void {
  if (size + extra <= outCodes.length) return;
  const capacity = Math.max(outCodes.length * 2, size + extra + 16);
  const codes = new Uint16Array(capacity);
  codes.set(outCodes.subarray(0, size));
  outCodes = codes;
  const starts = new Int32Array(capacity);
  starts.set(outStarts.subarray(0, size));
  outStarts = starts;
  const ends = new Int32Array(capacity);
  ends.set(outEnds.subarray(0, size));
  outEnds = ends;
}

function push(code: number, start: number, end: number): void {
  if (pendingSpace >= 0) {
    const spaceAt = pendingSpace;
    pendingSpace = -1;
    if (size > 0) push(SPACE, spaceAt, spaceAt + 1);
  }
  // Capacity is reserved by normalize(): one output per input unit, plus each expansion's extra.
  outCodes[size] = code;
  outStarts[size] = start;
  outEnds[size] = end;
  size++;
  lastCode = code;
}

/** Emit one BMP unit that is already folded; applies the space and punctuation collapsing. */
function emitFolded(code: number, start: number, end: number): void {
  const kind = code < 0x80 ? asciiKind(code) : foldKind(code);
  if (kind === CharKind.Keep) {
    push(code, start, end);
  } else if (kind === CharKind.Space) {
    if (pendingSpace < 0) pendingSpace = start;
  } else if (kind === CharKind.Punct) {
    if (code === lastCode && pendingSpace < 0)
      outEnds[size - 1] = end; // the run maps to the whole run
    else push(code, start, end);
  }
}

function asciiKind(code: number): CharKind {
  if (code <= 0x20 || code === 0x7f)
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? CharKind.Space : CharKind.Drop;
  // Letters and digits are kept; everything else printable in ASCII is punctuation or a symbol.
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))
    return CharKind.Keep;
  return code === 0x2b || code === 0x3c || code === 0x3d || code === 0x3e || code === 0x24
    ? CharKind.Keep
    : CharKind.Punct;
}

function decode(): string {
  if (utf16Decoder !== undefined && !loneSurrogate && size > 64)
    return utf16Decoder.decode(outCodes.subarray(0, size));
  if (size <= CHUNK)
    return String.fromCharCode.apply(null, outCodes.subarray(0, size) as unknown as number[]);
  let text = '';
  for (let from = 0; from < size; from += CHUNK) {
    const part = outCodes.subarray(from, Math.min(size, from + CHUNK));
    text += String.fromCharCode.apply(null, part as unknown as number[]);
  }
  return text;
}

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
  const length = original.length;
  size = 0;
  lastCode = -1;
  pendingSpace = -1;
  loneSurrogate = false;
  let lastWasPictographic = false;
  ensureCapacity(length + 8);

  let i = 0;
  while (i < length) {
    const code = original.charCodeAt(i);
    if (code < 0x80) {
      // ASCII fast path: lower-case letters, everything else by class.
      emitFolded(code >= 0x41 && code <= 0x5a ? code + 32 : code, i, i + 1);
      lastWasPictographic = false;
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // Astral characters (and lone surrogates) are kept intact.
      const next = i + 1 < length ? original.charCodeAt(i + 1) : 0;
      const pair = code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      const end = pair ? i + 2 : i + 1;
      push(code, i, end);
      if (pair) push(next, i, end);
      else loneSurrogate = true;
      lastWasPictographic = pair && isAstralPictographic(((code - 0xd800) << 10) + next - 0xdc00 + 0x10000);
      i = end;
    } else if (code === ZWJ) {
      // Inside an emoji sequence (👨‍👩‍👧) the joiner is part of the emoji; elsewhere it is noise.
      if (lastWasPictographic && pendingSpace < 0) push(code, i, i + 1);
      lastWasPictographic = false;
      i++;
    } else if (code === VS16 || (code >= 0x2600 && code <= 0x27bf)) {
      // The emoji variation selector and BMP emoji (☀, ✅, ❤) stay as typed.
      push(code, i, i + 1);
      lastWasPictographic = true;
      i++;
    } else {
      const fold = foldCode(code);
      if (fold === SELF) {
        emitFolded(code, i, i + 1);
      } else if (fold !== MULTI) {
        emitFolded(fold, i, i + 1);
      } else {
        const expansion = multiFold(code);
        // The expansion's extra units, and still one per remaining input unit (and a pending space).
        ensureCapacity(expansion.length + (length - i) + 8);
        for (let k = 0; k < expansion.length; k++) {
          // Fold each produced character once more so a second normalize() changes nothing.
          const part = expansion.charCodeAt(k);
          const partFold = foldCode(part);
          emitFolded(partFold >= 0 ? partFold : part, i, i + 1);
        }
      }
      lastWasPictographic = false;
      i++;
    }
  }
  // A trailing white-space run is never flushed (trim); a leading one is skipped because size was 0.
  return {
    original,
    text: decode(),
    starts: outStarts.slice(0, size),
    ends: outEnds.slice(0, size),
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
