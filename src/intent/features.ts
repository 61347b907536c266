/**
 * Feature extraction for the intent model, shared by the build-time trainer and the run time.
 *
 * One pass over the folded text (see `normalize`) yields 32-bit feature keys, without allocating:
 * - Han characters: unigrams and bigrams inside a run, plus run-start / run-end bigrams
 *   (so "好" alone differs from "好像"); traditional text is already folded to simplified.
 * - Latin letters: lightly stemmed words (FNV-1a hash), and word bigrams.
 * - Digit runs, masked placeholders of chat exports (`[订单x]`, `[数字x]`…) and `?`/`!`: special tokens.
 * Segment numbers split a message into clauses (sentence punctuation, and spaces next to Chinese,
 * since exports join chat lines with spaces) so several requests in one message can be told apart.
 */

import { isAsciiLetterCode, isDigitCode, isHanCode } from '../text/char-class.js';
import { lastPlaceholderKind, placeholderAt } from '../text/placeholder.js';
import { combineWords, stemLength, wordKey } from './word-keys.js';

/** Special feature keys (below every character key). */
export const enum Token {
  NumberShort = 1,
  NumberLong = 2,
  Question = 3,
  Exclamation = 4,
  /** Message length buckets (content units): short answers and long stories read differently. */
  LengthBase = 5,
  /** Placeholder keys are PlaceholderBase + PlaceholderKind. */
  PlaceholderBase = 16,
}

const RUN_START = 0x0001;
const RUN_END = 0x0002;
/** Clauses beyond this count are merged into the last one. */
export const MAX_SEGMENTS = 8;
/** Han unigrams are noisy alone (货 is in 发货, 退货, 有货): they count for less than bigrams. */
export const UNIGRAM_WEIGHT = 1;
/** Segment number of features about the whole message (its length), which belong to no clause. */
export const WHOLE_MESSAGE = 255;

/**
 * Whether the character `code` (after `previous` and `beforePrevious`) makes its clause a question:
 * a question particle (吗 么 嘛 呢), a question word (怎 哪 啥, 什么, 多少, 多久, 几天/几个/几点/几号),
 * or an A不A / A没A question (有没有, 能不能, 是不是).
 */
function isQuestionWord(previous: number, code: number, beforePrevious: number): boolean {
  switch (code) {
    case 0x5417: // 吗
    case 0x4e48: // 么
    case 0x561b: // 嘛
    case 0x5462: // 呢
    case 0x600e: // 怎
    case 0x54ea: // 哪
    case 0x5565: // 啥
      return true;
    case 0x5c11: // 少: 多少
    case 0x4e45: // 久: 多久
      return previous === 0x591a; // 多
    case 0x5929: // 天
    case 0x4e2a: // 个
    case 0x70b9: // 点
    case 0x53f7: // 号
      return previous === 0x51e0; // 几
    default:
      // A不A / A没A: the character repeats around 不 or 没.
      return code === beforePrevious && (previous === 0x4e0d || previous === 0x6ca1);
  }
}

function isLatinWordChar(code: number): boolean {
  return isAsciiLetterCode(code) || isDigitCode(code);
}

/** Characters that end a clause (after folding: full-width forms are already ASCII). */
function isClauseBreak(code: number): boolean {
  return (
    code === 0x2c || // ,
    code === 0x2e || // .
    code === 0x21 || // !
    code === 0x3f || // ?
    code === 0x3b || // ;
    code === 0x7e || // ~
    code === 0x3002 || // 。
    code === 0x3001 || // 、
    code === 0x2026 || // …
    code === 0xff5e // ～ (not folded by NFKC)
  );
}

/** Extracted features of one message; buffers are reused across calls (extraction is synchronous). */
export class FeatureBuffer {
  keys = new Uint32Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  segments = new Uint8Array(256);
  /** 1 for a single Latin word (spelling correction applies), else 0. */
  words = new Uint8Array(256);
  /** How much each feature counts when scoring (Han unigrams count less than bigrams). */
  weights = new Float32Array(256);
  count = 0;
  /** Number of clauses (at least 1). */
  segmentCount = 1;
  /** Han characters plus Latin words outside placeholders and masked noise: how much the message says. */
  contentSize = 0;
  /** Placeholders and digit runs seen (a bare order number is content-free but informative). */
  dataTokens = 0;
  /** Per clause: index in the text of its first character. */
  segmentStarts = new Int32Array(MAX_SEGMENTS);
  /** Per clause: 1 when it asks something (`?`, 吗, 么, 嘛, 呢 at its end, or an English question word). */
  questions = new Uint8Array(MAX_SEGMENTS);
  /** Segment of each character of the text (valid for the last extraction). */
  charSegments = new Uint8Array(256);

  ensure(extra: number): void {
    if (this.count + extra <= this.keys.length) return;
    const capacity = Math.max(this.keys.length * 2, this.count + extra + 16);
    const grow = <T extends Uint32Array | Int32Array | Uint8Array | Float32Array>(
      from: T,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(from.subarray(0, this.count));
      return next;
    };
    this.keys = grow(this.keys, (n) => new Uint32Array(n));
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.ends = grow(this.ends, (n) => new Int32Array(n));
    this.segments = grow(this.segments, (n) => new Uint8Array(n));
    this.weights = grow(this.weights, (n) => new Float32Array(n));
    this.words = grow(this.words, (n) => new Uint8Array(n));
  }

  push(key: number, start: number, end: number, segment: number, weight = 1): void {
    this.ensure(1);
    const i = this.count++;
    this.keys[i] = key >>> 0;
    this.weights[i] = weight;
    this.words[i] = 0;
    this.starts[i] = start;
    this.ends[i] = end;
    this.segments[i] = segment;
  }
}

/**
 * Extract the features of `text` into `out`. `masked[i] !== 0` excludes character i (noise such as
 * order cards that exports insert); pass null when nothing is masked. `stopWords` holds the keys of
 * English words to skip (see `stopWordKeys`).
 */
export function extractFeatures(
  text: string,
  masked: Uint8Array | null,
  out: FeatureBuffer,
  stopWords: ReadonlySet<number> | null = null,
): void {
  out.count = 0;
  out.contentSize = 0;
  out.dataTokens = 0;
  out.questions.fill(0);
  out.segmentStarts.fill(0);
  const length = text.length;
  if (out.charSegments.length < length)
    out.charSegments = new Uint8Array(Math.max(length, out.charSegments.length * 2));
  let segment = 0;
  let segmentHasContent = false;
  let previousHan = -1; // previous Han code in the current run, or -1
  let previousHanAt = -1;
  let previousWord = -1; // key of the previous Latin word in the clause, or -1
  let lastWasHanOrPlaceholder = false;

  let segmentOpen = false; // the current clause's start is recorded
  const breakClause = () => {
    if (segmentHasContent && segment < MAX_SEGMENTS - 1) {
      segment++;
      segmentOpen = false;
    }
    segmentHasContent = false;
    previousWord = -1;
  };
  const openClause = (at: number) => {
    if (!segmentOpen) {
      out.segmentStarts[segment] = at;
      segmentOpen = true;
    }
  };
  const endHanRun = () => {
    if (previousHan >= 0) {
      out.push(((previousHan << 16) | RUN_END) >>> 0, previousHanAt, previousHanAt + 1, segment);
      previousHan = -1;
    }
  };

  let i = 0;
  while (i < length) {
    if (masked !== null && masked[i] !== 0) {
      endHanRun();
      out.charSegments[i] = segment;
      i++;
      continue;
    }
    const code = text.charCodeAt(i);
    if (isHanCode(code)) {
      openClause(i);
      out.charSegments[i] = segment;
      if (isQuestionWord(previousHan, code, i >= 2 ? text.charCodeAt(i - 2) : 0)) out.questions[segment] = 1;
      if (previousHan < 0) out.push((RUN_START << 16) | code, i, i + 1, segment);
      else out.push(((previousHan << 16) | code) >>> 0, previousHanAt, i + 1, segment);
      out.push(code, i, i + 1, segment, UNIGRAM_WEIGHT);
      previousHan = code;
      previousHanAt = i;
      out.contentSize++;
      segmentHasContent = true;
      lastWasHanOrPlaceholder = true;
      previousWord = -1;
      i++;
      continue;
    }
    endHanRun();
    if (code === 0x5b) {
      const end = placeholderAt(text, i);
      if (end > 0) {
        openClause(i);
        out.push(Token.PlaceholderBase + lastPlaceholderKind(), i, end, segment);
        out.charSegments.fill(segment, i, end);
        out.dataTokens++;
        segmentHasContent = true;
        lastWasHanOrPlaceholder = true;
        previousWord = -1;
        i = end;
        continue;
      }
    }
    if (isAsciiLetterCode(code)) {
      openClause(i);
      let end = i + 1;
      while (
        end < length &&
        isAsciiLetterCode(text.charCodeAt(end)) &&
        (masked === null || masked[end] === 0)
      )
        end++;
      const key = wordKey(text, i, i + stemLength(text, i, end));
      if (stopWords !== null && stopWords.has(key)) {
        // A request frame word ("i need help with"): no feature, and the words around it join.
        out.charSegments.fill(segment, i, end);
        lastWasHanOrPlaceholder = false;
        i = end;
        continue;
      }
      out.push(key, i, end, segment);
      out.words[out.count - 1] = 1;
      if (previousWord >= 0) out.push(combineWords(previousWord, key), i, end, segment);
      previousWord = key;
      out.charSegments.fill(segment, i, end);
      out.contentSize++;
      segmentHasContent = true;
      lastWasHanOrPlaceholder = false;
      i = end;
      continue;
    }
    if (isDigitCode(code)) {
      openClause(i);
      let end = i + 1;
      while (end < length && isDigitCode(text.charCodeAt(end))) end++;
      out.push(end - i >= 5 ? Token.NumberLong : Token.NumberShort, i, end, segment);
      out.charSegments.fill(segment, i, end);
      out.dataTokens++;
      segmentHasContent = true;
      lastWasHanOrPlaceholder = false;
      i = end;
      continue;
    }
    if (code === 0x20) {
      // Spaces join words in English but separate chat lines and clauses in Chinese.
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (lastWasHanOrPlaceholder || isHanCode(next) || next === 0x5b) breakClause();
      out.charSegments[i] = segment;
      i++;
      continue;
    }
    if (isClauseBreak(code)) {
      if (code === 0x3f || code === 0xff1f) {
        out.push(Token.Question, i, i + 1, segment);
        out.questions[segment] = 1;
      } else if (code === 0x21) out.push(Token.Exclamation, i, i + 1, segment);
      out.charSegments[i] = segment;
      breakClause();
      lastWasHanOrPlaceholder = false;
      i++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      // An emoji (👌, 😘) says something in chat: one unigram per surrogate pair.
      out.push(((code << 16) | text.charCodeAt(i + 1)) >>> 0, i, i + 2, segment);
      out.charSegments[i] = segment;
      out.charSegments[i + 1] = segment;
      out.contentSize++;
      segmentHasContent = true;
      i += 2;
      continue;
    }
    if (code >= 0x80 && code !== 0x200d && code !== 0xfe0f && !isLatinWordChar(code)) {
      // Other kept characters (kana, ✅, ❤) as unigrams.
      out.push(code, i, i + 1, segment);
      segmentHasContent = true;
    }
    out.charSegments[i] = segment;
    lastWasHanOrPlaceholder = false;
    i++;
  }
  endHanRun();
  out.segmentCount = segmentHasContent ? segment + 1 : Math.max(1, segment);
  if (out.contentSize > 0) out.push(Token.LengthBase + lengthBucket(out.contentSize), 0, 0, WHOLE_MESSAGE);
}

/** 0: 1–2 units, 1: 3–5, 2: 6–10, 3: 11–20, 4: 21–40, 5: more. */
function lengthBucket(size: number): number {
  return size <= 2 ? 0 : size <= 5 ? 1 : size <= 10 ? 2 : size <= 20 ? 3 : size <= 40 ? 4 : 5;
}
