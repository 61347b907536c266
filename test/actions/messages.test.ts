import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import type { Facts } from '../../src/facts.js';

/**
 * The workflows of domain.md §5 driven end to end from real messages in each locale:
 * recommend({ text, facts }) → analyze → rules → templates. Each row names the intent the
 * classifier gives the message (checked first, so a classifier change shows as such), then the
 * exact action ids and template ids.
 */
const assistant = createAssistant();
const people: Facts = {
  customer: { name: '王芳', gender: 'female' },
  shop: { name: '花语旗舰店' },
  agent: { name: '小美', id: '007' },
};

interface Row {
  workflow: string;
  messages: { 'zh-Hans': string; 'zh-Hant': string; en: string };
  intent: string | { 'zh-Hans': string; 'zh-Hant': string; en: string };
  facts?: Facts;
  actions: string[] | { 'zh-Hans': string[]; 'zh-Hant': string[]; en: string[] };
  templates: string[];
}

const CHANGE = ['order.flag_note', 'customer.confirm_details', 'order.notify_packer'];
const COMPLAINT_WITH_THREAT = [
  'soothe.first',
  'escalate.experienced_agent',
  'sla.reply_within',
  'escalate.supervisor',
  'case.own',
  'case.record',
  'customer.callback',
];

const rows: Row[] = [
  {
    workflow: 'address change',
    messages: {
      'zh-Hans': '我想把收货地址改成北京市朝阳区',
      'zh-Hant': '我想把收貨地址改成台北市大安區',
      en: 'I need to change the shipping address on my order',
    },
    intent: 'order.change_address',
    actions: CHANGE,
    templates: ['answer/order.change_address'],
  },
  {
    workflow: 'item change',
    messages: {
      'zh-Hans': '能帮我把颜色换成黑色的吗，尺码改成M',
      'zh-Hant': '可以幫我把顏色換成黑色嗎，尺寸改成M',
      en: 'Can I change the size to M instead of S?',
    },
    intent: 'order.change_item',
    actions: CHANGE,
    templates: ['answer/order.change_item'],
  },
  {
    workflow: 'special request',
    messages: {
      'zh-Hans': '麻烦帮我备注一下发顺丰快递，再写个生日贺卡',
      'zh-Hant': '麻煩幫我備註一下寄順豐，再寫張生日賀卡',
      en: 'Please ship it with DHL and add a gift note saying happy birthday',
    },
    intent: 'order.special_request',
    actions: CHANGE,
    templates: ['answer/order.special_request'],
  },
  {
    workflow: 'cannot answer now',
    messages: {
      'zh-Hans': '这个面料是纯棉的吗',
      'zh-Hant': '這個面料是純棉的嗎',
      en: 'What material is this dress made of?',
    },
    intent: 'product.inquiry',
    facts: { case: { status: 'pending' } },
    actions: ['case.record', 'customer.callback'],
    templates: ['situation/cannot-answer-now'],
  },
  {
    workflow: 'complaint (read as a threat to complain: 24 h, supervisor, experienced agent)',
    messages: {
      'zh-Hans': '我要投诉你们的客服，态度太差了',
      'zh-Hant': '我要投訴你們的客服，態度太差了',
      en: 'I want to file a complaint about your customer service',
    },
    intent: 'complaint',
    actions: COMPLAINT_WITH_THREAT,
    templates: ['situation/anxious-customer', 'answer/complaint'],
  },
  {
    workflow: 'shipping overdue',
    messages: {
      'zh-Hans': '都一个星期了怎么还不发货',
      'zh-Hant': '都一個星期了怎麼還不發貨',
      en: 'It has been a week, why has my order still not shipped?',
    },
    intent: 'order.shipping_delay',
    facts: { order: { shipped: false, overdue: true, promisedShipAt: '2024-06-03T18:00:00+08:00' } },
    actions: ['soothe.first', 'customer.proactive_notice', 'offer.compensation', 'check.sku_binding'],
    templates: ['situation/anxious-customer', 'shipping/not-shipped'],
  },
  {
    workflow: 'ship time, shipped without a pickup scan (仓库已发货)',
    messages: {
      'zh-Hans': '我昨天拍的什么时候发货',
      'zh-Hant': '我昨天拍的什麼時候發貨',
      en: 'When will my order ship?',
    },
    intent: 'order.ship_time',
    facts: { order: { shipped: true, carrierScan: false } },
    actions: [],
    templates: ['shipping/warehouse-dispatched'],
  },
  {
    workflow: 'wrong or missing item',
    messages: {
      'zh-Hans': '收到的货少了一件，还发错了颜色',
      'zh-Hant': '收到的貨少了一件，還寄錯了顏色',
      en: 'I received the wrong item and one piece is missing',
    },
    intent: 'aftersale.wrong_missing',
    actions: ['check.sku_binding', 'customer.call', 'reship'],
    templates: ['answer/aftersale.wrong_missing'],
  },
  {
    workflow: 'courier stalled',
    messages: {
      'zh-Hans': '物流三天都没更新了，是不是丢件了',
      'zh-Hant': '物流三天都沒更新了，是不是掉件了',
      en: 'The tracking has not updated for three days, is my parcel lost? I need it urgently',
    },
    intent: 'order.courier_stalled',
    actions: ['logistics.investigate', 'case.record', 'customer.proactive_notice'],
    templates: ['situation/anxious-customer', 'answer/order.courier_stalled'],
  },
  {
    workflow: 'defect, the shop at fault',
    messages: {
      'zh-Hans': '杯子收到就有裂缝',
      'zh-Hant': '杯子收到就有裂縫',
      en: 'The mug I received is broken',
    },
    intent: 'aftersale.defect',
    facts: { responsibility: 'merchant' },
    actions: ['customer.request_evidence', 'check.batch_defect', 'customer.request_return', 'customer.call'],
    templates: ['answer/aftersale.defect-merchant-fault'],
  },
  {
    workflow: 'price difference',
    messages: {
      'zh-Hans': '我刚买完就降价了，能退差价吗',
      'zh-Hant': '我剛買完就降價了，能退差價嗎',
      en: 'The price dropped right after I bought it, can you refund the difference?',
    },
    intent: 'aftersale.price_protection',
    actions: ['check.price_history', 'refund.price_difference'],
    templates: ['answer/aftersale.price_protection'],
  },
  {
    workflow: 'the customer at fault',
    messages: { 'zh-Hans': '我要退货', 'zh-Hant': '我要退貨', en: 'I want to return this' },
    intent: 'aftersale.return_exchange',
    facts: { responsibility: 'customer' },
    actions: ['customer.confirm_in_writing', 'offer.compensation'],
    templates: ['answer/aftersale.return_exchange', 'confirm/compensation-in-writing'],
  },
  {
    workflow: 'threat of media exposure',
    messages: {
      'zh-Hans': '再不给我处理我就发微博曝光你们',
      'zh-Hant': '再不給我處理我就發微博曝光你們',
      en: 'Fix this now or I will expose your shop on Weibo and Xiaohongshu',
    },
    // A demand with a public-exposure threat reads as a complaint in every language.
    intent: 'complaint',
    actions: [
      'soothe.first',
      'escalate.experienced_agent',
      'case.own',
      'sla.reply_within',
      'case.record',
      'customer.callback',
    ],
    templates: [],
  },
  {
    workflow: 'out of scope',
    messages: {
      'zh-Hans': '帮我订一张去上海的机票',
      'zh-Hant': '幫我訂一張去上海的機票',
      en: 'Can you help me book a hotel in Beijing?',
    },
    intent: 'other',
    actions: ['redirect.out_of_scope'],
    templates: ['situation/out-of-scope'],
  },
  {
    workflow: 'satisfaction after resolution',
    messages: { 'zh-Hans': '好的谢谢', 'zh-Hant': '好的謝謝', en: 'Thank you so much for your help' },
    intent: 'thanks',
    facts: { case: { status: 'resolved' } },
    actions: ['customer.satisfaction_survey'],
    templates: ['answer/thanks', 'follow-up/satisfaction'],
  },
];

const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
const perLocale = <T>(value: T | Record<(typeof LOCALES)[number], T>, locale: (typeof LOCALES)[number]): T =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && locale in value
    ? (value as Record<string, T>)[locale]!
    : (value as T);

describe.each(LOCALES)('workflows from real messages (%s)', (locale) => {
  it.each(rows)('$workflow', (row) => {
    const text = row.messages[locale];
    const analysis = assistant.analyze(text);
    expect(analysis.intent.id).toBe(perLocale(row.intent, locale));
    const result = assistant.recommend({ text, facts: { ...people, ...row.facts } });
    expect(result.locale).toBe(locale);
    expect(result.actions.map((a) => a.id)).toEqual(perLocale(row.actions, locale));
    if (row.templates.length > 0) expect(result.replies.map((r) => r.templateId)).toEqual(row.templates);
    else expect(result.replies[0]?.templateId).toBe('situation/anxious-customer');
  });
});

describe('reply() from real messages passes its own linter', () => {
  it.each(rows.flatMap((row) => LOCALES.map((locale) => [row.workflow, locale, row] as const)))(
    '%s (%s)',
    (_workflow, locale, row) => {
      const result = assistant.reply(row.messages[locale], {
        facts: { ...people, ...row.facts },
        variables: {
          followUp: { dueAt: '2024-06-03T18:00:00+08:00' },
          request: { details: '顺丰, 生日贺卡' },
          agreement: { points: ['退货运费由顾客承担', '退款 3 个工作日内到账'] },
          visit: { topic: '退货' },
        },
      });
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.lint.errorCount).toBe(0);
    },
  );
});
