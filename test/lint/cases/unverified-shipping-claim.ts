/** The RuleTester table of `unverified-shipping-claim`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';

const noScan = { order: { shipped: true, carrierScan: false } };

export const unverifiedShippingClaimCases: RuleCases = {
  valid: [
    // Not claims: questions, plans, negations, conditions, other objects.
    '请问您的订单发货了吗？',
    '我们会在48小时内为您发货',
    '您的订单还没有发货哦',
    '发货后会有短信通知您',
    '链接已经发给您了，请查收',
    '訂單還沒有出貨喔',
    '出貨後會通知您',
    'Has it shipped yet?',
    "It hasn't shipped yet, sorry.",
    'We will ship it tomorrow.',
    // With facts, shipping-wording judges the claim and this rule stays silent.
    { text: '您的订单已经发货了', facts: noScan, name: 'a claim with facts' },
    { text: 'Your order has shipped.', facts: { order: { shipped: true, carrierScan: true } } },
  ],
  invalid: [
    {
      text: '亲，您的订单已经发货了',
      errors: [{ messageId: 'unverified', severity: 'warn', message: '没有订单信息可以核对' }],
    },
    {
      text: '早就给您寄出了，请耐心等待',
      errors: [{ messageId: 'unverified', severity: 'warn' }],
    },
    {
      text: '仓库已发货，快递揽收后会更新物流',
      name: 'the prescribed wording is a claim too: without facts it is unchecked',
      errors: [{ messageId: 'unverified', severity: 'warn' }],
    },
    {
      text: '您的包裹已經出貨了',
      errors: [{ messageId: 'unverified', severity: 'warn', message: '沒有訂單資料可以核對' }],
    },
    {
      text: '親，已經寄出咗',
      errors: [{ messageId: 'unverified', severity: 'warn' }],
    },
    {
      text: 'Good news: your order has shipped.',
      errors: [{ messageId: 'unverified', severity: 'warn', message: 'no order facts were given' }],
    },
    {
      text: "It's on its way and should arrive soon.",
      errors: [{ messageId: 'unverified', severity: 'warn' }],
    },
    {
      text: '您的订单已发货。另一单也已经发出了',
      name: 'two claims, two findings',
      errors: [
        { messageId: 'unverified', severity: 'warn' },
        { messageId: 'unverified', severity: 'warn' },
      ],
    },
  ],
};
