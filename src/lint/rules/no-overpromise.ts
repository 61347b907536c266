import { ruleDocsUrl } from '../docs.js';
import { defineRule } from '../rule.js';

/**
 * Leave room (留有余地): absolute promises of a date or an outcome (保证…到, 一定…送达, 百分之百,
 * guaranteed). An error when `facts.order.deliveryUncertain` (disruption, remote area, peak season),
 * a warning otherwise. Promises of effort (我们一定尽快为您处理) are not matched by the data.
 */
export const noOverpromise = defineRule({
  meta: {
    id: 'no-overpromise',
    category: 'facts',
    docs: {
      description: 'No absolute promise of a date or outcome (保证, 一定…到, 百分之百); an error when delivery is uncertain',
      url: ruleDocsUrl('no-overpromise'),
    },
    hasSuggestions: true,
    defaultSeverity: 'error',
    messages: {
      uncertain: {
        'zh-Hans': '配送时间不确定，不能承诺“{{text}}”：请说明目前已知的情况，并承诺有变化时主动通知。',
        'zh-Hant': '配送時間不確定，不能承諾“{{text}}”：請說明目前已知的情況，並承諾有變化時主動通知。',
        en: 'Delivery is uncertain: do not promise “{{text}}”. Say what is known and that you will keep the customer posted.',
      },
      absolute: {
        'zh-Hans': '绝对化的承诺：“{{text}}”。请给自己留有余地，说明这是预计而不是保证。',
        'zh-Hant': '絕對化的承諾：“{{text}}”。請給自己留有餘地，說明這是預計而不是保證。',
        en: 'Absolute promise: “{{text}}”. Leave room: say what is expected, not guaranteed.',
      },
    },
  },
  create(context) {
    return {
      phrase(match) {
        const range = context.reply.range(match.start, match.end);
        const text = context.reply.text.slice(range[0], range[1]);
        if (context.facts?.order?.deliveryUncertain === true) {
          const suggestion = context.suggestion('shipping/leave-room');
          context.report({
            messageId: 'uncertain',
            data: { text, phrase: match.entry.id, template: 'shipping/leave-room' },
            range,
            ...(suggestion === undefined ? {} : { suggestions: [{ text: suggestion }] }),
          });
        } else {
          context.report({ messageId: 'absolute', data: { text, phrase: match.entry.id }, range, severity: 'warn' });
        }
      },
    };
  },
});
