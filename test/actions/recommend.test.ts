import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAnalysisInput } from '../../src/assistant/analysis-guard.js';
import { analysisInputSchema } from '../../src/assistant/inputs.js';
import { createAssistant } from '../../src/assistant/index.js';
import { isHuashuError } from '../../src/errors.js';

const assistant = createAssistant();

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isHuashuError(error)) return error;
    throw error;
  }
  throw new Error('expected a HuashuError');
}

describe('because: which conditions held, in the customer’s locale', () => {
  const reasons = (locale: string, extra: object = {}, facts: object = {}) =>
    assistant
      .recommend({
        analysis: { intent: { id: 'aftersale.defect', confidence: 0.9 }, language: { locale }, ...extra },
        facts,
      })
      .actions.map((a) => [a.id, a.because]);

  it.each([
    ['zh-Hans', '诉求包含「质量问题」', '责任方为「商家」；意图属于「售后」类'],
    ['zh-Hant', '訴求包含「品質問題」', '責任方為「商家」；意圖屬於「售後」類'],
    [
      'en',
      'the requests include “defect”',
      'responsibility is “the shop”; the intent is in the “after-sales” group',
    ],
  ])('%s', (locale, defect, merchant) => {
    expect(reasons(locale, {}, { responsibility: 'merchant' })).toEqual([
      ['customer.request_evidence', defect],
      ['check.batch_defect', defect],
      ['customer.request_return', defect],
      ['customer.call', merchant],
    ]);
  });

  it('names only the alternatives of an `any` that held, and the value that matched a list', () => {
    const result = assistant.recommend({
      analysis: {
        intent: { id: 'other', confidence: 0.1 },
        signals: [{ id: 'threat.legal' }],
        language: { locale: 'en' },
      },
      context: { repeatContacts: 3 },
    });
    expect(result.actions[0]?.because).toBe(
      'the signals include “legal threat”; earlier contacts about this issue is at least 2',
    );
  });

  it('a yes/no order fact reads as a phrase', () => {
    const result = assistant.recommend({
      analysis: { intent: { id: 'order.logistics', confidence: 0.9 }, language: { locale: 'zh-Hans' } },
      facts: { order: { deliveryUncertain: true } },
    });
    expect(result.actions[0]?.because).toBe('意图为「物流查询」；送达时间不确定');
  });
});

describe('input validation', () => {
  it.each([
    ['nothing to recommend on', {}],
    ['text not a string', { text: 42 }],
    ['analysis without an intent', { analysis: { signals: [] } }],
    ['confidence above 1', { analysis: { intent: { id: 'ack', confidence: 2 } } }],
    ['unknown risk', { analysis: { intent: { id: 'ack', confidence: 1 }, risk: 'extreme' } }],
    ['facts with an unknown field', { text: 'hi', facts: { orders: {} } }],
    ['responsibility not in the list', { text: 'hi', facts: { responsibility: 'platform' } }],
    ['negative repeat contacts', { text: 'hi', context: { repeatContacts: -1 } }],
    ['unknown key', { text: 'hi', extra: 1 }],
    ['not an object', 'hello'],
  ])('%s → INVALID_INPUT', (_name, input) => {
    const error = errorOf(() => assistant.recommend(input as never));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.message).toMatch(/recommend\(input\)/);
  });

  it('reply() checks its text and options', () => {
    expect(errorOf(() => assistant.reply(undefined as never)).code).toBe('INVALID_INPUT');
    expect(
      errorOf(() => assistant.reply('hi', { facts: { order: { shipped: 'yes' } } } as never)).issues[0]?.path,
    ).toBe('facts.order.shipped');
    expect(errorOf(() => assistant.reply('hi', { context: { channel: 'fax' } } as never)).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('a valid analysis with extra fields (analyze() output) is accepted as is', () => {
    const analysis = assistant.analyze('收到的杯子是碎的');
    expect(() => assistant.recommend({ analysis })).not.toThrow();
  });
});

describe('recommend and reply on any text', () => {
  it('never throw on free text, and return well-formed results', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.constantFrom('chat', 'phone', 'social', 'email'),
        (text, channel) => {
          const result = assistant.reply(text, { context: { channel: channel as 'chat' } });
          expect(Array.isArray(result.actions)).toBe(true);
          expect(typeof result.text).toBe('string');
          const { findings, errorCount, warningCount } = result.lint;
          expect(errorCount).toBe(findings.filter((f) => f.severity === 'error').length);
          expect(warningCount).toBe(findings.filter((f) => f.severity === 'warn').length);
          const ids = result.actions.map((a) => a.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const reply of result.replies)
            expect(reply.text !== undefined || (reply.missing?.length ?? 0) > 0).toBe(true);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('results do not share mutable state between calls', () => {
    const input = { analysis: { intent: { id: 'aftersale.defect', confidence: 0.9 } } };
    const first = assistant.recommend(input);
    expect(() => {
      (first.actions[0]?.params as { kinds: string[] }).kinds.push('x');
    }).toThrow();
    first.actions[0]?.rules.push('mutated');
    expect(assistant.recommend(input)).toEqual(createAssistant().recommend(input));
  });
});

describe('reply(): analyze → recommend → render → lint', () => {
  it('returns the analysis, the actions, the replies, the joined text and its lint result', () => {
    const result = assistant.reply('我要改一下收货地址', {
      facts: { customer: { name: '王芳', gender: 'female' } },
    });
    expect(result.analysis.text).toBe('我要改一下收货地址');
    expect(result.text).toBe(
      result.replies.flatMap((r) => (r.text === undefined ? [] : [r.text])).join('\n'),
    );
    expect(result.lint).toHaveProperty('findings');
    // huashu's own replies pass its own linter.
    expect(result.lint.errorCount).toBe(0);
  });
});

describe('the quick analysis check agrees with the zod schema', () => {
  const value = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.string({ maxLength: 4 }),
    fc.constantFrom('low', 'medium', 'high', 'zh-Hans', ''),
    fc.double({ noDefaultInfinity: false }),
    fc.constantFrom(0, 0.5, 1, 2, -1),
    fc.boolean(),
  );
  const item = fc.dictionary(
    fc.constantFrom('id', 'confidence', 'type', 'value', 'placeholder', 'locale', 'evidence'),
    value,
    {
      maxKeys: 4,
    },
  );
  // Mostly well-formed parts, each sometimes replaced by a random value or object.
  const often = <T>(good: fc.Arbitrary<T>) =>
    fc.oneof(
      { arbitrary: good, weight: 12 },
      { arbitrary: value, weight: 1 },
      { arbitrary: item, weight: 1 },
    );
  const candidate = fc.record({
    id: often(fc.constantFrom('ack', 'complaint')),
    confidence: often(fc.constantFrom(0, 0.4, 1)),
  });
  const analysisLike = fc.record(
    {
      intent: often(
        fc.record({
          id: often(fc.constantFrom('ack', '')),
          confidence: often(fc.constantFrom(0, 0.3, 1, 1.5, Number.NaN)),
        }),
      ),
      intents: often(fc.array(often(candidate), { maxLength: 3 })),
      signals: often(
        fc.array(often(fc.record({ id: often(fc.constant('emotion.anger')) })), { maxLength: 3 }),
      ),
      entities: often(
        fc.array(
          often(
            fc.record(
              {
                type: often(fc.constant('phone')),
                value: often(fc.constant('138')),
                placeholder: often(fc.boolean()),
              },
              { requiredKeys: ['type'] },
            ),
          ),
          { maxLength: 3 },
        ),
      ),
      risk: often(fc.constantFrom('low', 'high', 'extreme')),
      language: often(fc.record({ locale: often(fc.constantFrom('en', 'zh-Hans')) })),
      previousAgentTurn: often(fc.constantFrom('statement', 'question', 'said something')),
      extra: value,
    },
    { requiredKeys: ['intent'] },
  );

  it('whatever it accepts, the schema accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(analysisLike, (analysis) => {
        if (isAnalysisInput(analysis)) {
          accepted += 1;
          expect(analysisInputSchema.safeParse(analysis).success).toBe(true);
        }
      }),
      { numRuns: 5000, seed: 3 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it('accepts analyze() output', () => {
    for (const text of ['收到的杯子是碎的', 'where is my parcel 1Z999AA10123456784', '', '好的'])
      expect(isAnalysisInput(assistant.analyze(text))).toBe(true);
    expect(isAnalysisInput(assistant.analyze('好的', { previousAgentMessage: '现在都是电子发票' }))).toBe(
      true,
    );
  });
});
