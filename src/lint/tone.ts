/**
 * A learned tone score for no-forbidden-phrase, where the phrase lists and the structural
 * detectors stop: a logistic regression over hashed character 1–3-grams of the reply's
 * normalised text (rules/lint/tone-model.json, trained by scripts/lint-lab/tone-model.ts on rude
 * replies and their polite twins, thousands of ordinary agent turns, and curt replies written for
 * the other content rules). It reads how a reply sounds, not which words it holds, so new wordings
 * of a rude idea score high; it is less sure than a detector, so its findings are warnings.
 *
 * It reads the normalised text, not the skeleton the detectors read: the skeleton folds 您 into 你
 * and drops punctuation and particles, and those are what tone is made of (您 vs 你, ? and !,
 * 啊 / 吧 / 呢). Digit runs read as one `0`, so numbers do not count (the fold already made every
 * white-space run one space). Features are binary (an n-gram counts once per reply: counting every
 * occurrence was measured, holdout recall 0.77 -> 0.73), hashed FNV-1a seeded with the n-gram
 * length over the text with `^` and `$` around it; the trainer calls `forEachToneBucket`, so both
 * hash the same way.
 */
import { decodeSmallInts } from '../util/base64.js';
import { TONE_MODEL_FORMAT } from './data-schema.js';
import { expandClasses } from './structure.js';
import { isDigitCode } from '../text/char-class.js';

export { TONE_MODEL_FORMAT };
/** The longest n-gram the model reads. */
const MAX_N = 3;

/**
 * rules/lint/tone-model.json (validated by `toneModelFileSchema`): 2^bits buckets whose weight is
 * the level at that index (one base64 digit each, `encodeSmallInts` in src/util/base64.ts: the
 * packed data deflates levels far better than int8 bytes in base64) × `scale`; `bias`; a reply is flagged when
 * its logit exceeds `threshold` (the trainer's cross-validated one).
 */
export interface ToneModelData {
  readonly format: typeof TONE_MODEL_FORMAT;
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
  /** Per bucket, the stamp of the last reply that used it (binary features; 16 bits: half the cache). */
  readonly seen: Uint16Array;
  stamp: number;
}

export function decodeToneModel(data: ToneModelData): ToneModel {
  const weights = decodeSmallInts(data.weights);
  if (weights.length !== 1 << data.bits)
    throw new Error(`tone model: ${weights.length} weights for ${1 << data.bits} buckets`);
  return {
    bits: data.bits,
    scale: data.scale,
    bias: data.bias,
    threshold: data.threshold,
    weights,
    seen: new Uint16Array(1 << data.bits),
    stamp: 0,
  };
}

/**
 * What clears a tone score: a polite frame (the structure's word classes zh.polite and en.polite:
 * 请问, 麻烦, may I ask, could you …) in the sentence it points at, as such a frame clears the
 * interrogation detectors. The classes are written for the skeleton (你 for 您); this regex reads
 * the normalised text, where 您 is still 您.
 */
export function politeFrameOf(classes: Readonly<Record<string, readonly string[]>>): RegExp {
  return new RegExp(expandClasses('{zh.polite}|\\b(?:{en.polite})\\b', classes).replaceAll('你', '[你您]'));
}

const SPACE = 0x20;

/** Sentence ends in the normalised text (normalize() folds 。！？ to these, but keeps 。). */
function endsSentence(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3b || code === 0x3002;
}

/** The unit the model reads for a folded code unit: digits as `0`. */
function toneUnit(code: number): number {
  return isDigitCode(code) ? 0x30 : code;
}

/** FNV-1a of the n-gram `a`, `b`, `c` (the last `n` of them, oldest first), seeded with n. */
function bucketOf(n: number, a: number, b: number, c: number, mask: number): number {
  let h = 2166136261 ^ n;
  if (n === 3) h = Math.imul(h ^ a, 16777619);
  if (n >= 2) h = Math.imul(h ^ b, 16777619);
  h = Math.imul(h ^ c, 16777619);
  return (h >>> 0) & mask;
}

const START = 0x5e; // `^`
const END = 0x24; // `$`

/**
 * Walks the model's reading of the folded `units` — `^`, the units with digit runs collapsed,
 * `$` — calling `onGram(bucket, unitIndex)` for every n-gram (1 ≤ n ≤ 3) that
 * ends at each read unit, `unitIndex` being the folded offset of that last unit (`units.length`
 * for `$`). Allocates nothing.
 */
function walkTone(
  units: ArrayLike<number>,
  length: number,
  bits: number,
  onGram: (bucket: number, unitIndex: number) => void,
): void {
  const mask = (1 << bits) - 1;
  let a = 0;
  let b = START;
  let read = 1; // units read so far, `^` included
  onGram(bucketOf(1, 0, 0, START, mask), -1);
  for (let i = 0; i <= length; i++) {
    const c = i === length ? END : toneUnit(units[i]!);
    if (c === 0x30 && b === 0x30 && i < length) continue;
    read++;
    for (let n = 1; n <= MAX_N && n <= read; n++) onGram(bucketOf(n, a, b, c, mask), i);
    a = b;
    b = c;
  }
}

/**
 * Calls `onBucket` with the bucket of every n-gram (1 ≤ n ≤ 3) of the model's reading of the
 * folded `units`, repeats included (the trainer keeps each once, as `readTone` does).
 */
export function forEachToneBucket(
  units: ArrayLike<number>,
  bits: number,
  onBucket: (bucket: number) => void,
): void {
  walkTone(units, units.length, bits, (bucket) => onBucket(bucket));
}

export interface ToneReading {
  /** The reply's logit (bias + the weights of its n-grams). */
  readonly logit: number;
  /** Whether it is above the model's threshold. */
  readonly rude: boolean;
  /**
   * Normalised-text offsets `[start, end)` of the sentence that weighs most toward rudeness: where
   * the finding points.
   */
  readonly start: number;
  readonly end: number;
}

/**
 * The logit of the folded `units[0, length)`: bias + scale × the weights of its distinct n-grams,
 * in one pass. Not re-entrant (the model's stamps are shared scratch).
 */
function logitOf(model: ToneModel, units: ArrayLike<number>, length: number): number {
  if (++model.stamp === 0xffff) {
    model.seen.fill(0);
    model.stamp = 1;
  }
  const { weights, seen, stamp } = model;
  const mask = (1 << model.bits) - 1;
  let bucket = bucketOf(1, 0, 0, START, mask);
  seen[bucket] = stamp;
  let sum = weights[bucket]!;
  let a = 0;
  let b = START;
  let read = 1;
  for (let i = 0; i <= length; i++) {
    const c = i === length ? END : toneUnit(units[i]!);
    if (c === 0x30 && b === 0x30 && i < length) continue;
    read++;
    for (let n = 1; n <= MAX_N && n <= read; n++) {
      bucket = bucketOf(n, a, b, c, mask);
      if (seen[bucket] === stamp) continue;
      seen[bucket] = stamp;
      sum += weights[bucket]!;
    }
    a = b;
    b = c;
  }
  return model.bias + sum * model.scale;
}

/**
 * The folded offsets `[start, end)` of the sentence whose n-grams weigh most toward rudeness (an
 * n-gram counts toward the sentence its last unit is in; a sentence ends with its mark). Run only
 * on a reply found rude, so it may take a second pass.
 */
function rudestSentence(model: ToneModel, units: ArrayLike<number>, length: number): [number, number] {
  const counted = new Set<number>();
  let sentenceStart = 0;
  let sentenceSum = 0;
  let best = -Infinity;
  let bestStart = 0;
  let bestEnd = length;
  let closed = -1;
  walkTone(units, length, model.bits, (bucket, unit) => {
    if (unit > closed && closed >= 0) {
      if (sentenceSum > best) {
        best = sentenceSum;
        bestStart = sentenceStart;
        bestEnd = closed + 1;
      }
      sentenceStart = closed + 1;
      sentenceSum = 0;
      closed = -1;
    }
    // An n-gram weighs once, toward the first sentence it appears in (as logitOf counts it).
    if (!counted.has(bucket)) {
      counted.add(bucket);
      sentenceSum += model.weights[bucket]!;
    }
    if (unit >= 0 && unit < length && endsSentence(toneUnit(units[unit]!))) closed = unit;
  });
  if (sentenceSum > best && sentenceStart < length) {
    bestStart = sentenceStart;
    bestEnd = length;
  }
  // The finding starts at the sentence's first word, not at the space after the previous mark.
  while (bestStart < bestEnd && units[bestStart] === SPACE) bestStart++;
  return [bestStart, Math.max(bestStart, bestEnd)];
}

/**
 * Score the reply's folded code units `units[0, length)` (`Skeleton.foldedCodes`: the normalised
 * text); where it is rude, find the sentence to point at. Allocates nothing on a reply that is
 * not rude. Not re-entrant.
 */
export function readTone(model: ToneModel, units: ArrayLike<number>, length = units.length): ToneReading {
  const logit = logitOf(model, units, length);
  if (!(logit > model.threshold)) return { logit, rude: false, start: 0, end: 0 };
  const [start, end] = rudestSentence(model, units, length);
  return { logit, rude: true, start, end };
}
