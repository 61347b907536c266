import type { Range } from '../../analysis/types.js';
import type { ConversationTurn } from '../types.js';

/**
 * The conversation rules read a bounded window before the reply, so a long conversation costs no
 * more than a short one: the trailing run of customer turns (what this reply answers — consecutive
 * customer turns are answered together) is at most this many turns …
 */
export const MAX_TRAILING_CUSTOMER_TURNS = 3;
/** … each read in its last this many characters (a complaint or a closing ends the turn) … */
export const MAX_TURN_CHARACTERS = 300;
/** … and a look back for an earlier offer of further help goes at most this many turns further. */
export const MAX_LOOKBACK_TURNS = 12;

/** The customer's latest turn: what this reply answers. */
export function lastCustomerTurn(conversation: readonly ConversationTurn[]): ConversationTurn | undefined {
  for (let i = conversation.length - 1; i >= 0; i--) if (conversation[i]!.role === 'customer') return conversation[i];
  return undefined;
}

/**
 * The indexes of the customer turns this reply answers, oldest first: the customer turns after the
 * last agent turn (system turns are skipped), at most `MAX_TRAILING_CUSTOMER_TURNS` of them.
 */
export function trailingCustomerTurns(conversation: readonly ConversationTurn[]): number[] {
  const found: number[] = [];
  for (let i = conversation.length - 1; i >= 0 && found.length < MAX_TRAILING_CUSTOMER_TURNS; i--) {
    const role = conversation[i]!.role;
    if (role === 'agent') break;
    if (role === 'customer') found.push(i);
  }
  return found.reverse();
}

/** The part of a turn the rules read: its last `MAX_TURN_CHARACTERS` characters. */
export function turnWindow(text: string): string {
  return text.length <= MAX_TURN_CHARACTERS ? text : text.slice(text.length - MAX_TURN_CHARACTERS);
}

/** Whole-reply findings cover the reply without its surrounding white space. */
export function wholeReply(text: string): Range {
  const start = text.length - text.trimStart().length;
  return [start, Math.max(start, text.trimEnd().length)];
}
