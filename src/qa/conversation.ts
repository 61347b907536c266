import type { Facts } from '../facts.js';
import { TextMemo } from '../util/text-memo.js';
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

/** Distinct texts the grouper keeps one copy of (canned replies, 好的): a few MB at most. */
const INTERNED_TEXTS = 1 << 16;

/**
 * Groups read records into conversations as they come, in any order: system lines are dropped,
 * each conversation's turns are ordered when it is taken out.
 *
 * A large export is held whole until it is grouped, so the turns are kept in columns, not as an
 * object per turn: typed arrays of times, roles and input positions, indexes into tables of the
 * days and agent names (a few distinct values), one copy of each repeated text, and per
 * conversation a chain of its turns (`next`). About 40 bytes a turn besides its text, where an
 * object per turn with its time object and day string took about 270.
 */
export class ConversationGrouper {
  /** Conversation index by id, for the conversations not yet taken out; indexes follow first appearance. */
  private readonly indexOf = new Map<string, number>();
  private readonly ids: Array<string | undefined> = [];
  private readonly facts: Array<Facts | undefined> = [];
  // Small at first (the Redis stream worker builds a grouper per event and per conversation),
  // doubled as needed.
  private head = new Int32Array(16);
  private tail = new Int32Array(16);

  private turnCount = 0;
  private readonly texts: Array<string | undefined> = [];
  private times = new Float64Array(64);
  private inputs = new Float64Array(64);
  private days = new Int32Array(64);
  private agents = new Int32Array(64);
  private roles = new Uint8Array(64);
  private next = new Int32Array(64);
  private readonly dayTable = new Interned();
  private readonly agentTable = new Interned();
  private readonly textMemo = new TextMemo<string>(INTERNED_TEXTS);
  private count = 0;

  add(turn: ReadTurn): void {
    const input = this.count++;
    let c = this.indexOf.get(turn.conversationId);
    if (c === undefined) {
      c = this.ids.length;
      this.indexOf.set(turn.conversationId, c);
      this.ids.push(turn.conversationId);
      this.facts.push(undefined);
      if (c >= this.head.length) {
        this.head = grown(this.head);
        this.tail = grown(this.tail);
      }
      this.head[c] = -1;
      this.tail[c] = -1;
    }
    if (this.facts[c] === undefined && turn.facts !== undefined) this.facts[c] = turn.facts;
    if (turn.role === 'system') return;
    const t = this.turnCount++;
    if (t >= this.times.length) {
      this.times = grown(this.times);
      this.inputs = grown(this.inputs);
      this.days = grown(this.days);
      this.agents = grown(this.agents);
      this.roles = grown(this.roles);
      this.next = grown(this.next);
    }
    const text = turn.text;
    this.texts.push(this.textMemo.get(text, () => text));
    // NaN marks a turn without a time: readTime never gives NaN.
    this.times[t] = turn.time === undefined ? Number.NaN : turn.time.ms;
    this.days[t] = turn.time === undefined ? -1 : this.dayTable.indexOf(turn.time.day);
    this.agents[t] = turn.agent === undefined ? -1 : this.agentTable.indexOf(turn.agent);
    this.inputs[t] = input;
    this.roles[t] = turn.role === 'agent' ? 1 : 0;
    this.next[t] = -1;
    if (this.tail[c] === -1) this.head[c] = t;
    else this.next[this.tail[c]!] = t;
    this.tail[c] = t;
  }

  /** The conversations, in order of first appearance. */
  conversations(): QaConversation[] {
    const out: QaConversation[] = [];
    for (let c = 0; c < this.ids.length; c++) if (this.ids[c] !== undefined) out.push(this.take(c, false));
    return out;
  }

  /** The conversations in order of first appearance, each let go as it is taken: memory shrinks as they are checked. */
  *drain(): Generator<QaConversation> {
    for (let c = 0; c < this.ids.length; c++) if (this.ids[c] !== undefined) yield this.take(c, true);
  }

  /** Conversation `c` as objects, ordered; with `release`, forgotten by the grouper. */
  private take(c: number, release: boolean): QaConversation {
    const id = this.ids[c]!;
    const turns: QaTurn[] = [];
    for (let t = this.head[c]!; t !== -1; t = this.next[t]!) {
      const ms = this.times[t]!;
      const agent = this.agents[t]!;
      turns.push({
        role: this.roles[t] === 1 ? 'agent' : 'customer',
        text: this.texts[t]!,
        time: Number.isNaN(ms) ? undefined : { ms, day: this.dayTable.values[this.days[t]!]! },
        agent: agent === -1 ? undefined : this.agentTable.values[agent],
        input: this.inputs[t]!,
      });
      if (release) this.texts[t] = undefined;
    }
    const facts = this.facts[c];
    if (release) {
      this.ids[c] = undefined;
      this.facts[c] = undefined;
      this.indexOf.delete(id);
    }
    return orderConversation(id, turns, facts);
  }
}

/** A table of distinct strings (days, agent names): each kept once, named by its index. */
class Interned {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  indexOf(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

/** A typed array twice as long, with the same values first. */
function grown<T extends Int32Array | Float64Array | Uint8Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

export function orderConversation(id: string, turns: QaTurn[], facts: Facts | undefined): QaConversation {
  const timed = turns.length > 0 && turns.every((turn) => turn.time !== undefined);
  const ordered = timed
    ? [...turns].sort((a, b) => a.time!.ms - b.time!.ms || a.input - b.input)
    : [...turns].sort((a, b) => a.input - b.input);
  return { id, turns: ordered, facts, timed };
}
