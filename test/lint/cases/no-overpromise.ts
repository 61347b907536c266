/** The RuleTester table of `no-overpromise`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';
import type { Facts } from '../../../src/facts.js';

const uncertain: Facts = { order: { deliveryUncertain: true } };

export const noOverpromiseCases: RuleCases = {
  valid: [
    // Effort, not outcome.
    '我们一定尽快为您处理',
    { text: '我们一定尽快为您处理', facts: uncertain },
    { text: '小妹跟您保证我们会尽快为您审核处理哒', facts: uncertain },
    { text: '我们一定尽快为您发货', facts: uncertain },
    // Negated promises leave room.
    { text: '可以为您催促，但不能保证明天中午前就能到', facts: uncertain },
    { text: '没有办法给您百分之百承诺，有变化会主动通知您', facts: uncertain },
    { text: '不一定能到，我们会持续跟进', facts: uncertain },
    // Product statements, not promises.
    '正品保证，请放心购买',
    '从源头保证商品质量',
    '100%纯棉面料',
    // Traditional.
    { text: '我們一定盡快為您處理', facts: uncertain },
    { text: '無法保證明天送達', facts: uncertain },
    // English.
    { text: 'We cannot guarantee a delivery date.', facts: uncertain },
    { text: 'There is no guarantee on that date, but we will keep you posted.', facts: uncertain },
    { text: 'I promise we will do our best.', facts: uncertain },
    'This shirt is 100% cotton.',
    { text: 'We will do our best to deliver it by Friday.', facts: uncertain },
  ],
  invalid: [
    // A warning without facts…
    { text: '保证明天到', errors: [{ messageId: 'absolute', severity: 'warn', actual: '保证明天到' }] },
    { text: '百分之百能到', errors: [{ messageId: 'absolute', severity: 'warn', actual: '百分之百' }] },
    // …an error when delivery is uncertain, with the leave-room suggestion.
    {
      text: '保证明天到',
      facts: uncertain,
      errors: [
        {
          messageId: 'uncertain',
          severity: 'error',
          actual: '保证明天到',
          suggestion: 'shipping/leave-room@zh-Hans',
        },
      ],
    },
    {
      text: '亲，明天一定能到哦',
      facts: uncertain,
      errors: [{ messageId: 'uncertain', actual: '一定能到' }],
    },
    { text: '周五之前肯定送到', facts: uncertain, errors: [{ messageId: 'uncertain', actual: '肯定送到' }] },
    { text: '肯定没问题', facts: uncertain, errors: [{ messageId: 'uncertain' }] },
    { text: '100%明天送达', facts: uncertain, errors: [{ messageId: 'uncertain', actual: '100%' }] },
    { text: '１００％明天送达', facts: uncertain, errors: [{ messageId: 'uncertain', actual: '１００％' }] },
    {
      text: '保 证 明 天 到！',
      facts: uncertain,
      errors: [{ messageId: 'uncertain', actual: '保 证 明 天 到' }],
    },
    { text: '我跟您打包票', facts: uncertain, errors: [{ messageId: 'uncertain', actual: '打包票' }] },
    // Traditional.
    {
      text: '保證明天送達',
      facts: uncertain,
      errors: [
        {
          messageId: 'uncertain',
          actual: '保證明天送達',
          message: '配送時間不確定',
          suggestion: 'shipping/leave-room@zh-Hant',
        },
      ],
    },
    {
      text: '明天一定能送到',
      errors: [{ messageId: 'absolute', severity: 'warn', message: '绝对化的承诺' }],
    },
    {
      text: '明天一定能送達',
      errors: [{ messageId: 'absolute', severity: 'warn', message: '絕對化的承諾' }],
    },
    { text: '聽日實會到', facts: uncertain, errors: [{ messageId: 'uncertain' }] },
    // English.
    {
      text: 'Delivery by Friday is guaranteed.',
      facts: uncertain,
      errors: [
        {
          messageId: 'uncertain',
          actual: 'guaranteed',
          message: 'Delivery is uncertain',
          suggestion: 'shipping/leave-room@en',
        },
      ],
    },
    { text: 'It will definitely arrive tomorrow.', facts: uncertain, errors: [{ messageId: 'uncertain' }] },
    { text: 'It will 100% arrive tomorrow.', errors: [{ messageId: 'absolute', severity: 'warn' }] },
    {
      text: 'You will get it by Friday for sure.',
      facts: uncertain,
      errors: [{ messageId: 'uncertain', actual: 'for sure' }],
    },
    {
      text: 'GUARANTEED next-day delivery',
      facts: uncertain,
      errors: [{ messageId: 'uncertain', actual: 'GUARANTEED' }],
    },
  ],
};
