import { ruleDocsUrl } from '../docs.js';
import { defineRule } from '../rule.js';
import { lastCustomerTurn, wholeReply } from './conversation.js';

/**
 * A reply to a complaint or a defect report apologises (抱歉, 对不起, sorry). The customer's latest
 * turn is checked against the rule's `complaint` cues (投诉, 差评, 坏了, 破损, broken…).
 */
export const apologizeOnComplaint = defineRule({
  meta: {
    id: 'apologize-on-complaint',
    category: 'conversation',
    docs: {
      description: 'A reply to a complaint or a defect report apologises',
      url: ruleDocsUrl('apologize-on-complaint'),
    },
    defaultSeverity: 'warn',
    requiresConversation: true,
    messages: {
      missingApology: {
        'zh-Hans': '客户在投诉或反映质量问题（“{{cue}}”），请先致歉（例如“非常抱歉给您带来不便”）。',
        'zh-Hant': '客戶在投訴或反映質量問題（“{{cue}}”），請先致歉（例如“非常抱歉給您帶來不便”）。',
        en: 'The customer is complaining or reporting a defect (“{{cue}}”): apologise first (e.g. “I am sorry for the trouble”).',
      },
    },
  },
  create(context) {
    return {
      'reply:exit'() {
        const customer = lastCustomerTurn(context.conversation ?? []);
        if (customer === undefined) return;
        if (context.matches('apology').length > 0) return;
        const complaint = context.matchText(customer.text, 'complaint')[0];
        if (complaint === undefined) return;
        context.report({
          messageId: 'missingApology',
          data: { cue: complaint.text },
          range: wholeReply(context.reply.text),
        });
      },
    };
  },
});
