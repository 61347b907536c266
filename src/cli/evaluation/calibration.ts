/**
 * Whether a classifier's confidence can be trusted: expected calibration error over equal-width
 * bins of the top-1 confidence, and accuracy on the share of messages it is surest about (what a
 * bot gets when it answers only those and hands the rest to a person).
 */

export interface Scored {
  /** Top-1 confidence, 0–1. */
  confidence: number;
  correct: boolean;
}

export interface CalibrationBin {
  /** Confidence range [from, to) (the last bin includes 1). */
  from: number;
  to: number;
  count: number;
  /** Mean confidence and accuracy of the messages in the bin (0 when empty). */
  confidence: number;
  accuracy: number;
}

export interface CalibrationReport {
  /** Σ over bins of |mean confidence − accuracy| × share of messages. */
  ece: number;
  bins: CalibrationBin[];
  /** Accuracy on the surest 50 %, 80 % and 100 % of the messages. */
  accuracyAtCoverage: { '50': number; '80': number; '100': number };
}

/** Expected calibration error over `bins` equal-width bins of the top-1 confidence. */
export function expectedCalibrationError(items: readonly Scored[], bins = 10): number {
  return eceOf(calibrationBins(items, bins), items.length);
}

function eceOf(table: readonly CalibrationBin[], total: number): number {
  return table.reduce(
    (sum, b) => sum + (b.count * Math.abs(b.confidence - b.accuracy)) / Math.max(1, total),
    0,
  );
}

function calibrationBins(items: readonly Scored[], bins: number): CalibrationBin[] {
  const count = new Float64Array(bins);
  const confidence = new Float64Array(bins);
  const correct = new Float64Array(bins);
  for (const item of items) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(item.confidence * bins)));
    count[b] = (count[b] ?? 0) + 1;
    confidence[b] = (confidence[b] ?? 0) + item.confidence;
    correct[b] = (correct[b] ?? 0) + (item.correct ? 1 : 0);
  }
  return Array.from({ length: bins }, (_, b) => {
    const n = count[b] ?? 0;
    return {
      from: b / bins,
      to: (b + 1) / bins,
      count: n,
      confidence: n === 0 ? 0 : (confidence[b] ?? 0) / n,
      accuracy: n === 0 ? 0 : (correct[b] ?? 0) / n,
    };
  });
}

/** Accuracy on the `coverage` share (0–1] of items the model is surest about (ties keep file order). */
export function accuracyAtCoverage(items: readonly Scored[], coverage: number): number {
  if (items.length === 0) return 0;
  const sorted = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => b.item.confidence - a.item.confidence || a.i - b.i);
  const n = Math.min(sorted.length, Math.max(1, Math.round(sorted.length * coverage)));
  let correct = 0;
  for (let i = 0; i < n; i++) if (sorted[i]?.item.correct) correct++;
  return correct / n;
}

export function calibrationReport(items: readonly Scored[], bins = 10): CalibrationReport {
  const table = calibrationBins(items, bins);
  return {
    ece: eceOf(table, items.length),
    bins: table,
    accuracyAtCoverage: {
      '50': accuracyAtCoverage(items, 0.5),
      '80': accuracyAtCoverage(items, 0.8),
      '100': accuracyAtCoverage(items, 1),
    },
  };
}

export interface ConfusionMatrix {
  /** Row and column labels: every intent expected (`accept[0]`) or predicted, alphabetical. */
  labels: string[];
  /** counts[expected][predicted]; a correct prediction counts on the diagonal of its predicted id. */
  counts: number[][];
}

/** The full confusion matrix of scored rows (a prediction in `accept` is on the diagonal). */
export function confusionMatrix(
  rows: ReadonlyArray<{ accept: readonly string[]; predicted: string }>,
): ConfusionMatrix {
  const labels = [...new Set(rows.flatMap((r) => [r.accept[0] ?? r.predicted, r.predicted]))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const index = new Map(labels.map((l, i) => [l, i]));
  const counts = labels.map(() => labels.map(() => 0));
  for (const row of rows) {
    const expected = row.accept.includes(row.predicted) ? row.predicted : (row.accept[0] ?? row.predicted);
    const r = counts[index.get(expected) ?? 0];
    const c = index.get(row.predicted) ?? 0;
    if (r) r[c] = (r[c] ?? 0) + 1;
  }
  return { labels, counts };
}
