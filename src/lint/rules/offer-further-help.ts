import { ruleWords } from '../built-in-data.js';
import { ruleDocsUrl } from '../docs.js';
import { defineRule } from '../rule.js';
import { lastCustomerTurn, wholeReply } from './conversation.js';

/** Whether `text` has one of the characters of `marks`. */
function hasAny(text: string, marks: ReadonlySet<number>): boolean {
  for (let i = 0; i < text.length; i++) if (marks.has(text.charCodeAt(i))) return true;
  return false;
}

/**
 * The closing reply asks whether anything else is needed (请问还有什么可以帮您?). A reply closes
 * the conversation when it says goodbye (再见, have a nice day) or answers the customer's thanks
 * (a thanks that does not ask anything more);
 * when the customer already said there is nothing else (没有了, that's all), no offer is expected.
 */
export const offerFurtherHelp = defineRule({
  meta: {
    id: 'offer-further-help',
    category: 'conversation',
    docs: {
      description: 'The closing reply asks whether the customer needs anything else',
      url: ruleDocsUrl('offer-further-help'),
    },
    hasSuggestions: true,
    defaultSeverity: 'warn',
    requiresConversation: true,
    messages: {
      missingOffer: {
        'zh-Hans': '结束会话前，请询问客户是否还有其他需要帮助的地方。',
        'zh-Hant': '結束會話前，請詢問客戶是否還有其他需要幫助的地方。',
        en: 'Before closing, ask whether the customer needs anything else.',
      },
    },
  },
  create(context) {
    const marks = ruleWords()['offer-further-help'].questionMarks;
    const questionMarks = new Set(Array.from(marks, (mark) => mark.charCodeAt(0)));
    return {
      'reply:exit'() {
        if (context.matches('further-help').length > 0) return;
        const customer = lastCustomerTurn(context.conversation ?? []);
        const customerCues = customer === undefined ? [] : context.matchText(customer.text);
        if (customerCues.some((m) => m.entry.role === 'decline')) return;
        // Thanks closes the conversation unless the same turn asks something more.
        const thanked =
          customer !== undefined &&
          customerCues.some((m) => m.entry.role === 'thanks') &&
          !hasAny(customer.text, questionMarks);
        const closing = context.matches('closing').length > 0 || thanked;
        if (!closing) return;
        const suggestion = context.suggestion('situation/anything-else');
        context.report({
          messageId: 'missingOffer',
          data: { template: 'situation/anything-else' },
          range: wholeReply(context.reply.text),
          ...(suggestion === undefined ? {} : { suggestions: [{ text: suggestion }] }),
        });
      },
    };
  },
});
