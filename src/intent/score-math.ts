/**
 * The arithmetic of the classifier's score rows: log-odds per intent, one row per message or per
 * clause (`values[row + i]` is intent `i`'s score), turned into confidences without allocating.
 */

/** log Σ e^values[from…from+count); 0 for an empty or all −∞ range. */
export function logSumExp(values: Float64Array, from: number, count: number): number {
  let max = -Infinity;
  for (let i = from; i < from + count; i++) if ((values[i] ?? -Infinity) > max) max = values[i] ?? -Infinity;
  if (max === -Infinity) return 0;
  let sum = 0;
  for (let i = from; i < from + count; i++) sum += Math.exp((values[i] ?? -Infinity) - max);
  return max + Math.log(sum);
}

/** `out[i] = softmax(values[row…row+count))[i]`; terms below e^-30 of the maximum are taken as 0. */
export function softmaxInto(values: Float64Array, row: number, count: number, out: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < count; i++)
    if ((values[row + i] ?? -Infinity) > max) max = values[row + i] ?? -Infinity;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const d = (values[row + i] ?? -Infinity) - max;
    const e = d < -30 ? 0 : Math.exp(d);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < count; i++) out[i] = (out[i] ?? 0) / sum;
}

/** Softmax probability of the entry scored `top` (the row's maximum) among `count` entries. */
export function winnerProbability(values: Float64Array, row: number, count: number, top: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const d = (values[row + i] ?? -Infinity) - top;
    if (d > -30) sum += Math.exp(d);
  }
  return 1 / sum;
}

/**
 * The best `order.length` of `values[0…count)` into `order[0…]`, best first (insertion into a
 * short list instead of sorting every intent). Returns how many were ranked.
 */
export function rankTop(values: Float64Array, count: number, order: Int32Array): number {
  const size = order.length;
  let ranked = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i] ?? 0;
    if (ranked === size && v <= (values[order[ranked - 1] ?? 0] ?? 0)) continue;
    let at = ranked < size ? ranked++ : ranked - 1;
    while (at > 0 && (values[order[at - 1] ?? 0] ?? 0) < v) {
      order[at] = order[at - 1] ?? 0;
      at--;
    }
    order[at] = i;
  }
  return ranked;
}

/** A confidence or weight as reported: three decimals. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
