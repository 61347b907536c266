import { intentLinearModel } from '../generated/intent-linear.js';
import type { NormalizedText } from '../normalize/index.js';
import { stopWordKeys } from './word-keys.js';
import { FeatureList, LinearFeatureExtractor } from './linear-features.js';
import { LinearModel, type SerializedLinearModel } from './linear-model.js';
import type { IntentModel } from './schema.js';
import { SpellingIndex } from './spelling.js';

/** A span of the folded text that pushed the model towards an intent, and by how much (logit). */
export interface ModelEvidence {
  start: number;
  end: number;
  weight: number;
}

/** The shipped model, with what the classifier needs beyond `IntentModel`. */
export interface BuiltInIntentModel extends IntentModel {
  /**
   * The natural logarithms of the probabilities for a folded text or a part of one (a clause), in
   * the order of `intents`: what the classifier adds up, without an exp and a log per intent.
   */
  logPredictText(text: string): Float64Array;
  /**
   * The strongest spans for `intentIndex` in the text last given to `logPredictText`/`predict`, best
   * first, at most `max` of them, each at least `min` (logit).
   */
  explain(intentIndex: number, max: number, min: number): ModelEvidence[];
}

/**
 * The shipped statistical intent model: multinomial logistic regression over character n-grams,
 * words, placeholders and shape features (scripts/intent-lab: chosen by grouped cross-validation on
 * the training corpora, compared with naive Bayes on the project's unseen set), calibrated by
 * temperature on held-out folds. It reads the message alone; the classifier adds the patterns and
 * the conversation context.
 */
let shared: BuiltInIntentModel | undefined;

/** The built-in model, decoded on first use and shared (predict is synchronous, so one buffer serves all). */
export function builtInIntentModel(): BuiltInIntentModel {
  return (shared ??= linearIntentModel(intentLinearModel()));
}

/**
 * A linear model as the classifier runs the built-in one (the intent lab runs models trained
 * without a fold through it). Throws HuashuError `INVALID_RULES` when `serialized` is malformed.
 */
export function linearIntentModel(serialized: SerializedLinearModel): BuiltInIntentModel {
  const model = LinearModel.decode(serialized);
  const stopWords = stopWordKeys(model.stopWords);
  // Built on the first unknown English word: Chinese traffic never pays for it.
  const extractor = new LinearFeatureExtractor(model.spec, {
    spelling: SpellingIndex.lazyFromWords(model.spellingWords, stopWords),
    stopWords,
  });
  const features = new FeatureList();
  features.recordSpans(true);
  const logits = new Float64Array(model.intents.length);
  const probabilities = new Float64Array(model.intents.length);
  const logProbabilities = new Float64Array(model.intents.length);
  // Features and logits of `text`, kept for `explain`.
  const score = (text: string): Float64Array => {
    extractor.extract(text, null, features);
    model.score(features, logits);
    return logits;
  };
  const logPredictText = (text: string): Float64Array => {
    model.logProbabilities(score(text), logProbabilities);
    return logProbabilities;
  };
  return {
    name: 'logistic regression',
    intents: model.intents,
    predict: (normalized: NormalizedText) => {
      model.probabilities(score(normalized.text), probabilities);
      return probabilities;
    },
    logPredictText,
    explain(intentIndex, max, min) {
      // The best `max` spans, best first (weight, then position), kept in a list of at most `max`:
      // linear in the message, however many of its features point to the intent.
      const best: ModelEvidence[] = [];
      const spans = features.spans;
      if (spans === null || max <= 0) return best;
      const before = (a: ModelEvidence, b: ModelEvidence) =>
        a.weight > b.weight || (a.weight === b.weight && a.start < b.start);
      for (let i = 0; i < features.count; i++) {
        const start = spans[2 * i] ?? -1;
        const end = spans[2 * i + 1] ?? -1;
        if (start < 0 || end <= start) continue; // whole-message features have no place to show
        const weight = model.weightOfScored(i, intentIndex) / model.temperature;
        if (weight < min) continue;
        // The same span from two features (a gram and a word) counts once, with the larger weight.
        let at = best.findIndex((e) => e.start === start && e.end === end);
        if (at >= 0) {
          if (best[at]!.weight >= weight) continue;
          best.splice(at, 1);
        }
        const span = { start, end, weight };
        if (best.length === max && !before(span, best[max - 1]!)) continue;
        at = best.findIndex((e) => before(span, e));
        best.splice(at < 0 ? best.length : at, 0, span);
        if (best.length > max) best.pop();
      }
      return best;
    },
  };
}
