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

// One implementation with `huashu eval` (src/cli/evaluation/calibration.ts).
export {
  accuracyAtCoverage,
  expectedCalibrationError,
  type Scored,
} from '../../src/cli/evaluation/calibration.js';
