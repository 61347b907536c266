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
    { text: '哈喽，在的，请问想了解哪款？', conversation: [customer('在吗')] },
    { text: '嗨，請問需要什麼幫忙？', conversation: [customer('在嗎')] },
    { text: '早晨！有咩可以幫到你？', conversation: [customer('喂')] },
    { text: 'Hiya! What can I do for you?', conversation: [customer('hello?')] },
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
    {
      text: '这款今天下午发货',
      conversation: [customer('你好，这款什么时候发货？')],
      errors: [{ messageId: 'missingGreeting', severity: 'warn' }],
    },
    {
      text: '已經幫您備註了',
      conversation: [customer('哈囉')],
      errors: [{ messageId: 'missingGreeting', severity: 'warn' }],
    },
    {
      text: 'It ships this evening.',
      conversation: [customer('Good morning, when does it ship?')],
      errors: [{ messageId: 'missingGreeting', severity: 'warn' }],
    },
  ],
};
