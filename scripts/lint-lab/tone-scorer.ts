/**
 * (Lab copy; scripts/lint-lab/tone/integration.patch puts it in src/lint/tone.ts and wires it in.)
 * A learned tone score for no-forbidden-phrase, where the phrase lists and the structural
 * detectors stop: a logistic regression over hashed character 1–3-grams of the reply's skeleton
 * (rules/lint/tone-model.json, trained by scripts/lint-lab/tone-model.ts on rude replies and their
 * polite twins plus thousands of ordinary agent turns). It reads how a reply sounds, not which
 * words it holds, so new wordings of a rude idea score high; it is less sure than a detector, so
 * its findings are warnings.
 *
 * Features are binary (an n-gram counts once per reply) and hashed exactly as the trainer hashes
 * them: FNV-1a seeded with the n-gram length, over the skeleton with `^` and `$` around it.
 */
import { decodeBase64 } from '../../src/util/base64.js';

/**
 * rules/lint/tone-model.json (validated by `toneModelFileSchema`): 2^bits buckets whose weight is
 * the int8 at that index (base64, src/util/base64.ts) × `scale`; `bias`; a reply is flagged when
 * its logit exceeds `threshold` (the trainer's cross-validated one).
 */
export interface ToneModelData {
  readonly format: 'tone-1';
  readonly bits: number;
  readonly scale: number;
  readonly bias: number;
  readonly threshold: number;
  readonly weights: string;
}

export interface ToneModel {
  readonly bits: number;
  readonly scale: number;
  readonly bias: number;
  readonly threshold: number;
  readonly weights: Int8Array;
  /** Per bucket, the stamp of the last reply that used it (binary features). */
  readonly seen: Uint32Array;
  stamp: number;
}

export function decodeToneModel(data: ToneModelData): ToneModel {
  const bytes = decodeBase64(data.weights);
  if (bytes.length !== 1 << data.bits)
    throw new Error(`tone model: ${bytes.length} weights for ${1 << data.bits} buckets`);
  return {
    bits: data.bits,
    scale: data.scale,
    bias: data.bias,
    threshold: data.threshold,
    weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    seen: new Uint32Array(1 << data.bits),
    stamp: 0,
  };
}

/** The bucket of the n-gram `text[from, from + n)` of the marked skeleton (`^` + text + `$`). */
function bucket(marked: string, from: number, n: number, mask: number): number {
  let h = 2166136261 ^ n;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ marked.charCodeAt(from + k), 16777619);
  return (h >>> 0) & mask;
}

export interface ToneReading {
  /** The reply's logit (bias + the weights of its n-grams). */
  readonly logit: number;
  /** Whether it is above the model's threshold. */
  readonly rude: boolean;
  /**
   * Skeleton offsets `[start, end)` of the sentence that weighs most toward rudeness: where the
   * finding points. Sentences are split at `sentenceStarts` (skeleton offsets, ascending, from 0).
   */
  readonly start: number;
  readonly end: number;
}

/**
 * Score the skeleton `text` (the reply's skeleton text). `sentenceStarts` are the skeleton offsets
 * where sentences begin (0 first). No allocation beyond the marked string.
 */
export function readTone(model: ToneModel, text: string, sentenceStarts: readonly number[]): ToneReading {
  const marked = `^${text}$`;
  const mask = (1 << model.bits) - 1;
  if (++model.stamp === 0xffffffff) {
    model.seen.fill(0);
    model.stamp = 1;
  }
  const stamp = model.stamp;
  let logit = model.bias;
  let sentence = 0;
  let sentenceSum = 0;
  let best = -Infinity;
  let bestStart = 0;
  let bestEnd = text.length;
  const close = (end: number) => {
    if (sentenceSum > best) {
      best = sentenceSum;
      bestStart = sentenceStarts[sentence] ?? 0;
      bestEnd = end;
    }
  };
  // An n-gram belongs to the sentence its first character is in (marked offset i ↔ skeleton i - 1).
  for (let i = 0; i < marked.length; i++) {
    const at = i - 1;
    while (sentence + 1 < sentenceStarts.length && at >= sentenceStarts[sentence + 1]!) {
      close(sentenceStarts[sentence + 1]!);
      sentence++;
      sentenceSum = 0;
    }
    for (let n = 1; n <= 3 && i + n <= marked.length; n++) {
      const b = bucket(marked, i, n, mask);
      if (model.seen[b] === stamp) continue;
      model.seen[b] = stamp;
      const weight = model.weights[b]! * model.scale;
      logit += weight;
      sentenceSum += weight;
    }
  }
  close(text.length);
  return { logit, rude: logit > model.threshold, start: bestStart, end: Math.max(bestStart, bestEnd) };
}
