/**
 * The skeleton as it was built before the linter read replies in one pass: `normalize()` first,
 * then a second pass over the folded text. Kept as the oracle of test/lint/skeleton.test.ts, which
 * proves the one-pass reader gives the same folded text, skeleton, breaks and offsets.
 */
import { normalize, type NormalizedText } from '../../src/normalize/index.js';
import type { SkeletonAlphabet } from '../../src/lint/skeleton.js';

const enum Kind {
  Keep = 1,
  Word = 2,
  Space = 3,
  ClausePunct = 4,
  SentencePunct = 5,
  Particle = 6,
  Apostrophe = 7,
  Folded = 8,
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}\p{M}]$/u;

export interface ReferenceSkeleton {
  normalized: NormalizedText;
  text: string;
  toNormalized: number[];
  breaks: number[];
}

export function referenceSkeleton(original: string, alphabet: SkeletonAlphabet): ReferenceSkeleton {
  const classify = (code: number): Kind => {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return Kind.Word;
    if (code === 0x20) return Kind.Space;
    if (code === 0x27 || code === 0x2019) return Kind.Apostrophe;
    const char = String.fromCharCode(code);
    if (Object.hasOwn(alphabet.folds, char)) return Kind.Folded;
    if (alphabet.particles.includes(char)) return Kind.Particle;
    if (alphabet.sentenceMarks.includes(char)) return Kind.SentencePunct;
    if (alphabet.keptSymbols.includes(char)) return Kind.Keep;
    if (code >= 0xd800 && code <= 0xdfff) return Kind.ClausePunct;
    if (code === 0x2d || code === 0x2010 || code === 0x2011) return Kind.Space;
    if (LETTER_OR_NUMBER.test(char)) return code < 0x2e80 ? Kind.Word : Kind.Keep;
    return Kind.ClausePunct;
  };
  const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
  const normalized = normalize(original);
  const text = normalized.text;
  let out = '';
  const toNormalized: number[] = [];
  const breaks: number[] = [];
  let pending = 3;
  let sawSpace = false;
  let sawApostrophe = false;
  let lastWasWord = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    let kind = classify(code);
    if (kind === Kind.Particle) {
      const word =
        (text[i] === alphabet.address.character &&
          ((i + 1 < text.length && alphabet.address.wordWithNext.includes(text[i + 1]!)) ||
            (i > 0 && alphabet.address.wordWithPrevious.includes(text[i - 1]!)))) ||
        (i + 1 < text.length &&
          (alphabet.particleWords?.[text[i]!]?.wordWithNext.includes(text[i + 1]!) ?? false));
      if (!word) continue;
      kind = Kind.Keep;
    } else if (kind === Kind.Space) {
      sawSpace = true;
      continue;
    } else if (kind === Kind.Apostrophe) {
      sawApostrophe = true;
      continue;
    } else if (kind === Kind.ClausePunct) {
      // A symbol read as a word (➕ → 加, 🐧 → 企鹅): the longest one here, unless a digit follows it.
      const symbol = Object.keys(alphabet.symbolWords ?? {})
        .sort((a, b) => b.length - a.length)
        .find((s) => text.startsWith(s, i));
      if (symbol === undefined || isDigit(text.charCodeAt(i + symbol.length))) {
        pending = Math.max(pending, 2);
        continue;
      }
      const word = alphabet.symbolWords![symbol]!;
      let brk = pending;
      if (sawSpace) brk = Math.max(brk, lastWasWord ? 1 : 2);
      if (sawApostrophe) brk = Math.max(brk, 2);
      for (let k = 0; k < word.length; k++) {
        breaks.push(out.length === 0 ? 3 : k === 0 ? brk : 0);
        out += word[k];
        toNormalized.push(i + Math.min(k, symbol.length - 1));
      }
      i += symbol.length - 1;
      pending = 0;
      sawSpace = false;
      sawApostrophe = false;
      lastWasWord = false;
      continue;
    } else if (kind === Kind.SentencePunct) {
      if (
        code === 0x2e &&
        lastWasWord &&
        i + 1 < text.length &&
        isDigit(text.charCodeAt(i + 1)) &&
        isDigit(text.charCodeAt(i - 1))
      )
        pending = Math.max(pending, 2);
      else pending = 3;
      continue;
    } else if (kind === Kind.Folded) code = alphabet.folds[text[i]!]!.charCodeAt(0);
    else if (kind === Kind.Word && Object.hasOwn(alphabet.latinLookalikes ?? {}, text[i]!)) {
      // A look-alike letter in a word with an a–z letter within 32 characters either way.
      let mixed = false;
      for (const step of [-1, 1])
        for (let j = i + step, k = 0; j >= 0 && j < text.length && k < 32; j += step, k++) {
          const c = text.charCodeAt(j);
          if (c >= 0x61 && c <= 0x7a) mixed = true;
          if (mixed || classify(c) !== Kind.Word) break;
        }
      if (mixed) code = alphabet.latinLookalikes![text[i]!]!.charCodeAt(0);
    }
    const isWord = kind === Kind.Word;
    let brk = pending;
    if (sawSpace) brk = Math.max(brk, isWord || lastWasWord ? 1 : 2);
    if (sawApostrophe && !(isWord && lastWasWord)) brk = Math.max(brk, 2);
    breaks.push(out.length === 0 ? 3 : brk);
    out += String.fromCharCode(code);
    toNormalized.push(i);
    pending = 0;
    sawSpace = false;
    sawApostrophe = false;
    lastWasWord = isWord;
  }
  breaks.push(3);
  return { normalized, text: out, toNormalized, breaks };
}
