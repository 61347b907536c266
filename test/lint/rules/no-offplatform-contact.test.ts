import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../../src/lint/linter.js';
import { lintRules } from '../../../src/lint/rule-list.js';
import { ruleTester } from './rule-tester.js';
import { noOffplatformContactCases } from '../cases/no-offplatform-contact.js';

ruleTester('no-offplatform-contact', noOffplatformContactCases);

const RULE = 'no-offplatform-contact';
const only = createLinter({
  rules: Object.fromEntries(lintRules.map((rule) => [rule.id, rule.id === RULE ? 'error' : 'off'])),
});

/** Channels, frames, scopes and noise, so generated replies reach every branch of the rule. */
const FRAGMENTS = [
  '加',
  '加我',
  '微信',
  'V X',
  'v',
  '+',
  '卫星',
  'QQ',
  '扣扣',
  '賴',
  'LINE',
  'WhatsApp',
  ' me',
  '我',
  '们',
  '的',
  '我的',
  '您的',
  '私人',
  '手机号',
  '支付宝',
  '转我',
  '直接',
  '给我',
  '私下转账',
  '不会',
  '请勿',
  '谨防',
  '骗子',
  'never ',
  'add me on ',
  'pay me ',
  'Venmo',
  ': ',
  '号',
  '是',
  'abc_123',
  '13800001111',
  '，',
  '。',
  ' ',
  '😀',
  '\u200b',
];

describe(`${RULE}: properties`, () => {
  it('every finding lies inside the reply and shows its text (masked when it holds personal data)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join('')),
          fc.string({ unit: 'grapheme', maxLength: 120 }),
        ),
        (reply) => {
          for (const finding of only.lint(reply).findings) {
            const [start, end] = finding.range;
            expect(start).toBeGreaterThanOrEqual(0);
            expect(end).toBeGreaterThan(start);
            expect(end).toBeLessThanOrEqual(reply.length);
            // A span holding personal data (a phone number after 加我微信) shows it masked.
            const text = reply.slice(start, end);
            if (finding.actual !== text) expect(finding.actual).toContain('*');
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a warning or a refusal before an invitation in its sentence silences it, a clause break after a refusal does not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('加我微信', '加个vx', 'QQ联系我', '私下转账', '支付宝转我'),
        fc.constantFrom('谨防有人冒充客服', '小心骗子'),
        fc.constantFrom('本店不会让您', '请勿'),
        (invitation, warning, refusal) => {
          const fired = (text: string) => only.lint(text).findings.length > 0;
          expect(fired(invitation)).toBe(true);
          expect(fired(`${warning}${invitation}`)).toBe(false);
          expect(fired(`${refusal}${invitation}`)).toBe(false);
          expect(fired(`${refusal}在这里说，${invitation}`)).toBe(true);
        },
      ),
    );
  });
});

describe(`${RULE}: an account number read out in Chinese numerals after a channel`, () => {
  const fired = (text: string) => only.lint(text).findings.some((f) => f.ruleId === RULE);
  it.each([
    ['亲 QQ 七六五四三二一', true],
    ['亲，我的扣扣是 七六五四三二一，有事找我', true],
    ['微信号：幺三九 洞洞幺二 拐拐八五', true],
    ['賴ID 零玖壹貳參肆伍陸柒捌', true],
    ['亲 QQ 7654321', true],
    // Fewer than seven numerals is not a number read out; a warning silences an invitation.
    ['亲 QQ 三四五', false],
    ['亲，QQ一下就好', false],
    ['谨防骗子：有人冒充客服发 QQ 七六五四三二一，请勿添加', false],
    ['亲 我们的QQ群已经解散了 一二三四五六七月都没有活动', false],
  ])('%s → %s', (text, expected) => {
    expect(fired(text)).toBe(expected);
  });
});
