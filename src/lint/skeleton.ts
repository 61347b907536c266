import { normalize, type NormalizedText } from '../normalize/index.js';

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
 * The normalised reply with spaces, punctuation and sentence particles (亲 呢 啊 吧 哦 呀 …) removed
 * and 您 folded to 你, so "您 , 到 XX 部门问问吧" and "你到XX部门问问" have the same skeleton.
 * `toNormalized[i]` is the index in `normalized.text` of `text[i]`; `breaks[i]` is the `Break` before
 * `text[i]`, `breaks[text.length]` the one after the last character.
 */
export interface Skeleton {
  readonly normalized: NormalizedText;
  readonly text: string;
  readonly toNormalized: Int32Array;
  readonly breaks: Uint8Array;
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
  /** 您 → 你. */
  Honorific = 8,
}

/** Sentence-final particles and the 亲 address, dropped from the skeleton. */
const PARTICLES = '亲呢啊吧哦呀哈啦嘛喔噢耶';
const QIN = 0x4eb2; // 亲
/** 亲 is a word, not the address, before these (亲爱, 亲自, 亲测) and after these (母亲, 相亲). */
const QIN_WORD_AFTER = '爱自人戚切密手身口子友属情眼耳测肤民和近朋生热笔历临';
const QIN_WORD_BEFORE = '母父双相探乡省求成定血近至嫡表宗';
const SENTENCE_MARKS = '。.!?;';
const KEPT_SYMBOLS = '%';
const HONORIFIC = 0x60a8; // 您
const YOU = 0x4f60; // 你

const kinds = new Uint8Array(0x10000);
const LETTER_OR_NUMBER = /^[\p{L}\p{N}\p{M}]$/u;

function classify(code: number): Kind {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return Kind.Word;
  if (code === 0x20) return Kind.Space;
  if (code === 0x27 || code === 0x2019) return Kind.Apostrophe;
  if (code === HONORIFIC) return Kind.Honorific;
  const char = String.fromCharCode(code);
  if (PARTICLES.includes(char)) return Kind.Particle;
  if (SENTENCE_MARKS.includes(char)) return Kind.SentencePunct;
  if (KEPT_SYMBOLS.includes(char)) return Kind.Keep;
  if (code >= 0xd800 && code <= 0xdfff) return Kind.ClausePunct; // emoji and other astral symbols
  if (code === 0x2d || code === 0x2010 || code === 0x2011) return Kind.Space; // hyphens: a word gap
  // Other Latin-script letters (é, ß) behave like a-z for word boundaries.
  if (LETTER_OR_NUMBER.test(char)) return code < 0x2e80 ? Kind.Word : Kind.Keep;
  return Kind.ClausePunct;
}

function kindOf(code: number): Kind {
  let kind = kinds[code] as Kind;
  if (kind === Kind.Unknown) {
    kind = classify(code);
    kinds[code] = kind;
  }
  return kind;
}

/** A Latin letter or digit (in folded text): word boundaries are checked around such characters. */
export function isWordCode(code: number): boolean {
  return kindOf(code) === Kind.Word;
}

let codes = new Uint16Array(256);
let scratchMap = new Int32Array(256);
let scratchBreaks = new Uint8Array(257);

/** Build the skeleton of a normalised text. Linear, never throws. */
export function buildSkeleton(normalized: NormalizedText): Skeleton {
  const text = normalized.text;
  const length = text.length;
  if (codes.length < length) {
    const capacity = Math.max(length, codes.length * 2);
    codes = new Uint16Array(capacity);
    scratchMap = new Int32Array(capacity);
    scratchBreaks = new Uint8Array(capacity + 1);
  }
  let size = 0;
  let pending = Break.Sentence as Break;
  // A space or apostrophe is judged by both neighbours: remember it until the next kept character.
  let sawSpace = false;
  let sawApostrophe = false;
  let lastWasWord = false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let kind = kindOf(code);
    switch (kind) {
      case Kind.Particle:
        // 亲 inside a word (亲自, 母亲) is kept like any Han character.
        if (code !== QIN || !isQinWord(text, i)) continue;
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
          code === 0x2e &&
          lastWasWord &&
          i + 1 < length &&
          isDigit(text.charCodeAt(i + 1)) &&
          isDigit(text.charCodeAt(i - 1))
        ) {
          if (pending < Break.Clause) pending = Break.Clause;
        } else pending = Break.Sentence;
        continue;
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
    scratchBreaks[size] = size === 0 ? Break.Sentence : brk;
    codes[size] = kind === Kind.Honorific ? YOU : code;
    scratchMap[size] = i;
    size++;
    pending = Break.None;
    sawSpace = false;
    sawApostrophe = false;
    lastWasWord = isWord;
  }
  scratchBreaks[size] = Break.Sentence;
  return {
    normalized,
    text: decode(size),
    toNormalized: scratchMap.slice(0, size),
    breaks: scratchBreaks.slice(0, size + 1),
  };
}

function isQinWord(text: string, i: number): boolean {
  return (
    (i + 1 < text.length && QIN_WORD_AFTER.includes(text[i + 1]!)) ||
    (i > 0 && QIN_WORD_BEFORE.includes(text[i - 1]!))
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const CHUNK = 4096;

function decode(size: number): string {
  if (size <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, size) as unknown as number[]);
  let out = '';
  for (let from = 0; from < size; from += CHUNK)
    out += String.fromCharCode.apply(
      null,
      codes.subarray(from, Math.min(size, from + CHUNK)) as unknown as number[],
    );
  return out;
}

/** The skeleton of a phrase literal from the data: what a reply containing it has in its skeleton. */
export function skeletonText(literal: string): string {
  return buildSkeleton(normalize(literal)).text;
}

/** `[start, end)` of the skeleton mapped to the ORIGINAL reply. */
export function skeletonToOriginal(skeleton: Skeleton, start: number, end: number): [number, number] {
  const { normalized, toNormalized } = skeleton;
  if (toNormalized.length === 0 || end <= start) return [0, 0];
  const first = toNormalized[Math.max(0, Math.min(start, toNormalized.length - 1))] ?? 0;
  const last = toNormalized[Math.max(0, Math.min(end - 1, toNormalized.length - 1))] ?? first;
  const from = normalized.starts[first] ?? 0;
  const to = normalized.ends[last] ?? normalized.original.length;
  return [from, Math.max(from, to)];
}
