/** The RuleTester table of `greet-first`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';
import type { ConversationTurn } from '../../../src/lint/types.js';

const customer = (text: string): ConversationTurn => ({ role: 'customer', text });
const agent = (text: string): ConversationTurn => ({ role: 'agent', text });

export const greetFirstCases: RuleCases = {
  valid: [
    // Without a conversation the conversation rules do not run.
    '好的',
    { text: '您好，请问有什么可以帮您？', conversation: [customer('在吗')] },
    { text: '亲，在的哦', conversation: [customer('在吗')] },
    { text: '亲爱的，请问有什么可以帮您？', conversation: [] },
    { text: '欢迎光临，请问想了解哪款？', conversation: [customer('这款有货吗')] },
    // Not the first agent reply.
    { text: '好的', conversation: [customer('在吗'), agent('您好'), customer('发货了吗')] },
    { text: '您好，請問有什麼可以幫您？', conversation: [customer('在嗎')] },
    { text: '哈囉～請問需要什麼？', conversation: [customer('在嗎')] },
    { text: 'Hello! How can I help you today?', conversation: [customer('hi')] },
    { text: 'Good morning, thanks for contacting us.', conversation: [] },
    { text: '您 好 呀，请问有什么可以帮您？', conversation: [customer('在吗')] },
    { text: 'ＨＥＬＬＯ！', conversation: [customer('hi')] },
  ],
  invalid: [
    {
      text: '订单已经帮您查到了',
      conversation: [customer('在吗')],
      errors: [
        {
          messageId: 'missingGreeting',
          severity: 'warn',
          actual: '订单已经帮您查到了',
          suggestion: 'opening/chat@zh-Hans',
        },
      ],
    },
    {
      text: '訂單已經幫您查到了',
      conversation: [customer('在嗎')],
      errors: [{ messageId: 'missingGreeting', severity: 'warn', message: '請先問候客戶' }],
    },
    {
      text: 'Your order was found.',
      conversation: [customer('hi')],
      errors: [{ messageId: 'missingGreeting', severity: 'warn', message: 'greet the customer' }],
    },
  ],
};
