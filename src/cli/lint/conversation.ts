import type { ConversationTurn } from '../../lint/types.js';

/** Turns kept per conversation: the first few (the opening) and the most recent ones. */
const KEEP_FIRST = 20;
const KEEP_LAST = 180;

/**
 * The turns so far of the conversation being read. Exports list a conversation's messages
 * together, so only the current conversation is kept: memory stays bounded however long the file.
 * A conversation id that comes back after another one starts afresh.
 */
export class ConversationTracker {
  private id: string | undefined;
  private turns: ConversationTurn[] = [];

  /** The turns before the next message of `conversationId` (a copy the linter may keep). */
  before(conversationId: string): ConversationTurn[] {
    this.switchTo(conversationId);
    return this.turns.slice();
  }

  add(conversationId: string, turn: ConversationTurn): void {
    this.switchTo(conversationId);
    this.turns.push(turn);
    if (this.turns.length > KEEP_FIRST + KEEP_LAST) this.turns.splice(KEEP_FIRST, 1);
  }

  private switchTo(conversationId: string): void {
    if (conversationId === this.id) return;
    this.id = conversationId;
    this.turns = [];
  }
}
