import type { Context } from '../context.js';
import type { Facts } from '../facts.js';

/**
 * The built-in example conversation `huashu demo` runs on: real-looking messages, written for the
 * demo, each with what the shop knows at that moment (facts) and any extra template variables.
 */
export const DEMO_MESSAGES: ReadonlyArray<{
  text: string;
  previousAgentMessage?: string;
  facts?: Facts;
  context?: Omit<Context, 'previousAgentMessage'>;
  variables?: Record<string, unknown>;
}> = [
  {
    text: '在吗？我昨天拍的连衣裙什么时候发货啊',
    facts: { customer: { name: '王芳', gender: 'female' }, order: { shipped: true, carrierScan: false } },
  },
  {
    text: '請問這款有沒有S碼？',
    variables: {
      item: { name: '碎花連衣裙', spec: 'S碼', details: 'S碼適合身高155–160公分、腰圍64公分左右' },
    },
  },
  {
    text: '收到的杯子是碎的!!! 再不处理我就给差评还要打12315',
    facts: { customer: { name: '李雷', gender: 'male' }, responsibility: 'merchant' },
  },
  {
    text: 'Hi, my order #58213 still hasn’t shipped, can you check?',
    facts: { order: { shipped: false, promisedShipAt: '2024-06-03T18:00:00+08:00' } },
  },
  { text: '我想把收货地址改成上海市浦东新区的', facts: { customer: { name: '陈静', gender: 'female' } } },
  { text: '好的', previousAgentMessage: '亲，是要改成上海市的这个地址吗？' },
];
