/**
 * The three learners the lab compares, over the same sparse features (see dataset.ts). Each returns
 * dense weights W[feature × intent] and a bias per intent, scored as bias + x · ΣW with x = 1 or
 * 1/√(number of features) (`sqrtNorm`).
 */
import type { Csr } from './dataset.js';
import { random } from './data.js';

export interface LinearWeights {
  vocabulary: number;
  classes: number;
  /** vocabulary × classes, row-major. */
  weights: Float32Array;
  bias: Float64Array;
  sqrtNorm: boolean;
}

/** Value of each feature of row `r` (1 or 1/√size). */
export function featureValue(data: Csr, r: number, sqrtNorm: boolean): number {
  const size = data.sizes[r] ?? 0;
  return sqrtNorm && size > 0 ? 1 / Math.sqrt(size) : 1;
}

/** Logits of row `r` into `out`. */
export function scoreRow(model: LinearWeights, data: Csr, r: number, out: Float64Array): void {
  const C = model.classes;
  for (let c = 0; c < C; c++) out[c] = 0;
  const x = featureValue(data, r, model.sqrtNorm);
  for (let k = data.offsets[r] ?? 0; k < (data.offsets[r + 1] ?? 0); k++) {
    const base = (data.features[k] ?? 0) * C;
    for (let c = 0; c < C; c++) out[c] = (out[c] ?? 0) + (model.weights[base + c] ?? 0);
  }
  for (let c = 0; c < C; c++) out[c] = (model.bias[c] ?? 0) + x * (out[c] ?? 0);
}

function documentFrequencies(data: Csr): Float64Array {
  const df = new Float64Array(data.vocabulary);
  for (const f of data.features) df[f] = (df[f] ?? 0) + 1;
  return df;
}

function classCounts(data: Csr, classes: number): Float64Array {
  const counts = new Float64Array(classes);
  for (const y of data.labels) counts[y] = (counts[y] ?? 0) + 1;
  return counts;
}

export interface NaiveBayesParams {
  alpha: number;
  /** 0 = uniform priors, 1 = the corpus's class frequencies. */
  priorWeight: number;
}

/** Multinomial naive Bayes over binary features: W = log P(f | c), bias = prior. */
export function trainNaiveBayes(data: Csr, classes: number, params: NaiveBayesParams): LinearWeights {
  const V = data.vocabulary;
  const counts = new Float64Array(V * classes);
  const totals = new Float64Array(classes);
  for (let r = 0; r < data.rows; r++) {
    const y = data.labels[r] ?? 0;
    for (let k = data.offsets[r] ?? 0; k < (data.offsets[r + 1] ?? 0); k++) {
      const i = (data.features[k] ?? 0) * classes + y;
      counts[i] = (counts[i] ?? 0) + 1;
      totals[y] = (totals[y] ?? 0) + 1;
    }
  }
  const weights = new Float32Array(V * classes);
  const { alpha } = params;
  for (let c = 0; c < classes; c++) {
    const denominator = Math.log((totals[c] ?? 0) + alpha * V);
    for (let f = 0; f < V; f++)
      weights[f * classes + c] = Math.log((counts[f * classes + c] ?? 0) + alpha) - denominator;
  }
  const documents = classCounts(data, classes);
  const bias = new Float64Array(classes);
  for (let c = 0; c < classes; c++)
    bias[c] = params.priorWeight * Math.log(Math.max(documents[c] ?? 0, 0.5) / Math.max(1, data.rows));
  return { vocabulary: V, classes, weights, bias, sqrtNorm: false };
}

/** Per-class gradients below this are not applied (see trainLogistic). */
const SKIP_GRADIENT = 1e-4;

export interface LogisticParams {
  epochs: number;
  learningRate: number;
  /** L2 strength (on the summed loss): each feature's weights are pulled towards 0 by l2·w per epoch. */
  l2: number;
  /** L1 strength, applied as a proximal step (elastic net when both are set). */
  l1: number;
  sqrtNorm: boolean;
  seed: number;
}

/**
 * Multinomial logistic regression (softmax) trained by AdaGrad over shuffled rows. Regularisation is
 * applied when a feature is touched, 1/df of its strength each time, so each epoch applies it once
 * per feature in total without visiting untouched weights.
 */
export function trainLogistic(data: Csr, classes: number, params: LogisticParams): LinearWeights {
  const V = data.vocabulary;
  const C = classes;
  const weights = new Float32Array(V * C);
  const squares = new Float32Array(V * C);
  const bias = new Float64Array(C);
  const biasSquares = new Float64Array(C);
  const df = documentFrequencies(data);
  const order = Int32Array.from({ length: data.rows }, (_, i) => i);
  const next = random(params.seed);
  const z = new Float64Array(C);
  const g = new Float64Array(C);
  const { learningRate: eta, l2, l1 } = params;
  const model: LinearWeights = { vocabulary: V, classes: C, weights, bias, sqrtNorm: params.sqrtNorm };
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    for (const r of order) {
      scoreRow(model, data, r, z);
      let max = -Infinity;
      for (let c = 0; c < C; c++) if ((z[c] ?? 0) > max) max = z[c] ?? 0;
      let sum = 0;
      for (let c = 0; c < C; c++) {
        const e = Math.exp((z[c] ?? 0) - max);
        g[c] = e;
        sum += e;
      }
      const y = data.labels[r] ?? 0;
      for (let c = 0; c < C; c++) g[c] = (g[c] ?? 0) / sum - (c === y ? 1 : 0);
      for (let c = 0; c < C; c++) {
        const gc = g[c] ?? 0;
        biasSquares[c] = (biasSquares[c] ?? 0) + gc * gc;
        bias[c] = (bias[c] ?? 0) - (eta * gc) / Math.sqrt((biasSquares[c] ?? 0) + 1e-8);
      }
      const x = featureValue(data, r, params.sqrtNorm);
      for (let k = data.offsets[r] ?? 0; k < (data.offsets[r + 1] ?? 0); k++) {
        const f = data.features[k] ?? 0;
        const base = f * C;
        const share = 1 / (df[f] ?? 1);
        const l2f = l2 * share;
        const l1f = l1 * share;
        for (let c = 0; c < C; c++) {
          // Classes the model already all but rules out have a negligible gradient: skipping them
          // (and their share of the regularisation) makes an epoch several times cheaper.
          if (Math.abs(g[c] ?? 0) < SKIP_GRADIENT) continue;
          const i = base + c;
          let w = weights[i] ?? 0;
          const grad = (g[c] ?? 0) * x + l2f * w;
          const s = (squares[i] ?? 0) + grad * grad;
          squares[i] = s;
          const step = eta / Math.sqrt(s + 1e-8);
          w -= step * grad;
          if (l1f > 0) {
            const threshold = step * l1f;
            w = w > threshold ? w - threshold : w < -threshold ? w + threshold : 0;
          }
          weights[i] = w;
        }
      }
    }
  }
  return model;
}

export interface PerceptronParams {
  epochs: number;
  seed: number;
}

/** Multiclass averaged perceptron (Collins 2002), averaging by the usual timestamp trick. */
export function trainPerceptron(data: Csr, classes: number, params: PerceptronParams): LinearWeights {
  const V = data.vocabulary;
  const C = classes;
  const weights = new Float32Array(V * C);
  const totals = new Float64Array(V * C);
  const bias = new Float64Array(C);
  const biasTotals = new Float64Array(C);
  const model: LinearWeights = { vocabulary: V, classes: C, weights, bias, sqrtNorm: false };
  const order = Int32Array.from({ length: data.rows }, (_, i) => i);
  const next = random(params.seed);
  const z = new Float64Array(C);
  let step = 1;
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    for (const r of order) {
      scoreRow(model, data, r, z);
      const y = data.labels[r] ?? 0;
      // The best other intent; a tie is a mistake too (else the first intent wins every tie of an
      // untrained model and is never learned).
      let guess = y === 0 ? 1 : 0;
      for (let c = 0; c < C; c++) if (c !== y && (z[c] ?? 0) > (z[guess] ?? 0)) guess = c;
      if ((z[guess] ?? 0) >= (z[y] ?? 0)) {
        bias[y] = (bias[y] ?? 0) + 1;
        bias[guess] = (bias[guess] ?? 0) - 1;
        biasTotals[y] = (biasTotals[y] ?? 0) + step;
        biasTotals[guess] = (biasTotals[guess] ?? 0) - step;
        for (let k = data.offsets[r] ?? 0; k < (data.offsets[r + 1] ?? 0); k++) {
          const base = (data.features[k] ?? 0) * C;
          weights[base + y] = (weights[base + y] ?? 0) + 1;
          weights[base + guess] = (weights[base + guess] ?? 0) - 1;
          totals[base + y] = (totals[base + y] ?? 0) + step;
          totals[base + guess] = (totals[base + guess] ?? 0) - step;
        }
      }
      step++;
    }
  }
  // Averaged weights: w − Σ(step · update) / steps.
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) - (totals[i] ?? 0) / step;
  for (let c = 0; c < C; c++) bias[c] = (bias[c] ?? 0) - (biasTotals[c] ?? 0) / step;
  return model;
}
