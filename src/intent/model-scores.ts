import type { NormalizedText } from '../normalize/index.js';
import type { BuiltInIntentModel } from './built-in-model.js';
import { extractFeatures, MAX_SEGMENTS, type FeatureBuffer } from './features.js';
import { lengthScale, type NaiveBayes } from './naive-bayes.js';
import type { IntentModel } from './schema.js';
import type { SpellingIndex } from './spelling.js';
import { TextMemo } from '../util/text-memo.js';

/**
 * The statistical model that stands in the classifier: the shipped logistic regression (the
 * default), a caller's model (the `classifier` option), or naive Bayes — the shipped counts with
 * the caller's examples added (examples and no model of the caller's).
 */
export type ScoringModel =
  | { kind: 'built-in'; model: BuiltInIntentModel }
  | { kind: 'external'; model: IntentModel }
  | { kind: 'naive-bayes'; model: NaiveBayes };

/** Floor of an external model's probabilities (log(0) would veto an intent outright). */
const PROBABILITY_FLOOR = 1e-3;
/** PROBABILITY_FLOOR as a log-probability (the built-in model reports logarithms directly). */
const LOG_PROBABILITY_FLOOR = Math.log(PROBABILITY_FLOOR);
/**
 * Clause scores of the built-in model remembered per classifier (about 0.4 KB each, so ≤ 1 MB).
 * Messages share clauses (在吗, 亲, 麻烦快点, 谢谢): over the 495 real messages of the dev file, read
 * in order, 221 of 839 clause scorings came from the memo; over the 53,561 distinct customer texts
 * of 200,000 turns of bench/qa-export.ts, the model ran 106,134 times instead of 208,295.
 */
const CLAUSE_MEMO_ENTRIES = 2048;

/**
 * Step 1 of classifying a message: the model's log-scores mapped onto the classifier's intents
 * (`modelToIntent`), for the whole message and, with several clauses, per clause. Intents the model
 * does not know (user intents known only by their patterns) start neutral. Scratch buffers are
 * owned here and reused: no allocation per message.
 */
export class ModelScores {
  /** Whether the model read the last message (not when it held only data). */
  used = false;
  /** Naive Bayes: the dense index of each feature of the last message (-1: unknown), for its evidence. */
  featureIndex = new Int32Array(256);
  private readonly modelCount: number;
  /** Naive Bayes scratch: the model's own totals, and per clause. */
  private readonly totals: Float64Array;
  private readonly modelSegments: Float64Array;
  /** Which of the classifier's intents the model knows. */
  private readonly inModel: Uint8Array;
  /**
   * The built-in model's log-probabilities of a clause (floored), by the clause's text: a pure
   * function of that text (the model reads the clause alone), so a remembered one is the same.
   */
  private readonly clauseMemo = new TextMemo<Float64Array>(CLAUSE_MEMO_ENTRIES);

  constructor(
    readonly source: ScoringModel,
    private readonly modelToIntent: Int32Array,
    private readonly intentCount: number,
    /** The English spelling index (naive Bayes corrects unknown words with it), built on first use. */
    private readonly spelling: () => SpellingIndex,
  ) {
    this.modelCount = modelToIntent.length;
    this.totals = new Float64Array(this.modelCount);
    this.modelSegments = new Float64Array(MAX_SEGMENTS * this.modelCount);
    this.inModel = new Uint8Array(intentCount);
    for (const i of modelToIntent) this.inModel[i] = 1;
  }

  /**
   * Scores the message whose features are in `features` into `scores` (row 0) and, with several
   * clauses, `segmentScores` (row per clause). Returns how many features the model knew.
   */
  scoreMessage(
    normalized: NormalizedText,
    features: FeatureBuffer,
    scores: Float64Array,
    segmentScores: Float64Array,
  ): number {
    const text = normalized.text;
    const segmentCount = features.segmentCount;
    const { intentCount, modelCount, modelToIntent, source } = this;
    this.used = true;
    if (source.kind === 'naive-bayes') {
      const model = source.model;
      if (this.featureIndex.length < features.count) this.featureIndex = new Int32Array(features.count * 2);
      this.totals.fill(0);
      this.modelSegments.fill(0, 0, segmentCount * modelCount);
      this.correctSpelling(text, features);
      const known = model.score(features, this.featureIndex, this.totals, this.modelSegments);
      this.addNaiveBayes(this.totals, 0, scores, 0, model.lastWeight);
      if (segmentCount > 1)
        for (let s = 0; s < segmentCount; s++)
          this.addNaiveBayes(
            this.modelSegments,
            s * modelCount,
            segmentScores,
            s * intentCount,
            model.perSegment[s] ?? 0,
          );
      return known;
    }
    // The built-in model also scores each clause, so a clause can carry its own request.
    if (source.kind === 'built-in' && segmentCount > 1) {
      const model = source.model;
      for (let s = 0; s < segmentCount; s++) {
        const from = features.segmentStarts[s] ?? 0;
        const to = s + 1 < segmentCount ? (features.segmentStarts[s + 1] ?? text.length) : text.length;
        const clause = text.slice(from, to);
        const part = this.clauseMemo.get(clause, () => {
          const logProbabilities = model.logPredictText(clause);
          const floored = new Float64Array(modelCount);
          for (let c = 0; c < modelCount; c++)
            floored[c] = Math.max(logProbabilities[c] ?? 0, LOG_PROBABILITY_FLOOR);
          return floored;
        });
        const row = s * intentCount;
        segmentScores.fill(-Math.log(Math.max(1, modelCount)), row, row + intentCount);
        for (let c = 0; c < modelCount; c++) segmentScores[row + (modelToIntent[c] ?? 0)] = part[c] ?? 0;
      }
    }
    // Last, so the built-in model's evidence is about the whole message.
    // Intents the model does not know start neutral (a uniform guess over its intents).
    scores.fill(-Math.log(Math.max(1, modelCount)), 0, intentCount);
    if (source.kind === 'built-in') {
      const logProbabilities = source.model.logPredictText(text);
      for (let c = 0; c < modelCount; c++)
        scores[modelToIntent[c] ?? 0] = Math.max(logProbabilities[c] ?? 0, LOG_PROBABILITY_FLOOR);
    } else {
      const probabilities = source.model.predict(normalized);
      for (let c = 0; c < modelCount; c++)
        scores[modelToIntent[c] ?? 0] = Math.log(Math.max(probabilities[c] ?? 0, PROBABILITY_FLOOR));
    }
    return features.count;
  }

  /**
   * The agent's words read as if a customer had written them, into `topicScores` (row 0). Only
   * naive Bayes reads them as features; with another model the topic is the patterns' alone.
   */
  scoreAgentTurn(
    text: string,
    mask: Uint8Array | null,
    agentFeatures: FeatureBuffer,
    stopWords: ReadonlySet<number>,
    topicScores: Float64Array,
  ): void {
    if (this.source.kind !== 'naive-bayes') return;
    const model = this.source.model;
    extractFeatures(text, mask, agentFeatures, stopWords);
    if (agentFeatures.contentSize === 0) return;
    if (this.featureIndex.length < agentFeatures.count)
      this.featureIndex = new Int32Array(agentFeatures.count * 2);
    this.totals.fill(0);
    model.score(agentFeatures, this.featureIndex, this.totals, null);
    this.addNaiveBayes(this.totals, 0, topicScores, 0, model.lastWeight);
  }

  /** Replace unknown English words by the vocabulary word they misspell ("cancelaltion" → cancel). */
  private correctSpelling(text: string, features: FeatureBuffer): void {
    const model = (this.source as { model: NaiveBayes }).model;
    for (let i = 0; i < features.count; i++) {
      if (features.words[i] !== 1 || model.index.get(features.keys[i] ?? 0) >= 0) continue;
      const corrected = this.spelling().correct(text, features.starts[i] ?? 0, features.ends[i] ?? 0);
      if (corrected >= 0) features.keys[i] = corrected;
    }
  }

  /** Naive Bayes log-posteriors (calibrated) into `target[row…]`; intents it lacks get its floor. */
  private addNaiveBayes(
    source: Float64Array,
    sourceRow: number,
    target: Float64Array,
    targetRow: number,
    weight: number,
  ): void {
    if (weight <= 0) return; // no known feature: the model has no opinion (uniform)
    const model = (this.source as { model: NaiveBayes }).model;
    const { modelCount, intentCount, modelToIntent, inModel } = this;
    // Unnormalised log-posteriors: a softmax does not care about a constant, so none is subtracted.
    const t = model.settings.temperature * lengthScale(weight);
    let max = -Infinity;
    for (let c = 0; c < modelCount; c++) {
      const v = ((model.logPrior[c] ?? 0) + (source[sourceRow + c] ?? 0)) / t;
      target[targetRow + (modelToIntent[c] ?? 0)] = v;
      if (v > max) max = v;
    }
    if (modelCount === intentCount) return;
    // A user intent known only by its patterns starts neutral: the probability of a uniform guess.
    let sum = 0;
    for (let c = 0; c < modelCount; c++)
      sum += Math.exp((target[targetRow + (modelToIntent[c] ?? 0)] ?? 0) - max);
    const floor = max + Math.log(sum) - Math.log(modelCount);
    for (let i = 0; i < intentCount; i++) if (inModel[i] === 0) target[targetRow + i] = floor;
  }
}
