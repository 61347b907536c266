import { invalidArgument, isPlainObject } from '../arguments.js';
import type { ConversationStore, StoredTurn } from './types.js';
import { checkId, checkLimit, checkTime, checkTurn } from './validate.js';

export interface MemoryStoreOptions {
  /** A conversation (and a contact record) is forgotten this long after its last turn; default 7 days. */
  ttlSeconds?: number;
  /** Turns kept per conversation (older ones are dropped); default 200. */
  maxTurns?: number;
  /** The clock, epoch ms (tests pass their own). */
  now?: () => number;
}

export const DEFAULT_STORE_TTL_SECONDS = 7 * 24 * 3600;
export const DEFAULT_MAX_TURNS = 200;

export function checkStoreNumber(value: unknown, call: string, path: string, min: number): number {
  if (value === undefined) return NaN;
  if (typeof value === 'number' && Number.isFinite(value) && value >= min) return value;
  throw invalidArgument('INVALID_OPTIONS', call, path, `a number ≥ ${min}`, value);
}

/**
 * The default conversation store: in this process's memory, for one bot instance (or a test).
 * Expired conversations are dropped when touched and on every 1,000th append.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): ConversationStore {
  const call = 'createMemoryStore(options)';
  if (!isPlainObject(options))
    throw invalidArgument('INVALID_OPTIONS', call, 'options', 'an options object or nothing', options);
  const ttlMs =
    (checkStoreNumber(options.ttlSeconds, call, 'ttlSeconds', 1) || DEFAULT_STORE_TTL_SECONDS) * 1000;
  const maxTurns = Math.floor(checkStoreNumber(options.maxTurns, call, 'maxTurns', 1) || DEFAULT_MAX_TURNS);
  if (options.now !== undefined && typeof options.now !== 'function')
    throw invalidArgument('INVALID_OPTIONS', call, 'now', 'a function returning epoch ms', options.now);
  const now = options.now ?? Date.now;

  const conversations = new Map<string, { turns: StoredTurn[]; expires: number }>();
  /** customer → topic → conversation → when the contact expires. */
  const contacts = new Map<string, Map<string, Map<string, { last: number; expires: number }>>>();
  let appends = 0;

  function sweep(at: number) {
    for (const [id, entry] of conversations) if (entry.expires <= at) conversations.delete(id);
    for (const [customer, topics] of contacts) {
      for (const [topic, byConversation] of topics) {
        for (const [id, { expires }] of byConversation) if (expires <= at) byConversation.delete(id);
        if (byConversation.size === 0) topics.delete(topic);
      }
      if (topics.size === 0) contacts.delete(customer);
    }
  }

  return {
    async appendTurn(conversationId, turn) {
      const id = checkId(conversationId, 'appendTurn(conversationId, turn)', 'conversationId');
      const checked = checkTurn(turn, 'appendTurn(conversationId, turn)');
      const at = now();
      if (++appends % 1000 === 0) sweep(at);
      let entry = conversations.get(id);
      if (entry === undefined || entry.expires <= at) {
        entry = { turns: [], expires: 0 };
        conversations.set(id, entry);
      }
      const { customerId, ...stored } = checked;
      entry.turns.push(stored);
      if (entry.turns.length > maxTurns) entry.turns.splice(0, entry.turns.length - maxTurns);
      entry.expires = at + ttlMs;
      if (customerId !== undefined && stored.topic !== undefined) {
        let topics = contacts.get(customerId);
        if (topics === undefined) contacts.set(customerId, (topics = new Map()));
        let byConversation = topics.get(stored.topic);
        if (byConversation === undefined) topics.set(stored.topic, (byConversation = new Map()));
        byConversation.set(id, {
          last: Math.max(byConversation.get(id)?.last ?? -Infinity, stored.at),
          expires: at + ttlMs,
        });
      }
    },
    async recentTurns(conversationId, limit) {
      const id = checkId(conversationId, 'recentTurns(conversationId, limit)', 'conversationId');
      const n = checkLimit(limit, 'recentTurns(conversationId, limit)');
      const entry = conversations.get(id);
      if (entry === undefined || entry.expires <= now() || n === 0) return [];
      return entry.turns.slice(-n).map((turn) => ({ ...turn }));
    },
    async countContacts(customerId, topic, since, exceptConversationId) {
      const call = 'countContacts(customerId, topic, since, exceptConversationId)';
      const customer = checkId(customerId, call, 'customerId');
      const about = checkId(topic, call, 'topic');
      const from = checkTime(since, call, 'since');
      const except =
        exceptConversationId === undefined
          ? undefined
          : checkId(exceptConversationId, call, 'exceptConversationId');
      const at = now();
      let count = 0;
      for (const [id, { last, expires }] of contacts.get(customer)?.get(about) ?? [])
        if (id !== except && last >= from && expires > at) count += 1;
      return count;
    },
  };
}
