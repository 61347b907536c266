import { invalidArgument, isPlainObject } from '../arguments.js';
import { maskPersonalData } from '../store/mask.js';
import { checkStoreNumber, DEFAULT_MAX_TURNS, DEFAULT_STORE_TTL_SECONDS } from '../store/memory.js';
import type { ConversationStore, StoredTurn } from '../store/types.js';
import { checkId, checkLimit, checkTime, checkTurn } from '../store/validate.js';
import { isRedisCommands, type RedisCommands } from './connection.js';
import { conversationTag, hashCustomerId } from './keys.js';

const APPEND_SCRIPT = `redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], ARGV[2], -1)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

export interface RedisStoreOptions {
  /** A connected node-redis client (`createClient()` of the `redis` package), or `connectRedis(url)`. */
  client: RedisCommands;
  /** The secret customer ids are hashed with (HMAC-SHA-256); at least 16 characters, the same on every instance. */
  customerIdSalt: string;
  /** Key prefix; default `huashu`. */
  prefix?: string;
  /** Every key expires this long after its last write; default 7 days. */
  ttlSeconds?: number;
  /** Turns kept per conversation; default 200. */
  maxTurns?: number;
}

/**
 * A conversation store in Redis, shared by every bot instance: turns in a list per conversation
 * (`<prefix>:turns:{conversationId}`), a customer's contacts per topic in a sorted set
 * (`<prefix>:contacts:{hashedCustomerId}:<topic>`). Every key has a TTL; the customer id is
 * stored only as an HMAC; turn text is stored with personal data masked (phone numbers,
 * addresses, ID and card numbers, e-mail). Throws `HuashuError` `INVALID_OPTIONS`.
 */
export function createRedisStore(options: RedisStoreOptions): ConversationStore {
  const call = 'createRedisStore(options)';
  if (!isPlainObject(options))
    throw invalidArgument(
      'INVALID_OPTIONS',
      call,
      'options',
      'an options object { client, customerIdSalt }',
      options,
    );
  if (!isRedisCommands(options.client))
    throw invalidArgument(
      'INVALID_OPTIONS',
      call,
      'client',
      'a connected node-redis client (createClient() of "redis")',
      options.client,
    );
  if (typeof options.customerIdSalt !== 'string' || options.customerIdSalt.length < 16)
    throw invalidArgument(
      'INVALID_OPTIONS',
      call,
      'customerIdSalt',
      'a secret string of at least 16 characters (the same on every instance)',
      options.customerIdSalt,
    );
  if (
    options.prefix !== undefined &&
    (typeof options.prefix !== 'string' || !/^[\w:.-]{1,64}$/.test(options.prefix))
  )
    throw invalidArgument(
      'INVALID_OPTIONS',
      call,
      'prefix',
      'letters, digits, _ : . - (1 to 64)',
      options.prefix,
    );
  const client = options.client;
  const salt = options.customerIdSalt;
  const prefix = options.prefix ?? 'huashu';
  const ttl = Math.ceil(
    checkStoreNumber(options.ttlSeconds, call, 'ttlSeconds', 1) || DEFAULT_STORE_TTL_SECONDS,
  );
  const maxTurns = Math.floor(checkStoreNumber(options.maxTurns, call, 'maxTurns', 1) || DEFAULT_MAX_TURNS);
  const send = (args: string[]) => client.sendCommand(args);
  const turnsKey = (id: string) => `${prefix}:turns:${conversationTag(id)}`;
  const contactsKey = (customerId: string, topic: string) =>
    `${prefix}:contacts:{${hashCustomerId(customerId, salt)}}:${topic}`;

  return {
    async appendTurn(conversationId, turn) {
      const id = checkId(conversationId, 'appendTurn(conversationId, turn)', 'conversationId');
      const { customerId, ...stored } = checkTurn(turn, 'appendTurn(conversationId, turn)');
      const key = turnsKey(id);
      const json = JSON.stringify({ ...stored, text: maskPersonalData(stored.text) });
      // One key, one script: the turn, the length cap and the TTL change together.
      await send(['EVAL', APPEND_SCRIPT, '1', key, json, String(-maxTurns), String(ttl)]);
      if (customerId !== undefined && stored.topic !== undefined) {
        const contacts = contactsKey(customerId, stored.topic);
        await Promise.all([
          send(['ZADD', contacts, 'GT', String(stored.at), id]),
          send(['EXPIRE', contacts, String(ttl)]),
        ]);
      }
    },
    async recentTurns(conversationId, limit) {
      const id = checkId(conversationId, 'recentTurns(conversationId, limit)', 'conversationId');
      const n = checkLimit(limit, 'recentTurns(conversationId, limit)');
      if (n === 0) return [];
      const items = (await send(['LRANGE', turnsKey(id), String(-n), '-1'])) as string[];
      return items.map((item) => JSON.parse(item) as StoredTurn);
    },
    async countContacts(customerId, topic, since, exceptConversationId) {
      const what = 'countContacts(customerId, topic, since, exceptConversationId)';
      const key = contactsKey(checkId(customerId, what, 'customerId'), checkId(topic, what, 'topic'));
      const from = String(checkTime(since, what, 'since'));
      const except =
        exceptConversationId === undefined
          ? undefined
          : checkId(exceptConversationId, what, 'exceptConversationId');
      const [count, own] = await Promise.all([
        send(['ZCOUNT', key, from, '+inf']),
        except === undefined ? Promise.resolve(null) : send(['ZSCORE', key, except]),
      ]);
      const ownCounted = own !== null && own !== undefined && Number(own) >= Number(from);
      return Number(count) - (ownCounted ? 1 : 0);
    },
  };
}
