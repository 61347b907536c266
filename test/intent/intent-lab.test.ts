import { describe, expect, it } from 'vitest';
import { LinearModel } from '../../src/intent/linear-model.js';
import { FeatureFamily as F, FeatureList } from '../../src/intent/linear-features.js';
import {
  accuracyAtCoverage,
  expectedCalibrationError,
  fitTemperature,
  type Prediction,
} from '../../scripts/intent-lab/calibration.js';
import { groupFolds, random, withAgentTurns, type TrainingRow } from '../../scripts/intent-lab/data.js';
import { buildVocabulary, toCsr } from '../../scripts/intent-lab/dataset.js';
import { packModel } from '../../scripts/intent-lab/pack.js';
import {
  scoreRow,
  trainLogistic,
  trainNaiveBayes,
  trainPerceptron,
  type LinearWeights,
} from '../../scripts/intent-lab/trainers.js';

/**
 * A toy corpus: class c has the marker features 100+c and 200+c (each present with probability
 * 0.8, at least one always), plus 0–3 noise features 0–19 shared by every class.
 */
function toy(rows: number, seed: number): { docs: Uint32Array[]; labels: Int32Array } {
  const next = random(seed);
  const docs: Uint32Array[] = [];
  const labels = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const c = r % 3;
    labels[r] = c;
    const keys = new Set<number>();
    const first = next() < 0.8;
    if (first) keys.add(100 + c);
    if (!first || next() < 0.8) keys.add(200 + c);
    const noise = Math.floor(next() * 4);
    for (let k = 0; k < noise; k++) keys.add(Math.floor(next() * 20));
    docs.push(Uint32Array.from(keys));
  }
  return { docs, labels };
}

function accuracy(
  model: LinearWeights,
  docs: Uint32Array[],
  labels: Int32Array,
  vocabulary: Map<number, number>,
) {
  const data = toCsr(
    docs,
    Int32Array.from(docs, (_, i) => i),
    labels,
    vocabulary,
  );
  const z = new Float64Array(3);
  let correct = 0;
  for (let r = 0; r < data.rows; r++) {
    scoreRow(model, data, r, z);
    let best = 0;
    for (let c = 1; c < 3; c++) if ((z[c] ?? 0) > (z[best] ?? 0)) best = c;
    if (best === data.labels[r]) correct++;
  }
  return correct / data.rows;
}

describe('intent lab trainers on a separable toy problem', () => {
  const train = toy(300, 1);
  const test = toy(90, 2);
  const all = Int32Array.from(train.docs, (_, i) => i);
  const vocabulary = buildVocabulary(train.docs, all, 1);
  const data = toCsr(train.docs, all, train.labels, vocabulary);

  it.each<[string, () => LinearWeights]>([
    [
      'logistic regression',
      () => trainLogistic(data, 3, { epochs: 10, learningRate: 0.2, l2: 1, l1: 0, sqrtNorm: false, seed: 1 }),
    ],
    [
      'logistic regression, √ values, elastic net',
      () =>
        trainLogistic(data, 3, { epochs: 10, learningRate: 0.2, l2: 1, l1: 0.1, sqrtNorm: true, seed: 1 }),
    ],
    ['averaged perceptron', () => trainPerceptron(data, 3, { epochs: 5, seed: 1 })],
    ['naive Bayes', () => trainNaiveBayes(data, 3, { alpha: 0.1, priorWeight: 1 })],
  ])('%s classifies training and unseen toy rows perfectly', (_, fit) => {
    const model = fit();
    expect(accuracy(model, train.docs, train.labels, vocabulary)).toBe(1);
    expect(accuracy(model, test.docs, test.labels, vocabulary)).toBe(1);
  });

  it('an untrained (zero) model is at chance, so the check above can fail', () => {
    const zero: LinearWeights = {
      vocabulary: vocabulary.size,
      classes: 3,
      weights: new Float32Array(vocabulary.size * 3),
      bias: new Float64Array(3),
      sqrtNorm: false,
    };
    expect(accuracy(zero, test.docs, test.labels, vocabulary)).toBeCloseTo(1 / 3, 5);
  });

  it('packing (median centring, pruning, int8) keeps the decisions and the logit differences', () => {
    const model = trainLogistic(data, 3, {
      epochs: 10,
      learningRate: 0.2,
      l2: 1,
      l1: 0,
      sqrtNorm: false,
      seed: 1,
    });
    const parts = packModel(
      model,
      vocabulary,
      ['a', 'b', 'c'],
      { families: F.CharGrams, maxNgram: 3, hashBits: 20 },
      { threshold: 0, clipQuantile: 1 },
      { temperature: 1, spellingWords: [], stopWords: [] },
    );
    const packed = new LinearModel(parts);
    const testData = toCsr(
      test.docs,
      Int32Array.from(test.docs, (_, i) => i),
      test.labels,
      vocabulary,
    );
    const float = new Float64Array(3);
    const quantised = new Float64Array(3);
    let largest = 0;
    for (const w of model.weights) largest = Math.max(largest, Math.abs(w));
    test.docs.forEach((doc, r) => {
      scoreRow(model, testData, r, float);
      const list = new FeatureList();
      for (const key of doc) list.push(key);
      packed.score(list, quantised);
      // Differences between intents survive (the per-feature median shift cancels out) up to
      // half a quantisation step per feature.
      const tolerance = doc.length * (parts.scale / 2) * 2 + 1e-9;
      for (let c = 1; c < 3; c++)
        expect(
          Math.abs((quantised[c] ?? 0) - (quantised[0] ?? 0) - ((float[c] ?? 0) - (float[0] ?? 0))),
        ).toBeLessThanOrEqual(tolerance);
    });
    expect(parts.scale).toBeCloseTo((largest * 2) / 127, 0);
  });
});

describe('calibration', () => {
  it('fits the temperature that generated the labels', () => {
    const next = random(3);
    const predictions: Prediction[] = [];
    for (let i = 0; i < 4000; i++) {
      const logits = Float64Array.from({ length: 4 }, () => next() * 8 - 4);
      // Sample the label from softmax(logits / 2).
      const p = Array.from(logits, (v) => Math.exp(v / 2));
      const total = p.reduce((s, v) => s + v, 0);
      let u = next() * total;
      let label = 0;
      while (label < 3 && u > (p[label] ?? 0)) u -= p[label++] ?? 0;
      predictions.push({ logits, accept: [label] });
    }
    expect(fitTemperature(predictions)).toBeGreaterThan(1.7);
    expect(fitTemperature(predictions)).toBeLessThan(2.3);
  });

  it.each([
    ['calibrated', Array.from({ length: 10 }, (_, i) => ({ confidence: 0.8, correct: i < 8 })), 0],
    ['overconfident', Array.from({ length: 10 }, (_, i) => ({ confidence: 1, correct: i < 5 })), 0.5],
    ['underconfident', Array.from({ length: 4 }, () => ({ confidence: 0.55, correct: true })), 0.45],
    [
      'two bins',
      [
        { confidence: 0.95, correct: true },
        { confidence: 0.95, correct: true },
        { confidence: 0.15, correct: true },
        { confidence: 0.15, correct: false },
      ],
      (2 * 0.05 + 2 * 0.35) / 4,
    ],
  ])('ECE of a %s set', (_, items, expected) => {
    expect(expectedCalibrationError(items)).toBeCloseTo(expected, 10);
  });

  it('accuracy at coverage takes the surest items first', () => {
    const items = [
      { confidence: 0.9, correct: true },
      { confidence: 0.2, correct: false },
      { confidence: 0.8, correct: true },
      { confidence: 0.3, correct: false },
    ];
    expect(accuracyAtCoverage(items, 0.5)).toBe(1);
    expect(accuracyAtCoverage(items, 0.75)).toBeCloseTo(2 / 3, 10);
    expect(accuracyAtCoverage(items, 1)).toBe(0.5);
  });
});

describe('grouped folds and agent-turn copies', () => {
  const row = (group: string, text = '我想退货可以吗', prev: string | null = null): TrainingRow => ({
    text,
    intent: 'aftersale.return_exchange',
    prev,
    group,
    source: 'generated',
    locale: 'zh-Hans',
  });

  it('keeps each group in one fold and balances the folds', () => {
    const rows = Array.from({ length: 200 }, (_, i) => row(`g${i % 37}`));
    const folds = groupFolds(rows, 5);
    const foldOf = new Map<string, number>();
    rows.forEach((r, i) => {
      const f = folds[i] ?? -1;
      expect(foldOf.get(r.group) ?? f).toBe(f);
      foldOf.set(r.group, f);
    });
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(6);
  });

  it('copies only rows that say something and have no agent turn', () => {
    const rows = [row('a'), row('b', '好的'), row('c', '我想退货可以吗', '您好'), row('d', '[订单x] 好')];
    const out = withAgentTurns(rows, ['请问有什么可以帮您'], 1, 1);
    expect(out).toHaveLength(5);
    expect(out[4]).toEqual({ ...rows[0], prev: '请问有什么可以帮您' });
    expect(withAgentTurns(rows, ['x'], 0, 1)).toEqual(rows);
  });
});
