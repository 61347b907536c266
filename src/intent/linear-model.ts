/**
 * The linear intent model at run time: decodes the compact serialized form the build step writes
 * (see linear-model-serialize.ts) and scores a feature list (see linear-features.ts) into logits.
 *
 * Storage: the sorted feature keys as LEB128 deltas, per feature the number of its non-zero
 * entries, then per entry an intent index (uint8) and an int8 weight; `weight = int8 × scale`.
 * Entries are deviations from the feature's median weight over intents (a softmax ignores a
 * constant added to every intent), so most of a feature's intents need no entry.
 *
 * Scoring is one hash lookup per feature and one integer addition per entry, into scratch buffers
 * owned by the model: no allocation per message.
 */
// fflate's browser build (no Node built-ins), as src/util/packed-json.ts uses it.
import { strFromU8, strToU8 } from 'fflate/browser';
import { decodeBase64, encodeBase64 } from '../util/base64.js';
import { decodeBase85, encodeBase85 } from '../util/base85.js';
import { inflateRaw } from '../util/packed-json.js';
import { HuashuError } from '../errors.js';
import { KeyIndex } from './key-index.js';
import type { FeatureList, LinearFeatureSpec } from './linear-features.js';

export const LINEAR_MODEL_FORMAT = 'linear-1';

/** The model as the build step writes it (JSON-safe). */
export interface SerializedLinearModel {
  format: typeof LINEAR_MODEL_FORMAT;
  /** Intent ids, in the order of the entries' intent indices. */
  intents: string[];
  /** The features the model was trained on. */
  spec: LinearFeatureSpec;
  /** Feature values are 1 (false) or 1/√(number of features) (true). */
  sqrtNorm: boolean;
  /** Logits are divided by this before the softmax (fitted on held-back training data). */
  temperature: number;
  /** Dequantisation factor: weight = int8 × scale. */
  scale: number;
  /** Per intent. */
  bias: number[];
  /** base64: LEB128 deltas of the ascending feature keys. */
  keys: string;
  /** base64: LEB128 number of entries of each feature. */
  counts: string;
  /**
   * base64 uint8: intent index of each entry. The generated module carries `classDeltas` instead
   * (see `packClassDeltas`); exactly one of the two is present.
   */
  classes?: string;
  /** base64 nibbles: the entries' intent indices as deltas within each feature (`packClassDeltas`). */
  classDeltas?: string;
  /** base64 int8: quantised weight of each entry. */
  weights: string;
  /**
   * English words of the training corpus, most frequent first, space-separated: the spelling index
   * (spelling.ts).
   */
  spellingWords: string;
  /** English words skipped when the spec has the StopWords family. */
  stopWords: string[];
  /** Fingerprint of the training data it was trained on (scripts/intent-lab/settings.ts). */
  trainedOn?: string;
  /**
   * The generated module's form (`deflateLinearModel`): these fields hold raw DEFLATE of their
   * bytes (of its UTF-8 for `spellingWords`) as base85 (../util/base85.ts), and these are the
   * bytes' lengths. Absent: plain base64 (plain text for `spellingWords`).
   */
  deflated?: Partial<Record<DeflatedField, number>>;
}

/** The fields `deflateLinearModel` compresses: the binary ones and the spelling words. */
export const DEFLATED_FIELDS = ['keys', 'counts', 'weights', 'classDeltas', 'spellingWords'] as const;
export type DeflatedField = (typeof DEFLATED_FIELDS)[number];

/** The model's parts in memory (what the serializer takes and `decode` rebuilds). */
export interface LinearModelParts {
  intents: readonly string[];
  spec: LinearFeatureSpec;
  sqrtNorm: boolean;
  temperature: number;
  scale: number;
  bias: ArrayLike<number>;
  /** Ascending, unique. */
  keys: Uint32Array;
  /** keys.length + 1 offsets into classes / weights. */
  offsets: Uint32Array;
  classes: Uint8Array;
  weights: Int8Array;
  /** English words of the training corpus, most frequent first (for spelling correction). */
  spellingWords: readonly string[];
  stopWords: readonly string[];
}

function invalid(message: string): HuashuError {
  return new HuashuError('INVALID_RULES', `Invalid linear intent model: ${message}`);
}

/** LEB128 of unsigned integers. */
export function encodeVarints(values: ArrayLike<number>): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let v = values[i] ?? 0;
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError(`not a uint32: ${v}`);
    while (v >= 0x80) {
      bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
  }
  return Uint8Array.from(bytes);
}

export function decodeVarints(bytes: Uint8Array, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    let value = 0;
    let factor = 1;
    for (;;) {
      if (at >= bytes.length) throw invalid('truncated LEB128 data');
      const byte = bytes[at++] ?? 0;
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) break;
      factor *= 0x80;
      if (factor > 2 ** 35) throw invalid('LEB128 value too long');
    }
    out[i] = value;
  }
  if (at !== bytes.length) throw invalid('trailing LEB128 data');
  return out;
}

/**
 * The intent indices of the entries, packed: within a feature they ascend, so each is stored as
 * its distance from the previous one (from -1 for a feature's first entry), one nibble 1–15, or
 * the nibble 0 followed by two nibbles of the index itself. Most distances fit a nibble: about
 * half the bytes of one byte per entry. Exact: decoding (`decodeRows`) gives the same indices back.
 */
export function packClassDeltas(classes: Uint8Array, offsets: Uint32Array): string {
  const nibbles: number[] = [];
  for (let f = 0; f + 1 < offsets.length; f++) {
    let previous = -1;
    for (let e = offsets[f] ?? 0; e < (offsets[f + 1] ?? 0); e++) {
      const c = classes[e] ?? 0;
      if (c <= previous) throw new RangeError('classes must ascend within a feature');
      if (c - previous < 16) nibbles.push(c - previous);
      else nibbles.push(0, c & 15, c >> 4);
      previous = c;
    }
  }
  const bytes = new Uint8Array((nibbles.length + 1) >> 1);
  nibbles.forEach((n, i) => (bytes[i >> 1] = (bytes[i >> 1] ?? 0) | (n << ((i & 1) * 4))));
  return encodeBase64(bytes);
}

/**
 * `model` with its binary fields and spelling words compressed by `deflateRaw` (the build passes
 * zopfli's, scripts/data/deflate.ts; the run time inflates with fflate): about 80 KB less in every bundle and in both
 * dist formats.
 */
export function deflateLinearModel(
  model: SerializedLinearModel,
  deflateRaw: (bytes: Uint8Array) => Uint8Array,
): SerializedLinearModel {
  const out: SerializedLinearModel = { ...model, deflated: {} };
  for (const name of DEFLATED_FIELDS) {
    const value = model[name];
    if (typeof value !== 'string') continue;
    const bytes = name === 'spellingWords' ? strToU8(value) : decodeBase64(value);
    out[name] = encodeBase85(deflateRaw(bytes));
    out.deflated![name] = bytes.length;
  }
  return out;
}

/** `model` with its classes packed (`packClassDeltas`): what the generated module carries. */
export function compactLinearModel(model: SerializedLinearModel): SerializedLinearModel {
  const parts = decodeLinearModel(model);
  const { classes: _classes, ...rest } = model;
  return { ...rest, classDeltas: packClassDeltas(parts.classes, parts.offsets) };
}

/** The JSON form of `parts` (build time). */
export function serializeLinearModel(parts: LinearModelParts): SerializedLinearModel & { classes: string } {
  const n = parts.keys.length;
  if (parts.offsets.length !== n + 1) throw new RangeError('offsets must have keys.length + 1 entries');
  const deltas = new Uint32Array(n);
  const counts = new Uint32Array(n);
  for (let f = 0; f < n; f++) {
    const key = parts.keys[f] ?? 0;
    const previous = f === 0 ? 0 : (parts.keys[f - 1] ?? 0);
    if (f > 0 && key <= previous) throw new RangeError('keys must be ascending and unique');
    deltas[f] = key - previous;
    counts[f] = (parts.offsets[f + 1] ?? 0) - (parts.offsets[f] ?? 0);
  }
  return {
    format: LINEAR_MODEL_FORMAT,
    intents: [...parts.intents],
    spec: { ...parts.spec },
    sqrtNorm: parts.sqrtNorm,
    temperature: parts.temperature,
    scale: parts.scale,
    bias: Array.from(parts.bias, (b) => Math.round(b * 1e4) / 1e4),
    keys: encodeBase64(encodeVarints(deltas)),
    counts: encodeBase64(encodeVarints(counts)),
    classes: encodeBase64(parts.classes),
    weights: encodeBase64(parts.weights),
    spellingWords: parts.spellingWords.join(' '),
    stopWords: [...parts.stopWords],
  };
}

/** What a model holds besides its weights (`LinearModelParts` without the entry arrays). */
type ModelHeader = Omit<LinearModelParts, 'keys' | 'offsets' | 'classes' | 'weights'>;

/**
 * The model as it scores: per feature (ascending `keys`), from `starts[f]` in `rows`, one cell with
 * its entry count, then one cell per entry: the intent index in the high byte, the int8 weight in
 * the low byte. A feature's entries sit together, so scoring it touches one index slot and one row.
 */
interface ModelRows {
  header: ModelHeader;
  keys: Uint32Array;
  starts: Int32Array;
  rows: Uint16Array;
}

/**
 * Decode and check a serialized model straight into rows, in one pass over its entries: the
 * decoding runs once, in cold code, where every pass and every call costs. Throws HuashuError
 * `INVALID_RULES` saying what is wrong.
 */
function decodeRows(data: SerializedLinearModel): ModelRows {
  if (data === null || typeof data !== 'object') throw invalid('expected an object');
  if (data.format !== LINEAR_MODEL_FORMAT) throw invalid(`format must be "${LINEAR_MODEL_FORMAT}"`);
  const intents = data.intents;
  if (!Array.isArray(intents) || intents.length === 0 || intents.length > 256)
    throw invalid('intents must list 1–256 ids');
  if (!Array.isArray(data.bias) || data.bias.length !== intents.length)
    throw invalid('bias must have one number per intent');
  for (const [name, value] of [
    ['temperature', data.temperature],
    ['scale', data.scale],
  ] as const)
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))
      throw invalid(`${name} must be a positive number`);
  if (typeof data.classes !== 'string' && typeof data.classDeltas !== 'string')
    throw invalid('classes (or classDeltas) must be a base64 string');
  const bytesOf = (name: DeflatedField, value: string): Uint8Array => {
    const length = data.deflated?.[name];
    if (length === undefined) return decodeBase64(value);
    if (!Number.isSafeInteger(length) || length < 0) throw invalid(`deflated.${name} must be a byte length`);
    let bytes: Uint8Array;
    try {
      bytes = inflateRaw(decodeBase85(value));
    } catch {
      throw invalid(`${name} does not inflate`);
    }
    if (bytes.length !== length) throw invalid(`${name} inflates to ${bytes.length} bytes, not ${length}`);
    return bytes;
  };
  // int8 weights as their bytes: a row cell's low byte is the weight's byte.
  const weights = bytesOf('weights', data.weights);
  const counts = bytesOf('counts', data.counts);
  const keyDeltas = bytesOf('keys', data.keys);
  const plainClasses = typeof data.classes === 'string' ? decodeBase64(data.classes) : undefined;
  const classDeltas = plainClasses === undefined ? bytesOf('classDeltas', data.classDeltas!) : undefined;
  if (plainClasses !== undefined && plainClasses.length !== weights.length)
    throw invalid('classes and weights differ in length');
  // Every feature has a count byte or more; the number of features is the number of final bytes.
  let features = 0;
  for (let i = 0; i < counts.length; i++) if ((counts[i] ?? 0) < 0x80) features++;
  const entries = weights.length;
  const keys = new Uint32Array(features);
  const starts = new Int32Array(features);
  const rows = new Uint16Array(features + entries);
  const intentCount = intents.length;
  let countAt = 0;
  let keyAt = 0;
  let nibbleAt = 0;
  let entry = 0;
  let at = 0;
  let key = 0;
  // Loops written out (no helper calls, no iterators): this is the cold start's hottest code.
  for (let f = 0; f < features; f++) {
    let count = 0;
    for (let factor = 1; ; factor *= 0x80) {
      if (countAt >= counts.length) throw invalid('truncated LEB128 data');
      const byte = counts[countAt++] ?? 0;
      count += (byte & 0x7f) * factor;
      if (byte < 0x80) break;
      if (factor >= 2 ** 28) throw invalid('LEB128 value too long');
    }
    let delta = 0;
    for (let factor = 1; ; factor *= 0x80) {
      if (keyAt >= keyDeltas.length) throw invalid('truncated LEB128 data');
      const byte = keyDeltas[keyAt++] ?? 0;
      delta += (byte & 0x7f) * factor;
      if (byte < 0x80) break;
      if (factor >= 2 ** 28) throw invalid('LEB128 value too long');
    }
    key += delta;
    if (key > 0xffffffff || (f > 0 && delta === 0)) throw invalid('keys are not ascending uint32');
    if (entry + count > entries) throw invalid('entry counts do not add up');
    // A row's count cell is 16 bits.
    if (count > 0xffff) throw invalid('a feature has more than 65,535 entries');
    keys[f] = key;
    starts[f] = at;
    rows[at++] = count;
    let previous = -1;
    for (let e = 0; e < count; e++, entry++) {
      let c: number;
      if (plainClasses !== undefined) c = plainClasses[entry] ?? 0;
      else {
        // packClassDeltas' nibbles: a distance 1–15 from the previous class, or 0 and two nibbles.
        if (nibbleAt >> 1 >= classDeltas!.length) throw invalid('truncated class deltas');
        const d = ((classDeltas![nibbleAt >> 1] ?? 0) >> ((nibbleAt & 1) * 4)) & 15;
        nibbleAt++;
        if (d !== 0) c = previous + d;
        else {
          if ((nibbleAt + 1) >> 1 >= classDeltas!.length) throw invalid('truncated class deltas');
          const low = ((classDeltas![nibbleAt >> 1] ?? 0) >> ((nibbleAt & 1) * 4)) & 15;
          nibbleAt++;
          const high = ((classDeltas![nibbleAt >> 1] ?? 0) >> ((nibbleAt & 1) * 4)) & 15;
          nibbleAt++;
          c = low | (high << 4);
        }
        previous = c;
      }
      if (c >= intentCount) throw invalid(`intent index ${c} out of range`);
      rows[at++] = (c << 8) | (weights[entry] ?? 0);
    }
  }
  if (countAt !== counts.length || keyAt !== keyDeltas.length) throw invalid('trailing LEB128 data');
  if (entry !== entries) throw invalid('entry counts do not add up');
  if (classDeltas !== undefined && (nibbleAt + 1) >> 1 !== classDeltas.length)
    throw invalid('trailing class deltas');
  const spellingWords =
    typeof data.spellingWords !== 'string'
      ? ''
      : data.deflated?.spellingWords === undefined
        ? data.spellingWords
        : strFromU8(bytesOf('spellingWords', data.spellingWords));
  return {
    header: {
      intents,
      spec: data.spec,
      sqrtNorm: data.sqrtNorm === true,
      temperature: data.temperature,
      scale: data.scale,
      bias: Float64Array.from(data.bias),
      spellingWords: spellingWords !== '' ? spellingWords.split(' ') : [],
      stopWords: Array.isArray(data.stopWords) ? data.stopWords : [],
    },
    keys,
    starts,
    rows,
  };
}

/** The rows of `parts` (what `decodeRows` gives for their serialized form). */
function rowsOfParts(parts: LinearModelParts): ModelRows {
  const { keys, offsets, classes, weights, ...header } = parts;
  const features = keys.length;
  const rows = new Uint16Array(features + weights.length);
  const starts = new Int32Array(features);
  for (let f = 0, at = 0; f < features; f++) {
    const from = offsets[f] ?? 0;
    const to = offsets[f + 1] ?? 0;
    starts[f] = at;
    rows[at++] = to - from;
    for (let e = from; e < to; e++) rows[at++] = ((classes[e] ?? 0) << 8) | ((weights[e] ?? 0) & 0xff);
  }
  return { header, keys, starts, rows };
}

/** The parts of decoded rows: the entry arrays apart again. */
function partsOfRows({ header, keys, starts, rows }: ModelRows): LinearModelParts {
  const features = keys.length;
  const offsets = new Uint32Array(features + 1);
  for (let f = 0; f < features; f++) offsets[f + 1] = (offsets[f] ?? 0) + (rows[starts[f] ?? 0] ?? 0);
  const classes = new Uint8Array(offsets[features] ?? 0);
  const weights = new Int8Array(classes.length);
  for (let f = 0; f < features; f++) {
    const start = starts[f] ?? 0;
    for (let e = offsets[f] ?? 0, at = start + 1; e < (offsets[f + 1] ?? 0); e++, at++) {
      classes[e] = (rows[at] ?? 0) >>> 8;
      weights[e] = entryWeight(rows[at] ?? 0);
    }
  }
  return { ...header, keys, offsets, classes, weights };
}

/** Decode and check a serialized model; throws HuashuError `INVALID_RULES` saying what is wrong. */
export function decodeLinearModel(data: SerializedLinearModel): LinearModelParts {
  return partsOfRows(decodeRows(data));
}

/** The int8 weight in the low byte of a packed row entry (`class << 8 | weight & 0xff`). */
function entryWeight(entry: number): number {
  return ((entry & 0xff) << 24) >> 24;
}

/** Scores feature lists with a decoded model. Not re-entrant (scratch buffers are shared). */
export class LinearModel {
  readonly intents: readonly string[];
  readonly temperature: number;
  readonly spec: LinearFeatureSpec;
  readonly spellingWords: readonly string[];
  readonly stopWords: readonly string[];
  // Feature key → the start of its row in `rows` (see ModelRows).
  private readonly index: KeyIndex;
  private readonly rows: Uint16Array;
  private readonly bias: Float64Array;
  private readonly scale: number;
  private readonly sqrtNorm: boolean;
  private readonly sums: Int32Array;
  // The row start of each feature of the last scored list (-1: unknown), so explaining it costs
  // no second hash lookup.
  private scored = new Int32Array(64);

  constructor(parts: LinearModelParts | ModelRows) {
    const decoded = 'rows' in parts ? parts : rowsOfParts(parts);
    const { header } = decoded;
    this.intents = header.intents;
    this.temperature = header.temperature;
    this.spec = header.spec;
    this.spellingWords = header.spellingWords;
    this.stopWords = header.stopWords;
    this.rows = decoded.rows;
    this.index = new KeyIndex(decoded.keys, decoded.starts);
    this.bias = Float64Array.from(header.bias);
    this.scale = header.scale;
    this.sqrtNorm = header.sqrtNorm;
    this.sums = new Int32Array(header.intents.length);
  }

  static decode(data: SerializedLinearModel): LinearModel {
    return new LinearModel(decodeRows(data));
  }

  /** Number of features with weights. */
  get featureCount(): number {
    return this.index.size;
  }

  /**
   * Raw logits of `features` into `logits` (length ≥ intents; divide by `temperature` for
   * calibrated probabilities, see `probabilities`). Returns how many features the model knows.
   */
  score(features: FeatureList, logits: Float64Array): number {
    const sums = this.sums.fill(0);
    const { index, rows } = this;
    if (this.scored.length < features.count) this.scored = new Int32Array(features.count * 2);
    const scored = this.scored;
    let known = 0;
    for (let i = 0; i < features.count; i++) {
      const start = index.get(features.keys[i] ?? 0);
      scored[i] = start;
      if (start < 0) continue;
      known++;
      const end = start + 1 + (rows[start] ?? 0);
      for (let e = start + 1; e < end; e++) {
        const entry = rows[e] ?? 0;
        const c = entry >>> 8;
        sums[c] = (sums[c] ?? 0) + entryWeight(entry);
      }
    }
    const factor = this.sqrtNorm && features.count > 0 ? this.scale / Math.sqrt(features.count) : this.scale;
    for (let c = 0; c < sums.length; c++) logits[c] = (this.bias[c] ?? 0) + factor * (sums[c] ?? 0);
    return known;
  }

  /**
   * The (dequantised) weight for intent `intentIndex` of the `i`-th feature of the list last given
   * to `score`, 0 when the model has none.
   */
  weightOfScored(i: number, intentIndex: number): number {
    const start = this.scored[i] ?? -1;
    if (start < 0) return 0;
    const end = start + 1 + (this.rows[start] ?? 0);
    for (let e = start + 1; e < end; e++) {
      const entry = this.rows[e] ?? 0;
      if (entry >>> 8 === intentIndex) return entryWeight(entry) * this.scale;
    }
    return 0;
  }

  /** The index of the largest logit (the first of equal ones). */
  private best(logits: Float64Array): number {
    let best = 0;
    for (let c = 1; c < this.intents.length; c++) if ((logits[c] ?? 0) > (logits[best] ?? 0)) best = c;
    return best;
  }

  /**
   * The logarithms of `probabilities`, computed directly (no exp then log per intent); returns the
   * index of the best intent.
   */
  logProbabilities(logits: Float64Array, out: Float64Array): number {
    const n = this.intents.length;
    const best = this.best(logits);
    const top = (logits[best] ?? 0) / this.temperature;
    let sum = 0;
    for (let c = 0; c < n; c++) sum += Math.exp((logits[c] ?? 0) / this.temperature - top);
    const norm = top + Math.log(sum);
    for (let c = 0; c < n; c++) out[c] = (logits[c] ?? 0) / this.temperature - norm;
    return best;
  }

  /** Calibrated probabilities from `score`'s logits into `out`; returns the index of the best intent. */
  probabilities(logits: Float64Array, out: Float64Array): number {
    const n = this.intents.length;
    const best = this.best(logits);
    const top = (logits[best] ?? 0) / this.temperature;
    let sum = 0;
    for (let c = 0; c < n; c++) {
      const e = Math.exp((logits[c] ?? 0) / this.temperature - top);
      out[c] = e;
      sum += e;
    }
    for (let c = 0; c < n; c++) out[c] = (out[c] ?? 0) / sum;
    return best;
  }
}
