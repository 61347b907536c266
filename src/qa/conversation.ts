import type { Facts } from '../facts.js';
import type { ReadTurn } from './turn-record.js';
import type { TurnTime } from './time.js';

/** A customer or agent turn of a conversation, in conversation order. */
export interface QaTurn {
  role: 'customer' | 'agent';
  text: string;
  time: TurnTime | undefined;
  agent: string | undefined;
  /** Position of the record in the input (0-based), the tie-break of equal times. */
  input: number;
}

export interface QaConversation {
  id: string;
  /** Customer and agent turns by time, then input order (input order when not every turn has a time). */
  turns: QaTurn[];
  /** The facts of the first record of the conversation that carries them. */
  facts: Facts | undefined;
  /** Every turn has a time: the timing checks apply. */
  timed: boolean;
}

/**
 * Groups read records into conversations as they come, in any order: system lines are dropped,
 * each conversation's turns are ordered when it is taken out.
 */
export class ConversationGrouper {
  private readonly byId = new Map<string, { turns: QaTurn[]; facts: Facts | undefined }>();
  private count = 0;

  add(turn: ReadTurn): void {
    const input = this.count++;
    let entry = this.byId.get(turn.conversationId);
    if (entry === undefined) {
      entry = { turns: [], facts: undefined };
      this.byId.set(turn.conversationId, entry);
    }
    if (entry.facts === undefined && turn.facts !== undefined) entry.facts = turn.facts;
    if (turn.role === 'system') return;
    entry.turns.push({ role: turn.role, text: turn.text, time: turn.time, agent: turn.agent, input });
  }

  /** The conversations, in order of first appearance. */
  conversations(): QaConversation[] {
    return [...this.byId].map(([id, { turns, facts }]) => orderConversation(id, turns, facts));
  }

  /** The conversations in order of first appearance, each let go as it is taken: memory shrinks as they are checked. */
  *drain(): Generator<QaConversation> {
    for (const [id, { turns, facts }] of this.byId) {
      this.byId.delete(id);
      yield orderConversation(id, turns, facts);
    }
  }
}

export function orderConversation(id: string, turns: QaTurn[], facts: Facts | undefined): QaConversation {
  const timed = turns.length > 0 && turns.every((turn) => turn.time !== undefined);
  const ordered = timed
    ? [...turns].sort((a, b) => a.time!.ms - b.time!.ms || a.input - b.input)
    : [...turns].sort((a, b) => a.input - b.input);
  return { id, turns: ordered, facts, timed };
}
