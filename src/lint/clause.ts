/**
 * Clause bounds for the rules that read a cue's clause (shipping-wording's claims,
 * no-overpromise's promises): bounded walks over the reply skeleton's breaks.
 */
import { Break, type Skeleton } from './skeleton.js';

/** How far (reply characters) a run of spaces is read to tell a phrase gap from letter spacing. */
export const GAP_WINDOW = 16;

/**
 * A clause break before skeleton character `i`: punctuation, the sentence's end, or spaces between
 * phrases (是的 亲), but not the spaces of letter-spaced text (已 经 发 出了: a single character on
 * one side), which the skeleton also reads as clause breaks.
 */
export function clauseBreak(skeleton: Skeleton, i: number): boolean {
  const { breaks } = skeleton;
  const brk = breaks[i]!;
  if (brk === Break.Sentence) return true;
  if (brk < Break.Clause) return false;
  const gapEnd = Math.min(skeleton.starts[i]!, skeleton.ends[i - 1]! + GAP_WINDOW);
  for (let o = skeleton.ends[i - 1]!; o < gapEnd; o++) {
    const c = skeleton.original.charCodeAt(o);
    if (c !== 0x20 && c !== 0x3000 && c !== 0x09) return true;
  }
  const singleBefore = i === 1 || breaks[i - 1]! >= Break.Clause;
  const singleAfter = i + 1 >= skeleton.text.length || breaks[i + 1]! >= Break.Clause;
  return !singleBefore && !singleAfter;
}

/** A question mark, half or full width. */
export const isQuestionMark = (code: number): boolean => code === 0x3f || code === 0xff1f;

/**
 * Whether the reply characters the skeleton dropped right after skeleton position `end`
 * (punctuation, particles, spaces; at most `window` of them) hold one that `wanted` accepts.
 */
export function gapAfterHas(
  skeleton: Skeleton,
  end: number,
  wanted: (code: number) => boolean,
  window = GAP_WINDOW,
): boolean {
  const from = end === 0 ? 0 : skeleton.ends[end - 1]!;
  const to = Math.min(
    end < skeleton.text.length ? skeleton.starts[end]! : skeleton.original.length,
    from + window,
  );
  for (let i = from; i < to; i++) if (wanted(skeleton.original.charCodeAt(i))) return true;
  return false;
}

/**
 * Start of the clause holding position `at`, looking back at most `window` characters: a cue costs
 * a bounded amount of work however long its clause (a megabyte of 已发货 stays linear).
 */
export function clauseStart(skeleton: Skeleton, at: number, window: number): number {
  const limit = Math.max(0, at - window);
  let i = at;
  while (i > limit && !clauseBreak(skeleton, i)) i--;
  return i;
}

/** End (exclusive) of the clause holding the character before `at`, at most `window` characters on. */
export function clauseEnd(skeleton: Skeleton, at: number, window: number): number {
  const limit = Math.min(skeleton.text.length, at + window);
  let i = at;
  while (i < limit && !clauseBreak(skeleton, i)) i++;
  return i;
}

/** How far back (reply characters) a quotation's opening mark is looked for. */
const QUOTE_WINDOW = 60;

const OPEN_QUOTES = new Set([0x201c, 0x300c, 0x300e, 0x22, 0x2018, 0xff02, 0x301d]);
const CLOSE_QUOTES = new Set([0x201d, 0x300d, 0x300f, 0x22, 0x2019, 0xff02, 0x301e]);

/**
 * The original offset `at` is inside a quotation: an opening mark before it in the same sentence
 * with no closing one between (a straight " counts as opening when an even number precede it).
 */
export function insideQuote(original: string, at: number): boolean {
  let straight = 0;
  let open = false;
  const from = Math.max(0, at - QUOTE_WINDOW);
  for (let i = at - 1; i >= from; i--) {
    const c = original.charCodeAt(i);
    if (c === 0x3002 || c === 0x0a || c === 0xff01 || c === 0xff1f) break;
    if (c === 0x22 || c === 0xff02) {
      straight++;
      continue;
    }
    if (CLOSE_QUOTES.has(c) && !OPEN_QUOTES.has(c)) return false;
    if (c === 0x2019) continue; // an apostrophe
    if (OPEN_QUOTES.has(c)) {
      open = true;
      break;
    }
  }
  return open || straight % 2 === 1;
}

/** How far (characters) straight single quotation marks around a span are looked for. */
const SINGLE_QUOTE_REACH = 40;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Where a sentence ends, looking back for the opening quote (a full stop counts) and ahead for the closing one (it does not: 'Sorry.'). */
const SENTENCE_END_BEFORE = /[.!?。！？\n]/;
const SENTENCE_END_AFTER = /[。！？\n]/;

/**
 * `text[start, end)` stands between straight single quotes used as quotation marks (your message
 * says 'sorry, wrong address'; the 'Sorry Not Sorry' tee): an opening ' after a space or the start
 * and before a letter, with no sentence end between it and the span; a closing ' after a letter and
 * before a space, punctuation or the end (a full stop may stand inside: 'Sorry.'). An apostrophe
 * (don't, customers') has a letter on the wrong side and is skipped. `insideQuote` leaves straight
 * single quotes alone; the QA cues use this as well, the lint rules do not (yet).
 */
export function insideSingleQuotes(text: string, start: number, end: number): boolean {
  const letterAt = (i: number) => LETTER_OR_DIGIT.test(text[i] ?? '');
  const opens = (i: number) => (i === 0 || !letterAt(i - 1)) && letterAt(i + 1);
  const closes = (i: number) => letterAt(i - 1) && !letterAt(i + 1);
  let opened = false;
  for (let i = start - 1; i >= Math.max(0, start - SINGLE_QUOTE_REACH) && !opened; i--) {
    if (SENTENCE_END_BEFORE.test(text[i]!)) return false;
    opened = text[i] === "'" && opens(i);
  }
  if (!opened) return false;
  for (let i = end; i < Math.min(text.length, end + SINGLE_QUOTE_REACH); i++) {
    if (text[i] === "'" && closes(i)) return true;
    if (SENTENCE_END_AFTER.test(text[i]!)) return false;
  }
  return false;
}
