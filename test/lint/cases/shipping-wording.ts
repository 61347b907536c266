/** The RuleTester table of `shipping-wording`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';
import type { Facts } from '../../../src/facts.js';

const noScan: Facts = { order: { shipped: true, carrierScan: false } };
const scanUnknown: Facts = { order: { shipped: true } };
const scanned: Facts = { order: { shipped: true, carrierScan: true } };
const notShipped: Facts = { order: { shipped: false } };

export const shippingWordingCases: RuleCases = {
  valid: [
    // Without facts the rule cannot know: it reports nothing.
    '您的订单已发货',
    'Your order has shipped.',
    // The warehouse as the subject is the prescribed wording.
    { text: '仓库已发货，请耐心等待', facts: noScan },
    { text: '亲，仓库这边已经发出了哦', facts: noScan },
    { text: '倉庫已發貨，請耐心等候', facts: noScan },
    { text: '貨倉已經寄出', facts: scanUnknown },
    { text: 'Our warehouse has dispatched it.', facts: noScan },
    { text: 'It was dispatched from our warehouse yesterday.', facts: noScan },
    { text: 'Your order has shipped from our warehouse.', facts: noScan },
    // With a carrier scan, 已发货 is true.
    { text: '您的订单已经发货了，运单号SF123456789', facts: scanned },
    { text: 'Your order has shipped.', facts: scanned },
    // Questions, negations and plans are not claims.
    { text: '请问是否已发货？', facts: noScan },
    { text: '已经发货了吗？', facts: noScan },
    { text: '您的订单还没有发货，预计明天发出', facts: notShipped },
    { text: '我们会尽快为您发货', facts: notShipped },
    { text: 'Once your order has shipped, we will email the tracking number.', facts: noScan },
    { text: 'It has not shipped yet.', facts: notShipped },
    { text: 'Has it been shipped?', facts: noScan },
  ],
  invalid: [
    {
      text: '您的订单已发货',
      facts: noScan,
      errors: [
        {
          messageId: 'noCarrierScan',
          actual: '已发货',
          data: { template: 'shipping/warehouse-dispatched' },
          suggestion: 'shipping/warehouse-dispatched@zh-Hans',
          message: '仓库已发货',
        },
      ],
      output: '您的订单仓库已发货',
    },
    {
      text: '亲，您的订单已经发货了哦',
      facts: scanUnknown,
      errors: [{ messageId: 'noCarrierScan', actual: '已经发货' }],
      output: '亲，您的订单仓库已经发货了哦',
    },
    {
      text: '已经给您发货了，请耐心等待',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '已经给您发货' }],
      output: '仓库已经给您发货了，请耐心等待',
    },
    {
      // Spaces inside the claim: the fix replaces the whole span.
      text: '已 经 发 出了亲',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '已 经 发 出' }],
      output: '仓库已 经 发 出了亲',
    },
    {
      // No safe fix for "on its way": suggestion only.
      text: '您的包裹已经在路上了',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '包裹已经在路上' }],
    },
    {
      text: '您的訂單已發貨',
      facts: noScan,
      errors: [
        {
          messageId: 'noCarrierScan',
          actual: '已發貨',
          message: '倉庫已發貨',
          suggestion: 'shipping/warehouse-dispatched@zh-Hant',
        },
      ],
      output: '您的訂單倉庫已發貨',
    },
    {
      // 我們發貨了 has no safe rewrite: suggestion only.
      text: '我們發貨了，請耐心等候',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '我們發貨了' }],
    },
    {
      text: '幫您寄出了',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '幫您寄出了' }],
      output: '倉庫已幫您寄出了',
    },
    {
      text: '亲，给您发货了哦',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '给您发货了' }],
      output: '亲，仓库已给您发货了哦',
    },
    {
      text: 'Your order has shipped.',
      facts: noScan,
      errors: [
        { messageId: 'noCarrierScan', actual: 'has shipped', suggestion: 'shipping/warehouse-dispatched@en' },
      ],
      output: 'Your order has left our warehouse.',
    },
    {
      text: 'Good news: your parcel has been shipped!',
      facts: scanUnknown,
      errors: [{ messageId: 'noCarrierScan', actual: 'has been shipped' }],
      output: 'Good news: your parcel has been shipped from our warehouse!',
    },
    {
      text: 'Ｙｏｕｒ ｏｒｄｅｒ ｈａｓ ｓｈｉｐｐｅｄ！',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: 'ｈａｓ ｓｈｉｐｐｅｄ' }],
      output: 'Ｙｏｕｒ ｏｒｄｅｒ has left our warehouse！',
    },
    {
      text: 'YOUR PARCEL IS ON ITS WAY',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: 'IS ON ITS WAY' }],
    },
    // Not shipped at all: every claim is false, the warehouse's too; no fix.
    {
      text: '您的订单已发货',
      facts: notShipped,
      errors: [{ messageId: 'notShipped', actual: '已发货', suggestion: 'shipping/not-shipped@zh-Hans' }],
    },
    {
      text: '仓库已发货',
      facts: notShipped,
      errors: [{ messageId: 'notShipped', actual: '已发货' }],
    },
    {
      text: '您的訂單已經寄出',
      facts: notShipped,
      errors: [{ messageId: 'notShipped', message: '訂單還沒有發貨' }],
    },
    {
      text: 'We have shipped your order.',
      facts: notShipped,
      errors: [{ messageId: 'notShipped', message: 'has not shipped' }],
    },
  ],
};
