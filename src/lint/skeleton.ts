import { CharKind, foldCode, foldKind, MULTI, multiFold, SELF } from '../normalize/fold-table.js';
import { isAstralPictographic, type NormalizedText } from '../normalize/normalize.js';

/**
 * What separated a skeleton character from the one before it, once noise was removed. Gaps and
 * context windows stop at sentence breaks; `at: clause-end` needs at least a clause break;
 * Latin patterns need a word break (or a non-Latin neighbour) at both ends.
 */
export const enum Break {
  None = 0,
  /** White space next to a Latin letter or digit: a word boundary, not a clause boundary. */
  Word = 1,
  /** Comma-like punctuation, symbols, emoji, or white space next to Chinese text. */
  Clause = 2,
  /** 。 . ! ? ; and the start / end of the reply. */
  Sentence = 3,
}

/**
 * The characters the skeleton treats specially (rules/lint/skeleton.json), in folded form: the
 * sentence particles it drops, the address 亲 (dropped unless it is part of a word), the
 * characters it folds further (您 → 你), the marks that end a sentence and the symbols it keeps.
 */
export interface SkeletonAlphabet {
  particles: string;
  address: { character: string; wordWithNext: string; wordWithPrevious: string };
  folds: Record<string, string>;
  sentenceMarks: string;
  keptSymbols: string;
}

/**
 * The reply folded (see `normalize`) with spaces, punctuation and sentence particles removed and
 * 您 folded to 你, so "您 , 到 XX 部门问问吧" and "你到XX部门问问" have the same skeleton.
 * `breaks[i]` is the `Break` before `text[i]` (`breaks[text.length]`: the one after the last
 * character); `text[i]` was `original.slice(starts[i], ends[i])`, and is `normalized.text[toNormalized[i]]`
 * folded once more. A linter's reply skeleton is valid while that reply is being linted.
 */
export interface Skeleton {
  readonly original: string;
  readonly text: string;
  readonly breaks: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly toNormalized: Int32Array;
  /** The reply as `normalize()` folds it; computed when first asked for. */
  readonly normalized: NormalizedText;
}

const enum Kind {
  Unknown = 0,
  /** Kept as is (Han, kana, letters of other scripts). */
  Keep = 1,
  /** Latin letter or digit: kept, and word boundaries matter around it. */
  Word = 2,
  Space = 3,
  ClausePunct = 4,
  SentencePunct = 5,
  /** A sentence particle: dropped without a break, so it can sit inside a phrase. */
  Particle = 6,
  /** ' ’ between two letters (don't) is part of the word. */
  Apostrophe = 7,
  /** Kept, as another character (您 → 你). */
  Folded = 8,
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}\p{M}]$/u;

/** The classes that do not depend on the alphabet. */
function baseKind(code: number): Kind {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return Kind.Word;
  if (code === 0x20) return Kind.Space;
  if (code === 0x27 || code === 0x2019) return Kind.Apostrophe;
  if (code >= 0xd800 && code <= 0xdfff) return Kind.ClausePunct; // emoji and other astral symbols
  if (code === 0x2d || code === 0x2010 || code === 0x2011) return Kind.Space; // hyphens: a word gap
  // Other Latin-script letters (é, ß) behave like a-z for word boundaries.
  if (LETTER_OR_NUMBER.test(String.fromCharCode(code))) return code < 0x2e80 ? Kind.Word : Kind.Keep;
  return Kind.ClausePunct;
}

const baseKinds = new Uint8Array(0x10000);

/**
 * A Latin letter or digit (in folded text): word boundaries are checked around such characters.
 * The alphabet never changes it (its characters are Han, punctuation or symbols).
 */
export function isWordCode(code: number): boolean {
  let kind = baseKinds[code] as Kind;
  if (kind === Kind.Unknown) baseKinds[code] = kind = baseKind(code);
  return kind === Kind.Word;
}

function codeSet(characters: string): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i < characters.length; i++) set.add(characters.charCodeAt(i));
  return set;
}

/**
 * Growable scratch arrays a reply is read into: the folded text, then the skeleton. A linter
 * owns one, so reading a reply allocates nothing but the skeleton's string; a skeleton read into
 * it is valid until the next read into it.
 */
export class SkeletonScratch {
  foldedCodes = new Uint16Array(64);
  foldedStarts = new Int32Array(64);
  foldedEnds = new Int32Array(64);
  foldedSize = 0;
  /** The folded text holds a lone surrogate. */
  foldedLone = false;
  lastCode = -1;
  /** Original offset of a white-space run not yet emitted, or -1. */
  pendingSpace = -1;

  codes = new Uint16Array(64);
  breaks = new Uint8Array(65);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  toFolded = new Int32Array(64);
  size = 0;
  /** The skeleton holds a surrogate (only an alphabet symbol could put one there). */
  surrogates = false;
  /** The folded text has an ASCII digit or an @. */
  digitOrAt = false;
  /** Bumped by every read, so a skeleton knows whether these arrays are still its own. */
  generation = 0;

  reserveFolded(capacity: number): void {
    if (capacity <= this.foldedCodes.length) return;
    const size = Math.max(capacity, this.foldedCodes.length * 2);
    const codes = new Uint16Array(size);
    codes.set(this.foldedCodes.subarray(0, this.foldedSize));
    const starts = new Int32Array(size);
    starts.set(this.foldedStarts.subarray(0, this.foldedSize));
    const ends = new Int32Array(size);
    ends.set(this.foldedEnds.subarray(0, this.foldedSize));
    this.foldedCodes = codes;
    this.foldedStarts = starts;
    this.foldedEnds = ends;
  }

  reserveSkeleton(capacity: number): void {
    if (capacity <= this.codes.length) return;
    this.codes = new Uint16Array(capacity);
    this.breaks = new Uint8Array(capacity + 1);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.toFolded = new Int32Array(capacity);
  }

  /** Give a huge reply's arrays back before reading a short one. */
  shrinkFor(length: number): void {
    if (this.foldedCodes.length <= KEEP_CAPACITY || length * 2 >= KEEP_CAPACITY) return;
    this.foldedCodes = new Uint16Array(64);
    this.foldedStarts = new Int32Array(64);
    this.foldedEnds = new Int32Array(64);
    this.codes = new Uint16Array(64);
    this.breaks = new Uint8Array(65);
    this.starts = new Int32Array(64);
    this.ends = new Int32Array(64);
    this.toFolded = new Int32Array(64);
  }
}

/** Every kind of character the fold and the skeleton treat apart (see `SkeletonReader`'s constructor). */
const WARM_UP_TEXT = "Ab 1.5, don't!! 您好亲，母亲吧。\u200b\ufb01 😀\u200d👩\ufe0f ✅ \ud800x 好\t\n";

/** Past this many characters a reader's scratch arrays are not kept for the next reply. */
const KEEP_CAPACITY = 1 << 16;
const SPACE = 0x20;
const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const DOT = 0x2e;
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
function decode(codes: Uint16Array, size: number, lone: boolean): string {
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
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))
    return CharKind.Keep;
  return code === 0x2b || code === 0x3c || code === 0x3d || code === 0x3e || code === 0x24
    ? CharKind.Keep
    : CharKind.Punct;
}

// The fold below is `normalize()`'s, unit for unit (test/lint/skeleton.test.ts proves the folded
// text, its offsets and the skeleton equal normalize() + the two-step skeleton on any string), kept
// in scratch arrays so a reply is read in one pass and its folded text is only decoded when a rule
// asks for it.

function pushFolded(b: SkeletonScratch, code: number, start: number, end: number): void {
  if (b.pendingSpace >= 0) {
    const spaceAt = b.pendingSpace;
    b.pendingSpace = -1;
    if (b.foldedSize > 0) pushFolded(b, SPACE, spaceAt, spaceAt + 1);
  }
  const at = b.foldedSize;
  if ((code >= 0x30 && code <= 0x39) || code === 0x40) b.digitOrAt = true;
  b.foldedCodes[at] = code;
  b.foldedStarts[at] = start;
  b.foldedEnds[at] = end;
  b.foldedSize = at + 1;
  b.lastCode = code;
}

function emitFolded(b: SkeletonScratch, code: number, start: number, end: number): void {
  const kind = code < 0x80 ? asciiKind(code) : foldKind(code);
  if (kind === CharKind.Keep) pushFolded(b, code, start, end);
  else if (kind === CharKind.Space) {
    if (b.pendingSpace < 0) b.pendingSpace = start;
  } else if (kind === CharKind.Punct) {
    if (code === b.lastCode && b.pendingSpace < 0) b.foldedEnds[b.foldedSize - 1] = end;
    else pushFolded(b, code, start, end);
  }
}

/** `asciiKind` of every ASCII code unit, looked up once per character. */
const ASCII_KINDS = Uint8Array.from({ length: 0x80 }, (_, code) => asciiKind(code));

/**
 * `normalize()`'s fold into `b`'s folded arrays. A character that expands to several (ﬁ, ㎏, ½)
 * is rare: `foldRun` stops before it and it is emitted here the slow way, so the run's arrays
 * never change under it.
 */
function fold(b: SkeletonScratch, original: string): void {
  const length = original.length;
  b.foldedSize = 0;
  b.foldedLone = false;
  b.digitOrAt = false;
  b.lastCode = -1;
  b.pendingSpace = -1;
  b.reserveFolded(length + 8);
  let i = foldRun(b, original, 0);
  while (i < length) {
    const expansion = multiFold(original.charCodeAt(i));
    b.reserveFolded(b.foldedSize + expansion.length + (length - i) + 8);
    for (let k = 0; k < expansion.length; k++) {
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
function foldRun(b: SkeletonScratch, original: string, from: number): number {
  const length = original.length;
  const codes = b.foldedCodes;
  const starts = b.foldedStarts;
  const ends = b.foldedEnds;
  let size = b.foldedSize;
  let lastCode = b.lastCode;
  let pendingSpace = b.pendingSpace;
  let digitOrAt = b.digitOrAt;
  let lone = b.foldedLone;
  // An expansion is never pictographic, so a run starts after one as after any other character.
  let lastWasPictographic = false;
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
      const next = i + 1 < length ? original.charCodeAt(i + 1) : 0;
      const pair = code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      if (pair) end = i + 2;
      else lone = true;
      if (pendingSpace >= 0) {
        if (size > 0) {
          codes[size] = SPACE;
          starts[size] = pendingSpace;
          ends[size] = pendingSpace + 1;
          size++;
        }
        pendingSpace = -1;
      }
      codes[size] = code;
      starts[size] = start;
      ends[size] = end;
      size++;
      lastCode = code;
      if (pair) {
        codes[size] = next;
        starts[size] = start;
        ends[size] = end;
        size++;
        lastCode = next;
      }
      lastWasPictographic = pair && isAstralPictographic(((code - 0xd800) << 10) + next - 0xdc00 + 0x10000);
      i = end;
      continue;
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
  }
  b.foldedSize = size;
  b.foldedLone = lone;
  b.digitOrAt = digitOrAt;
  b.lastCode = lastCode;
  b.pendingSpace = pendingSpace;
  return i;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A skeleton read into a scratch: its string and arrays are made from the scratch when first asked for. */
class ReadSkeleton implements Skeleton {
  private textValue: string | undefined;
  private normalizedText: NormalizedText | undefined;
  private breaksView: Uint8Array | undefined;
  private startsView: Int32Array | undefined;
  private endsView: Int32Array | undefined;
  private toNormalizedView: Int32Array | undefined;

  constructor(
    private readonly reader: SkeletonReader,
    private scratch: SkeletonScratch,
    private generation: number,
    readonly original: string,
    /** `text.length`, known before the string is made. */
    readonly length: number,
    readonly digitOrAt: boolean,
  ) {}

  /** The scratch's code units while they are this skeleton's. */
  get units(): Uint16Array | undefined {
    return this.scratch.generation === this.generation ? this.scratch.codes : undefined;
  }

  get text(): string {
    const b = this.arrays;
    return (this.textValue ??= decode(b.codes, this.length, b.surrogates));
  }

  /** This skeleton's scratch; when it was read into again since, the text is read again into a new one. */
  private get arrays(): SkeletonScratch {
    if (this.scratch.generation !== this.generation) {
      const own = new SkeletonScratch();
      this.reader.fill(own, this.original);
      this.scratch = own;
      this.generation = own.generation;
    }
    return this.scratch;
  }

  get breaks(): Uint8Array {
    return (this.breaksView ??= this.arrays.breaks.subarray(0, this.length + 1));
  }

  get starts(): Int32Array {
    return (this.startsView ??= this.arrays.starts.subarray(0, this.length));
  }

  get ends(): Int32Array {
    return (this.endsView ??= this.arrays.ends.subarray(0, this.length));
  }

  get toNormalized(): Int32Array {
    return (this.toNormalizedView ??= this.arrays.toFolded.subarray(0, this.length));
  }

  get normalized(): NormalizedText {
    if (this.normalizedText === undefined) {
      const b = this.arrays;
      this.normalizedText = {
        original: this.original,
        text: decode(b.foldedCodes, b.foldedSize, b.foldedLone),
        starts: b.foldedStarts.slice(0, b.foldedSize),
        ends: b.foldedEnds.slice(0, b.foldedSize),
      };
    }
    return this.normalizedText;
  }
}

/**
 * Reads texts into skeletons with one alphabet: the text is folded as `normalize()` folds it and
 * skeletonised in the same call, into scratch arrays (no allocation per text but the skeleton's
 * string; its arrays and folded text are views made when a rule asks for them).
 */
export class SkeletonReader {
  private readonly kinds = new Uint8Array(0x10000);
  private readonly particles: ReadonlySet<number>;
  private readonly sentenceMarks: ReadonlySet<number>;
  private readonly keptSymbols: ReadonlySet<number>;
  private readonly folds: ReadonlyMap<number, number>;
  private readonly address: number;
  private readonly addressWordWithNext: ReadonlySet<number>;
  private readonly addressWordWithPrevious: ReadonlySet<number>;
  /** For phrase literals and one-off texts (matchText): read and used at once. */
  private readonly aside = new SkeletonScratch();

  constructor(alphabet: SkeletonAlphabet) {
    this.particles = codeSet(alphabet.particles);
    this.sentenceMarks = codeSet(alphabet.sentenceMarks);
    this.keptSymbols = codeSet(alphabet.keptSymbols);
    this.folds = new Map(
      Object.entries(alphabet.folds).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]),
    );
    this.address = alphabet.address.character.charCodeAt(0);
    this.addressWordWithNext = codeSet(alphabet.address.wordWithNext);
    this.addressWordWithPrevious = codeSet(alphabet.address.wordWithPrevious);
    // One read that takes every branch, so the type feedback is complete before a long reply
    // gets the loops optimised mid-call: otherwise the optimised code, compiled before the code
    // after the loop ever ran, bails out at the loop's end on every long reply and the next one
    // starts unoptimised again (measured: 2–3× slower per megabyte).
    this.fill(this.aside, WARM_UP_TEXT);
  }

  /** As the skeleton sees a folded character: Latin letters, digits, spaces and apostrophes first, then the alphabet. */
  private classify(code: number): Kind {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return Kind.Word;
    if (code === 0x20) return Kind.Space;
    if (code === 0x27 || code === 0x2019) return Kind.Apostrophe;
    if (this.folds.has(code)) return Kind.Folded;
    if (this.particles.has(code)) return Kind.Particle;
    if (this.sentenceMarks.has(code)) return Kind.SentencePunct;
    if (this.keptSymbols.has(code)) return Kind.Keep;
    return baseKind(code);
  }

  /** The skeleton of `text`, read into `scratch`: valid until the next read into it. */
  read(text: string, scratch: SkeletonScratch): Skeleton {
    scratch.shrinkFor(text.length);
    this.fill(scratch, text);
    return new ReadSkeleton(this, scratch, scratch.generation, text, scratch.size, scratch.digitOrAt);
  }

  /** The skeleton of a text used at once (matching an example, a customer's turn): valid until the next `readAside`. */
  readAside(text: string): Skeleton {
    return this.read(text, this.aside);
  }

  /** The skeleton of `text` with arrays of its own. */
  skeletonOf(text: string): Skeleton {
    return this.read(text, new SkeletonScratch());
  }

  /** The skeleton text of a phrase literal: what a reply containing it has in its skeleton. */
  skeletonText(literal: string): string {
    this.fill(this.aside, literal);
    return decode(this.aside.codes, this.aside.size, this.aside.surrogates);
  }

  /** Fold `original` and skeletonise it into `b`. */
  fill(b: SkeletonScratch, original: string): void {
    b.generation++;
    fold(b, original);
    const folded = b.foldedCodes;
    const foldedStarts = b.foldedStarts;
    const foldedEnds = b.foldedEnds;
    const length = b.foldedSize;
    b.reserveSkeleton(length);
    const { codes, breaks, starts, ends, toFolded } = b;
    const kinds = this.kinds;
    let size = 0;
    let pending = Break.Sentence as Break;
    // A space or apostrophe is judged by both neighbours: remember it until the next kept character.
    let sawSpace = false;
    let sawApostrophe = false;
    let lastWasWord = false;
    let surrogates = false;
    for (let i = 0; i < length; i++) {
      let code = folded[i]!;
      let kind = kinds[code] as Kind;
      if (kind === Kind.Unknown) kinds[code] = kind = this.classify(code);
      switch (kind) {
        case Kind.Particle:
          // The address inside a word (亲自, 母亲) is kept like any Han character.
          if (
            code !== this.address ||
            !(
              (i + 1 < length && this.addressWordWithNext.has(folded[i + 1]!)) ||
              (i > 0 && this.addressWordWithPrevious.has(folded[i - 1]!))
            )
          )
            continue;
          kind = Kind.Keep;
          break;
        case Kind.Space:
          sawSpace = true;
          continue;
        case Kind.Apostrophe:
          sawApostrophe = true;
          continue;
        case Kind.ClausePunct:
          if (pending < Break.Clause) pending = Break.Clause;
          continue;
        case Kind.SentencePunct:
          // A dot between two digits is a decimal point, not the end of a sentence.
          if (
            code === DOT &&
            lastWasWord &&
            i + 1 < length &&
            isDigit(folded[i + 1]!) &&
            isDigit(folded[i - 1]!)
          ) {
            if (pending < Break.Clause) pending = Break.Clause;
          } else pending = Break.Sentence;
          continue;
        case Kind.Folded:
          code = this.folds.get(code)!;
          break;
        default:
          break;
      }
      const isWord = kind === Kind.Word;
      let brk: Break = pending;
      if (sawSpace) {
        // Next to Latin letters or digits a space separates words; between Chinese characters it
        // separates clauses (chat agents write 是的 亲 for 是的，亲).
        const spaceBreak = isWord || lastWasWord ? Break.Word : Break.Clause;
        if (brk < spaceBreak) brk = spaceBreak;
      }
      if (sawApostrophe && !(isWord && lastWasWord) && brk < Break.Clause) brk = Break.Clause;
      breaks[size] = size === 0 ? Break.Sentence : brk;
      if ((code & 0xf800) === 0xd800) surrogates = true;
      codes[size] = code;
      starts[size] = foldedStarts[i]!;
      ends[size] = foldedEnds[i]!;
      toFolded[size] = i;
      size++;
      pending = Break.None;
      sawSpace = false;
      sawApostrophe = false;
      lastWasWord = isWord;
    }
    breaks[size] = Break.Sentence;
    b.size = size;
    b.surrogates = surrogates;
  }
}

/** `[start, end)` of the skeleton mapped to the ORIGINAL reply. */
export function skeletonToOriginal(skeleton: Skeleton, start: number, end: number): [number, number] {
  const size = skeleton.text.length;
  if (size === 0 || end <= start) return [0, 0];
  const from = skeleton.starts[Math.max(0, Math.min(start, size - 1))] ?? 0;
  const to = skeleton.ends[Math.max(0, Math.min(end - 1, size - 1))] ?? skeleton.original.length;
  return [from, Math.max(from, to)];
}

/** The skeleton's length, without making its string. */
export function skeletonLength(skeleton: Skeleton): number {
  return skeleton instanceof ReadSkeleton ? skeleton.length : skeleton.text.length;
}

/** The skeleton's code units (at least its length of them), when it has them without making its string. */
export function skeletonUnits(skeleton: Skeleton): Uint16Array | undefined {
  return skeleton instanceof ReadSkeleton ? skeleton.units : undefined;
}

/** Whether the folded reply has an ASCII digit or an @, known from the read without decoding it. */
export function foldedHasDigitOrAt(skeleton: Skeleton): boolean {
  return skeleton instanceof ReadSkeleton ? skeleton.digitOrAt : /[0-9@]/.test(skeleton.normalized.text);
}
