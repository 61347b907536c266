import type { RuleWords } from '../data-schema.js';
import { ruleWords } from '../built-in-data.js';
import { ruleDocsUrl } from '../docs.js';
import { defineRule } from '../rule.js';

function alternatives(words: readonly string[]): string {
  return words.map((word) => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
}

/**
 * After a contact handle (QQ, VX, LINE…): a label, link or separator (rules/lint/words.json), then
 * an account id — `QQ: 12345678`, `vx号 abc_123`, `微信是abc123`. A bare handle and a number
 * (line 12345) is not enough.
 */
function accountAfterHandle(words: RuleWords['no-offplatform-contact']): RegExp {
  const labels = alternatives(words.accountLabels);
  const links = alternatives(words.accountLinks);
  const separators = alternatives(words.accountSeparators);
  return new RegExp(`^ ?(?:(?:${labels}) ?(?:${links})?|${links}|${separators}) ?[a-z0-9][a-z0-9_-]{4,}`);
}

/**
 * Steering the customer off the platform — to WeChat, QQ, WhatsApp, or a private transfer — which
 * the platforms forbid. Naming 微信支付 as a payment method, or the shop's official account, is not
 * matched by the data; a handle counts when an account id follows it.
 */
export const noOffplatformContact = defineRule({
  meta: {
    id: 'no-offplatform-contact',
    category: 'platform',
    docs: {
      description: 'No steering the customer off the platform (加微信, VX, QQ号, WhatsApp, 私下转账)',
      url: ruleDocsUrl('no-offplatform-contact'),
    },
    defaultSeverity: 'error',
    messages: {
      offPlatform: {
        'zh-Hans': '引导客户到平台之外联系或交易（“{{text}}”）违反平台规则：请在平台内沟通和付款。',
        'zh-Hant': '引導客戶到平臺之外聯繫或交易（“{{text}}”）違反平臺規則：請在平臺內溝通和付款。',
        en: 'Steering the customer off the platform (“{{text}}”) breaks the platform rules: keep the conversation and payment on the platform.',
      },
    },
  },
  create(context) {
    const account = accountAfterHandle(ruleWords()['no-offplatform-contact']);
    return {
      phrase(match) {
        const { reply } = context;
        if (match.entry.role === 'handle') {
          const { normalized, toNormalized } = reply.skeleton;
          const after = (toNormalized[match.end - 1] ?? 0) + 1;
          if (!account.test(normalized.text.slice(after, after + 48))) return;
        }
        const range = reply.range(match.start, match.end);
        context.report({
          messageId: 'offPlatform',
          data: { text: reply.text.slice(range[0], range[1]), phrase: match.entry.id },
          range,
        });
      },
    };
  },
});
