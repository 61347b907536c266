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

/** A raw top-1 confidence, whether that answer was right, and whether the message followed an agent turn. */
export interface ConfidenceSample {
  confidence: number;
  correct: boolean;
  afterAgentTurn?: boolean;
  /** A long message (src/intent/calibration.ts LONG_MESSAGE_UNITS), as the classifier reports it. */
  long?: boolean;
  /** How much the row counts in a fit (default 1): rows of an over-sampled kind count less. */
  weight?: number;
}

/** Confidences are kept this far from 0 and 1 before the logit (as src/intent/calibration.ts does). */
export const EDGE = 1e-4;

/** The logit of a confidence kept `EDGE` from 0 and 1. */
function logitOf(confidence: number): number {
  const p = Math.min(1 - EDGE, Math.max(EDGE, confidence));
  return Math.log(p / (1 - p));
}

/** What a calibration map reads of a sample besides its intercept: its inputs and starting weights. */
export interface LogisticMap {
  inputs: (sample: ConfidenceSample, logit: number) => number[];
  start: number[];
}

/** The map shipped until 2026-12-07: p' = σ(slope · logit(p) + intercept + afterAgentTurn · agentTurn). */
export const AGENT_TURN_SHIFT_MAP: LogisticMap = {
  inputs: (s, logit) => [logit, s.afterAgentTurn === true ? 1 : 0],
  start: [1, 0, 0],
};

/** The shipped map: p' = σ(slope · logit(p) + intercept + afterAgentTurn · agentTurn + long · long). */
export const SHIFTS_MAP: LogisticMap = {
  inputs: (s, logit) => [logit, s.afterAgentTurn === true ? 1 : 0, s.long === true ? 1 : 0],
  start: [1, 0, 0, 0],
};

/** The probability a map with these weights (intercept last, as `fitLogistic` returns them) gives a sample. */
export function predictLogistic(
  weights: readonly number[],
  map: LogisticMap,
  sample: ConfidenceSample,
): number {
  const x = [...map.inputs(sample, logitOf(sample.confidence)), 1];
  return 1 / (1 + Math.exp(-x.reduce((sum, v, j) => sum + v * (weights[j] ?? 0), 0)));
}

/** Solves the small dense system a·x = b (Gaussian elimination with partial pivoting); null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    if (Math.abs(m[pivot]![c]!) < 1e-300) return null;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Logistic regression of `correct` on `inputs(sample)` (plus an intercept, last), each row counted
 * `weight` times, by Newton's method with backtracking and Platt's target smoothing (a separable
 * set does not send the weights to infinity). Returns the weights, intercept last.
 */
export function fitLogistic(
  samples: readonly ConfidenceSample[],
  inputs: (sample: ConfidenceSample, logit: number) => number[],
  start: number[],
): number[] {
  const weightOf = (s: ConfidenceSample) => s.weight ?? 1;
  const weights = samples.map(weightOf);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const positives = samples.reduce((sum, s) => sum + (s.correct ? weightOf(s) : 0), 0);
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (total - positives + 2);
  const rows = samples.map((s) => [...inputs(s, logitOf(s.confidence)), 1]);
  const t = samples.map((s) => (s.correct ? high : low));
  const dot = (w: number[], x: number[]) => x.reduce((sum, v, j) => sum + v * (w[j] ?? 0), 0);
  const loss = (w: number[]) =>
    rows.reduce((sum, x, i) => {
      const z = dot(w, x);
      const rowLoss = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (t[i] ?? 0) * z;
      return sum + (weights[i] ?? 1) * rowLoss;
    }, 0);
  let w = [...start];
  let current = loss(w);
  for (let iteration = 0; iteration < 200; iteration++) {
    const d = w.length;
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    rows.forEach((x, i) => {
      const q = 1 / (1 + Math.exp(-dot(w, x)));
      const e = (weights[i] ?? 1) * (q - (t[i] ?? 0));
      const v = (weights[i] ?? 1) * q * (1 - q);
      for (let j = 0; j < d; j++) {
        g[j]! += e * x[j]!;
        for (let k = 0; k < d; k++) h[j]![k]! += v * x[j]! * x[k]!;
      }
    });
    for (let j = 0; j < d; j++) h[j]![j]! += 1e-9 * total;
    const step = solve(h, g);
    if (step === null) break;
    // Backtracking: a full Newton step can overshoot where the loss is flat.
    let scale = 1;
    let next = loss(w.map((v, j) => v - step[j]!));
    while (next > current && scale > 1e-10) {
      scale /= 2;
      next = loss(w.map((v, j) => v - scale * step[j]!));
    }
    if (next > current) break;
    w = w.map((v, j) => v - scale * step[j]!);
    const improvement = current - next;
    current = next;
    if (improvement < 1e-12 * total) break;
  }
  return w;
}

/** Platt scaling: the slope and intercept of p' = σ(slope · logit(p) + intercept) that minimise the log loss. */
export function fitPlatt(samples: readonly ConfidenceSample[]): { slope: number; intercept: number } {
  const [slope, intercept] = fitLogistic(samples, (_s, logit) => [logit], [1, 0]);
  return { slope: slope!, intercept: intercept! };
}

/**
 * Platt scaling with a shift for messages that follow an agent turn and one for long messages:
 * p' = σ(slope · logit(p) + intercept + afterAgentTurn · agentTurn + long · long). Without a long
 * sample (or without one after an agent turn) that shift stays 0.
 */
export function fitPlattWithShifts(samples: readonly ConfidenceSample[]): {
  slope: number;
  agentTurn: number;
  long: number;
  intercept: number;
} {
  const [slope, agentTurn, long, intercept] = fitLogistic(samples, SHIFTS_MAP.inputs, SHIFTS_MAP.start);
  return { slope: slope!, agentTurn: agentTurn!, long: long!, intercept: intercept! };
}

// One implementation with `huashu eval` (src/cli/evaluation/calibration.ts).
export {
  accuracyAtCoverage,
  expectedCalibrationError,
  type Scored,
} from '../../src/cli/evaluation/calibration.js';
