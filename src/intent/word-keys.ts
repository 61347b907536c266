/**
 * English words as feature keys: a light stemmer (plural, -ing, -ed, -ly, -y, a doubled final
 * consonant) and FNV-1a hashes of the stem into a key range no character key uses (see
 * features.ts), plus the deletion variants the spelling index matches misspellings with.
 */
import { isAsciiLetterCode } from '../text/char-class.js';

/** Latin word keys live in [WORD_BASE, WORD_BASE + WORD_SPAN), a range no character key uses. */
const WORD_BASE = 0x00100000;
const WORD_SPAN = 0x33f00000;

/** Feature keys of English stop words (stemmed like message words). */
export function stopWordKeys(words: readonly string[]): Set<number> {
  return new Set(words.map((w) => wordKey(w, 0, stemLength(w, 0, w.length))));
}

/** FNV-1a over `text[from, to)`, folded into the word key range. */
export function wordKey(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return WORD_BASE + ((hash >>> 0) % WORD_SPAN);
}

/**
 * FNV-1a of `text[from, to)` without the character at `skip` (-1: none): the deletion variants a
 * SymSpell-style index matches misspelled words with (see spelling.ts).
 */
export function variantKey(text: string, from: number, to: number, skip: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    if (i === skip) continue;
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The key of the word bigram (a, b), in the word key range. */
export function combineWords(a: number, b: number): number {
  let hash = Math.imul(a ^ 0x5bd1e995, 0x01000193) ^ b;
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return WORD_BASE + ((hash >>> 0) % WORD_SPAN);
}

function endsWith(text: string, to: number, length: number, suffix: string): boolean {
  return length > suffix.length && text.startsWith(suffix, to - suffix.length);
}

function isVowel(code: number): boolean {
  return code === 0x61 || code === 0x65 || code === 0x69 || code === 0x6f || code === 0x75;
}

/** Length of the suffix-stripped word `text[from, to)`: plural, -ing, -ed, -ly, -y. */
function strippedLength(text: string, from: number, to: number): number {
  const length = to - from;
  if (length <= 3) return length;
  if (endsWith(text, to, length, 'ing') && length >= 6) return length - 3;
  if (endsWith(text, to, length, 'ies') || endsWith(text, to, length, 'ied')) return length - 3;
  if (endsWith(text, to, length, 'ed') && length >= 5) return length - 2;
  if (endsWith(text, to, length, 'ly') && length >= 6) return length - 2;
  if (endsWith(text, to, length, 'es') && length >= 5) {
    const before = text.charCodeAt(to - 3);
    const sibilant =
      before === 0x73 ||
      before === 0x78 ||
      before === 0x7a ||
      endsWith(text, to, length, 'ches') ||
      endsWith(text, to, length, 'shes');
    return sibilant ? length - 2 : length - 1;
  }
  const last = text.charCodeAt(to - 1);
  if (last === 0x73 /* s */ && text.charCodeAt(to - 2) !== 0x73) return length - 1;
  if (last === 0x79 /* y */ && length >= 4 && !isVowel(text.charCodeAt(to - 2))) return length - 1;
  return length;
}

/**
 * Length of the stem of the word `text[from, to)`, a prefix of it: strips plural, -ing, -ed, -ly, -y
 * and then a doubled final consonant, so cancel / cancels / cancelled / cancelling, ship / shipping
 * and delivery / deliveries each share one stem. Enough for chat English; no allocation.
 */
export function stemLength(text: string, from: number, to: number): number {
  const length = strippedLength(text, from, to);
  if (length >= 3) {
    const last = text.charCodeAt(from + length - 1);
    if (last === text.charCodeAt(from + length - 2) && !isVowel(last) && isAsciiLetterCode(last))
      return length - 1;
  }
  return length;
}
