import { ruleDocsUrl } from '../docs.js';
import { defineBuiltInRule } from '../rule.js';
import { trailingCustomerTurns, turnWindow, wholeReply } from './conversation.js';

/**
 * A reply to a complaint or a defect report apologises. The customer turns the reply answers (the
 * trailing run, each in a bounded window) are read for the four kinds of complaint in the rule's
 * `complaint` data: a defect (坏了, 没反应, 发错, broken, doesn't work), a negative evaluation or
 * anger (太差, 离谱, junk, unacceptable), an unmet expectation (还没到, 等了五天, still hasn't
 * arrived) and a threat to escalate (投诉, 差评, 12315, chargeback). A defect, evaluation or delay
 * named only as a condition (如果坏了可以退吗, what if it arrives broken) is a question about
 * policy, not a complaint (the entries' `unlessBefore`). An apology is an apology word (抱歉,
 * sorry) or a regret or responsibility construction (给您添麻烦了, 让您久等了, 是我们的疏忽,
 * that shouldn't have happened, our mistake).
 */
export const apologizeOnComplaint = defineBuiltInRule({
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
        const conversation = context.conversation ?? [];
        if (context.matches('apology').length > 0) return;
        for (const index of trailingCustomerTurns(conversation)) {
          const complaint = context.matchText(turnWindow(conversation[index]!.text), 'complaint')[0];
          if (complaint === undefined) continue;
          context.report({
            messageId: 'missingApology',
            data: { cue: complaint.text, kind: complaint.entry.id, turn: String(index) },
            range: wholeReply(context.reply.text),
          });
          return;
        }
      },
    };
  },
});
