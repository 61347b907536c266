/**
 * Build-time training of the intent model: counts features of every corpus utterance (the
 * `tests` are held back), picks the smoothing and prior by 5-fold cross-validation, and fits the
 * softmax temperature on the held-out predictions so confidences are calibrated.
 *
 * src/ modules are imported lazily by the caller: they need src/generated/hanzi.ts, which an
 * earlier generator writes.
 */
import type { FeatureBuffer } from '../../src/intent/features.js';
import type {
  CountedDocument,
  FeatureCounts,
  NaiveBayes,
  NaiveBayesSettings,
  SerializedNaiveBayes,
} from '../../src/intent/naive-bayes.js';
import type { BuiltInPatterns } from '../../src/intent/patterns.js';
import { planSafeRegexes } from '../../src/text/safe-regex.js';
import type { DocumentFeatures } from '../../src/intent/training.js';
import type { IntentRules } from './intents-rules.js';

export interface TrainingReport {
  documents: number;
  features: number;
  settings: NaiveBayesSettings;
  /** Cross-validated accuracy of the model alone (no patterns, no context). */
  crossValidatedAccuracy: number;
  /** Accuracy on the corpus `tests` of model + patterns (no context), at the fitted calibration. */
  testAccuracy: number;
  /** Mean negative log-likelihood of the true intent on the `tests` at the fitted calibration. */
  testLoss: number;
}

const FOLDS = 5;
const ALPHAS = [0.05, 0.1, 0.2];
const PRIOR_WEIGHTS = [0.5, 1];
const TEMPERATURES = Array.from({ length: 60 }, (_, i) => 0.5 + i * 0.25);
const PATTERN_SCALES = Array.from({ length: 16 }, (_, i) => 0.25 + i * 0.25);

export function patternsOf(rules: IntentRules): BuiltInPatterns {
  const groups = rules.patterns.flatMap((p) => p.data.patterns);
  const mask = [...new Set(rules.patterns.flatMap((p) => p.data.mask ?? []))];
  // Checked here once (the schema already refused any pattern that breaks the rule): the run time
  // compiles each on first use without repeating the checks.
  const plans = planSafeRegexes(groups.flatMap((g) => g.regex ?? []));
  const dataLabels = [...new Set(rules.patterns.flatMap((p) => p.data.dataLabels ?? []))];
  const asides = [...new Set(rules.patterns.flatMap((p) => p.data.asides ?? []))];
  return { groups, mask, dataLabels, asides, plans };
}

export async function trainIntentModel(
  rules: IntentRules,
  intentOrder: readonly string[],
  stopWordList: string[],
): Promise<{ model: SerializedNaiveBayes; report: TrainingReport }> {
  const { PatternMatcher } = await import('../../src/intent/patterns.js');
  const { FeatureBuffer: Buffer } = await import('../../src/intent/features.js');
  const { stopWordKeys } = await import('../../src/intent/word-keys.js');
  const stopWords = stopWordKeys(stopWordList);
  const {
    countFeatures,
    NaiveBayes: Model,
    serializeNaiveBayes,
    lengthScale,
  } = await import('../../src/intent/naive-bayes.js');
  const { documentFeatures, loadFeatures } = await import('../../src/intent/training.js');
  const { normalize } = await import('../../src/normalize/index.js');
  const { buildSpellingPairs, countWords, encodeWordCounts, spellingPairsOfWordCounts } =
    await import('../../src/intent/spelling.js');
  const { encodeBase64 } = await import('../../src/util/base64.js');
  const words = new Map<string, number>();

  const { groups, mask, plans } = patternsOf(rules);
  const matcher = new PatternMatcher(groups, mask, plans);
  const buffer = new Buffer();
  // zh-Hant folds to the same text as zh-Hans: count each (folded text, intent) once.
  const seen = new Set<string>();
  const documents: Array<CountedDocument & { features: DocumentFeatures; patterns: Float64Array }> = [];
  /** Pattern log-odds per intent (order `intentOrder`) of the text the matcher last matched. */
  const patternVector = (): Float64Array => {
    const vector = new Float64Array(intentOrder.length);
    for (let k = 0; k < matcher.firedCount; k++) {
      const group = matcher.groups[matcher.fired[k] ?? 0];
      const i = group ? intentOrder.indexOf(group.intent) : -1;
      if (group && i >= 0)
        vector[i] = (vector[i] ?? 0) + group.weight * (matcher.hitFactors[matcher.fired[k] ?? 0] ?? 0);
    }
    return vector;
  };
  for (const { data } of rules.corpora)
    for (const entry of data.data)
      for (const utterance of entry.utterances) {
        const folded = normalize(utterance).text;
        const key = `${entry.intent}\u0000${folded}`;
        if (seen.has(key)) continue;
        seen.add(key);
        countWords(folded, words);
        const features = documentFeatures(utterance, matcher, stopWords, buffer);
        documents.push({
          keys: features.keys,
          features,
          patterns: patternVector(),
          intent: entry.intent,
          weight: 1,
        });
      }
  // Fixed intent order (the built-in list first), so class indices are stable across builds.
  const ordered: CountedDocument[] = intentOrder.map((intent) => ({ keys: [], intent, weight: 0 }));

  const heldOut = (settings: Omit<NaiveBayesSettings, 'temperature' | 'patternScale'>) => {
    const predictions: Array<{ scores: Float64Array; patterns: Float64Array; truth: number }> = [];
    for (let fold = 0; fold < FOLDS; fold++) {
      const train = documents.filter((_, i) => i % FOLDS !== fold);
      const counts = countFeatures([...ordered, ...train]);
      const model = new Model(counts, { ...settings, temperature: 1, patternScale: 1 });
      documents.forEach((document, i) => {
        if (i % FOLDS !== fold) return;
        loadFeatures(document.features, buffer);
        predictions.push({
          scores: rawScores(model, buffer, lengthScale),
          patterns: document.patterns,
          truth: model.intents.indexOf(document.intent),
        });
      });
    }
    return predictions;
  };

  // For each smoothing and prior: calibrate on the cross-validated predictions (first the temperature
  // of the model's log-posterior alone, then the scale of pattern log-odds, each minimising the
  // negative log-likelihood of the true intent on utterances the fold's model did not see), and keep
  // the setting whose calibrated combination has the least held-out loss.
  let best: { settings: NaiveBayesSettings; accuracy: number; loss: number } | undefined;
  for (const alpha of ALPHAS)
    for (const priorWeight of PRIOR_WEIGHTS) {
      const predictions = heldOut({ alpha, priorWeight });
      let temperature = 1;
      let loss = Infinity;
      for (const t of TEMPERATURES) {
        const l = meanLoss(predictions, t, 0);
        if (l < loss) [temperature, loss] = [t, l];
      }
      let patternScale = 0;
      for (const scale of PATTERN_SCALES) {
        const l = meanLoss(predictions, temperature, scale);
        if (l < loss) [patternScale, loss] = [scale, l];
      }
      const accuracy = predictions.filter((p) => argmax(p.scores) === p.truth).length / predictions.length;
      if (!best || loss < best.loss)
        best = { settings: { alpha, priorWeight, temperature, patternScale }, accuracy, loss };
    }
  if (!best) throw new Error('no training documents');
  const { temperature, patternScale } = best.settings;
  const counts: FeatureCounts = countFeatures([...ordered, ...documents]);
  const final = new Model(counts, best.settings);
  // The held-back `tests` measure the calibrated combination (no context) on unseen utterances.
  let testCount = 0;
  let testCorrect = 0;
  let testLoss = 0;
  for (const { data } of rules.corpora)
    for (const entry of data.data)
      for (const test of entry.tests) {
        loadFeatures(documentFeatures(test, matcher, stopWords, buffer), buffer);
        const item = {
          scores: rawScores(final, buffer, lengthScale),
          patterns: patternVector(),
          truth: final.intents.indexOf(entry.intent),
        };
        testCount++;
        if (argmax(combine(item, temperature, patternScale)) === item.truth) testCorrect++;
        testLoss += meanLoss([item], temperature, patternScale);
      }
  const calibratedAccuracy = testCorrect / Math.max(1, testCount);
  const loss = testLoss / Math.max(1, testCount);
  const settings = best.settings;
  // The words, not their pairs, are shipped: the pairs are rebuilt from them, exactly.
  const spelling = encodeWordCounts(words);
  if (encodeBase64(spellingPairsOfWordCounts(spelling, stopWords)) !== buildSpellingPairs(words, stopWords))
    throw new Error('intent model: the spelling pairs rebuilt from the shipped words differ');
  return {
    model: serializeNaiveBayes(counts, settings, spelling, stopWordList),
    report: {
      documents: documents.length,
      features: counts.keys.length,
      settings,
      crossValidatedAccuracy: best.accuracy,
      testAccuracy: calibratedAccuracy,
      testLoss: loss,
    },
  };
}

/** Length-normalised log-prior plus log-likelihood per intent for the features in `buffer`. */
export function rawScores(
  model: NaiveBayes,
  buffer: FeatureBuffer,
  lengthScale: (weight: number) => number,
): Float64Array {
  const totals = new Float64Array(model.intents.length);
  const segments = new Float64Array(8 * model.intents.length);
  const index = new Int32Array(Math.max(1, buffer.count));
  model.score(buffer, index, totals, segments);
  // Same normalisation as the classifier, so the fitted temperature applies to it.
  const scale = lengthScale(model.lastWeight);
  for (let c = 0; c < totals.length; c++) totals[c] = ((totals[c] ?? 0) + (model.logPrior[c] ?? 0)) / scale;
  return totals;
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}

function combine(
  c: { scores: Float64Array; patterns: Float64Array },
  temperature: number,
  patternScale: number,
): Float64Array {
  const z = new Float64Array(c.scores.length);
  for (let i = 0; i < z.length; i++)
    z[i] = (c.scores[i] ?? 0) / temperature + patternScale * (c.patterns[i] ?? 0);
  return z;
}

function meanLoss(
  items: Array<{ scores: Float64Array; patterns: Float64Array; truth: number }>,
  temperature: number,
  patternScale: number,
): number {
  let total = 0;
  for (const item of items) {
    const z = combine(item, temperature, patternScale);
    let max = -Infinity;
    for (const v of z) max = Math.max(max, v);
    let sum = 0;
    for (const v of z) sum += Math.exp(v - max);
    total += max + Math.log(sum) - (z[item.truth] ?? 0);
  }
  return total / Math.max(1, items.length);
}
