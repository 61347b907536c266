import { decodeUnits, FoldBuffer, foldInto } from '../normalize/fold.js';
import type { NormalizedText } from '../normalize/normalize.js';
import { isDigitCode } from '../text/char-class.js';

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
 * sentence particles it drops (the address 亲 and 哈 kept inside a word: 亲自, 哈喽), the
 * characters it folds further (您 → 你), the marks that end a sentence and the symbols it keeps.
 */
export interface SkeletonAlphabet {
  particles: string;
  address: { character: string; wordWithNext: string; wordWithPrevious: string };
  /** Other particles kept as part of a word with the next character (哈 in 哈喽). */
  particleWords?: Record<string, { wordWithNext: string }> | undefined;
  folds: Record<string, string>;
  sentenceMarks: string;
  keptSymbols: string;
  /** Symbols and emoji read as a word (➕ → 加, 🐧 → 企鹅) unless a digit follows. */
  symbolWords?: Record<string, string> | undefined;
  /** Cyrillic and Greek letters that look Latin, read as Latin in a word with a Latin letter. */
  latinLookalikes?: Record<string, string> | undefined;
}

/** How far a look-alike letter looks, each way, for a Latin letter of its word. */
const LOOKALIKE_REACH = 32;

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
  /**
   * `normalized.text` as UTF-16 code units `foldedCodes[0, foldedLength)`, without making the
   * string or its offset arrays: the reader's scratch, valid while this reply is being linted.
   */
  readonly foldedCodes: Uint16Array;
  readonly foldedLength: number;
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
  /** The reply folded as `normalize()` folds it. */
  readonly folded = new FoldBuffer();

  codes = new Uint16Array(64);
  breaks = new Uint8Array(65);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  toFolded = new Int32Array(64);
  size = 0;
  /** The skeleton holds a surrogate (only an alphabet symbol could put one there). */
  surrogates = false;
  /** Bumped by every read, so a skeleton knows whether these arrays are still its own. */
  generation = 0;

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
    this.folded.shrinkFor(length);
    if (this.codes.length <= KEEP_CAPACITY || length * 2 >= KEEP_CAPACITY) return;
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
const DOT = 0x2e;

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
    return (this.textValue ??= decodeUnits(b.codes, this.length, b.surrogates));
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

  get foldedCodes(): Uint16Array {
    return this.arrays.folded.codes;
  }

  get foldedLength(): number {
    return this.arrays.folded.size;
  }

  get normalized(): NormalizedText {
    if (this.normalizedText === undefined) {
      const b = this.arrays;
      this.normalizedText = {
        original: this.original,
        text: decodeUnits(b.folded.codes, b.folded.size, b.folded.lone),
        starts: b.folded.starts.slice(0, b.folded.size),
        ends: b.folded.ends.slice(0, b.folded.size),
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
  /** By particle: the characters after / before it with which it makes a word and is kept (亲自, 母亲, 哈喽). */
  private readonly particleWordWithNext = new Map<number, ReadonlySet<number>>();
  private readonly particleWordWithPrevious = new Map<number, ReadonlySet<number>>();
  /** 1 for a particle that may stand in a word: the other particles are dropped after one array read. */
  private readonly particleMayBeWord = new Uint8Array(0x10000);
  /** By first code unit: the symbols read as words, longest first (☎️ before ☎). */
  private readonly symbolWords = new Map<number, Array<{ symbol: string; word: string }>>();
  /** 1 where a symbol word may start: one typed-array read per punctuation mark. */
  private readonly symbolWordStarts = new Uint8Array(0x10000);
  /** The most characters a symbol word has per code unit of its symbol (1 when none is longer). */
  private symbolWordGrowth = 1;
  /** The Latin letter each look-alike letter reads as in a mixed-script word (0: none). */
  private readonly lookalikes = new Uint16Array(0x10000);
  /** For phrase literals and one-off texts (matchText): read and used at once. */
  private readonly aside = new SkeletonScratch();

  constructor(alphabet: SkeletonAlphabet) {
    this.particles = codeSet(alphabet.particles);
    this.sentenceMarks = codeSet(alphabet.sentenceMarks);
    this.keptSymbols = codeSet(alphabet.keptSymbols);
    this.folds = new Map(
      Object.entries(alphabet.folds).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]),
    );
    for (const [letter, latin] of Object.entries(alphabet.latinLookalikes ?? {}))
      this.lookalikes[letter.charCodeAt(0)] = latin.charCodeAt(0);
    for (const [symbol, word] of Object.entries(alphabet.symbolWords ?? {})) {
      const first = symbol.charCodeAt(0);
      const list = this.symbolWords.get(first) ?? [];
      list.push({ symbol, word });
      list.sort((a, b) => b.symbol.length - a.symbol.length);
      this.symbolWords.set(first, list);
      this.symbolWordStarts[first] = 1;
      this.symbolWordGrowth = Math.max(this.symbolWordGrowth, Math.ceil(word.length / symbol.length));
    }
    const address = alphabet.address.character.charCodeAt(0);
    this.particleWordWithNext.set(address, codeSet(alphabet.address.wordWithNext));
    this.particleWordWithPrevious.set(address, codeSet(alphabet.address.wordWithPrevious));
    for (const [particle, { wordWithNext }] of Object.entries(alphabet.particleWords ?? {}))
      this.particleWordWithNext.set(particle.charCodeAt(0), codeSet(wordWithNext));
    for (const particle of this.particleWordWithNext.keys()) this.particleMayBeWord[particle] = 1;
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

  /** The word around `folded[i]` (letters and digits, at most LOOKALIKE_REACH each way) has an a–z letter. */
  private wordHasAsciiLetter(folded: Uint16Array, i: number, length: number): boolean {
    for (const step of [-1, 1]) {
      for (let j = i + step, k = 0; j >= 0 && j < length && k < LOOKALIKE_REACH; j += step, k++) {
        const code = folded[j]!;
        if (code >= 0x61 && code <= 0x7a) return true;
        let kind = this.kinds[code] as Kind;
        if (kind === Kind.Unknown) this.kinds[code] = kind = this.classify(code);
        if (kind !== Kind.Word) break;
      }
    }
    return false;
  }

  /** The symbol word starting at `folded[i]`, unless none does or a digit follows it (+86, 1+1). */
  private symbolWordAt(
    folded: Uint16Array,
    i: number,
    length: number,
  ): { symbol: string; word: string } | undefined {
    for (const candidate of this.symbolWords.get(folded[i]!)!) {
      const { symbol } = candidate;
      if (i + symbol.length > length) continue;
      let k = 1;
      while (k < symbol.length && folded[i + k] === symbol.charCodeAt(k)) k++;
      if (k < symbol.length) continue;
      const next = i + symbol.length;
      return next < length && isDigitCode(folded[next]!) ? undefined : candidate;
    }
    return undefined;
  }

  /** The skeleton of `text`, read into `scratch`: valid until the next read into it. */
  read(text: string, scratch: SkeletonScratch): Skeleton {
    scratch.shrinkFor(text.length);
    this.fill(scratch, text);
    return new ReadSkeleton(this, scratch, scratch.generation, text, scratch.size, scratch.folded.digitOrAt);
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
    return decodeUnits(this.aside.codes, this.aside.size, this.aside.surrogates);
  }

  /** Fold `original` and skeletonise it into `b`. */
  fill(b: SkeletonScratch, original: string): void {
    b.generation++;
    foldInto(b.folded, original);
    const folded = b.folded.codes;
    const foldedStarts = b.folded.starts;
    const foldedEnds = b.folded.ends;
    const length = b.folded.size;
    // A symbol word may be longer than its symbol (☎ → 电话): room for the longest reading.
    b.reserveSkeleton(length * this.symbolWordGrowth);
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
          // A particle inside a word (亲自, 母亲, 哈喽) is kept like any Han character.
          if (
            this.particleMayBeWord[code] === 0 ||
            !(
              (i + 1 < length && this.particleWordWithNext.get(code)?.has(folded[i + 1]!) === true) ||
              (i > 0 && this.particleWordWithPrevious.get(code)?.has(folded[i - 1]!) === true)
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
        case Kind.ClausePunct: {
          const word =
            this.symbolWords.size > 0 && this.symbolWordStarts[code] === 1
              ? this.symbolWordAt(folded, i, length)
              : undefined;
          if (word === undefined) {
            if (pending < Break.Clause) pending = Break.Clause;
            continue;
          }
          // The word's characters stand where the symbol stood: the k-th maps to the symbol's k-th unit (its last when the word is longer).
          const last = i + word.symbol.length - 1;
          let brk: Break = pending;
          if (sawSpace && brk < (lastWasWord ? Break.Word : Break.Clause))
            brk = lastWasWord ? Break.Word : Break.Clause;
          if (sawApostrophe && brk < Break.Clause) brk = Break.Clause;
          for (let k = 0; k < word.word.length; k++) {
            const at = Math.min(i + k, last);
            breaks[size] = size === 0 ? Break.Sentence : k === 0 ? brk : Break.None;
            codes[size] = word.word.charCodeAt(k);
            starts[size] = foldedStarts[at]!;
            ends[size] = foldedEnds[at]!;
            toFolded[size] = at;
            size++;
          }
          i = last;
          pending = Break.None;
          sawSpace = false;
          sawApostrophe = false;
          lastWasWord = false;
          continue;
        }
        case Kind.SentencePunct:
          // A dot between two digits is a decimal point, not the end of a sentence.
          if (
            code === DOT &&
            lastWasWord &&
            i + 1 < length &&
            isDigitCode(folded[i + 1]!) &&
            isDigitCode(folded[i - 1]!)
          ) {
            if (pending < Break.Clause) pending = Break.Clause;
          } else pending = Break.Sentence;
          continue;
        case Kind.Folded:
          code = this.folds.get(code)!;
          break;
        case Kind.Word: {
          // A Cyrillic or Greek letter that looks Latin, in a word with a Latin letter (whаtsаpp
          // with Cyrillic а): the Latin letter. A word wholly in its own script stays as written.
          const latin = this.lookalikes[code]!;
          if (latin !== 0 && this.wordHasAsciiLetter(folded, i, length)) code = latin;
          break;
        }
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
