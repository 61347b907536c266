/**
 * Feature extraction for the lab (the runtime extractor of src/intent/linear-features.ts, so the
 * lab measures exactly what ships) and sparse matrices for the trainers.
 */
import { stopWordKeys } from '../../src/intent/word-keys.js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import {
  FeatureFamily,
  FeatureList,
  LinearFeatureExtractor,
  type LinearFeatureSpec,
} from '../../src/intent/linear-features.js';
import { PatternMatcher } from '../../src/intent/patterns.js';
import { countWords, SpellingIndex } from '../../src/intent/spelling.js';
import { normalize } from '../../src/normalize/index.js';
import { loadIntentRules } from '../data/intents-rules.js';
import { patternsOf } from '../data/intents-train.js';
import { ROOT } from './data.js';

export const INTENTS: readonly string[] = BUILT_IN_INTENT_IDS;
export const INTENT_INDEX = new Map(INTENTS.map((id, i) => [id, i]));

export interface Resources {
  /** English words of the training rows seen at least twice, most frequent first. */
  spellingWords: string[];
  stopWords: string[];
  patterns: PatternMatcher;
}

/** Words seen once are left out of the spelling vocabulary: many are typos themselves. */
const MIN_SPELLING_COUNT = 2;

/** The spelling vocabulary of the training texts, the stop words and the pattern matcher. */
export function buildResources(trainingTexts: readonly string[]): Resources {
  const rules = loadIntentRules(ROOT);
  const words = new Map<string, number>();
  for (const text of trainingTexts) countWords(normalize(text).text, words);
  const { groups, mask } = patternsOf(rules);
  return {
    spellingWords: [...words]
      .filter(([, count]) => count >= MIN_SPELLING_COUNT)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([word]) => word),
    stopWords: rules.stopWords,
    patterns: new PatternMatcher(groups, mask),
  };
}

export function makeExtractor(spec: LinearFeatureSpec, resources: Resources): LinearFeatureExtractor {
  return new LinearFeatureExtractor(spec, {
    spelling:
      spec.families & FeatureFamily.Words
        ? SpellingIndex.fromWords(resources.spellingWords, stopWordKeys(resources.stopWords))
        : null,
    stopWords: stopWordKeys(resources.stopWords),
    patterns: resources.patterns,
  });
}

/** Features of (text, agent turn) pairs, each copied out of the extractor's buffer. */
export function extractAll(
  extractor: LinearFeatureExtractor,
  items: ReadonlyArray<{ text: string; prev: string | null }>,
): Uint32Array[] {
  const out = new FeatureList();
  return items.map((item) => {
    extractor.extract(normalize(item.text).text, item.prev === null ? null : normalize(item.prev).text, out);
    return out.keys.slice(0, out.count);
  });
}

/** Documents as rows of dense feature indices (unknown features dropped). */
export interface Csr {
  offsets: Int32Array;
  features: Int32Array;
  labels: Int32Array;
  /** Number of hashed features the document had (known or not), for the √ normalisation. */
  sizes: Int32Array;
  rows: number;
  vocabulary: number;
}

/** Keys seen in at least `minCount` of the documents listed in `use`, to dense indices. */
export function buildVocabulary(
  docs: readonly Uint32Array[],
  use: ArrayLike<number>,
  minCount: number,
): Map<number, number> {
  const counts = new Map<number, number>();
  for (let k = 0; k < use.length; k++)
    for (const key of docs[use[k] ?? 0] ?? []) counts.set(key, (counts.get(key) ?? 0) + 1);
  const vocabulary = new Map<number, number>();
  for (const [key, count] of counts) if (count >= minCount) vocabulary.set(key, vocabulary.size);
  return vocabulary;
}

export function toCsr(
  docs: readonly Uint32Array[],
  use: ArrayLike<number>,
  labels: ArrayLike<number>,
  vocabulary: Map<number, number>,
): Csr {
  const offsets = new Int32Array(use.length + 1);
  const list: number[] = [];
  const sizes = new Int32Array(use.length);
  const rowLabels = new Int32Array(use.length);
  for (let k = 0; k < use.length; k++) {
    const d = use[k] ?? 0;
    const doc = docs[d] ?? new Uint32Array(0);
    for (const key of doc) {
      const f = vocabulary.get(key);
      if (f !== undefined) list.push(f);
    }
    offsets[k + 1] = list.length;
    sizes[k] = doc.length;
    rowLabels[k] = labels[d] ?? 0;
  }
  return {
    offsets,
    features: Int32Array.from(list),
    labels: rowLabels,
    sizes,
    rows: use.length,
    vocabulary: vocabulary.size,
  };
}
