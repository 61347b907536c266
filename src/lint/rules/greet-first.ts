import { ruleWords } from '../built-in-data.js';
import { ruleDocsUrl } from '../docs.js';
import { defineBuiltInRule } from '../rule.js';
import { wholeReply } from './conversation.js';

/** The agent's first reply of a conversation greets the customer (您好, 亲, hello). */
export const greetFirst = defineBuiltInRule({
  meta: {
    id: 'greet-first',
    category: 'conversation',
    docs: {
      description: "The agent's first reply in a conversation greets the customer",
      url: ruleDocsUrl('greet-first'),
    },
    hasSuggestions: true,
    defaultSeverity: 'warn',
    requiresConversation: true,
    messages: {
      missingGreeting: {
        'zh-Hans': '这是您在本次会话中的第一条回复，请先问候客户（例如“您好”）。',
        'zh-Hant': '這是您在本次會話中的第一條回覆，請先問候客戶（例如“您好”）。',
        en: 'This is your first reply in the conversation: greet the customer first (e.g. “Hello”).',
      },
    },
  },
  create(context) {
    const { openingAddresses } = ruleWords()['greet-first'];
    return {
      'reply:exit'() {
        const conversation = context.conversation ?? [];
        if (conversation.some((turn) => turn.role === 'agent')) return;
        if (context.matches('greeting').length > 0) return;
        // 亲 is the platforms' standard address but also a particle the skeleton drops: an opening 亲 greets.
        const folded = context.reply.normalized.text;
        if (openingAddresses.some((address) => folded.startsWith(address))) return;
        const suggestion = context.suggestion('opening/chat');
        context.report({
          messageId: 'missingGreeting',
          data: { template: 'opening/chat' },
          range: wholeReply(context.reply.text),
          ...(suggestion === undefined ? {} : { suggestions: [{ text: suggestion }] }),
        });
      },
    };
  },
});
