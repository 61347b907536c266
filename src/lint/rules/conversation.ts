import type { Range } from '../../analysis/types.js';
import type { ConversationTurn } from '../types.js';

/** The customer's latest turn: what this reply answers. */
export function lastCustomerTurn(conversation: readonly ConversationTurn[]): ConversationTurn | undefined {
  for (let i = conversation.length - 1; i >= 0; i--) if (conversation[i]!.role === 'customer') return conversation[i];
  return undefined;
}

/** Whole-reply findings cover the reply without its surrounding white space. */
export function wholeReply(text: string): Range {
  const start = text.length - text.trimStart().length;
  return [start, Math.max(start, text.trimEnd().length)];
}
