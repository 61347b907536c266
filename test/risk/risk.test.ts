import { describe, expect, it } from 'vitest';
import type { Risk, Signal, SignalId } from '../../src/analysis/types.js';
import { createAssistant } from '../../src/assistant/index.js';
import { HuashuError } from '../../src/errors.js';
import { assessRisk } from '../../src/risk/index.js';

const signal = (id: SignalId, score: number): Signal => ({ id, score, evidence: [] });

describe('assessRisk: the rule', () => {
  const cases: Array<{
    why: string;
    signals: Signal[];
    intent?: { id: string; confidence: number };
    repeatContacts?: number;
    risk: Risk;
  }> = [
    { why: 'nothing', signals: [], risk: 'low' },
    { why: 'urgency alone is a customer in a hurry', signals: [signal('emotion.urgency', 0.9)], risk: 'low' },
    { why: 'a weak anger hint', signals: [signal('emotion.anger', 0.3)], risk: 'low' },
    { why: 'anger', signals: [signal('emotion.anger', 0.5)], risk: 'medium' },
    { why: 'abuse', signals: [signal('abuse', 0.9)], risk: 'medium' },
    { why: 'a bad-review threat', signals: [signal('threat.bad_review', 0.9)], risk: 'medium' },
    {
      why: 'a bare complaint (投诉) is medium',
      signals: [signal('threat.complaint_channel', 0.5)],
      risk: 'medium',
    },
    {
      why: 'a named complaint channel (12315)',
      signals: [signal('threat.complaint_channel', 0.9)],
      risk: 'high',
    },
    { why: 'a legal threat', signals: [signal('threat.legal', 0.9)], risk: 'high' },
    { why: 'a media threat', signals: [signal('threat.media', 0.7)], risk: 'high' },
    { why: 'a weak legal hint (欺诈) is medium', signals: [signal('threat.legal', 0.5)], risk: 'medium' },
    {
      why: 'bad review and anger',
      signals: [signal('threat.bad_review', 0.9), signal('emotion.anger', 0.5)],
      risk: 'high',
    },
    { why: 'a repeat contact alone', signals: [signal('repeat_contact', 0.6)], risk: 'medium' },
    { why: 'a single earlier turn is not a repeat', signals: [signal('repeat_contact', 0.3)], risk: 'low' },
    {
      why: 'repeat contact and anger',
      signals: [signal('repeat_contact', 0.6), signal('emotion.anger', 0.8)],
      risk: 'high',
    },
    { why: 'complaint intent', signals: [], intent: { id: 'complaint', confidence: 0.8 }, risk: 'medium' },
    {
      why: 'an unsure complaint intent',
      signals: [],
      intent: { id: 'complaint', confidence: 0.3 },
      risk: 'low',
    },
    {
      why: 'complaint intent, repeated',
      signals: [signal('repeat_contact', 0.6)],
      intent: { id: 'complaint', confidence: 0.8 },
      risk: 'high',
    },
    {
      why: 'complaint intent and context.repeatContacts 2',
      signals: [],
      intent: { id: 'complaint', confidence: 0.8 },
      repeatContacts: 2,
      risk: 'high',
    },
    { why: 'context.repeatContacts 2 alone', signals: [], repeatContacts: 2, risk: 'medium' },
    { why: 'another intent', signals: [], intent: { id: 'order.ship_time', confidence: 0.9 }, risk: 'low' },
  ];

  it.each(cases)('$why → $risk', ({ signals, intent, repeatContacts, risk }) => {
    const context = repeatContacts === undefined ? undefined : { repeatContacts };
    expect(assessRisk({ signals, intent, context })).toBe(risk);
  });

  it('rejects malformed input with INVALID_INPUT', () => {
    const bad = [
      { signals: 'none' },
      { signals: [{ id: 'abuse', score: 2, evidence: [] }] },
      { signals: [], intent: { id: 'complaint' } },
      { signals: [], context: { unknown: true } },
    ];
    for (const input of bad) {
      try {
        assessRisk(input as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(HuashuError);
        expect((error as HuashuError).code).toBe('INVALID_INPUT');
      }
    }
  });
});

describe('analyze(): signals, entities and risk filled in', () => {
  const assistant = createAssistant();

  it.each([
    {
      text: '你们再不发货我就打12315投诉，订单号123456789012',
      risk: 'high',
      signal: 'threat.complaint_channel',
      entity: 'order_id',
    },
    { text: '氣死了！！再不處理就給負評', risk: 'high', signal: 'threat.bad_review', entity: undefined },
    {
      text: 'I want a refund of $25, this is ridiculous',
      risk: 'medium',
      signal: 'emotion.anger',
      entity: 'amount',
    },
    { text: '请问明天能发货吗', risk: 'low', signal: undefined, entity: 'date' },
  ] as const)('$text → $risk', ({ text, risk, signal, entity }) => {
    const analysis = assistant.analyze(text);
    expect(analysis.risk).toBe(risk);
    expect(analysis.signals.map((s) => s.id)).toEqual(
      signal === undefined ? [] : expect.arrayContaining([signal]),
    );
    expect(analysis.entities.map((e) => e.type)).toEqual(
      entity === undefined ? [] : expect.arrayContaining([entity]),
    );
  });

  it('uses the history for repeat contact', () => {
    const history = [
      { role: 'customer', text: '我的退款什么时候到账' },
      { role: 'agent', text: '亲，正在处理' },
      { role: 'customer', text: '退款还没到' },
    ] as const;
    const analysis = assistant.analyze('退款到底什么时候到，气死了', { history: [...history] });
    expect(analysis.signals.map((s) => s.id)).toEqual(
      expect.arrayContaining(['repeat_contact', 'emotion.anger']),
    );
    expect(analysis.risk).toBe('high');
  });
});
