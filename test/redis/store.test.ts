import { createClient } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRedisStore } from '../../src/entry/redis.js';
import { createAssistant, createConversationSession, isHuashuError } from '../../src/index.js';
import { connectRedis, type OwnedRedis } from '../../src/redis/connection.js';
import { describeWithPart, REDIS_SERVER, startRedis, type RunningRedis } from '../helpers/external.js';

const SALT = 'test-salt-0123456789';
const PHONES = ['13812345678', '0755-8888 6666'];
const ADDRESS = '张江路123号';
const CUSTOMER = 'buyer-zhang-13900001111';

/** Every key with its TTL and every string it holds (lists, hashes, sorted sets, strings). */
async function dump(client: OwnedRedis): Promise<Array<{ key: string; ttl: number; content: string[] }>> {
  const out: Array<{ key: string; ttl: number; content: string[] }> = [];
  let cursor = '0';
  do {
    const [next, keys] = (await client.sendCommand(['SCAN', cursor, 'COUNT', '1000'])) as [string, string[]];
    cursor = next;
    for (const key of keys) {
      const type = (await client.sendCommand(['TYPE', key])) as string;
      const read: Record<string, string[]> = {
        string: ['GET', key],
        list: ['LRANGE', key, '0', '-1'],
        hash: ['HGETALL', key],
        zset: ['ZRANGE', key, '0', '-1', 'WITHSCORES'],
        set: ['SMEMBERS', key],
      };
      const content = ([] as unknown[]).concat(await client.sendCommand(read[type]!)).map(String);
      out.push({ key, ttl: Number(await client.sendCommand(['TTL', key])), content });
    }
  } while (cursor !== '0');
  return out;
}

describeWithPart(REDIS_SERVER, 'createRedisStore (real redis-server)', () => {
  let redis: RunningRedis;
  let clients: OwnedRedis[];

  beforeAll(async () => {
    redis = await startRedis();
    clients = [await connectRedis(redis.url), await connectRedis(redis.url)];
  });
  afterAll(async () => {
    for (const client of clients ?? []) await client.close();
    await redis?.stop();
  });

  it('two assistants on two connections share the conversation: history, previous agent turn, repeat contacts', async () => {
    const [one, two] = clients.map((client) =>
      createConversationSession(
        createAssistant(),
        createRedisStore({ client, customerIdSalt: SALT, prefix: 'shared' }),
      ),
    ) as [ReturnType<typeof createConversationSession>, ReturnType<typeof createConversationSession>];
    await one.analyze('我想查一下订单', { conversationId: 'c1', customerId: CUSTOMER, at: 1_000 });
    await one.recordAgentTurn('c1', '请问您的订单号是多少？', 2_000);
    // Instance two sees instance one's agent question: a bare number is the answer to it.
    expect(
      (await two.analyze('123456789012', { conversationId: 'c1', customerId: CUSTOMER, at: 3_000 })).intent
        .id,
    ).toBe('ack');
    const text = '我的快递怎么还没到';
    const first = await one.analyze(text, { conversationId: 'c2', customerId: CUSTOMER, at: 4_000 });
    await two.analyze(text, { conversationId: 'c3', customerId: CUSTOMER, at: 5_000 });
    const third = await one.analyze(text, { conversationId: 'c4', customerId: CUSTOMER, at: 6_000 });
    const assistant = createAssistant();
    expect(third).toEqual(assistant.analyze(text, { history: [], repeatContacts: 2 }));
    expect(third.risk).not.toBe(first.risk);
  });

  it('stores no raw phone number, address or customer id, and every key has a TTL', async () => {
    const store = createRedisStore({
      client: clients[0]!,
      customerIdSalt: SALT,
      prefix: 'pii',
      ttlSeconds: 3600,
    });
    const session = createConversationSession(createAssistant(), store);
    await session.analyze(`我的手机${PHONES[0]}，座机${PHONES[1]}，寄到上海市浦东新区${ADDRESS}`, {
      conversationId: 'p1',
      customerId: CUSTOMER,
    });
    await session.recordAgentTurn('p1', `好的，已记下${PHONES[0]}和${ADDRESS}`);
    const turns = await store.recentTurns('p1', 10);
    expect(turns.map((t) => t.text)).toEqual([
      '我的手机138****5678，座机0755-****6666，寄到上海市浦东新区张江路**号',
      '好的，已记下138****5678和张江路**号',
    ]);
    const all = await dump(clients[0]!);
    expect(all.length).toBeGreaterThan(0);
    const text = JSON.stringify(all);
    for (const secret of [...PHONES, '88886666', ADDRESS, CUSTOMER, '13900001111'])
      expect(text).not.toContain(secret);
    for (const { key, ttl } of all) expect(ttl, key).toBeGreaterThan(0);
  });

  it('takes a node-redis client made by the caller (createClient of "redis")', async () => {
    const own = createClient({ url: redis.url });
    await own.connect();
    try {
      const store = createRedisStore({ client: own, customerIdSalt: SALT, prefix: 'own' });
      await store.appendTurn('o1', { role: 'agent', text: '您好', at: 7 });
      expect(await store.recentTurns('o1', 1)).toEqual([{ role: 'agent', text: '您好', at: 7 }]);
    } finally {
      await own.close();
    }
  });

  it('forgets a conversation after its TTL', async () => {
    const store = createRedisStore({
      client: clients[0]!,
      customerIdSalt: SALT,
      prefix: 'ttl',
      ttlSeconds: 1,
    });
    await store.appendTurn('t1', { role: 'customer', text: 'hello', at: 1, topic: 'x', customerId: 'u' });
    expect(await store.recentTurns('t1', 5)).toHaveLength(1);
    expect(await store.countContacts('u', 'x', 0)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await store.recentTurns('t1', 5)).toEqual([]);
    expect(await store.countContacts('u', 'x', 0)).toBe(0);
  });

  it('keys a conversation by a hash tag of its id, so a Cluster keeps each conversation in one slot', async () => {
    const store = createRedisStore({ client: clients[0]!, customerIdSalt: SALT, prefix: 'tag' });
    await store.appendTurn('a{b}%', { role: 'agent', text: 'x', at: 1 });
    await store.appendTurn('a_b_%', { role: 'agent', text: 'y', at: 1 });
    expect(((await clients[0]!.sendCommand(['KEYS', 'tag:*'])) as string[]).sort()).toEqual([
      'tag:turns:{a%7Bb%7D%25}',
      'tag:turns:{a_b_%25}',
    ]);
  });

  it.each([
    ['no client', () => ({ customerIdSalt: SALT })],
    ['a client without sendCommand', () => ({ client: {}, customerIdSalt: SALT })],
    ['a short salt', () => ({ client: clients[0], customerIdSalt: 'short' })],
    ['a prefix with a space', () => ({ client: clients[0], customerIdSalt: SALT, prefix: 'a b' })],
    ['ttlSeconds 0', () => ({ client: clients[0], customerIdSalt: SALT, ttlSeconds: 0 })],
  ])('refuses %s (INVALID_OPTIONS)', (_, options) => {
    let code: string | undefined;
    try {
      createRedisStore(options() as never);
    } catch (error) {
      code = isHuashuError(error) ? error.code : 'other';
    }
    expect(code).toBe('INVALID_OPTIONS');
  });
});
