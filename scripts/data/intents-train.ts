/**
 * Build-time training of the intent model: counts features of every corpus utterance (the
 * `tests` are held back), picks the smoothing and prior by 5-fold cross-validation, and fits the
 * softmax temperature on the held-out predictions so confidences are calibrated.
 *
 * src/ modules are imported lazily by the caller: they need src/generated/hanzi.ts, which an
 * earlier generator writes.
 */
import type { FeatureBuffer } from '../../src/intent/features.js';
import type { CountedDocument, FeatureCounts, NaiveBayes, NaiveBayesSettings, SerializedNaiveBayes } from '../../src/intent/naive-bayes.js';
import type { PatternGroup } from '../../src/intent/schema.js';
import type { DocumentFeatures } from '../../src/intent/training.js';
import type { IntentRules } from './intents-rules.js';

export interface TrainingReport {
  documents: number;
  features: number;
  settings: NaiveBayesSettings;
  /** Cross-validated accuracy of the model alone (no patterns, no context). */
  crossValidatedAccuracy: number;
  /** Mean negative log-likelihood of the true intent at the fitted temperature. */
  crossValidatedLoss: number;
}

const FOLDS = 5;
const ALPHAS = [0.1, 0.3, 1];
const PRIOR_WEIGHTS = [0, 1];
const TEMPERATURES = Array.from({ length: 80 }, (_, i) => 0.5 + i * 0.25);

export function patternsOf(rules: IntentRules): { groups: PatternGroup[]; mask: string[] } {
  const groups = rules.patterns.flatMap((p) => p.data.patterns);
  const mask = [...new Set(rules.patterns.flatMap((p) => p.data.mask ?? []))];
  return { groups, mask };
}

export async function trainIntentModel(
  rules: IntentRules,
  intentOrder: readonly string[],
): Promise<{ model: SerializedNaiveBayes; report: TrainingReport }> {
  const { PatternMatcher } = await import('../../src/intent/patterns.js');
  const { FeatureBuffer: Buffer } = await import('../../src/intent/features.js');
  const { countFeatures, NaiveBayes: Model, serializeNaiveBayes, lengthScale } = await import('../../src/intent/naive-bayes.js');
  const { documentFeatures, loadFeatures } = await import('../../src/intent/training.js');
  const { normalize } = await import('../../src/normalize/index.js');

  const { groups, mask } = patternsOf(rules);
  const matcher = new PatternMatcher(groups, mask);
  const buffer = new Buffer();
  // zh-Hant folds to the same text as zh-Hans: count each (folded text, intent) once.
  const seen = new Set<string>();
  const documents: Array<CountedDocument & { features: DocumentFeatures }> = [];
  for (const { data } of rules.corpora)
    for (const entry of data.data)
      for (const utterance of entry.utterances) {
        const key = `${entry.intent}\u0000${normalize(utterance).text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const features = documentFeatures(utterance, matcher, buffer);
        documents.push({ keys: features.keys, features, intent: entry.intent, weight: 1 });
      }
  // Fixed intent order (the built-in list first), so class indices are stable across builds.
  const ordered: CountedDocument[] = intentOrder.map((intent) => ({ keys: [], intent, weight: 0 }));

  const heldOut = (settings: Omit<NaiveBayesSettings, 'temperature'>) => {
    const predictions: Array<{ scores: Float64Array; truth: number }> = [];
    for (let fold = 0; fold < FOLDS; fold++) {
      const train = documents.filter((_, i) => i % FOLDS !== fold);
      const counts = countFeatures([...ordered, ...train]);
      const model = new Model(counts, { ...settings, temperature: 1 });
      documents.forEach((document, i) => {
        if (i % FOLDS !== fold) return;
        loadFeatures(document.features, buffer);
        predictions.push({ scores: rawScores(model, buffer, lengthScale), truth: model.intents.indexOf(document.intent) });
      });
    }
    return predictions;
  };

  let best: { settings: Omit<NaiveBayesSettings, 'temperature'>; accuracy: number; predictions: Array<{ scores: Float64Array; truth: number }> } | undefined;
  for (const alpha of ALPHAS)
    for (const priorWeight of PRIOR_WEIGHTS) {
      const predictions = heldOut({ alpha, priorWeight });
      const accuracy = predictions.filter((p) => argmax(p.scores) === p.truth).length / predictions.length;
      if (!best || accuracy > best.accuracy) best = { settings: { alpha, priorWeight }, accuracy, predictions };
    }
  if (!best) throw new Error('no training documents');

  let temperature = 1;
  let loss = Infinity;
  for (const t of TEMPERATURES) {
    const l = meanLoss(best.predictions, t);
    if (l < loss) [temperature, loss] = [t, l];
  }
  const settings: NaiveBayesSettings = { ...best.settings, temperature };
  const counts: FeatureCounts = countFeatures([...ordered, ...documents]);
  return {
    model: serializeNaiveBayes(counts, settings),
    report: {
      documents: documents.length,
      features: counts.keys.length,
      settings,
      crossValidatedAccuracy: best.accuracy,
      crossValidatedLoss: loss,
    },
  };
}

/** Length-normalised log-prior plus log-likelihood per intent for the features in `buffer`. */
export function rawScores(model: NaiveBayes, buffer: FeatureBuffer, lengthScale: (weight: number) => number): Float64Array {
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

function meanLoss(predictions: Array<{ scores: Float64Array; truth: number }>, temperature: number): number {
  let total = 0;
  for (const { scores, truth } of predictions) {
    let max = -Infinity;
    for (const s of scores) max = Math.max(max, s / temperature);
    let sum = 0;
    for (const s of scores) sum += Math.exp(s / temperature - max);
    total += max + Math.log(sum) - (scores[truth] ?? 0) / temperature;
  }
  return total / predictions.length;
}
