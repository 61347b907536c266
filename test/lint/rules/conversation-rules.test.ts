import type { ConversationTurn } from '../../../src/lint/types.js';
import { ruleTester } from './rule-tester.js';

const customer = (text: string): ConversationTurn => ({ role: 'customer', text });
const agent = (text: string): ConversationTurn => ({ role: 'agent', text });

ruleTester('greet-first', {
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
      errors: [{ messageId: 'missingGreeting', severity: 'warn', actual: '订单已经帮您查到了', suggestion: 'opening/chat@zh-Hans' }],
    },
    { text: '訂單已經幫您查到了', conversation: [customer('在嗎')], errors: [{ messageId: 'missingGreeting', severity: 'warn', message: '請先問候客戶' }] },
    { text: 'Your order was found.', conversation: [customer('hi')], errors: [{ messageId: 'missingGreeting', severity: 'warn', message: 'greet the customer' }] },
  ],
});

ruleTester('apologize-on-complaint', {
  valid: [
    { text: '非常抱歉给您带来不便，我马上为您补发', conversation: [customer('收到的杯子碎了')] },
    { text: '对不起，让您久等了', conversation: [customer('怎么还没发货')] },
    { text: '好的，这款有黑色', conversation: [customer('请问这款有黑色吗')] },
    { text: '非常抱歉造成您的不便', conversation: [customer('你們寄錯了')] },
    { text: '抱 歉 呀，马上为您处理', conversation: [customer('质量太差了吧')] },
    { text: 'ＳＯＲＲＹ for the trouble', conversation: [customer('It arrived BROKEN')] },
    { text: 'I am so sorry about this, a replacement is on the way.', conversation: [customer('The mug arrived broken.')] },
    // The complaint is an earlier turn, not the one this reply answers.
    { text: '好的', conversation: [customer('质量太差了'), agent('非常抱歉'), customer('好吧，那就换货')] },
  ],
  invalid: [
    {
      text: '请提供一下照片',
      conversation: [customer('收到的杯子碎了')],
      errors: [{ messageId: 'missingApology', severity: 'warn', data: { cue: '碎了' } }],
    },
    { text: '好的', conversation: [customer('杯子 碎 了！')], errors: [{ messageId: 'missingApology', severity: 'warn', data: { cue: '碎 了' } }] },
    { text: '我要看看', conversation: [customer('我要投诉你们')], errors: [{ messageId: 'missingApology', severity: 'warn', data: { cue: '投诉' } }] },
    { text: '請提供照片', conversation: [customer('收到的杯子壞咗')], errors: [{ messageId: 'missingApology', severity: 'warn', message: '請先致歉' }] },
    { text: 'Please send a photo.', conversation: [customer('It does not work.')], errors: [{ messageId: 'missingApology', severity: 'warn', message: 'apologise first' }] },
  ],
});

ruleTester('offer-further-help', {
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
      errors: [{ messageId: 'missingOffer', severity: 'warn', suggestion: 'situation/anything-else@zh-Hans' }],
    },
    { text: '好的，再见', conversation: [customer('知道了')], errors: [{ messageId: 'missingOffer', severity: 'warn' }] },
    { text: '不客氣，祝您購物愉快', conversation: [customer('謝謝')], errors: [{ messageId: 'missingOffer', severity: 'warn', message: '結束會話前' }] },
    { text: '不客气哦亲', conversation: [customer('谢 谢 啦')], errors: [{ messageId: 'missingOffer', severity: 'warn' }] },
    { text: 'Have a nice day!', conversation: [customer('ok')], errors: [{ messageId: 'missingOffer', severity: 'warn', message: 'anything else' }] },
  ],
});
