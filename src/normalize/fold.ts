import { CharKind, foldCode, foldKind, MULTI, multiFold, SELF } from './fold-table.js';

/**
 * The fold of `normalize()`, written once: NFKC, traditional → simplified, lower case; zero-width
 * and control characters dropped; white-space runs collapsed to one space, a run of one
 * punctuation mark to one mark; trimmed. `normalize()` decodes the buffer into a string; the
 * linter's skeleton reads the units straight from it.
 */

/**
 * Growable arrays a text is folded into: `codes[i]` came from `original.slice(starts[i], ends[i])`.
 * Reused from text to text: folding allocates nothing once the arrays are large enough.
 */
export class FoldBuffer {
  codes = new Uint16Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  size = 0;
  /** The folded text holds a lone surrogate (the native decoder would replace it). */
  lone = false;
  /** The folded text has an ASCII digit or an @. */
  digitOrAt = false;
  lastCode = -1;
  /** Original offset of a white-space run not yet emitted, or -1. */
  pendingSpace = -1;

  reserve(capacity: number): void {
    if (capacity <= this.codes.length) return;
    const size = Math.max(capacity, this.codes.length * 2);
    const codes = new Uint16Array(size);
    codes.set(this.codes.subarray(0, this.size));
    const starts = new Int32Array(size);
    starts.set(this.starts.subarray(0, this.size));
    const ends = new Int32Array(size);
    ends.set(this.ends.subarray(0, this.size));
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }

  /** Give a huge text's arrays back before folding a short one. */
  shrinkFor(length: number): void {
    if (this.codes.length <= KEEP_CAPACITY || length * 2 >= KEEP_CAPACITY) return;
    this.codes = new Uint16Array(64);
    this.starts = new Int32Array(64);
    this.ends = new Int32Array(64);
  }
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Emoji_Modifier}/u;
/** Every astral pictograph and emoji modifier lies in U+1F000–U+1FFFF (tested against the property). */
const PICTOGRAPHIC_FROM = 0x1f000;
const PICTOGRAPHIC_TO = 0x1ffff;
/** 0: not yet known, 1: no, 2: yes — one regex test per distinct code point, not per character. */
const pictographic = new Uint8Array(PICTOGRAPHIC_TO - PICTOGRAPHIC_FROM + 1);

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

/** Past this many units a buffer's arrays are not kept for a short text. */
const KEEP_CAPACITY = 1 << 16;
const SPACE = 0x20;
const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const DECODE_CHUNK = 4096;
/** From this many units a native decoder is faster than building the string from char codes. */
const NATIVE_DECODE_FROM = 64;
/** Decodes a buffer in one native call (not lone surrogates: it would replace them). */
const utf16Decoder = littleEndianUtf16Decoder();

function littleEndianUtf16Decoder(): { decode(input: Uint16Array): string } | undefined {
  try {
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) return undefined;
    return new TextDecoder('utf-16le', { ignoreBOM: true });
  } catch {
    return undefined;
  }
}

/** The string of `codes[0, size)`; `lone`: it may hold a lone surrogate. */
export function decodeUnits(codes: Uint16Array, size: number, lone: boolean): string {
  if (size > NATIVE_DECODE_FROM && !lone && utf16Decoder !== undefined)
    return utf16Decoder.decode(codes.subarray(0, size));
  if (size <= DECODE_CHUNK)
    return String.fromCharCode.apply(null, codes.subarray(0, size) as unknown as number[]);
  let out = '';
  for (let from = 0; from < size; from += DECODE_CHUNK)
    out += String.fromCharCode.apply(
      null,
      codes.subarray(from, Math.min(size, from + DECODE_CHUNK)) as unknown as number[],
    );
  return out;
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

/** `asciiKind` of every ASCII code unit, looked up once per character. */
const ASCII_KINDS = Uint8Array.from({ length: 0x80 }, (_, code) => asciiKind(code));

/** Emits one folded unit the slow way (the parts of an expansion). */
function emitFolded(b: FoldBuffer, code: number, start: number, end: number): void {
  const kind = code < 0x80 ? (ASCII_KINDS[code] as CharKind) : foldKind(code);
  if (kind === CharKind.Space) {
    if (b.pendingSpace < 0) b.pendingSpace = start;
    return;
  }
  if (kind === CharKind.Drop) return;
  if (kind === CharKind.Punct && code === b.lastCode && b.pendingSpace < 0) {
    b.ends[b.size - 1] = end; // the run maps to the whole run
    return;
  }
  if (b.pendingSpace >= 0) {
    if (b.size > 0) {
      b.codes[b.size] = SPACE;
      b.starts[b.size] = b.pendingSpace;
      b.ends[b.size] = b.pendingSpace + 1;
      b.size++;
    }
    b.pendingSpace = -1;
  }
  if ((code >= 0x30 && code <= 0x39) || code === 0x40) b.digitOrAt = true;
  b.codes[b.size] = code;
  b.starts[b.size] = start;
  b.ends[b.size] = end;
  b.size++;
  b.lastCode = code;
}

/**
 * Folds `original` into `b` (from its start). A character that expands to several (ﬁ, ㎏, ½) is
 * rare: `foldRun` stops before it and it is emitted here the slow way, so the run's arrays never
 * change under it. A trailing white-space run is never emitted (trim); a leading one neither.
 */
export function foldInto(b: FoldBuffer, original: string): void {
  const length = original.length;
  b.size = 0;
  b.lone = false;
  b.digitOrAt = false;
  b.lastCode = -1;
  b.pendingSpace = -1;
  b.reserve(length + 8);
  let i = foldRun(b, original, 0);
  while (i < length) {
    const expansion = multiFold(original.charCodeAt(i));
    // The expansion's extra units, and still one per remaining input unit (and a pending space).
    b.reserve(b.size + expansion.length + (length - i) + 8);
    for (let k = 0; k < expansion.length; k++) {
      // Each produced character is folded once more, so a second normalize() changes nothing.
      const part = expansion.charCodeAt(k);
      const partFold = foldCode(part);
      emitFolded(b, partFold >= 0 ? partFold : part, i, i + 1);
    }
    i = foldRun(b, original, i + 1);
  }
}

/**
 * Folds `original` from `from` until its end or a character that expands to several, and returns
 * where it stopped. The state lives in locals and the emit step is written out in the loop: a
 * reply is folded once per lint, up to a megabyte at a time, and per-character calls and object
 * writes made this the largest part of linting a long reply. Needs room for `original.length -
 * from` more units.
 */
function foldRun(b: FoldBuffer, original: string, from: number): number {
  const length = original.length;
  const codes = b.codes;
  const starts = b.starts;
  const ends = b.ends;
  let size = b.size;
  let lastCode = b.lastCode;
  let pendingSpace = b.pendingSpace;
  let digitOrAt = b.digitOrAt;
  let lone = b.lone;
  // An expansion is never pictographic, so a run starts after one as after any other character.
  let lastWasPictographic = false;
  /** The low unit of a surrogate pair, emitted right after its high unit; -1 when none. */
  let low = -1;
  let i = from;
  while (i < length) {
    let code = original.charCodeAt(i);
    const start = i;
    let end = i + 1;
    let kind: CharKind;
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) code += 32;
      kind = ASCII_KINDS[code] as CharKind;
      lastWasPictographic = false;
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // Astral characters (and lone surrogates) are kept intact: the high unit goes through the
      // emit below, the low one right after it.
      const next = i + 1 < length ? original.charCodeAt(i + 1) : 0;
      const pair = code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      if (pair) {
        end = i + 2;
        low = next;
      } else lone = true;
      kind = CharKind.Keep;
      lastWasPictographic = pair && isAstralPictographic(((code - 0xd800) << 10) + next - 0xdc00 + 0x10000);
      i = end;
    } else if (code === ZWJ) {
      // Inside an emoji sequence the joiner is part of the emoji; elsewhere it is noise.
      const keep = lastWasPictographic && pendingSpace < 0;
      lastWasPictographic = false;
      i++;
      if (!keep) continue;
      kind = CharKind.Keep;
    } else if (code === VS16 || (code >= 0x2600 && code <= 0x27bf)) {
      kind = CharKind.Keep;
      lastWasPictographic = true;
      i++;
    } else {
      const folded = foldCode(code);
      if (folded === MULTI) break;
      if (folded !== SELF) code = folded;
      kind = code < 0x80 ? (ASCII_KINDS[code] as CharKind) : foldKind(code);
      lastWasPictographic = false;
      i++;
    }
    if (kind === CharKind.Space) {
      if (pendingSpace < 0) pendingSpace = start;
      continue;
    }
    if (kind === CharKind.Drop) continue;
    if (kind === CharKind.Punct && code === lastCode && pendingSpace < 0) {
      ends[size - 1] = end;
      continue;
    }
    if (pendingSpace >= 0) {
      if (size > 0) {
        codes[size] = SPACE;
        starts[size] = pendingSpace;
        ends[size] = pendingSpace + 1;
        size++;
      }
      pendingSpace = -1;
    }
    if ((code >= 0x30 && code <= 0x39) || code === 0x40) digitOrAt = true;
    codes[size] = code;
    starts[size] = start;
    ends[size] = end;
    size++;
    lastCode = code;
    if (low >= 0) {
      codes[size] = low;
      starts[size] = start;
      ends[size] = end;
      size++;
      lastCode = low;
      low = -1;
    }
  }
  b.size = size;
  b.lone = lone;
  b.digitOrAt = digitOrAt;
  b.lastCode = lastCode;
  b.pendingSpace = pendingSpace;
  return i;
}

/**
 * One fold that takes every branch, at load: the type feedback is then complete before a long text
 * gets the loop optimised mid-call. Otherwise the optimised code, compiled before the code after
 * the loop ever ran, bails out at the loop's end on every long text, and the next one starts
 * unoptimised again (measured: 2–3× slower per megabyte).
 */
foldInto(
  new FoldBuffer(),
  "Ab 1.5, don't!! 您好亲，母亲吧。\u200b\ufb01 😀\u200d👩\ufe0f ✅ \ud800x 好\t\n@",
);
