/** One turn a conversation store keeps. */
export interface StoredTurn {
  role: 'customer' | 'agent';
  /** As stored: a shared store (Redis) keeps it with personal data masked. */
  text: string;
  /** Epoch milliseconds. */
  at: number;
  /** What the turn is about (the intent id of a customer turn), for repeat-contact counts. */
  topic?: string;
}

/** A turn to append; `customerId` and `topic` together also record a contact of that customer. */
export interface TurnToAppend extends StoredTurn {
  customerId?: string;
}

/**
 * Where conversation state lives between messages: in memory for one process
 * (`createMemoryStore`), in Redis for many (`createRedisStore` from `huashu/redis`). Every method
 * is asynchronous so a networked store fits; the assistant itself stays synchronous
 * (`createConversationSession` reads the store, then calls it).
 */
export interface ConversationStore {
  /** Append a turn to the conversation (and record the customer's contact about its topic). */
  appendTurn(conversationId: string, turn: TurnToAppend): Promise<void>;
  /** The conversation's last `limit` turns, oldest first. */
  recentTurns(conversationId: string, limit: number): Promise<StoredTurn[]>;
  /**
   * How many conversations of this customer were about `topic` since `since` (epoch ms), not
   * counting `exceptConversationId` (the current one).
   */
  countContacts(
    customerId: string,
    topic: string,
    since: number,
    exceptConversationId?: string,
  ): Promise<number>;
}
