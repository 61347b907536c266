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
