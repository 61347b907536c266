import { describe, expect, it } from 'vitest';
import { HuashuError } from '../../src/errors.js';
import { createLinter } from '../../src/lint/linter.js';
import { defineRule, type Rule } from '../../src/lint/rule.js';
import { lintRules } from '../../src/lint/rule-list.js';
import type { LintContext } from '../../src/lint/types.js';

const CONVERSATION_RULES = ['greet-first', 'apologize-on-complaint', 'offer-further-help'];
const conversation = (ids: string[]) => ids.map((ruleId) => ({ ruleId, needs: 'conversation' }));
const SHIPPING = { ruleId: 'shipping-wording', needs: 'order.shipped' };
const history = [{ role: 'customer' as const, text: '我的快递到哪了' }];

describe('linter.notChecked(context): the rules a reply is not checked by, and why', () => {
  const linter = createLinter();

  it.each<[string, LintContext | undefined, Array<{ ruleId: string; needs: string }>]>([
    ['no context', undefined, [SHIPPING, ...conversation(CONVERSATION_RULES)]],
    [
      'facts without order',
      { facts: { customer: { name: '王' } } },
      [SHIPPING, ...conversation(CONVERSATION_RULES)],
    ],
    [
      'order without shipped',
      { facts: { order: { carrierScan: false } } },
      [SHIPPING, ...conversation(CONVERSATION_RULES)],
    ],
    [
      'shipped: false counts as known',
      { facts: { order: { shipped: false } } },
      conversation(CONVERSATION_RULES),
    ],
    ['shipped and a history', { facts: { order: { shipped: true } }, history }, []],
    ['the older name conversation', { conversation: history }, [SHIPPING]],
    ['an empty history is a conversation', { history: [] }, [SHIPPING]],
  ])('%s', (_, context, expected) => {
    expect(linter.notChecked(context)).toEqual(expected);
  });

  it('names only enabled rules', () => {
    const some = createLinter({ rules: { 'shipping-wording': 'off', 'greet-first': 'off' } });
    expect(some.notChecked()).toEqual(conversation(['apologize-on-complaint', 'offer-further-help']));
  });

  it('answers the same frozen list for the same missing needs (a million-reply run allocates nothing for it)', () => {
    const first = linter.notChecked({ locale: 'en' });
    expect(linter.notChecked()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it.each([null, 'facts', { facts: { order: { shipped: 'yes' } } }, { unknown: 1 }])(
    'refuses a context that lint() refuses: %j',
    (context) => {
      expect(() => linter.notChecked(context as never)).toThrow(HuashuError);
      try {
        linter.notChecked(context as never);
      } catch (error) {
        expect((error as HuashuError).code).toBe('INVALID_INPUT');
        expect((error as HuashuError).message).toContain('notChecked(context)');
      }
    },
  );

  it('lintRules lists what each built-in rule requires', () => {
    expect(lintRules.filter((r) => r.requiresFacts.length > 0).map((r) => [r.id, r.requiresFacts])).toEqual([
      ['shipping-wording', ['order.shipped']],
    ]);
  });
});

describe('meta.requiresFacts on a rule', () => {
  const seen: string[] = [];
  const vipRule: Rule = defineRule({
    meta: {
      id: 'vip-greeting',
      category: 'wording',
      docs: { description: 'VIP customers are greeted by name', url: 'https://example.com/vip' },
      defaultSeverity: 'warn',
      requiresFacts: ['customer.tier'],
      messages: {
        plain: { 'zh-Hans': '请称呼VIP客户', 'zh-Hant': '請稱呼VIP客戶', en: 'Greet the VIP by name' },
      },
    },
    create(context) {
      return {
        'reply:exit'() {
          seen.push(context.facts?.customer?.tier ?? 'none');
          if (context.facts?.customer?.tier === 'vip')
            context.report({ messageId: 'plain', range: [0, context.reply.text.length] });
        },
      };
    },
  });

  it('runs only with the fact, and notChecked() names it otherwise', () => {
    const linter = createLinter({ rules: { 'vip-greeting': 'warn' } }, { extraRules: [vipRule] });
    seen.length = 0;
    expect(linter.lint('您好').findings.filter((f) => String(f.ruleId) === 'vip-greeting')).toEqual([]);
    expect(seen).toEqual([]);
    expect(linter.notChecked()).toContainEqual({ ruleId: 'vip-greeting', needs: 'customer.tier' });
    const facts = { customer: { tier: 'vip' as const } };
    expect(linter.lint('您好', { facts }).findings.map((f) => String(f.ruleId))).toContain('vip-greeting');
    expect(seen).toEqual(['vip']);
    expect(linter.notChecked({ facts })).not.toContainEqual({
      ruleId: 'vip-greeting',
      needs: 'customer.tier',
    });
  });

  it.each([['customer..tier'], ['1order'], [''], ['order.__proto__x y']])(
    'rejects the fact path %j',
    (path) => {
      expect(() =>
        defineRule({ ...vipRule, meta: { ...vipRule.meta, requiresFacts: [path] } } as Rule),
      ).toThrow(HuashuError);
    },
  );
});
