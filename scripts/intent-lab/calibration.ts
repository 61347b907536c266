/** Temperature scaling, expected calibration error and accuracy by coverage. */

export interface Prediction {
  /** Raw logits (before the temperature). */
  logits: Float64Array;
  /** Indices of the acceptable intents (first: the expected one). */
  accept: readonly number[];
}

function logSoftmaxAt(logits: Float64Array, temperature: number, at: number): number {
  let max = -Infinity;
  for (const v of logits) if (v / temperature > max) max = v / temperature;
  let sum = 0;
  for (const v of logits) sum += Math.exp(v / temperature - max);
  return (logits[at] ?? 0) / temperature - max - Math.log(sum);
}

/** Mean negative log-likelihood of the expected intent. */
export function meanLoss(predictions: readonly Prediction[], temperature: number): number {
  let total = 0;
  for (const p of predictions) total -= logSoftmaxAt(p.logits, temperature, p.accept[0] ?? 0);
  return total / Math.max(1, predictions.length);
}

/** The temperature (0.05–50) minimising the held-out loss: golden-section search on log T. */
export function fitTemperature(predictions: readonly Prediction[]): number {
  let a = Math.log(0.05);
  let b = Math.log(50);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = meanLoss(predictions, Math.exp(c));
  let fd = meanLoss(predictions, Math.exp(d));
  for (let i = 0; i < 60; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = meanLoss(predictions, Math.exp(c));
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = meanLoss(predictions, Math.exp(d));
    }
  }
  return Math.exp((a + b) / 2);
}

export interface Scored {
  /** Top-1 confidence. */
  confidence: number;
  correct: boolean;
}

/** Expected calibration error over `bins` equal-width bins of the top-1 confidence. */
export function expectedCalibrationError(items: readonly Scored[], bins = 10): number {
  const count = new Float64Array(bins);
  const confidence = new Float64Array(bins);
  const correct = new Float64Array(bins);
  for (const item of items) {
    const b = Math.min(bins - 1, Math.floor(item.confidence * bins));
    count[b] = (count[b] ?? 0) + 1;
    confidence[b] = (confidence[b] ?? 0) + item.confidence;
    correct[b] = (correct[b] ?? 0) + (item.correct ? 1 : 0);
  }
  let ece = 0;
  for (let b = 0; b < bins; b++)
    if ((count[b] ?? 0) > 0) ece += Math.abs((confidence[b] ?? 0) - (correct[b] ?? 0));
  return ece / Math.max(1, items.length);
}

/** Accuracy on the `coverage` share of items the model is surest about. */
export function accuracyAtCoverage(items: readonly Scored[], coverage: number): number {
  const sorted = [...items].sort((a, b) => b.confidence - a.confidence);
  const n = Math.max(1, Math.round(sorted.length * coverage));
  let correct = 0;
  for (let i = 0; i < n && i < sorted.length; i++) if (sorted[i]?.correct) correct++;
  return correct / Math.min(n, Math.max(1, sorted.length));
}
