import { decodeBase64, decodeUint32, encodeBase64 } from '../util/base64.js';
import { decodeVarints, encodeVarints } from './linear-model.js';
import { stemLength, variantKey, wordKey } from './word-keys.js';
import { KeyIndex } from './key-index.js';

/** Words shorter than this are never corrected: too many short words are one edit apart. */
export const MIN_CORRECTED_LENGTH = 5;
/**
 * Longer runs of letters are not words (a pasted hash, a log line, "aaaa…"): never corrected, so a
 * lookup costs at most MAX_CORRECTED_LENGTH² character steps whatever the input (the longest
 * English words in chat are well under it).
 */
export const MAX_CORRECTED_LENGTH = 32;

/**
 * Spelling normalisation of English words (SymSpell with one deletion): every vocabulary stem and
 * its one-character deletions point at the stem's feature key; an unknown word is looked up by its
 * own deletions. "cancdling", "cancelaltion", "refnd" find the stem the corpus uses. Built from
 * the corpus at build time; a lookup costs a few hashes of the word and no allocation.
 */
export class SpellingIndex {
  private readonly index: KeyIndex;
  private readonly targets: Uint32Array;

  /** `pairs` is [variant, word key, variant, word key, …]. */
  constructor(pairs: Uint32Array) {
    const variants = new Uint32Array(pairs.length >> 1);
    this.targets = new Uint32Array(pairs.length >> 1);
    for (let i = 0; i < variants.length; i++) {
      variants[i] = pairs[2 * i] ?? 0;
      this.targets[i] = pairs[2 * i + 1] ?? 0;
    }
    this.index = new KeyIndex(variants);
  }

  static decode(base64: string): SpellingIndex {
    return new SpellingIndex(decodeUint32(base64));
  }

  /**
   * The index of a word list, most frequent word first (a compact way to ship it: the pairs are
   * built at load time, a few hashes per word).
   */
  /**
   * As `fromWords`, built on the first correction asked of it: only English words are corrected,
   * so Chinese traffic never pays for building the index.
   */
  static lazyFromWords(words: readonly string[], stopWords: ReadonlySet<number>): SpellingIndex {
    return new LazySpellingIndex(() => SpellingIndex.fromWords(words, stopWords));
  }

  static fromWords(words: readonly string[], stopWords: ReadonlySet<number>): SpellingIndex {
    const counts = new Map<string, number>();
    words.forEach((word, rank) => {
      if (!counts.has(word)) counts.set(word, words.length - rank);
    });
    return new SpellingIndex(spellingPairs(counts, stopWords));
  }

  /** The feature key of the vocabulary word `text[from, to)` is probably a misspelling of, or -1. */
  correct(text: string, from: number, to: number): number {
    if (to - from > MAX_CORRECTED_LENGTH) return -1;
    const stemEnd = from + stemLength(text, from, to);
    if (stemEnd - from < MIN_CORRECTED_LENGTH) return -1;
    for (let skip = from - 1; skip < stemEnd; skip++) {
      const found = this.index.get(variantKey(text, from, stemEnd, skip < from ? -1 : skip));
      if (found >= 0) return this.targets[found] ?? -1;
    }
    return -1;
  }
}

/** A `SpellingIndex` whose pairs are built on its first `correct` call. */
class LazySpellingIndex extends SpellingIndex {
  private built: SpellingIndex | undefined;

  constructor(private readonly build: () => SpellingIndex) {
    super(new Uint32Array(0));
  }

  override correct(text: string, from: number, to: number): number {
    return (this.built ??= this.build()).correct(text, from, to);
  }
}

/**
 * Corpus words and their counts as one string, in the map's order: the words joined by spaces, a
 * `|`, then the counts as base64 LEB128. A third of the size of the pairs they give
 * (`spellingPairsOfWordCounts` rebuilds exactly `buildSpellingPairs`' pairs from it).
 */
export function encodeWordCounts(words: ReadonlyMap<string, number>): string {
  for (const word of words.keys())
    if (!/^[a-z]+$/.test(word)) throw new RangeError(`not a folded Latin word: ${JSON.stringify(word)}`);
  return `${[...words.keys()].join(' ')}|${encodeBase64(encodeVarints([...words.values()]))}`;
}

/** The spelling pairs of words encoded by `encodeWordCounts` (built when first needed). */
export function spellingPairsOfWordCounts(encoded: string, stopWords: ReadonlySet<number>): Uint32Array {
  const bar = encoded.indexOf('|');
  const words = bar > 0 ? encoded.slice(0, bar).split(' ') : [];
  const counts = decodeVarints(decodeBase64(encoded.slice(bar + 1)), words.length);
  return spellingPairs(new Map(words.map((word, i) => [word, counts[i] ?? 0])), stopWords);
}

/**
 * Build the pairs from corpus words and their frequencies: each variant goes to the most
 * frequent word that produces it (build time only).
 */
export function buildSpellingPairs(
  words: ReadonlyMap<string, number>,
  stopWords: ReadonlySet<number>,
): string {
  return encodeBase64(spellingPairs(words, stopWords));
}

function spellingPairs(words: ReadonlyMap<string, number>, stopWords: ReadonlySet<number>): Uint32Array {
  const best = new Map<number, { key: number; count: number }>();
  for (const [word, count] of words) {
    const stemEnd = stemLength(word, 0, word.length);
    if (stemEnd < MIN_CORRECTED_LENGTH) continue;
    const key = wordKey(word, 0, stemEnd);
    if (stopWords.has(key)) continue;
    for (let skip = -1; skip < stemEnd; skip++) {
      const variant = variantKey(word, 0, stemEnd, skip);
      const current = best.get(variant);
      // The exact stem always wins over a deletion of a longer word.
      const score = skip < 0 ? count + 1e9 : count;
      if (current === undefined || score > current.count) best.set(variant, { key, count: score });
    }
  }
  const pairs = new Uint32Array(best.size * 2);
  let i = 0;
  for (const [variant, { key }] of best) {
    pairs[i++] = variant;
    pairs[i++] = key;
  }
  return pairs;
}

/** Count the Latin words of a folded text into `counts` (build time). */
export function countWords(folded: string, counts: Map<string, number>): void {
  for (const word of folded.match(/[a-z]+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
}
