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
  ],
};
