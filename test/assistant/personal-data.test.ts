/**
 * A bot's reply never carries personal data its own lint finds (src/assistant/mask-reply.ts): a
 * template that echoes what the customer sent (订单{{order.id}}) masks an ID or card number that
 * was read as an order number, in the text and in the part that holds it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecommendedReply } from '../../src/actions/types.js';
import { createAssistant } from '../../src/assistant/index.js';
import { maskPersonalData } from '../../src/assistant/mask-reply.js';
import { validIdCard } from '../../src/text/id-numbers.js';

const assistant = createAssistant();

/** A mainland ID number with a valid birth date and check digit (GB 11643). */
function idNumber(region: number, year: number, month: number, day: number, sequence: number): string {
  const body = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
  for (const check of '0123456789X') if (validIdCard(body + check)) return body + check;
  throw new Error('no check digit');
}

const leaks = (text: string) => assistant.lint(text).findings.filter((f) => f.ruleId === 'no-pii-leak');

describe('an ID number is not an order number', () => {
  it.each([
    ['with no cue', '110101199003074514 怎么还没发货'],
    ['introduced as an ID number', '我身份证110101199003074514 怎么还没发货'],
  ])('%s: no order entity, and the reply asks for the order number', (_what, message) => {
    const reply = assistant.reply(message);
    expect(reply.analysis.entities.filter((e) => e.type === 'order_id')).toEqual([]);
    expect(reply.text).not.toContain('110101199003074514');
    expect(reply.text).toContain('订单号');
  });

  it.each([
    ['16 digits', '1101011990030745 怎么还没发货'],
    ['19 digits', '3456789012345678901 怎么还没发货'],
    ['18 digits with no birth date in them', '123456789012345678 怎么还没发货'],
    ['18 digits with a wrong check digit', '110101199003074515 怎么还没发货'],
  ])('%s stay an order number', (_what, message) => {
    expect(assistant.analyze(message).entities.map((e) => e.type)).toContain('order_id');
  });
});

describe('reply(): personal data the reply would echo is masked', () => {
  it('an ID number given as the order number is echoed masked, in the text and in its part', () => {
    const reply = assistant.reply('订单号110101199003074514 怎么还没发货');
    // The template echoed it (the test would prove nothing otherwise), masked.
    expect(reply.text).toMatch(/订单1101\*+4514/);
    expect(reply.text).not.toContain('110101199003074514');
    expect(reply.replies.map((r) => r.text ?? '').join('\n')).toBe(reply.text);
    expect(reply.lint.findings.filter((f) => f.ruleId === 'no-pii-leak')).toEqual([]);
  });

  it.each([
    ['an order number', '订单号 202312345678901 怎么还没发货', '202312345678901'],
    ['a 19-digit order number', '3456789012345678901 怎么还没发货', '3456789012345678901'],
  ])('keeps %s as written', (_what, message, datum) => {
    expect(assistant.reply(message).text).toContain(datum);
  });

  it('never sends an ID number it was given, whatever the number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 110000, max: 659999 }),
        fc.integer({ min: 1950, max: 2010 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('{} 怎么还没发货', '订单{}到哪了', '{} 帮我查下物流', '{}'),
        (region, year, month, day, sequence, shape) => {
          const id = idNumber(region, year, month, day, sequence);
          const reply = assistant.reply(shape.replace('{}', id), {
            context: { previousAgentMessage: '麻烦提供一下订单号' },
          });
          expect(reply.text).not.toContain(id);
          expect(leaks(reply.text)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("masks errors only: the shop's own return address and service line (a warning) stay whole", () => {
    const text =
      '退货请寄到我们的售后仓：浙江省杭州市余杭区文一西路1500号 华数仓 售后组收，电话 0571-8888 1234';
    const lint = assistant.lint(text);
    expect(lint.findings.map((f) => [f.ruleId, f.severity])).toEqual([['no-pii-leak', 'warn']]);
    const part: RecommendedReply = {
      templateId: 'answer/aftersale.return_exchange',
      stage: 'answer',
      locale: 'zh-Hans',
      text,
      rule: 'test',
    };
    expect(maskPersonalData([part], lint)).toBeUndefined();
    const error = { ...lint, findings: lint.findings.map((f) => ({ ...f, severity: 'error' as const })) };
    expect(maskPersonalData([part], error)?.[0]?.text).not.toBe(text);
  });
});
