import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createAssistant,
  createConversationSession,
  createMemoryStore,
  isHuashuError,
} from '../../src/index.js';
import { maskPersonalData } from '../../src/store/mask.js';

const assistant = createAssistant();

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isHuashuError(error) ? error.code : 'not a HuashuError';
  }
  return undefined;
}

async function rejectionCode(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    return isHuashuError(error) ? error.code : 'not a HuashuError';
  }
  return undefined;
}

describe('createMemoryStore', () => {
  it('keeps the last turns of a conversation, oldest first, capped at maxTurns', async () => {
    const store = createMemoryStore({ maxTurns: 3 });
    for (let i = 0; i < 5; i++) await store.appendTurn('c1', { role: 'customer', text: `t${i}`, at: i });
    expect((await store.recentTurns('c1', 10)).map((t) => t.text)).toEqual(['t2', 't3', 't4']);
    expect((await store.recentTurns('c1', 2)).map((t) => t.text)).toEqual(['t3', 't4']);
    expect(await store.recentTurns('c1', 0)).toEqual([]);
    expect(await store.recentTurns('other', 5)).toEqual([]);
  });

  it('counts a customer’s other conversations about a topic within the window', async () => {
    const store = createMemoryStore();
    const contact = (id: string, topic: string, at: number, customerId = 'u1') =>
      store.appendTurn(id, { role: 'customer', text: 'x', at, topic, customerId });
    await contact('c1', 'order.shipping_delay', 1_000);
    await contact('c1', 'order.shipping_delay', 2_000);
    await contact('c2', 'order.shipping_delay', 5_000);
    await contact('c3', 'refund.status', 5_000);
    await contact('c4', 'order.shipping_delay', 5_000, 'u2');
    expect(await store.countContacts('u1', 'order.shipping_delay', 0)).toBe(2);
    expect(await store.countContacts('u1', 'order.shipping_delay', 0, 'c2')).toBe(1);
    expect(await store.countContacts('u1', 'order.shipping_delay', 3_000)).toBe(1);
    expect(await store.countContacts('u1', 'refund.status', 0)).toBe(1);
    expect(await store.countContacts('u3', 'refund.status', 0)).toBe(0);
  });

  it('forgets a conversation and its contacts after the TTL', async () => {
    let clock = 0;
    const store = createMemoryStore({ ttlSeconds: 10, now: () => clock });
    await store.appendTurn('c1', { role: 'customer', text: 'hi', at: 0, topic: 't', customerId: 'u' });
    clock = 9_999;
    expect(await store.recentTurns('c1', 5)).toHaveLength(1);
    expect(await store.countContacts('u', 't', 0)).toBe(1);
    clock = 10_000;
    expect(await store.recentTurns('c1', 5)).toEqual([]);
    expect(await store.countContacts('u', 't', 0)).toBe(0);
  });

  it.each([
    ['options null', () => createMemoryStore(null as never)],
    ['ttlSeconds 0', () => createMemoryStore({ ttlSeconds: 0 })],
    ['maxTurns "5"', () => createMemoryStore({ maxTurns: '5' as never })],
    ['now not a function', () => createMemoryStore({ now: 5 as never })],
  ])('refuses bad options: %s (INVALID_OPTIONS)', (_, make) => {
    expect(codeOf(make)).toBe('INVALID_OPTIONS');
  });

  const store = createMemoryStore();
  it.each([
    ['empty conversation id', () => store.appendTurn('', { role: 'agent', text: 'x', at: 1 })],
    ['role system', () => store.appendTurn('c', { role: 'system' as never, text: 'x', at: 1 })],
    ['text missing', () => store.appendTurn('c', { role: 'agent', at: 1 } as never)],
    ['time NaN', () => store.appendTurn('c', { role: 'agent', text: 'x', at: Number.NaN })],
    ['turn null', () => store.appendTurn('c', null as never)],
    ['limit -1', () => store.recentTurns('c', -1)],
    ['limit 1.5', () => store.recentTurns('c', 1.5)],
    ['customer id 42', () => store.countContacts(42 as never, 't', 0)],
    ['since "yesterday"', () => store.countContacts('u', 't', 'yesterday' as never)],
  ])('refuses bad input: %s (INVALID_INPUT)', async (_, run) => {
    expect(await rejectionCode(run)).toBe('INVALID_INPUT');
  });
});

describe('createConversationSession over a memory store', () => {
  it('gives analyze the stored history: a bare order number after the agent asked for it is an answer', async () => {
    const session = createConversationSession(assistant, createMemoryStore());
    await session.analyze('我想查一下订单', { conversationId: 'c1', at: 1 });
    await session.recordAgentTurn('c1', '请问您的订单号是多少？', 2);
    const analysis = await session.analyze('123456789012', { conversationId: 'c1', at: 3 });
    expect(analysis.intent.id).toBe('ack');
    expect(assistant.analyze('123456789012').intent.id).not.toBe('ack');
    const fresh = await session.analyze('123456789012', { conversationId: 'c2', at: 3 });
    expect(fresh.intent.id).not.toBe('ack');
  });

  it('counts repeat contacts of the customer about the same topic in other conversations', async () => {
    const store = createMemoryStore();
    const session = createConversationSession(assistant, store);
    const text = '我的快递怎么还没到';
    const first = await session.analyze(text, { conversationId: 'a', customerId: 'u1', at: 1_000 });
    await session.analyze(text, { conversationId: 'b', customerId: 'u1', at: 2_000 });
    const third = await session.analyze(text, { conversationId: 'c', customerId: 'u1', at: 3_000 });
    expect(first).toEqual(assistant.analyze(text, { history: [] }));
    expect(third).toEqual(assistant.analyze(text, { history: [], repeatContacts: 2 }));
    expect(third.risk).not.toBe(first.risk);
    // Another customer, or the same one after the window, starts from zero.
    const other = await session.analyze(text, { conversationId: 'd', customerId: 'u2', at: 3_000 });
    expect(other.risk).toBe(first.risk);
    const windowed = createConversationSession(assistant, store, { repeatWindowSeconds: 1 });
    const late = await windowed.analyze(text, { conversationId: 'e', customerId: 'u1', at: 10_000 });
    expect(late.risk).toBe(first.risk);
  });

  it('reply() uses the stored context and appends only the customer turn', async () => {
    const store = createMemoryStore();
    const session = createConversationSession(assistant, store);
    const reply = await session.reply('我的快递怎么还没到', { conversationId: 'c1', at: 1 });
    expect(reply.text.length).toBeGreaterThan(0);
    expect(await store.recentTurns('c1', 10)).toEqual([
      { role: 'customer', text: '我的快递怎么还没到', at: 1, topic: reply.analysis.intent.id },
    ]);
  });

  it.each([
    ['a first message', [], undefined],
    ['after the agent asked for the order number', [['agent', '请问您的订单号是多少？']], undefined],
    ['with order facts', [['customer', '在吗']], { order: { shipped: true, carrierScan: false } }],
    ['from a customer who wrote about it twice before', 'repeats', undefined],
  ] as const)(
    'reply() %s answers as assistant.reply() with the same context (the message is read once when it can be)',
    async (_, before, facts) => {
      const text = '我的快递怎么还没到';
      const store = createMemoryStore();
      const session = createConversationSession(assistant, store);
      // A wrapper is not an assistant createAssistant() made: it gets assistant.reply() as it is.
      const wrapped = createConversationSession({ ...assistant }, createMemoryStore());
      const history: Array<{ role: 'customer' | 'agent'; text: string }> = [];
      if (before === 'repeats') {
        await session.analyze(text, { conversationId: 'a', customerId: 'u1', at: 1_000 });
        await session.analyze(text, { conversationId: 'b', customerId: 'u1', at: 2_000 });
      } else
        for (const [role, turn] of before) {
          if (role === 'agent') {
            await session.recordAgentTurn('c', turn, 3_000);
            await wrapped.recordAgentTurn('c', turn, 3_000);
          } else {
            await session.analyze(turn, { conversationId: 'c', at: 3_000 });
            await wrapped.analyze(turn, { conversationId: 'c', at: 3_000 });
          }
          history.push({ role, text: turn });
        }
      const message = { conversationId: 'c', customerId: 'u1', at: 4_000, ...(facts ? { facts } : {}) };
      const got = await session.reply(text, message);
      const context = { history, ...(before === 'repeats' ? { repeatContacts: 2 } : {}) };
      const expected = assistant.reply(text, { context, ...(facts ? { facts } : {}) });
      expect(got).toEqual(expected);
      if (before !== 'repeats') expect(await wrapped.reply(text, message)).toEqual(expected);
    },
  );

  it.each([
    ['no assistant', () => createConversationSession(null as never, createMemoryStore())],
    ['no store', () => createConversationSession(assistant, {} as never)],
    [
      'historyTurns -1',
      () => createConversationSession(assistant, createMemoryStore(), { historyTurns: -1 }),
    ],
  ])('refuses %s (INVALID_OPTIONS)', (_, make) => {
    expect(codeOf(make)).toBe('INVALID_OPTIONS');
  });

  it.each([
    [
      'text 42',
      (s: ReturnType<typeof createConversationSession>) => s.analyze(42 as never, { conversationId: 'c' }),
    ],
    ['no message', (s: ReturnType<typeof createConversationSession>) => s.analyze('hi', undefined as never)],
    [
      'empty conversation id',
      (s: ReturnType<typeof createConversationSession>) => s.analyze('hi', { conversationId: ' ' }),
    ],
    [
      'bad channel',
      (s: ReturnType<typeof createConversationSession>) =>
        s.reply('hi', { conversationId: 'c', channel: 'fax' as never }),
    ],
    [
      'agent text null',
      (s: ReturnType<typeof createConversationSession>) => s.recordAgentTurn('c', null as never),
    ],
  ])('rejects %s (INVALID_INPUT)', async (_, run) => {
    expect(await rejectionCode(() => run(createConversationSession(assistant, createMemoryStore())))).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('maskPersonalData', () => {
  it.each([
    ['手机13812345678请回电', '手机138****5678请回电'],
    ['寄到上海市浦东新区张江路123号', '寄到上海市浦东新区张江路**号'],
    ['call me at +86 138 1234 5678 please', 'call me at 138****5678 please'],
    ['没有个人信息', '没有个人信息'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('never leaves a full mobile number in free text around it', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        fc.integer({ min: 0, max: 99_999_999 }),
        (before, after, tail) => {
          const phone = `139${String(tail).padStart(8, '0')}`;
          const masked = maskPersonalData(`${before} ${phone} ${after}`);
          expect(masked).not.toContain(phone);
        },
      ),
    );
  });
});
