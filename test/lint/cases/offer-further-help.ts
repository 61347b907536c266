/** The RuleTester table of `offer-further-help`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';
import type { ConversationTurn } from '../../../src/lint/types.js';

const customer = (text: string): ConversationTurn => ({ role: 'customer', text });
const agent = (text: string): ConversationTurn => ({ role: 'agent', text });

export const offerFurtherHelpCases: RuleCases = {
  valid: [
    { text: '不客气，请问还有什么可以帮您？', conversation: [customer('好的，谢谢')] },
    { text: '不客气，有问题随时联系我哦，再见', conversation: [customer('谢谢')] },
    // The customer already said there is nothing else.
    { text: '好的，祝您生活愉快，再见', conversation: [customer('没有了，谢谢')] },
    // Not a closing reply.
    { text: '请稍等，正在为您查询', conversation: [customer('什么时候发货')] },
    { text: '明天发货', conversation: [customer('好的谢谢，那什么时候发货？')] },
    { text: '不客氣，請問還有什麼可以幫您？', conversation: [customer('謝謝')] },
    { text: '不客气呢，还有 其他 问题 吗？', conversation: [customer('好的，谢 谢 啦')] },
    { text: 'ＡＮＹＴＨＩＮＧ ＥＬＳＥ？', conversation: [customer('thanks')] },
    { text: "You're welcome! Is there anything else I can help with?", conversation: [customer('Thanks!')] },
    { text: 'Goodbye!', conversation: [customer("That's all, thanks.")] },
    // The customer's closing says there is nothing else, or goodbye: a bare farewell is right.
    { text: '好的，祝您生活愉快，再见', conversation: [customer('没了')] },
    { text: '感谢您的支持，再见', conversation: [customer('亲 其他没有了 谢谢')] },
    { text: '祝您購物愉快', conversation: [customer('冇嘢了，唔該晒')] },
    { text: 'Have a great weekend!', conversation: [customer('Nope, all good. Bye!')] },
    // An agent turn already offered; the customer's thanks answers it.
    {
      text: '不客气，祝您生活愉快',
      conversation: [customer('什么时候发货'), agent('今天发货，请问还有其他问题吗？'), customer('好的谢谢')],
    },
    {
      text: "You're welcome, have a nice day.",
      conversation: [
        customer('Is it in stock?'),
        agent('Yes. Anything else I can help with?'),
        customer('thank you'),
      ],
    },
    // A reply to thanks that goes on with the business does not close.
    { text: '您的发票正在开具中', conversation: [customer('好的谢谢')] },
    // Thanks with a question or a new request is not a closing.
    { text: '不客气，明天就能到', conversation: [customer('谢谢，那什么时候能到？')] },
  ],
  invalid: [
    {
      text: '不客气',
      conversation: [customer('好的，谢谢')],
      errors: [
        { messageId: 'missingOffer', severity: 'warn', suggestion: 'situation/anything-else@zh-Hans' },
      ],
    },
    {
      text: '好的，再见',
      conversation: [customer('知道了')],
      errors: [{ messageId: 'missingOffer', severity: 'warn' }],
    },
    {
      text: '不客氣，祝您購物愉快',
      conversation: [customer('謝謝')],
      errors: [{ messageId: 'missingOffer', severity: 'warn', message: '結束會話前' }],
    },
    {
      text: '不客气哦亲',
      conversation: [customer('谢 谢 啦')],
      errors: [{ messageId: 'missingOffer', severity: 'warn' }],
    },
    {
      text: 'Have a nice day!',
      conversation: [customer('ok')],
      errors: [{ messageId: 'missingOffer', severity: 'warn', message: 'anything else' }],
    },
    // The earlier offer does not count once the customer asked something new since.
    {
      text: '不客气，再见',
      conversation: [
        customer('有黑色吗'),
        agent('有的，还有其他问题吗？'),
        customer('那什么时候发货'),
        agent('明天'),
        customer('好的谢谢'),
      ],
      errors: [{ messageId: 'missingOffer', severity: 'warn', data: { turn: '4' } }],
    },
    {
      text: '好的，祝您生活愉快',
      conversation: [customer('谢谢，再帮我查一下另一个订单')],
      errors: [{ messageId: 'missingOffer', severity: 'warn' }],
    },
    {
      text: '不客氣，祝您生活愉快',
      conversation: [customer('好的，多謝')],
      errors: [{ messageId: 'missingOffer', severity: 'warn', message: '結束會話前' }],
    },
    {
      text: "You're welcome!",
      conversation: [customer('Great, thanks a lot!')],
      errors: [{ messageId: 'missingOffer', severity: 'warn' }],
    },
  ],
};
