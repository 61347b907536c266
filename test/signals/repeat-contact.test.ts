import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/context.js';
import { normalize } from '../../src/normalize/index.js';
import { extractSignals } from '../../src/signals/index.js';

const customer = (text: string): Turn => ({ role: 'customer', text });
const agent = (text: string): Turn => ({ role: 'agent', text });

function repeatOf(text: string, history: Turn[], repeatContacts?: number) {
  const context = repeatContacts === undefined ? { history } : { history, repeatContacts };
  return extractSignals(normalize(text), context).find((s) => s.id === 'repeat_contact');
}

describe('repeat_contact from the history', () => {
  const cases = [
    {
      locale: 'zh-Hans',
      text: '快递到底什么时候到',
      history: [customer('我的快递到哪了'), agent('亲，在路上了'), customer('物流三天没更新了')],
      expected: { score: 0.6, turns: 2 },
      why: 'two earlier customer turns on shipping',
    },
    {
      locale: 'zh-Hant',
      text: '退款到底什麼時候到帳',
      history: [customer('退款怎麼還沒到'), customer('請幫我查退款'), customer('退款進度呢')],
      expected: { score: 0.8, turns: 3 },
      why: 'three earlier turns on the refund, traditional',
    },
    {
      locale: 'en',
      text: 'Where is my refund?',
      history: [
        customer('I asked for a refund last week'),
        agent('We are checking'),
        customer('Any news on my refund?'),
      ],
      expected: { score: 0.6, turns: 2 },
      why: 'two earlier turns on the refund',
    },
    {
      locale: 'en',
      text: 'Can you send me the invoice again please',
      history: [customer('I need an invoice for order 1001'), agent('Sure')],
      // One earlier turn (0.3) and "again" (0.3): 1 − 0.7 × 0.7.
      expected: { score: 0.51, turns: 1 },
      why: 'one earlier turn plus "again"',
    },
  ] as const;

  it.each(cases)('[$locale] $why', ({ text, history, expected }) => {
    const signal = repeatOf(text, [...history]);
    expect(signal?.score).toBe(expected.score);
    expect(signal?.detail).toContain(`${expected.turns} earlier customer turn`);
  });

  it('ignores earlier turns about another issue', () => {
    expect(repeatOf('发票怎么开', [customer('我的快递到哪了'), customer('物流一直不动')])).toBeUndefined();
  });

  it('ignores the agent’s turns', () => {
    expect(repeatOf('我的快递到哪了', [agent('快递在路上'), agent('快递今天派送')])).toBeUndefined();
  });

  it('counts a near-duplicate message even without a known topic', () => {
    const signal = repeatOf('这个颜色和图片一样吗', [
      customer('这个颜色和图片一样吗？'),
      customer('这个颜色和图片一样吗'),
    ]);
    expect(signal?.score).toBe(0.6);
  });

  it('takes context.repeatContacts into account', () => {
    expect(repeatOf('你好', [], 1)?.score).toBe(0.5);
    expect(repeatOf('你好', [], 3)?.score).toBe(0.85);
    expect(repeatOf('你好', [], 0)).toBeUndefined();
  });

  it('looks only at the most recent customer turns of a long transcript', () => {
    const old = Array.from({ length: 50 }, () => customer('快递到哪了'));
    const recent = Array.from({ length: 20 }, () => customer('谢谢'));
    expect(repeatOf('快递呢', [...old, ...recent])).toBeUndefined();
  });
});
