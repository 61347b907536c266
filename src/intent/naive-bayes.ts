import { decodeVarints, encodeVarints } from '../util/varint.js';
import { decodeUint32, encodeBase64 } from '../util/base64.js';
import { MAX_SEGMENTS, WHOLE_MESSAGE, type FeatureBuffer } from './features.js';
import { KeyIndex } from './key-index.js';

/** The model as the build step writes it to `src/generated/intent-model.ts`. */
export interface SerializedNaiveBayes {
  /** 2: offsets (as steps), classes and counts as src/util/varint.ts text (1: fixed-width base64). */
  format: 2;
  intents: string[];
  /** Additive (Laplace/Lidstone) smoothing. */
  alpha: number;
  /** Divides the log-posterior so softmax confidences are calibrated (fitted by cross-validation). */
  temperature: number;
  /** 0 = uniform class priors, 1 = the corpus's class frequencies. */
  priorWeight: number;
  /** Multiplies pattern log-odds in the combiner (fitted with the temperature on the corpus tests). */
  patternScale: number;
  /** Training utterances per intent. */
  docCounts: number[];
  /** base64 Uint32: feature keys (see features.ts). */
  keys: string;
  /** Varints (keys + 1), each the step from the one before: start of each feature's entries in `classes` / `counts`. */
  offsets: string;
  /** Varints: intent index of each entry. */
  classes: string;
  /** Varints: how many training utterances of that intent contain the feature. */
  counts: string;
  /** The corpus's English words and their counts (`encodeWordCounts`, spelling.ts): the spelling index. */
  spelling: string;
  /** English words skipped by feature extraction (rules/intents/stopwords.en.json). */
  stopWords: string[];
}

/**
 * Naive Bayes log-likelihoods grow with the number of features, so a long message gets extreme
 * posteriors that no pattern can temper. Beyond `LENGTH_REFERENCE` (about a typical training
 * utterance), the log-posterior is divided by the square root of the excess: confidences stay
 * calibrated on long, rambling chat messages too.
 */
export const LENGTH_REFERENCE = 12;
export function lengthScale(weight: number): number {
  return weight <= LENGTH_REFERENCE ? 1 : Math.sqrt(weight / LENGTH_REFERENCE);
}

/** Sparse counts: for each feature key, the intents it was seen with and how often. */
export interface FeatureCounts {
  intents: string[];
  docCounts: Float64Array;
  keys: Uint32Array;
  offsets: Uint32Array;
  classes: Uint16Array;
  counts: Float64Array;
}

export interface NaiveBayesSettings {
  alpha: number;
  temperature: number;
  priorWeight: number;
  /** Multiplies pattern log-odds in the combiner (calibrated with the temperature). */
  patternScale: number;
}

/** A labelled document as feature keys (duplicates are ignored: features are binary). */
export interface CountedDocument {
  keys: ArrayLike<number>;
  intent: string;
  weight: number;
}

/**
 * Count features per intent. `base` (optional) is added to, so user examples extend the shipped
 * model in time proportional to the examples, not the corpus: this is how `createAssistant({ intents:
 * { examples } })` learns without retraining.
 */
export function countFeatures(documents: Iterable<CountedDocument>, base?: FeatureCounts): FeatureCounts {
  const intents = base ? [...base.intents] : [];
  const intentIndex = new Map(intents.map((id, i) => [id, i]));
  const perKey = new Map<number, Map<number, number>>();
  const docCounts: number[] = base ? [...base.docCounts] : [];
  if (base) {
    for (let f = 0; f < base.keys.length; f++) {
      const row = new Map<number, number>();
      for (let e = base.offsets[f] ?? 0; e < (base.offsets[f + 1] ?? 0); e++)
        row.set(base.classes[e] ?? 0, base.counts[e] ?? 0);
      perKey.set(base.keys[f] ?? 0, row);
    }
  }
  for (const document of documents) {
    let c = intentIndex.get(document.intent);
    if (c === undefined) {
      c = intents.length;
      intents.push(document.intent);
      intentIndex.set(document.intent, c);
      docCounts.push(0);
    }
    docCounts[c] = (docCounts[c] ?? 0) + document.weight;
    const seen = new Set<number>();
    for (let i = 0; i < document.keys.length; i++) {
      const key = (document.keys[i] ?? 0) >>> 0;
      if (seen.has(key)) continue;
      seen.add(key);
      let row = perKey.get(key);
      if (!row) perKey.set(key, (row = new Map()));
      row.set(c, (row.get(c) ?? 0) + document.weight);
    }
  }
  const keys = new Uint32Array(perKey.size);
  const offsets = new Uint32Array(perKey.size + 1);
  let entries = 0;
  for (const row of perKey.values()) entries += row.size;
  const classes = new Uint16Array(entries);
  const counts = new Float64Array(entries);
  let f = 0;
  let e = 0;
  for (const [key, row] of perKey) {
    keys[f] = key;
    offsets[f] = e;
    for (const [c, count] of row) {
      classes[e] = c;
      counts[e] = count;
      e++;
    }
    f++;
  }
  offsets[f] = e;
  return { intents, docCounts: Float64Array.from(docCounts), keys, offsets, classes, counts };
}

export function serializeNaiveBayes(
  counts: FeatureCounts,
  settings: NaiveBayesSettings,
  spelling: string,
  stopWords: string[],
): SerializedNaiveBayes {
  return {
    format: 2,
    intents: counts.intents,
    alpha: settings.alpha,
    temperature: settings.temperature,
    priorWeight: settings.priorWeight,
    patternScale: settings.patternScale,
    docCounts: Array.from(counts.docCounts),
    keys: encodeBase64(counts.keys),
    offsets: encodeVarints(
      counts.offsets.map((offset, f) => offset - (f === 0 ? 0 : (counts.offsets[f - 1] ?? 0))),
    ),
    classes: encodeVarints(counts.classes),
    counts: encodeVarints(Uint32Array.from(counts.counts, (n) => Math.round(n))),
    spelling,
    stopWords,
  };
}

export function deserializeCounts(data: SerializedNaiveBayes): FeatureCounts {
  const keys = decodeUint32(data.keys);
  const offsets = decodeVarints(data.offsets, keys.length + 1);
  for (let f = 1; f < offsets.length; f++) offsets[f] = (offsets[f] ?? 0) + (offsets[f - 1] ?? 0);
  const entries = offsets[keys.length] ?? 0;
  return {
    intents: [...data.intents],
    docCounts: Float64Array.from(data.docCounts),
    keys,
    offsets,
    classes: Uint16Array.from(decodeVarints(data.classes, entries)),
    counts: Float64Array.from(decodeVarints(data.counts, entries)),
  };
}

/**
 * Multinomial naive Bayes over binary features, stored sparse: each feature keeps only the intents
 * it was seen with, as a log-ratio against the intent's unseen-feature probability. Scoring a
 * message is one hash lookup per feature plus one addition per (feature, intent seen) pair.
 */
export class NaiveBayes {
  readonly intents: readonly string[];
  readonly settings: NaiveBayesSettings;
  readonly counts: FeatureCounts;
  readonly index: KeyIndex;
  /** Per entry: log P(f|c) − log P(unseen|c). */
  private readonly deltas: Float32Array;
  private readonly offsets: Uint32Array;
  private readonly classes: Uint16Array;
  /** Per feature: the mean of its deltas over all intents (for evidence weights). */
  private readonly meanDeltas: Float32Array;
  /** Per intent: log P(unseen feature | c). */
  readonly unseen: Float64Array;
  readonly logPrior: Float64Array;
  // Presence stamps: a feature repeated in one message counts once.
  private readonly stamps: Uint32Array;
  private stamp = 0;
  /** Weight of the known features of each clause in the last `score` call. */
  readonly perSegment = new Float64Array(MAX_SEGMENTS);
  /** Total weight of the known features of the last `score` call (for length normalisation). */
  lastWeight = 0;

  constructor(counts: FeatureCounts, settings: NaiveBayesSettings) {
    this.counts = counts;
    this.settings = settings;
    this.intents = counts.intents;
    this.offsets = counts.offsets;
    this.classes = counts.classes;
    const intentCount = counts.intents.length;
    const vocabulary = counts.keys.length;
    const totals = new Float64Array(intentCount);
    for (let e = 0; e < counts.classes.length; e++)
      totals[counts.classes[e] ?? 0] = (totals[counts.classes[e] ?? 0] ?? 0) + (counts.counts[e] ?? 0);
    const { alpha } = settings;
    const denominators = totals.map((t) => Math.log(t + alpha * vocabulary));
    this.unseen = denominators.map((d) => Math.log(alpha) - d);
    this.deltas = new Float32Array(counts.classes.length);
    for (let e = 0; e < counts.classes.length; e++)
      this.deltas[e] = Math.log(((counts.counts[e] ?? 0) + alpha) / alpha);
    let documents = 0;
    for (const n of counts.docCounts) documents += n;
    this.logPrior = new Float64Array(intentCount);
    for (let c = 0; c < intentCount; c++)
      this.logPrior[c] =
        settings.priorWeight * Math.log(Math.max(counts.docCounts[c] ?? 0, 0.5) / Math.max(documents, 1));
    this.index = new KeyIndex(counts.keys);
    this.meanDeltas = new Float32Array(vocabulary);
    for (let f = 0; f < vocabulary; f++) {
      let sum = 0;
      for (let e = this.offsets[f] ?? 0; e < (this.offsets[f + 1] ?? 0); e++) sum += this.deltas[e] ?? 0;
      this.meanDeltas[f] = sum / Math.max(1, intentCount);
    }
    this.stamps = new Uint32Array(vocabulary);
  }

  /**
   * Adds the log-likelihood of each intent to `totals` (length intents) and, when the message has
   * several clauses and `segmentScores` is given, per clause to it (segmentCount × intents). Writes the dense index
   * of each feature (or -1 when unknown or repeated) to `featureIndex`. Returns the number of known features.
   */
  score(
    features: FeatureBuffer,
    featureIndex: Int32Array,
    totals: Float64Array,
    segmentScores: Float64Array | null,
  ): number {
    const intentCount = this.intents.length;
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const { stamps, offsets, classes, deltas, index } = this;
    // Clause scores only matter when there are several clauses.
    const clauses = segmentScores !== null && features.segmentCount > 1 ? segmentScores : null;
    const perSegment = this.perSegment.fill(0);
    let known = 0;
    let total = 0;
    for (let i = 0; i < features.count; i++) {
      const f = index.get(features.keys[i] ?? 0);
      if (f < 0 || stamps[f] === stamp) {
        featureIndex[i] = -1;
        continue;
      }
      stamps[f] = stamp;
      featureIndex[i] = f;
      known++;
      const weight = features.weights[i] ?? 1;
      const end = offsets[f + 1] ?? 0;
      total += weight;
      const segment = features.segments[i] ?? 0;
      if (clauses === null || segment === WHOLE_MESSAGE) {
        for (let e = offsets[f] ?? 0; e < end; e++) {
          const c = classes[e] ?? 0;
          totals[c] = (totals[c] ?? 0) + weight * (deltas[e] ?? 0);
        }
        continue;
      }
      const row = segment * intentCount;
      for (let e = offsets[f] ?? 0; e < end; e++) {
        const c = classes[e] ?? 0;
        const delta = weight * (deltas[e] ?? 0);
        totals[c] = (totals[c] ?? 0) + delta;
        clauses[row + c] = (clauses[row + c] ?? 0) + delta;
      }
      perSegment[segment] = (perSegment[segment] ?? 0) + weight;
    }
    // Every known feature also pays the intent's unseen-feature probability.
    for (let c = 0; c < intentCount; c++) totals[c] = (totals[c] ?? 0) + total * (this.unseen[c] ?? 0);
    if (clauses !== null)
      for (let s = 0; s < features.segmentCount; s++) {
        const n = perSegment[s] ?? 0;
        if (n === 0) continue;
        const row = s * intentCount;
        for (let c = 0; c < intentCount; c++)
          clauses[row + c] = (clauses[row + c] ?? 0) + n * (this.unseen[c] ?? 0);
      }
    this.lastWeight = total;
    return known;
  }

  /** How much feature `f` speaks for intent `c` over the average intent (evidence weight). */
  contribution(f: number, c: number): number {
    const end = this.offsets[f + 1] ?? 0;
    let own = 0;
    for (let e = this.offsets[f] ?? 0; e < end; e++) if (this.classes[e] === c) own = this.deltas[e] ?? 0;
    return own - (this.meanDeltas[f] ?? 0);
  }
}
