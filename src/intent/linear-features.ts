/**
 * Hashed sparse features for the linear intent model (see linear-model.ts), extracted in one pass
 * over the folded text (see `normalize`) into reusable buffers.
 *
 * Families (each switched on by a bit of `LinearFeatureSpec.families`, so the build-time lab can
 * compare them and a model carries the set it was trained with):
 * - character 1–3-grams inside runs of Han (and other non-Latin) characters, with run-start and
 *   run-end markers; placeholders and digit runs take part as one unit each;
 * - Latin words (stemmed, spelling-corrected) as unigrams and bigrams, and optionally their
 *   character n-grams;
 * - words of `Intl.Segmenter` (Han words of two or more characters), optional;
 * - masked placeholders (`[订单x]` → one token per kind), digit-run shapes, the length bucket,
 *   `?` and `!`;
 * - the agent's previous turn: its class (`classifyAgentTurn`) crossed with the message's length
 *   bucket, whether it is data and whether it asks; and the agent turn's own character bigrams and
 *   words under a separate prefix, so "a follow-up takes the agent's topic" is learned, not written;
 * - pattern-group hits (rules/intents/patterns.*.json) as features whose weights are learned.
 *
 * Every feature is a 32-bit hash cut to `hashBits` bits. Duplicates within a message are dropped
 * (features are binary).
 */
import { HuashuError } from '../errors.js';
import { AgentTurn } from './agent-turn.js';
import { classifyAgentTurn } from './built-in-agent-turn.js';
import { isHanCode } from '../text/char-class.js';
import { lastPlaceholderKind, placeholderAt } from '../text/placeholder.js';
import { stemLength, wordKey } from './word-keys.js';
import type { PatternMatcher } from './patterns.js';
import type { SpellingIndex } from './spelling.js';

/** Feature families (bits of `LinearFeatureSpec.families`). */
export const FeatureFamily = {
  /** Character n-grams (1…maxNgram) of Han / other non-Latin runs. */
  CharGrams: 1 << 0,
  /** Character n-grams inside Latin words too (typo-robust English). */
  LatinCharGrams: 1 << 1,
  /** Latin word unigrams and bigrams (stemmed, spelling-corrected). */
  Words: 1 << 2,
  /** Han words from Intl.Segmenter (granularity 'word'). */
  Segmenter: 1 << 3,
  /** One token per placeholder kind (`[订单x]`, `[金额x]`…). */
  Placeholders: 1 << 4,
  /** Shape (length bucket) of each digit run. */
  DigitShape: 1 << 5,
  /** Length bucket of the message, and of its data. */
  Length: 1 << 6,
  /** `?` and `!`. */
  Punctuation: 1 << 7,
  /** The agent turn's class crossed with the message's length bucket, data and question flags. */
  AgentTurn: 1 << 8,
  /** The agent turn's character bigrams and words, under their own prefix. */
  AgentGrams: 1 << 9,
  /** The agent turn's bigrams crossed with short / long message (instead of plain). */
  AgentGramsByLength: 1 << 10,
  /** Pattern-group hits (needs a PatternMatcher). */
  Patterns: 1 << 11,
  /** Skip characters the pattern files mask (order-card boilerplate; needs a PatternMatcher). */
  Mask: 1 << 12,
  /** Skip English stop words (needs stop-word keys). */
  StopWords: 1 << 13,
} as const;

export interface LinearFeatureSpec {
  /** Bit set of `FeatureFamily`. */
  families: number;
  /** Longest character n-gram, 1–3. */
  maxNgram: number;
  /** Feature keys keep this many bits of their hash, 12–32. */
  hashBits: number;
}

/** What the extractor may use besides the text (the families that need them say so). */
export interface ExtractorResources {
  spelling?: SpellingIndex | null;
  stopWords?: ReadonlySet<number> | null;
  patterns?: PatternMatcher | null;
}

/** How much of the agent's message is read: its end, which is what the customer answers. */
export const AGENT_TAIL = 80;
/** Messages up to this many content units are "short" for AgentGramsByLength. */
export const SHORT_MESSAGE = 10;

// Namespaces (hash seeds) of the families.
const NS_CHAR = [0x1b873593, 0x2c1b3c6d, 0x3d4c5e6f, 0x4e5f7081];
const NS_LATIN_CHAR = [0x51ed270b, 0x62fe381c, 0x730f492d, 0x84105a3e];
const NS_WORD = 0x95216b4f;
const NS_WORD_BIGRAM = 0xa6327c50;
const NS_SEGMENT = 0xb7438d61;
const NS_PLACEHOLDER = 0xc8549e72;
const NS_DIGITS = 0xd965af83;
const NS_LENGTH = 0xea76b094;
const NS_DATA = 0xfb87c1a5;
const NS_PUNCTUATION = 0x0c98d2b6;
const NS_TURN = 0x1da9e3c7;
const NS_TURN_LENGTH = 0x2ebaf4d8;
const NS_TURN_DATA = 0x3fcb05e9;
const NS_TURN_QUESTION = 0x40dc16fa;
const NS_AGENT_GRAM = 0x51ed280b;
const NS_AGENT_WORD = 0x62fe391c;
const NS_PATTERN = 0x730f4a2d;

// Unit codes beyond Unicode for placeholders, digit runs and run boundaries.
const UNIT_PLACEHOLDER = 0x110000;
const UNIT_DIGITS = 0x110100;
const UNIT_START = 0x110200;
const UNIT_END = 0x110201;

function mix(h: number, value: number): number {
  h = Math.imul(h ^ value, 0x5bd1e995);
  return h ^ (h >>> 15);
}

function finish(h: number): number {
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 32-bit FNV-1a of a string (pattern ids, segmenter words). */
function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Length bucket of a message by content units: 0 none, 1: 1–2, 2: 3–5, 3: 6–10, 4: 11–20, 5: 21–40, 6: more. */
export function lengthBucket(size: number): number {
  return size === 0
    ? 0
    : size <= 2
      ? 1
      : size <= 5
        ? 2
        : size <= 10
          ? 3
          : size <= 20
            ? 4
            : size <= 40
              ? 5
              : 6;
}

/** Shape of a digit run by its length: 0: 1–2, 1: 3–4, 2: 5–8, 3: 9 or more. */
export function digitShape(length: number): number {
  return length <= 2 ? 0 : length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/** 0: no data (placeholders, digit runs), 1: data and nothing else, 2: data with words. */
export function dataFlag(dataTokens: number, contentSize: number): number {
  return dataTokens === 0 ? 0 : contentSize === 0 ? 1 : 2;
}

/** `m`, `re`, `ll`, `ve`, `d` or `s` right after a letter and an apostrophe (' or ’). */
function isContractionTail(text: string, start: number, end: number): boolean {
  if (start < 2 || end - start > 2) return false;
  const apostrophe = text.charCodeAt(start - 1);
  if ((apostrophe !== 0x27 && apostrophe !== 0x2019) || !isLatinLetter(text.charCodeAt(start - 2)))
    return false;
  const tail = text.slice(start, end);
  return tail === 'm' || tail === 're' || tail === 'll' || tail === 've' || tail === 'd' || tail === 's';
}

function isLatinLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isQuestionChar(code: number): boolean {
  // 吗 么 嘛 呢 ? (folded text has ASCII ?)
  return code === 0x5417 || code === 0x4e48 || code === 0x561b || code === 0x5462 || code === 0x3f;
}

/** Features of one message; buffers are reused across calls (extraction is synchronous). */
export class FeatureList {
  keys: Uint32Array = new Uint32Array(256);
  count = 0;
  /** Readable names of the features, for tests and reports; null (the default) records none. */
  names: string[] | null = null;
  /**
   * Where each feature is in the folded text, `[start, end)` pairs (−1 for features of the whole
   * message or of the agent's turn), for evidence; null (the default) records none.
   */
  spans: Int32Array | null = null;

  push(key: number, start = -1, end = -1): void {
    if (this.count === this.keys.length) {
      const next = new Uint32Array(this.keys.length * 2);
      next.set(this.keys);
      this.keys = next;
    }
    if (this.spans !== null) {
      if (this.spans.length < 2 * (this.count + 1)) {
        const next = new Int32Array(Math.max(2 * this.keys.length, 2 * (this.count + 1)));
        next.set(this.spans);
        this.spans = next;
      }
      this.spans[2 * this.count] = start;
      this.spans[2 * this.count + 1] = end;
    }
    this.keys[this.count++] = key;
  }

  /** Record spans from now on (evidence); `recordSpans(false)` stops. */
  recordSpans(on: boolean): void {
    this.spans = on ? (this.spans ?? new Int32Array(2 * this.keys.length)) : null;
  }

  clear(): void {
    this.count = 0;
    if (this.names !== null) this.names.length = 0;
  }
}

/** Names of `PlaceholderKind` values, for feature names. */
const PLACEHOLDER_NAMES = [
  'other',
  'order',
  'amount',
  'date',
  'time',
  'name',
  'address',
  'phone',
  'link',
  'site',
  'number',
  'email',
  'id',
  'organisation',
];

function unitName(unit: number): string {
  if (unit === UNIT_START) return '^';
  if (unit === UNIT_END) return '$';
  if (unit >= UNIT_DIGITS && unit < UNIT_START) return `<d${unit - UNIT_DIGITS}>`;
  if (unit >= UNIT_PLACEHOLDER) return `<p${unit - UNIT_PLACEHOLDER}>`;
  return String.fromCodePoint(unit);
}

/**
 * Extracts `LinearFeatureSpec` features. One instance per thread of use: it keeps scratch buffers
 * and a one-entry cache of the last agent message (a bot often analyses several customer lines
 * after the same agent message).
 */
export class LinearFeatureExtractor {
  readonly spec: Readonly<LinearFeatureSpec>;
  private readonly shift: number;
  private readonly spelling: SpellingIndex | null;
  private readonly stopWords: ReadonlySet<number> | null;
  private readonly patterns: PatternMatcher | null;
  private readonly patternHashes: Uint32Array;
  private readonly segmenter: Intl.Segmenter | null;
  // Units of the current run (for n-grams).
  private run = new Int32Array(256);
  private runLength = 0;
  /** Folded-text range of each unit of the run. */
  private runStarts = new Int32Array(256);
  private runEnds = new Int32Array(256);
  // Duplicate filter: open addressing over stamped slots.
  private seenKeys = new Uint32Array(1024);
  private seenStamps = new Uint32Array(1024);
  private stamp = 0;
  private out: FeatureList = new FeatureList();
  // Per message.
  private contentSize = 0;
  private dataTokens = 0;
  private asks = 0;
  // The last agent message read, its class and grams.
  private lastAgent: string | null = null;
  private agentTurn: AgentTurn = AgentTurn.None;
  private readonly agentGrams = new Uint32Array(2 * AGENT_TAIL);
  private agentGramNames: string[] = [];
  private agentGramCount = 0;

  constructor(spec: LinearFeatureSpec, resources: ExtractorResources = {}) {
    const problems: string[] = [];
    if (!Number.isInteger(spec.hashBits) || spec.hashBits < 12 || spec.hashBits > 32)
      problems.push(`hashBits must be an integer from 12 to 32 (got ${String(spec.hashBits)})`);
    if (!Number.isInteger(spec.maxNgram) || spec.maxNgram < 1 || spec.maxNgram > 3)
      problems.push(`maxNgram must be 1, 2 or 3 (got ${String(spec.maxNgram)})`);
    if (!Number.isInteger(spec.families) || spec.families < 0 || spec.families >= 1 << 14)
      problems.push(`families must be a bit set of FeatureFamily (got ${String(spec.families)})`);
    const needsPatterns = (spec.families & (FeatureFamily.Patterns | FeatureFamily.Mask)) !== 0;
    if (needsPatterns && !resources.patterns)
      problems.push('the Patterns and Mask families need a PatternMatcher: pass resources.patterns');
    if (problems.length > 0)
      throw new HuashuError('INVALID_OPTIONS', `Invalid linear feature spec: ${problems.join('; ')}.`, {
        issues: problems.map((message) => ({ path: 'spec', message })),
      });
    this.spec = { ...spec };
    this.shift = 32 - spec.hashBits;
    this.spelling = resources.spelling ?? null;
    this.stopWords = spec.families & FeatureFamily.StopWords ? (resources.stopWords ?? null) : null;
    this.patterns = needsPatterns ? (resources.patterns ?? null) : null;
    this.patternHashes = Uint32Array.from(this.patterns?.groups ?? [], (g) => fnv(g.id));
    this.segmenter =
      spec.families & FeatureFamily.Segmenter ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }

  private has(family: number): boolean {
    return (this.spec.families & family) !== 0;
  }

  /** Name the feature `emit` just added (only when names are recorded). */
  private named(name: string): void {
    this.out.names?.push(name);
  }

  /**
   * Add the feature of raw hash `h` unless the message already has it; returns whether it was
   * added. (Names are pushed by the caller, inside `if (names)`: a closure here would make V8
   * allocate a context per call.)
   */
  private emit(h: number, start = -1, end = -1): boolean {
    const key = this.shift === 0 ? finish(h) : finish(h) >>> this.shift;
    // Drop duplicates (features are binary).
    const mask = this.seenKeys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= mask;
      if (this.seenStamps[slot] !== this.stamp) break;
      if (this.seenKeys[slot] === key) return false;
      slot++;
    }
    this.seenStamps[slot] = this.stamp;
    this.seenKeys[slot] = key;
    this.out.push(key, start, end);
    if (this.out.count * 2 > this.seenKeys.length) this.growSeen();
    return true;
  }

  private growSeen(): void {
    const keys = this.seenKeys;
    const stamps = this.seenStamps;
    this.seenKeys = new Uint32Array(keys.length * 2);
    this.seenStamps = new Uint32Array(keys.length * 2);
    const mask = this.seenKeys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (stamps[i] !== this.stamp) continue;
      let slot = Math.imul(keys[i] ?? 0, 0x9e3779b1) >>> 0;
      for (;;) {
        slot &= mask;
        if (this.seenStamps[slot] !== this.stamp) break;
        slot++;
      }
      this.seenStamps[slot] = this.stamp;
      this.seenKeys[slot] = keys[i] ?? 0;
    }
  }

  private pushUnit(unit: number, start: number, end: number): void {
    if (this.runLength === this.run.length) {
      const grow = (from: Int32Array) => {
        const next = new Int32Array(from.length * 2);
        next.set(from);
        return next;
      };
      this.run = grow(this.run);
      this.runStarts = grow(this.runStarts);
      this.runEnds = grow(this.runEnds);
    }
    this.runStarts[this.runLength] = start;
    this.runEnds[this.runLength] = end;
    this.run[this.runLength++] = unit;
  }

  /** N-grams of the current run, then start a new one. */
  private endRun(latin: boolean): void {
    const length = this.runLength;
    this.runLength = 0;
    if (length === 0 || (!latin && (this.spec.families & FeatureFamily.CharGrams) === 0)) return;
    const ns = latin ? NS_LATIN_CHAR : NS_CHAR;
    const maxN = this.spec.maxNgram;
    const run = this.run;
    const starts = this.runStarts;
    const ends = this.runEnds;
    const names = this.out.names !== null;
    // Unigrams of real characters only (placeholders and digits have their own families), and
    // never single Latin letters.
    for (let i = 0; i < length; i++) {
      const u = run[i] ?? 0;
      if (!latin && u < UNIT_PLACEHOLDER)
        if (this.emit(mix(ns[0] ?? 0, u), starts[i], ends[i]) && names) this.named(`c:${unitName(u)}`);
    }
    // A one-letter word has no grams worth keeping.
    if (maxN < 2 || (latin && length === 1)) return;
    // Bigrams with run-start and run-end markers.
    for (let i = -1; i < length; i++) {
      const a = i < 0 ? UNIT_START : (run[i] ?? 0);
      const b = i + 1 < length ? (run[i + 1] ?? 0) : UNIT_END;
      const from = starts[i < 0 ? 0 : i] ?? -1;
      const to = ends[i + 1 < length ? i + 1 : i] ?? -1;
      if (this.emit(mix(mix(ns[1] ?? 0, a), b), from, to) && names)
        this.named(`${latin ? 'l' : 'c'}:${unitName(a)}${unitName(b)}`);
    }
    if (maxN < 3) return;
    for (let i = 0; i + 2 < length; i++) {
      const a = run[i] ?? 0;
      const b = run[i + 1] ?? 0;
      const c = run[i + 2] ?? 0;
      if (this.emit(mix(mix(mix(ns[2] ?? 0, a), b), c), starts[i], ends[i + 2]) && names)
        this.named(`${latin ? 'l' : 'c'}:${unitName(a)}${unitName(b)}${unitName(c)}`);
    }
  }

  /**
   * The features of the folded message `text` into `out`; `agent` is the agent's previous message,
   * folded (or null). `out.names`, when not null, receives a readable name per feature.
   */
  extract(text: string, agent: string | null, out: FeatureList): void {
    this.out = out;
    out.clear();
    if (++this.stamp === 0xffffffff) {
      this.seenStamps.fill(0);
      this.stamp = 1;
    }
    this.contentSize = 0;
    this.dataTokens = 0;
    this.asks = 0;
    this.runLength = 0;
    const names = out.names !== null;
    const families = this.spec.families;
    let masked: Uint8Array | null = null;
    const patterns = this.patterns;
    if (patterns !== null) {
      patterns.match(text);
      if (families & FeatureFamily.Mask && patterns.masked) masked = patterns.mask;
      if (families & FeatureFamily.Patterns)
        for (let k = 0; k < patterns.firedCount; k++) {
          const g = patterns.fired[k] ?? 0;
          if (this.emit(mix(NS_PATTERN, this.patternHashes[g] ?? 0)) && names)
            this.named(`g:${patterns.groups[g]?.id ?? g}`);
        }
    }
    const latinGrams = (families & FeatureFamily.LatinCharGrams) !== 0;
    const words = (families & FeatureFamily.Words) !== 0;
    const length = text.length;
    let previousWord = -1;
    let previousStart = -1;
    let i = 0;
    while (i < length) {
      if (masked !== null && masked[i] !== 0) {
        this.endRun(false);
        previousWord = -1;
        i++;
        continue;
      }
      const code = text.charCodeAt(i);
      if (isHanCode(code)) {
        this.pushUnit(code, i, i + 1);
        this.contentSize++;
        if (isQuestionChar(code)) this.asks = 1;
        previousWord = -1;
        i++;
        continue;
      }
      if (code === 0x5b) {
        const end = placeholderAt(text, i);
        if (end > 0) {
          const kind: number = lastPlaceholderKind();
          this.pushUnit(UNIT_PLACEHOLDER + kind, i, end);
          this.dataTokens++;
          if (families & FeatureFamily.Placeholders)
            if (this.emit(mix(NS_PLACEHOLDER, kind), i, end) && names)
              this.named(`p:${PLACEHOLDER_NAMES[kind] ?? kind}`);
          previousWord = -1;
          i = end;
          continue;
        }
      }
      if (isLatinLetter(code)) {
        this.endRun(false);
        let end = i + 1;
        while (end < length && isLatinLetter(text.charCodeAt(end)) && (masked === null || masked[end] === 0))
          end++;
        // The tail of a contraction (I'm, we're, you'll, I've, she'd, it's) is grammar, not
        // content: read alone, the `m` of "I'm" learned the mood of the complaints that start
        // with it. n't stays a word (`t`): it carries the negation.
        if (isContractionTail(text, i, end)) {
          i = end;
          continue;
        }
        const stem = i + stemLength(text, i, end);
        let key = wordKey(text, i, stem);
        if (this.stopWords !== null && this.stopWords.has(key)) {
          i = end;
          continue;
        }
        this.contentSize++;
        if (words) {
          if (this.spelling !== null) {
            const corrected = this.spelling.correct(text, i, end);
            if (corrected >= 0) key = corrected;
          }
          if (this.emit(mix(NS_WORD, key), i, end) && names) this.named(`w:${text.slice(i, stem)}`);
          if (
            previousWord >= 0 &&
            this.emit(mix(mix(NS_WORD_BIGRAM, previousWord), key), previousStart, end) &&
            names
          )
            this.named(`ww:${text.slice(i, stem)}`);
          previousWord = key;
          previousStart = i;
        }
        if (latinGrams) {
          for (let j = i; j < end; j++) this.pushUnit(text.charCodeAt(j), j, j + 1);
          this.endRun(true);
        }
        i = end;
        continue;
      }
      if (isDigit(code)) {
        let end = i + 1;
        while (end < length && isDigit(text.charCodeAt(end))) end++;
        const shape = digitShape(end - i);
        this.pushUnit(UNIT_DIGITS + shape, i, end);
        this.dataTokens++;
        if (families & FeatureFamily.DigitShape)
          if (this.emit(mix(NS_DIGITS, shape), i, end) && names) this.named(`d:${shape}`);
        previousWord = -1;
        i = end;
        continue;
      }
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
        // An emoji (👌, 😭) is a unit of its own.
        this.pushUnit(0x10000 + ((code - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00), i, i + 2);
        this.contentSize++;
        i += 2;
        continue;
      }
      if (
        code >= 0x80 &&
        code !== 0x200d &&
        code !== 0xfe0f &&
        code !== 0x3001 &&
        code !== 0x3002 &&
        code !== 0x2026
      ) {
        // Kana, symbols (✅, ❤): units without content.
        this.pushUnit(code, i, i + 1);
        i++;
        continue;
      }
      // Spaces and punctuation end the run.
      this.endRun(false);
      if (code === 0x3f) this.asks = 1;
      if ((code === 0x3f || code === 0x21) && families & FeatureFamily.Punctuation) {
        const mark = code === 0x3f ? 1 : 2;
        if (this.emit(mix(NS_PUNCTUATION, mark), i, i + 1) && names) this.named(mark === 1 ? 'q:?' : 'q:!');
      }
      if (code !== 0x20) previousWord = -1;
      i++;
    }
    this.endRun(false);
    if (this.segmenter !== null) this.segmentWords(text, masked);
    const bucket = lengthBucket(this.contentSize);
    const data = dataFlag(this.dataTokens, this.contentSize);
    if (families & FeatureFamily.Length) {
      if (this.emit(mix(NS_LENGTH, bucket)) && names) this.named(`len:${bucket}`);
      if (data > 0 && this.emit(mix(NS_DATA, bucket)) && names) this.named(`data:${bucket}`);
    }
    if (families & (FeatureFamily.AgentTurn | FeatureFamily.AgentGrams | FeatureFamily.AgentGramsByLength)) {
      if (agent !== this.lastAgent) this.readAgent(agent);
      const turn = this.agentTurn;
      if (families & FeatureFamily.AgentTurn) {
        const asks = this.asks;
        if (this.emit(mix(NS_TURN, turn)) && names) this.named(`t:${turn}`);
        if (this.emit(mix(mix(NS_TURN_LENGTH, turn), bucket)) && names) this.named(`t:${turn}|len:${bucket}`);
        if (this.emit(mix(mix(NS_TURN_DATA, turn), data)) && names) this.named(`t:${turn}|data:${data}`);
        if (this.emit(mix(mix(NS_TURN_QUESTION, turn), asks)) && names) this.named(`t:${turn}|asks:${asks}`);
      }
      const byLength = (families & FeatureFamily.AgentGramsByLength) !== 0;
      if (byLength || families & FeatureFamily.AgentGrams) {
        const short = this.contentSize <= SHORT_MESSAGE ? 1 : 2;
        for (let k = 0; k < this.agentGramCount; k++) {
          const gram = this.agentGrams[k] ?? 0;
          const name = names ? this.agentGramNames[k] : undefined;
          if (this.emit(byLength ? mix(gram, short) : gram) && names)
            this.named(byLength ? `${name}|${short === 1 ? 'short' : 'long'}` : (name ?? ''));
        }
      }
    }
  }

  private segmentWords(text: string, masked: Uint8Array | null): void {
    const names = this.out.names !== null;
    for (const segment of (this.segmenter as Intl.Segmenter).segment(text)) {
      const word = segment.segment;
      if (!segment.isWordLike || word.length < 2 || !isHanCode(word.charCodeAt(0))) continue;
      if (masked !== null && masked[segment.index] !== 0) continue;
      // Inside a placeholder (`[订单x]`): the placeholder family covers it.
      if (segment.index > 0 && text.charCodeAt(segment.index - 1) === 0x5b) continue;
      if (this.emit(mix(NS_SEGMENT, fnv(word))) && names) this.named(`s:${word}`);
    }
  }

  /** Class, bigrams and words of the agent's message (folded), kept until another one comes. */
  private readAgent(agent: string | null): void {
    this.lastAgent = agent;
    this.agentGramCount = 0;
    this.agentGramNames = [];
    if (agent === null || agent === '') {
      this.agentTurn = AgentTurn.None;
      return;
    }
    const tail = agent.length > AGENT_TAIL ? agent.slice(agent.length - AGENT_TAIL) : agent;
    this.agentTurn = classifyAgentTurn(tail);
    const names = this.out.names !== null;
    // Raw hashes: `emit` finishes them (crossed with the message length or not).
    const add = (h: number, name: string) => {
      const key = h >>> 0;
      for (let k = 0; k < this.agentGramCount; k++) if (this.agentGrams[k] === key) return;
      if (this.agentGramCount === this.agentGrams.length) return;
      this.agentGrams[this.agentGramCount++] = key;
      if (names) this.agentGramNames.push(name);
    };
    let previous = -1;
    let i = 0;
    while (i < tail.length) {
      const code = tail.charCodeAt(i);
      if (isHanCode(code)) {
        if (previous >= 0)
          add(mix(mix(NS_AGENT_GRAM, previous), code), `a:${String.fromCharCode(previous, code)}`);
        previous = code;
        i++;
        continue;
      }
      previous = -1;
      if (isLatinLetter(code)) {
        let end = i + 1;
        while (end < tail.length && isLatinLetter(tail.charCodeAt(end))) end++;
        const stem = i + stemLength(tail, i, end);
        if (stem - i >= 2) add(mix(NS_AGENT_WORD, wordKey(tail, i, stem)), `aw:${tail.slice(i, stem)}`);
        i = end;
        continue;
      }
      i++;
    }
  }
}
