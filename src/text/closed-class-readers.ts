/**
 * Closed classes of whole customer messages, read on folded text (simplified, lower case,
 * half-width: see `normalize`), so traditional and full-width writing match too. The classes'
 * pieces are data (rules/text/closed-classes.json, checked against their examples when the
 * package is built); this file builds their readers from the data (closed-classes.ts holds the
 * built-in ones).
 *
 * - **Filler** asks nothing: punctuation, emoji or a sticker, laughter (哈哈, lol), hesitation
 *   (那个, 嗯, um), waiting (稍等, one sec), thinking it over (我看看, let me think), being away (我先去
 *   吃个饭, 信号不好), a slip (点错了, wrong chat) or a test. Anything else may ask: the filler
 *   kinds are a closed class, requests are not ("create pro account", 注销账号 ask without a
 *   question word). `asksSomething` is what a reply saying "that is outside our business"
 *   presupposes.
 * - **Not understood**: the whole message says the customer did not understand the agent (什么意思,
 *   没看懂, "what do you mean") — a question about the agent's last turn: the answer is to
 *   explain again, not "I did not catch what you said" nor "that is outside our business".
 * - **Wishes**: the whole message sends good wishes (新年快乐, 生意兴隆, "happy new year"), to be
 *   returned; a parting wish (周末愉快) is a goodbye. Greetings, thanks and the address may frame them.
 *
 * - **Declines**: the whole message turns down what the agent offered (不用了, 先不要, 算了, "no
 *   thanks"): nothing is to be done. Thanks and the address may frame it.
 *
 * The last three allow filler around them (啊？什么意思, 亲 新年快乐呀) and read short messages only.
 *
 * - **Own purchase** is not a whole-message class: anywhere in the message, a reference to something
 *   the customer bought, ordered or received, or to the shop's goods (我买的, 下的单, 收到的, 你们家的东西,
 *   "my order"). Such a message is the shop's business, so it is never answered as out of scope —
 *   unless it places the purchase elsewhere (**bought elsewhere**: 别家买的, 在拼多多买的, 不是在你们这买的,
 *   "I got it on Amazon"), which is what the out-of-scope answer is for.
 */
import type { ClosedClassData, ClosedClassesData } from './closed-class-schema.js';

/** How long a message the not-understood and wishes readers read: longer ones say more than their class. */
const CLOSED_CLASS_MAX_LENGTH = 60;
/** Longer messages may always ask (and are not scanned for filler). */
const FILLER_MAX_LENGTH = 200;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The readers of the closed classes, built from their data. */
export interface ClosedClassReaders {
  /** Whether the folded message may ask or request something: false for filler only. */
  asksSomething(folded: string): boolean;
  /** Whether the folded message only says the customer did not understand. */
  saysNotUnderstood(folded: string): boolean;
  /** Whether the folded message only sends good wishes. */
  sendsWishes(folded: string): boolean;
  /** Whether the folded message only turns down what the agent offered. */
  declines(folded: string): boolean;
  /** Whether the folded message refers anywhere to the customer's purchase or the shop's goods (and not to one made elsewhere). */
  mentionsPurchase(folded: string): boolean;
  /** Whether the folded message places a purchase or an item with another shop, platform or person. */
  boughtElsewhere(folded: string): boolean;
}

/** One regular expression of the pieces (in their order); `g` for taking them out of a text. */
function joined(pieces: ClosedClassData, flags: string, withFrame = true): RegExp {
  return new RegExp(
    pieces
      .filter((piece) => withFrame || piece.frame !== true)
      .map((piece) => piece.pattern)
      .join('|'),
    flags,
  );
}

/** Readers of `data` (the build checks the shipped data with these, the run time reads it). */
export function closedClassReaders(data: ClosedClassesData): ClosedClassReaders {
  const filler = joined(data.filler, 'gu');
  const onlyFiller = (folded: string): boolean => !LETTER_OR_DIGIT.test(folded.replace(filler, ''));
  /**
   * Whether a short message holds one of `pieces` (not a frame piece) and nothing else once the
   * pieces, their frame and filler are taken out.
   */
  const onlyClass = (pieces: ClosedClassData): ((folded: string) => boolean) => {
    const found = joined(pieces, 'u', false);
    const allowed = joined(pieces, 'gu');
    return (folded) =>
      folded.length <= CLOSED_CLASS_MAX_LENGTH &&
      found.test(folded) &&
      onlyFiller(folded.replace(allowed, ''));
  };
  const purchase = joined(data.ownPurchase, 'u');
  const elsewhere = joined(data.boughtElsewhere, 'u');
  const boughtElsewhere = (folded: string): boolean => elsewhere.test(folded);
  return {
    asksSomething: (folded) => folded.length > FILLER_MAX_LENGTH || !onlyFiller(folded),
    saysNotUnderstood: onlyClass(data.notUnderstood),
    sendsWishes: onlyClass(data.wishes),
    declines: onlyClass(data.declines),
    mentionsPurchase: (folded) => purchase.test(folded) && !boughtElsewhere(folded),
    boughtElsewhere,
  };
}
