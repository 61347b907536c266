import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../../src/lint/linter.js';
import type { ConversationTurn } from '../../../src/lint/types.js';

const RULES = ['greet-first', 'apologize-on-complaint', 'offer-further-help'];
const linter = createLinter({ rules: { 'greet-first': 'warn', 'apologize-on-complaint': 'warn', 'offer-further-help': 'warn' } });

/** Pieces of the three rules' cues and noise: greetings, complaints, closings, offers, apologies. */
const FRAGMENTS = [
  '您好',
  '哈喽',
  '亲',
  '谢谢',
  '唔該晒',
  '没了',
  '没有',
  '再见',
  '祝您生活愉快',
  '不客气',
  '请问还有什么可以帮您？',
  '坏了',
  '还没到',
  '等了五天',
  '投诉',
  '如果',
  '担心',
  '不是',
  '抱歉',
  '给您添麻烦了',
  '让您久等了',
  'thanks',
  "that's all",
  'bye',
  'broken',
  "still hasn't arrived",
  'if',
  'sorry',
  "you're welcome",
  'anything else?',
  '，',
  '？',
  '！',
  ' ',
  '😊',
  '\u0301',
  '\ud83d',
];

const text = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), { maxLength: 10 })
  .map((parts) => parts.join(''));
const turn: fc.Arbitrary<ConversationTurn> = fc.record({
  role: fc.constantFrom('customer' as const, 'agent' as const, 'system' as const),
  text,
});

describe('conversation rules on generated conversations', () => {
  it('report whole-reply ranges inside the reply, never throw, and read at most a bounded window', () => {
    fc.assert(
      fc.property(text, fc.array(turn, { maxLength: 20 }), (reply, conversation) => {
        const findings = linter.lint(reply, { conversation }).findings.filter((f) => RULES.includes(f.ruleId));
        for (const f of findings) {
          expect(f.range[0]).toBeGreaterThanOrEqual(0);
          expect(f.range[1]).toBeGreaterThanOrEqual(f.range[0]);
          expect(f.range[1]).toBeLessThanOrEqual(reply.length);
          const turnIndex = f.data?.turn;
          if (turnIndex !== undefined) expect(conversation[Number(turnIndex)]?.role).toBe('customer');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a complaint turn far back behind the trailing customer run is not read', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('在吗', '有黑色吗', 'ok'), { minLength: 1, maxLength: 3 }), (later) => {
        const conversation: ConversationTurn[] = [
          { role: 'customer', text: '杯子碎了' },
          { role: 'agent', text: '您好' },
          ...later.map((t) => ({ role: 'customer' as const, text: t })),
        ];
        const ids = linter.lint('好的', { conversation }).findings.map((f) => f.ruleId);
        expect(ids).not.toContain('apologize-on-complaint');
      }),
    );
  });
});
