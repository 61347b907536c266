/**
 * One variant end to end: features, grouped cross-validation on the training rows (hyper-parameters
 * and the temperature are chosen here, never on the evaluation sets), the final fit on every
 * training row, and the measurements on the evaluation sets.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FeatureList, type LinearFeatureSpec } from '../../src/intent/linear-features.js';
import { LinearModel, serializeLinearModel, type LinearModelParts } from '../../src/intent/linear-model.js';
import { scoreIntents } from '../../src/cli/evaluation/score.js';
import { normalize } from '../../src/normalize/index.js';
import {
  accuracyAtCoverage,
  expectedCalibrationError,
  fitTemperature,
  meanLoss,
  type Prediction,
  type Scored,
} from './calibration.js';
import { groupFolds, LAB_CACHE, withAgentTurns, type EvaluationSet, type TrainingRow } from './data.js';
import {
  buildVocabulary,
  extractAll,
  INTENT_INDEX,
  INTENTS,
  makeExtractor,
  toCsr,
  type Resources,
} from './dataset.js';
import { packModel, type PackOptions } from './pack.js';
import {
  trainLogistic,
  trainNaiveBayes,
  trainPerceptron,
  type LinearWeights,
  type LogisticParams,
  type NaiveBayesParams,
  type PerceptronParams,
} from './trainers.js';

export type Learner =
  | { kind: 'nb'; params: NaiveBayesParams }
  | { kind: 'lr'; params: LogisticParams }
  | { kind: 'perceptron'; params: PerceptronParams };

export interface Variant {
  name: string;
  learner: Learner;
  spec: LinearFeatureSpec;
  /** Features seen in fewer training rows are dropped. */
  minCount: number;
  pack: PackOptions;
  /** Share of longer training rows copied after a random agent turn (see withAgentTurns). */
  agentTurnRate: number;
}

export const FOLDS = 5;
const SEED = 7;

export interface CvResult {
  /** On the held-out training rows as written (copies with a random agent turn excluded). */
  accuracy: number;
  macroF1: number;
  /** On the copies with a random agent turn. */
  copiesAccuracy: number;
  /** Mean held-out loss at the fitted temperature. */
  loss: number;
  temperature: number;
  ece: number;
  /** Mean number of features kept per fold model, and entries. */
  features: number;
  entries: number;
  /** Mean size of a fold model as JSON (base64 fields), bytes. */
  bytes: number;
  seconds: number;
}

/** Size of the model as the generated module would hold it (JSON text). */
export function modelBytes(parts: LinearModelParts): number {
  return JSON.stringify(serializeLinearModel(parts)).length;
}

interface Prepared {
  /** The training rows first, then their copies after a random agent turn. */
  rows: TrainingRow[];
  originals: number;
  folds: Int32Array;
  docs: Uint32Array[];
  labels: Int32Array;
}

const preparedCache = new Map<string, Prepared>();
// The cache knows a set of rows by the array it came in, not by its length: two folds' training
// rows can be equally many.
const baseIds = new WeakMap<readonly TrainingRow[], number>();
let nextBaseId = 0;

/** The (augmented) training rows of a variant with their folds and features (cached per spec and rows). */
export function prepare(variant: Variant, base: readonly TrainingRow[], resources: Resources): Prepared {
  let baseId = baseIds.get(base);
  if (baseId === undefined) baseIds.set(base, (baseId = nextBaseId++));
  const key = `${JSON.stringify(variant.spec)}|${variant.agentTurnRate}|${baseId}`;
  const cached = preparedCache.get(key);
  if (cached) return cached;
  const pool = [...new Set(base.filter((r) => r.prev !== null).map((r) => r.prev as string))].sort();
  const rows = withAgentTurns(base, pool, variant.agentTurnRate, SEED);
  // Copies keep their source's group, so they fall in the same fold.
  const folds = groupFolds(rows, FOLDS, SEED);
  const docs = extractAll(makeExtractor(variant.spec, resources), rows);
  const labels = Int32Array.from(rows, (r) => INTENT_INDEX.get(r.intent) ?? 0);
  const prepared = { rows, originals: base.length, folds, docs, labels };
  // A few specs at a time (each holds the features of every row).
  if (preparedCache.size >= 3) preparedCache.delete(preparedCache.keys().next().value as string);
  preparedCache.set(key, prepared);
  return prepared;
}

export function train(
  variant: Variant,
  docs: readonly Uint32Array[],
  labels: Int32Array,
  use: ArrayLike<number>,
) {
  const vocabulary = buildVocabulary(docs, use, variant.minCount);
  const data = toCsr(docs, use, labels, vocabulary);
  const C = INTENTS.length;
  let weights: LinearWeights;
  if (variant.learner.kind === 'nb') weights = trainNaiveBayes(data, C, variant.learner.params);
  else if (variant.learner.kind === 'lr') weights = trainLogistic(data, C, variant.learner.params);
  else weights = trainPerceptron(data, C, variant.learner.params);
  return { weights, vocabulary };
}

export function pack(
  variant: Variant,
  trained: { weights: LinearWeights; vocabulary: Map<number, number> },
  resources: Resources,
  temperature: number,
): LinearModelParts {
  return packModel(trained.weights, trained.vocabulary, INTENTS, variant.spec, variant.pack, {
    temperature,
    spellingWords: resources.spellingWords,
    stopWords: resources.stopWords,
  });
}

function wrap(keys: Uint32Array): FeatureList {
  const list = new FeatureList();
  list.keys = keys;
  list.count = keys.length;
  return list;
}

const CV_CACHE = join(LAB_CACHE, 'cv.json');
let cvCache: Record<string, CvResult> | undefined;

/**
 * A hash of what the learner sees: the features and label of every (augmented) training row of a
 * variant. It changes whenever code that reads a text for the model changes what the model is
 * trained on (normalize, the placeholder and agent-turn readers, the patterns, the extractor),
 * which hashing those files' text cannot promise and which their comments do not touch.
 */
export function featuresFingerprint(
  variant: Variant,
  base: readonly TrainingRow[],
  resources: Resources,
): string {
  const { docs, labels } = prepare(variant, base, resources);
  const hash = createHash('sha256');
  docs.forEach((keys, i) => {
    hash.update(new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength));
    hash.update(`|${labels[i]}\n`);
  });
  return hash.digest('hex').slice(0, 16);
}

/** Key of a CV run: the variant, the training rows and their features. */
function cvKey(variant: Variant, base: readonly TrainingRow[], resources: Resources): string {
  const hash = createHash('sha256');
  for (const r of base) hash.update(`${r.text}\u0000${r.intent}\u0000${r.prev ?? ''}\u0000${r.group}\n`);
  const { name: _name, ...rest } = variant;
  return `${JSON.stringify(rest)}|${base.length}|${hash.digest('hex').slice(0, 16)}|${featuresFingerprint(variant, base, resources)}`;
}

/** crossValidate, remembered in scripts/intent-lab/.cache/cv.json (same variant, same rows). */
export function crossValidateCached(
  variant: Variant,
  base: readonly TrainingRow[],
  resources: Resources,
): CvResult {
  cvCache ??= existsSync(CV_CACHE)
    ? (JSON.parse(readFileSync(CV_CACHE, 'utf8')) as Record<string, CvResult>)
    : {};
  const key = cvKey(variant, base, resources);
  const hit = cvCache[key];
  if (hit) return hit;
  const result = crossValidate(variant, base, resources);
  cvCache[key] = result;
  mkdirSync(dirname(CV_CACHE), { recursive: true });
  writeFileSync(CV_CACHE, JSON.stringify(cvCache));
  return result;
}

/** Grouped K-fold: held-out predictions of packed (pruned, quantised) fold models. */
export function crossValidate(
  variant: Variant,
  base: readonly TrainingRow[],
  resources: Resources,
): CvResult {
  const started = performance.now();
  const { rows, originals, folds, docs, labels } = prepare(variant, base, resources);
  const predictions: Prediction[] = [];
  const isCopy: boolean[] = [];
  let features = 0;
  let entries = 0;
  let bytes = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const use: number[] = [];
    const held: number[] = [];
    for (let i = 0; i < rows.length; i++) (folds[i] === fold ? held : use).push(i);
    const parts = pack(variant, train(variant, docs, labels, use), resources, 1);
    features += parts.keys.length / FOLDS;
    entries += parts.classes.length / FOLDS;
    bytes += modelBytes(parts) / FOLDS;
    const model = new LinearModel(parts);
    for (const i of held) {
      const logits = new Float64Array(INTENTS.length);
      model.score(wrap(docs[i] ?? new Uint32Array(0)), logits);
      predictions.push({ logits, accept: [labels[i] ?? 0] });
      isCopy.push(i >= originals);
    }
  }
  // The temperature is fitted on every held-out row, copies included (real traffic has agent turns).
  const temperature = fitTemperature(predictions);
  const scored = predictions.map((p) => top(p.logits, temperature, p.accept));
  const report = scoreIntents(
    predictions
      .map((p, k) => ({
        accept: [INTENTS[p.accept[0] ?? 0] ?? ''],
        predicted: INTENTS[scored[k]?.index ?? 0] ?? '',
      }))
      .filter((_, k) => !isCopy[k]),
  );
  const copies = scored.filter((_, k) => isCopy[k]);
  return {
    accuracy: report.accuracy,
    macroF1: report.macroF1,
    copiesAccuracy: copies.filter((s) => s.correct).length / Math.max(1, copies.length),
    loss: meanLoss(predictions, temperature),
    temperature,
    ece: expectedCalibrationError(scored),
    features,
    entries,
    bytes,
    seconds: (performance.now() - started) / 1000,
  };
}

function top(
  logits: Float64Array,
  temperature: number,
  accept: readonly number[],
): Scored & { index: number } {
  let best = 0;
  for (let c = 1; c < logits.length; c++) if ((logits[c] ?? 0) > (logits[best] ?? 0)) best = c;
  let sum = 0;
  for (const v of logits) sum += Math.exp((v - (logits[best] ?? 0)) / temperature);
  return { index: best, confidence: 1 / sum, correct: accept.includes(best) };
}

/** The final model: trained on every training row, packed, with the cross-validated temperature. */
export function fitFinal(
  variant: Variant,
  base: readonly TrainingRow[],
  resources: Resources,
  temperature: number,
) {
  const { rows, docs, labels } = prepare(variant, base, resources);
  const use = Int32Array.from({ length: rows.length }, (_, i) => i);
  return pack(variant, train(variant, docs, labels, use), resources, temperature);
}

export interface SetResult {
  name: string;
  rows: number;
  accuracy: number;
  macroF1: number;
  ece: number;
  at50: number;
  at80: number;
  at100: number;
}

/** A set's figures from predicted ids and confidences. */
export function measure(
  set: EvaluationSet,
  predicted: readonly string[],
  confidences: readonly number[],
): SetResult {
  const report = scoreIntents(
    set.rows.map((row, i) => ({ accept: row.accept, predicted: predicted[i] ?? 'other' })),
  );
  const scored: Scored[] = set.rows.map((row, i) => ({
    confidence: confidences[i] ?? 0,
    correct: row.accept.includes(predicted[i] ?? 'other'),
  }));
  return {
    name: set.name,
    rows: set.rows.length,
    accuracy: report.accuracy,
    macroF1: report.macroF1,
    ece: expectedCalibrationError(scored),
    at50: accuracyAtCoverage(scored, 0.5),
    at80: accuracyAtCoverage(scored, 0.8),
    at100: accuracyAtCoverage(scored, 1),
  };
}

/** Predictions of a packed model on a set (the runtime path: normalize → extract → score). */
export function predictSet(parts: LinearModelParts, resources: Resources, set: EvaluationSet) {
  const model = new LinearModel(parts);
  const extractor = makeExtractor(parts.spec, resources);
  const list = new FeatureList();
  const logits = new Float64Array(INTENTS.length);
  const probabilities = new Float64Array(INTENTS.length);
  const predicted: string[] = [];
  const confidences: number[] = [];
  for (const row of set.rows) {
    extractor.extract(
      normalize(row.text).text,
      row.previousAgentMessage === null ? null : normalize(row.previousAgentMessage).text,
      list,
    );
    model.score(list, logits);
    const best = model.probabilities(logits, probabilities);
    predicted.push(INTENTS[best] ?? 'other');
    confidences.push(probabilities[best] ?? 0);
  }
  return { predicted, confidences };
}
