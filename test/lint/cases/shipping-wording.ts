/** The RuleTester table of `shipping-wording`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';
import type { Facts } from '../../../src/facts.js';

const noScan: Facts = { order: { shipped: true, carrierScan: false } };
const scanUnknown: Facts = { order: { shipped: true } };
const scanned: Facts = { order: { shipped: true, carrierScan: true } };
const notShipped: Facts = { order: { shipped: false } };

/**
 * Each claim below has its compliant twin here: the same predicate as a question, a negation, a
 * plan, a condition, a relative clause about a class of orders, another object, the customer or the
 * warehouse as the subject.
 */
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
    { text: 'It has left our warehouse.', facts: noScan },
    // With a carrier scan, 已发货 is true.
    { text: '您的订单已经发货了，运单号SF123456789', facts: scanned },
    { text: 'Your order has shipped.', facts: scanned },
    { text: '早就给您寄了哦', facts: scanned },
    // Questions.
    { text: '请问是否已发货？', facts: noScan },
    { text: '已经发货了吗？', facts: noScan },
    { text: '我查一下发了没', facts: noScan },
    { text: '請問出貨了嗎？', facts: noScan },
    { text: 'Has it shipped yet?', facts: noScan },
    { text: 'Has it been shipped?', facts: noScan },
    // Negations.
    { text: '您的订单还没有发货，预计明天发出', facts: notShipped },
    { text: '还没寄出哦', facts: noScan },
    { text: '還沒出貨喔', facts: noScan },
    { text: 'It has not shipped yet.', facts: notShipped },
    { text: "It isn't on its way yet.", facts: noScan },
    // Plans and modals.
    { text: '我们会尽快为您发货', facts: notShipped },
    { text: '预计48小时内发出', facts: noScan },
    { text: '明天寄出喔', facts: noScan },
    // A date before 之前 / 前 is a deadline, not the past.
    { text: '预计3月5日前从仓库发出', facts: notShipped },
    { text: '5号之前发出哦', facts: noScan },
    { text: 'It will be dispatched tomorrow.', facts: noScan },
    { text: 'Your parcel should be on its way by Friday.', facts: noScan },
    // Conditions and time clauses.
    { text: '发货后会短信通知您', facts: noScan },
    { text: '如果已经发出了的话就没办法改地址了', facts: noScan },
    { text: '寄出後會傳簡訊通知您', facts: noScan },
    { text: 'Once your order has shipped, we will email the tracking number.', facts: noScan },
    // A class of orders (a relative clause, an attributive participle, a policy).
    { text: '已发货的订单没办法直接改地址', facts: noScan },
    { text: '已出貨的訂單無法更改', facts: noScan },
    { text: 'Orders that have already shipped cannot be edited.', facts: noScan },
    { text: 'Shipped orders cannot be cancelled.', facts: noScan },
    { text: 'Orders are shipped within 24 hours.', facts: noScan },
    // Another object, or the customer as the subject.
    { text: '链接已经发给您了', facts: noScan },
    { text: '您寄出后请把单号告诉我们', facts: noScan },
    { text: 'I sent you the tracking link.', facts: noScan },
    // Words that only look like a dispatch: 出发了, 头发了.
    { text: '快递车已经出发了', facts: noScan },
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
      // Completed by 了 alone: the fix adds 仓库已.
      text: '亲，给您发货了哦',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '给您发货' }],
      output: '亲，仓库已给您发货了哦',
    },
    {
      text: '早就给您寄了哦',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '早就给您寄了' }],
      output: '仓库早就给您寄了哦',
    },
    {
      // A typo of 已: the fix writes 已.
      text: '以发货，请耐心等待',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '以发货' }],
      output: '仓库已发货，请耐心等待',
    },
    {
      text: '东西发走了，您留意物流',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '发走' }],
      output: '东西仓库已发走了，您留意物流',
    },
    {
      // A past time further left: no prefix can go before the verb alone, so no fix.
      text: '昨天已经揽件发出了',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '发出' }],
    },
    {
      // Leaving the warehouse, on the way, handed to the carrier: claims without a safe rewrite.
      text: '出库了，在路上了',
      facts: noScan,
      errors: [
        { messageId: 'noCarrierScan', actual: '出库' },
        { messageId: 'noCarrierScan', actual: '在路上' },
      ],
    },
    {
      text: '您的包裹已经在路上了',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '已经在路上' }],
    },
    {
      text: '已经交给快递小哥了',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '已经交给快递小哥' }],
    },
    {
      text: '是昨天寄的，请耐心等待',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '寄的' }],
    },
    {
      // N天前 is the past.
      text: '三天前就发出了',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '发出' }],
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
      text: '我們發貨了，請耐心等候',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '發貨' }],
      output: '我們倉庫已發貨了，請耐心等候',
    },
    {
      text: '幫您寄出了',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '幫您寄出' }],
      output: '倉庫已幫您寄出了',
    },
    {
      text: '出貨了喔',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '出貨' }],
      output: '倉庫已出貨了喔',
    },
    {
      text: '交給黑貓了喔，明天會到',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: '交給黑貓' }],
    },
    {
      text: 'Your order has shipped.',
      facts: noScan,
      errors: [
        { messageId: 'noCarrierScan', actual: 'has shipped', suggestion: 'shipping/warehouse-dispatched@en' },
      ],
      output: 'Your order has shipped from our warehouse.',
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
      output: 'Ｙｏｕｒ ｏｒｄｅｒ ｈａｓ ｓｈｉｐｐｅｄ from our warehouse！',
    },
    {
      text: 'It went out this morning.',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: 'went out' }],
      output: 'It went out from our warehouse this morning.',
    },
    {
      // An object follows the verb: appending would split it, so no fix.
      text: 'We shipped it on Monday.',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: 'shipped' }],
    },
    {
      text: 'YOUR PARCEL IS ON ITS WAY',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: 'IS ON ITS WAY' }],
    },
    {
      text: "It's on the way!",
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: 'on the way' }],
    },
    {
      text: 'Your parcel is in transit.',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: 'is in transit' }],
    },
    {
      text: 'It is with the courier now.',
      facts: noScan,
      errors: [{ messageId: 'noCarrierScan', actual: 'is with the courier' }],
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
    {
      text: 'It has left our warehouse.',
      facts: notShipped,
      errors: [{ messageId: 'notShipped', actual: 'has left our warehouse' }],
    },
  ],
};
