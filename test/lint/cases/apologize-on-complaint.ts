/** The RuleTester table of `apologize-on-complaint`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';
import type { ConversationTurn } from '../../../src/lint/types.js';

const customer = (text: string): ConversationTurn => ({ role: 'customer', text });
const agent = (text: string): ConversationTurn => ({ role: 'agent', text });

export const apologizeOnComplaintCases: RuleCases = {
  valid: [
    { text: '非常抱歉给您带来不便，我马上为您补发', conversation: [customer('收到的杯子碎了')] },
    { text: '对不起，让您久等了', conversation: [customer('怎么还没发货')] },
    { text: '好的，这款有黑色', conversation: [customer('请问这款有黑色吗')] },
    { text: '非常抱歉造成您的不便', conversation: [customer('你們寄錯了')] },
    { text: '抱 歉 呀，马上为您处理', conversation: [customer('质量太差了吧')] },
    { text: 'ＳＯＲＲＹ for the trouble', conversation: [customer('It arrived BROKEN')] },
    {
      text: 'I am so sorry about this, a replacement is on the way.',
      conversation: [customer('The mug arrived broken.')],
    },
    // The complaint is an earlier turn, not the one this reply answers.
    { text: '好的', conversation: [customer('质量太差了'), agent('非常抱歉'), customer('好吧，那就换货')] },
    // A regret or responsibility construction apologises without an apology word.
    { text: '给您添麻烦了，马上为您补发', conversation: [customer('台灯用了两天就不亮了')] },
    { text: '是我们的疏忽，已经为您重新安排', conversation: [customer('你们少发了一个')] },
    { text: '讓您久等了，我馬上幫您催', conversation: [customer('包裹等了一個禮拜還沒到')] },
    {
      text: "That shouldn't have happened. A new one ships today.",
      conversation: [customer('The kettle is leaking.')],
    },
    { text: 'My apologies, I have logged it.', conversation: [customer('This blender is total junk!')] },
    // A defect named only as a condition or a worry is a question about policy.
    { text: '收到后七天内可以退换', conversation: [customer('如果收到时杯子碎了可以退吗？')] },
    { text: '可以换新的', conversation: [customer('萬一耳機不能用怎麼辦？')] },
    {
      text: 'Yes, it is covered for a year.',
      conversation: [customer('What if the charger stops working, is it covered?')],
    },
    { text: '保质期还有十个月', conversation: [customer('我担心收到时快过期了')] },
    // Negated: no defect.
    { text: '好的，帮您换尺码', conversation: [customer('不是故障，就是想换个尺码')] },
    { text: '大号的也有', conversation: [customer('垃圾袋有大号吗')] },
    { text: 'Two days.', conversation: [customer('How long does shipping take?')] },
  ],
  invalid: [
    {
      text: '请提供一下照片',
      conversation: [customer('收到的杯子碎了')],
      errors: [{ messageId: 'missingApology', severity: 'warn', data: { cue: '碎了' } }],
    },
    {
      text: '好的',
      conversation: [customer('杯子 碎 了！')],
      errors: [{ messageId: 'missingApology', severity: 'warn', data: { cue: '碎 了' } }],
    },
    {
      text: '我要看看',
      conversation: [customer('我要投诉你们')],
      errors: [{ messageId: 'missingApology', severity: 'warn', data: { cue: '投诉' } }],
    },
    {
      text: '請提供照片',
      conversation: [customer('收到的杯子壞咗')],
      errors: [{ messageId: 'missingApology', severity: 'warn', message: '請先致歉' }],
    },
    {
      text: 'Please send a photo.',
      conversation: [customer('It does not work.')],
      errors: [{ messageId: 'missingApology', severity: 'warn', message: 'apologise first' }],
    },
    // The four kinds: a defect, a negative evaluation, an unmet expectation, an escalation.
    {
      text: '请您拍个视频看看',
      conversation: [customer('吹风机一插电就没反应')],
      errors: [
        {
          messageId: 'missingApology',
          severity: 'warn',
          data: { cue: '没反应', kind: 'complaint-defect', turn: '0' },
        },
      ],
    },
    {
      text: '我们的产品都经过质检',
      conversation: [customer('你们这个保温壶做工也太烂了')],
      errors: [{ messageId: 'missingApology', severity: 'warn', data: { kind: 'complaint-negative' } }],
    },
    {
      text: '物流显示在途中',
      conversation: [customer('请问有货吗'), agent('您好，有的'), customer('我的包裹等了五天了还没到')],
      errors: [
        { messageId: 'missingApology', severity: 'warn', data: { kind: 'complaint-unmet', turn: '2' } },
      ],
    },
    {
      text: '好的，已记录',
      conversation: [customer('再不处理我就打12315')],
      errors: [
        {
          messageId: 'missingApology',
          severity: 'warn',
          data: { cue: '12315', kind: 'complaint-escalation' },
        },
      ],
    },
    // A condition does not soften an escalation threat.
    {
      text: '正在处理',
      conversation: [customer('如果明天还不发货我就投诉')],
      errors: [{ messageId: 'missingApology', severity: 'warn', data: { cue: '投诉' } }],
    },
    // Consecutive customer turns are answered together.
    {
      text: '請提供訂單號',
      conversation: [customer('檯燈壞了'), customer('在嗎？')],
      errors: [{ messageId: 'missingApology', severity: 'warn', data: { turn: '0' } }],
    },
    {
      text: 'Tracking shows it in transit.',
      conversation: [customer("My parcel still hasn't arrived after ten days.")],
      errors: [{ messageId: 'missingApology', severity: 'warn', data: { kind: 'complaint-unmet' } }],
    },
    {
      text: 'Noted.',
      conversation: [customer("I'll leave a 1-star review.")],
      errors: [{ messageId: 'missingApology', severity: 'warn', data: { kind: 'complaint-escalation' } }],
    },
    {
      text: '我們會檢查',
      conversation: [customer('品質太差了，超失望')],
      errors: [{ messageId: 'missingApology', severity: 'warn', message: '請先致歉' }],
    },
  ],
};
