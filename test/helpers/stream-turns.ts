/**
 * Turn events for the streaming-QA tests and bench: the hand-written QA conversations
 * (test/qa/conversations), copied `copies` times under new ids and interleaved as live traffic is
 * (a window of conversations open at once), each followed by its close event.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RedisCommands } from '../../src/redis/connection.js';

const FIXTURES = join(import.meta.dirname, '..', 'qa', 'conversations');

type Record = { conversationId: string } & { [key: string]: unknown };

function fixtureConversations(): Record[][] {
  const byId = new Map<string, Record[]>();
  for (const file of ['zh-Hans.jsonl', 'zh-Hant.jsonl', 'en.jsonl'])
    for (const line of readFileSync(join(FIXTURES, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as Record;
      const id = String(record.conversationId);
      byId.set(id, [...(byId.get(id) ?? []), record]);
    }
  return [...byId.values()];
}

export interface StreamTurns {
  /** The turn records in stream order (what a batch `huashu qa` reads as JSONL). */
  turns: Record[];
  /** The stream: the turns with each conversation's close event after its last turn. */
  events: Array<Record & { event?: 'close' }>;
  conversations: number;
}

/** Every fixture conversation, copied until at least `minTurns` turns, interleaved, `window` open at a time. */
export function streamTurns(minTurns: number, window = 64): StreamTurns {
  const fixtures = fixtureConversations();
  const conversations: Record[][] = [];
  let count = 0;
  // Every fixture conversation once, then copies until minTurns.
  for (let copy = 0; copy === 0 || count < minTurns; copy++)
    for (const turns of fixtures) {
      if (copy > 0 && count >= minTurns) break;
      conversations.push(turns.map((t) => ({ ...t, conversationId: `${t.conversationId}#${copy}` })));
      count += turns.length;
    }
  const turns: Record[] = [];
  const events: StreamTurns['events'] = [];
  const open: Array<{ turns: Record[]; next: number }> = [];
  let started = 0;
  let step = 0;
  while (started < conversations.length || open.length > 0) {
    while (open.length < window && started < conversations.length)
      open.push({ turns: conversations[started++]!, next: 0 });
    // A fixed, uneven walk over the open conversations (no randomness: the same run every time).
    step = (step * 31 + 7) % 1_000_003;
    const slot = step % open.length;
    const conversation = open[slot]!;
    const turn = conversation.turns[conversation.next++]!;
    turns.push(turn);
    events.push(turn);
    if (conversation.next === conversation.turns.length) {
      events.push({ conversationId: turn.conversationId, event: 'close' });
      open.splice(slot, 1);
    }
  }
  return { turns, events, conversations: conversations.length };
}

/** XADD every event to `stream` (field `json`), pipelined in chunks. */
export async function addEvents(
  client: RedisCommands,
  stream: string,
  events: readonly object[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 1000)
    await Promise.all(
      events
        .slice(i, i + 1000)
        .map((event) => client.sendCommand(['XADD', stream, '*', 'json', JSON.stringify(event)])),
    );
}
