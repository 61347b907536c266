/** The RuleTester table of `offer-further-help`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';
import type { ConversationTurn } from '../../../src/lint/types.js';

const customer = (text: string): ConversationTurn => ({ role: 'customer', text });

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
  ],
};
