import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/analysis/types.js';
import { extractEntities } from '../../src/entities/index.js';
import { normalize } from '../../src/normalize/index.js';

type Locale = 'zh-Hans' | 'zh-Hant' | 'en';
/** The expected part of an entity: its type, the text as written, its value and extras. */
type Expected = Pick<Entity, 'type' | 'text' | 'value'> &
  Partial<Pick<Entity, 'carrier' | 'masked' | 'currency' | 'placeholder'>>;
interface Case {
  locale: Locale;
  text: string;
  entities: Expected[];
  why: string;
}

const cases: Case[] = [
  // zh-Hans
  { locale: 'zh-Hans', text: '亲，在吗？什么时候发货', entities: [], why: 'no entity' },
  {
    locale: 'zh-Hans',
    text: '快一点好吗，便宜一点',
    entities: [],
    why: '一点 is "a little", not one o’clock',
  },
  { locale: 'zh-Hans', text: '我们一块去买', entities: [], why: '一块 is "together", not one yuan' },
  {
    locale: 'zh-Hans',
    text: '订单号：123456789012，快递单号SF1234567890123',
    entities: [
      { type: 'order_id', text: '123456789012', value: '123456789012' },
      { type: 'tracking_number', text: 'SF1234567890123', value: 'SF1234567890123', carrier: 'SF' },
    ],
    why: 'order and tracking numbers told apart by their cue and prefix',
  },
  {
    locale: 'zh-Hans',
    text: '中通快递单号 73123456789012 还没更新',
    entities: [{ type: 'tracking_number', text: '73123456789012', value: '73123456789012', carrier: 'ZTO' }],
    why: '快递单号 wins over 单号, the carrier comes from the message',
  },
  {
    locale: 'zh-Hans',
    text: '京东物流 JDV012345678901',
    entities: [{ type: 'tracking_number', text: 'JDV012345678901', value: 'JDV012345678901', carrier: 'JD' }],
    why: 'JD tracking prefix',
  },
  {
    locale: 'zh-Hans',
    text: '手机13812345678，备用138****5678',
    entities: [
      { type: 'phone', text: '13812345678', value: '13812345678', masked: '138****5678' },
      { type: 'phone', text: '138****5678', value: '138****5678', masked: '138****5678' },
    ],
    why: 'mobile, plain and already masked',
  },
  {
    locale: 'zh-Hans',
    text: '单号是13812345678吗？不是，订单号 81234567890',
    entities: [
      { type: 'phone', text: '13812345678', value: '13812345678', masked: '138****5678' },
      { type: 'order_id', text: '81234567890', value: '81234567890' },
    ],
    why: 'a mobile shape is a phone; an 11-digit number after 订单号 is an order',
  },
  {
    locale: 'zh-Hans',
    text: '座机010-12345678，客服400-800-1234',
    entities: [
      { type: 'phone', text: '010-12345678', value: '01012345678', masked: '010****5678' },
      { type: 'phone', text: '400-800-1234', value: '4008001234', masked: '400***1234' },
    ],
    why: 'landline and service line',
  },
  {
    locale: 'zh-Hans',
    text: '退我¥12.5，差价3块5，一共五十元',
    entities: [
      { type: 'amount', text: '¥12.5', value: '12.50 CNY', currency: 'CNY' },
      { type: 'amount', text: '3块5', value: '3.50 CNY', currency: 'CNY' },
      { type: 'amount', text: '五十元', value: '50.00 CNY', currency: 'CNY' },
    ],
    why: 'amounts in three spellings',
  },
  {
    locale: 'zh-Hans',
    text: '明天下午3点能送到吗，不行就下周一',
    entities: [
      { type: 'time', text: '明天下午3点', value: 'relative:+1d 15:00' },
      { type: 'date', text: '下周一', value: 'relative:+1w:mon' },
    ],
    why: 'relative day and time, clock-free',
  },
  {
    locale: 'zh-Hans',
    text: '3月5号之前能到吗',
    entities: [{ type: 'date', text: '3月5号', value: '--03-05' }],
    why: 'month and day',
  },
  {
    locale: 'zh-Hans',
    text: '要XL码的藏青色，还有一双38码的',
    entities: [
      { type: 'size', text: 'XL码', value: 'XL' },
      { type: 'color', text: '藏青色', value: 'navy' },
      { type: 'size', text: '38码', value: '38' },
    ],
    why: 'size and colour',
  },
  {
    locale: 'zh-Hans',
    text: '175/92A的深蓝色有吗',
    entities: [
      { type: 'size', text: '175/92A', value: '175/92A' },
      { type: 'color', text: '深蓝色', value: 'dark blue' },
    ],
    why: 'height/chest size, colour with a modifier',
  },
  {
    locale: 'zh-Hans',
    text: '咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x] [时间x] 电话[电话x]',
    entities: [
      { type: 'order_id', text: '[订单x]', value: '[订单x]', placeholder: true },
      { type: 'amount', text: '[金额x]', value: '[金额x]', placeholder: true },
      { type: 'date', text: '[日期x]', value: '[日期x]', placeholder: true },
      { type: 'time', text: '[时间x]', value: '[时间x]', placeholder: true },
      { type: 'phone', text: '[电话x]', value: '[电话x]', placeholder: true },
    ],
    why: 'the source’s masked placeholders',
  },
  {
    locale: 'zh-Hans',
    text: '[数字x]月[数字x]号送到[地址x]给[姓名x]',
    entities: [
      { type: 'date', text: '[数字x]月[数字x]号', value: '[数字x]月[数字x]号', placeholder: true },
      { type: 'address', text: '[地址x]', value: '[地址x]', placeholder: true },
      { type: 'name', text: '[姓名x]', value: '[姓名x]', placeholder: true },
    ],
    why: 'a date written with masked numbers is one masked date',
  },
  {
    locale: 'zh-Hans',
    text: '[ORDERID_42] 这个链接 https://item.jd.com/100012.html 呢',
    entities: [
      { type: 'order_id', text: '[ORDERID_42]', value: '[ORDERID_42]', placeholder: true },
      { type: 'link', text: 'https://item.jd.com/100012.html', value: 'https://item.jd.com/100012.html' },
    ],
    why: 'ORDERID placeholder and a link',
  },
  {
    locale: 'zh-Hans',
    text: '单号[ORDERID_10312864] 站点[站点X] 邮箱[邮箱x] 退了[金额3]',
    entities: [
      { type: 'order_id', text: '[ORDERID_10312864]', value: '[ORDERID_10312864]', placeholder: true },
      { type: 'address', text: '[站点X]', value: '[站点X]', placeholder: true },
      { type: 'amount', text: '[金额3]', value: '[金额3]', placeholder: true },
    ],
    why: 'masks as the placeholder reader reads them (long ids, upper-case X, numbered); a mask of no entity type reports none',
  },
  {
    locale: 'zh-Hans',
    text: '1234567890123456789',
    entities: [{ type: 'order_id', text: '1234567890123456789', value: '1234567890123456789' }],
    why: 'a bare 19-digit number is a marketplace order number',
  },
  {
    locale: 'zh-Hans',
    text: '型号ES60H，编号123456',
    entities: [{ type: 'number', text: '123456', value: '123456' }],
    why: 'a model number is no entity; a bare 6-digit number is a number',
  },
  {
    locale: 'zh-Hans',
    text: '邮政单号EA123456789CN，拼多多订单240101-123456789012345',
    entities: [
      { type: 'tracking_number', text: 'EA123456789CN', value: 'EA123456789CN', carrier: 'EMS' },
      { type: 'order_id', text: '240101-123456789012345', value: '240101-123456789012345' },
    ],
    why: 'China Post S10 format and a Pinduoduo order number',
  },
  {
    locale: 'zh-Hans',
    text: '+86 138 1234 5678，3天后发货，月底前到，5号也行',
    entities: [
      { type: 'phone', text: '+86 138 1234 5678', value: '13812345678', masked: '138****5678' },
      { type: 'date', text: '3天后', value: 'relative:+3d' },
      { type: 'date', text: '月底', value: 'relative:0m:end' },
      { type: 'date', text: '5号', value: '---05' },
    ],
    why: 'spaced mobile with country code; relative and partial dates',
  },
  {
    locale: 'zh-Hans',
    text: '今晚能到吗，要均码，周五也行',
    entities: [
      { type: 'time', text: '今晚', value: 'relative:0d evening' },
      { type: 'size', text: '均码', value: 'ONE SIZE' },
      { type: 'date', text: '周五', value: 'weekday:fri' },
    ],
    why: 'part of the day, a size word, a week day',
  },
  // zh-Hant
  { locale: 'zh-Hant', text: '請問這件還有貨嗎', entities: [], why: 'no entity' },
  {
    locale: 'zh-Hant',
    text: '訂單號：１２３４５６７８９０１２',
    entities: [{ type: 'order_id', text: '１２３４５６７８９０１２', value: '123456789012' }],
    why: 'traditional cue, full-width digits: range on the original characters',
  },
  {
    locale: 'zh-Hant',
    text: '手機0912-345-678，黑貓宅急便',
    entities: [{ type: 'phone', text: '0912-345-678', value: '0912345678', masked: '091***5678' }],
    why: 'Taiwan mobile',
  },
  {
    locale: 'zh-Hant',
    text: '順豐快遞單號 123456789012',
    entities: [{ type: 'tracking_number', text: '123456789012', value: '123456789012', carrier: 'SF' }],
    why: 'carrier and cue in traditional',
  },
  {
    locale: 'zh-Hant',
    text: '退我NT$300，下週三前',
    entities: [
      { type: 'amount', text: 'NT$300', value: '300.00 TWD', currency: 'TWD' },
      { type: 'date', text: '下週三', value: 'relative:+1w:wed' },
    ],
    why: 'TWD amount, traditional week day',
  },
  {
    locale: 'zh-Hant',
    text: '要紅色的M號，還有白色',
    entities: [
      { type: 'color', text: '紅色', value: 'red' },
      { type: 'size', text: 'M號', value: 'M' },
      { type: 'color', text: '白色', value: 'white' },
    ],
    why: 'colours and size, traditional',
  },
  // en
  {
    locale: 'en',
    text: "Hi, I'm looking for help with my account",
    entities: [],
    why: "no entity (the m of I'm is no size)",
  },
  {
    locale: 'en',
    text: 'Thanks for checking. Kind regards, Stefan Müller',
    entities: [],
    why: 'no entity (the M of Müller is no size: an accented letter continues the word)',
  },
  {
    locale: 'en',
    text: 'Señora Mária needs an L',
    entities: [{ type: 'size', text: 'L', value: 'L' }],
    why: 'a capital size after accented words',
  },
  {
    locale: 'en',
    text: 'Please cancel order #1001 and refund $20.99',
    entities: [
      { type: 'order_id', text: '1001', value: '1001' },
      { type: 'amount', text: '$20.99', value: '20.99 USD', currency: 'USD' },
    ],
    why: 'short Shopify order number after its cue',
  },
  {
    locale: 'en',
    text: 'My tracking number is 1Z999AA10123456784 (UPS)',
    entities: [
      { type: 'tracking_number', text: '1Z999AA10123456784', value: '1Z999AA10123456784', carrier: 'UPS' },
    ],
    why: 'UPS tracking format',
  },
  {
    locale: 'en',
    text: 'Can it arrive by March 5th, or tomorrow before 3pm?',
    entities: [
      { type: 'date', text: 'March 5th', value: '--03-05' },
      { type: 'date', text: 'tomorrow', value: 'relative:+1d' },
      { type: 'time', text: '3pm', value: '15:00' },
    ],
    why: 'dates and time',
  },
  {
    locale: 'en',
    text: 'Do you have size 9 in navy or black?',
    entities: [
      { type: 'size', text: 'size 9', value: '9' },
      { type: 'color', text: 'navy', value: 'navy' },
      { type: 'color', text: 'black', value: 'black' },
    ],
    why: 'size and colours',
  },
  {
    locale: 'en',
    text: 'I paid 1,299 dollars next Monday, call me at 415-555-0199',
    entities: [
      { type: 'amount', text: '1,299 dollars', value: '1299.00 USD', currency: 'USD' },
      { type: 'date', text: 'next Monday', value: 'relative:+1w:mon' },
      { type: 'phone', text: '415-555-0199', value: '4155550199', masked: '415***0199' },
    ],
    why: 'amount with thousands separator, week day, phone after its cue',
  },
];

function pick(entity: Entity): Expected {
  const out: Expected = { type: entity.type, text: entity.text, value: entity.value };
  for (const key of ['carrier', 'masked', 'currency', 'placeholder'] as const) {
    if (entity[key] !== undefined) Object.assign(out, { [key]: entity[key] });
  }
  return out;
}

describe('extractEntities: table', () => {
  it.each(cases)('[$locale] $why: $text', ({ text, entities }) => {
    const found = extractEntities(normalize(text));
    expect(found.map(pick)).toEqual(entities);
    for (const entity of found) expect(text.slice(entity.range[0], entity.range[1])).toBe(entity.text);
  });
});

describe('extractEntities: a bare number answers the agent’s question', () => {
  const cases = [
    { locale: 'zh-Hans', previous: '亲，麻烦提供一下订单号哦', text: '123456789012', type: 'order_id' },
    { locale: 'zh-Hant', previous: '請提供您的快遞單號', text: '773123456789', type: 'tracking_number' },
    { locale: 'zh-Hans', previous: '方便留个联系电话吗', text: '02112345678', type: 'phone' },
    { locale: 'en', previous: 'Could you share your order number?', text: '00123842', type: 'order_id' },
    { locale: 'en', previous: 'How can I help you today?', text: '00123842', type: 'number' },
  ] as const;

  it.each(cases)('[$locale] $previous → $text is $type', ({ previous, text, type }) => {
    const found = extractEntities(normalize(text), { previousAgentMessage: previous });
    expect(found.map((e) => [e.type, e.text])).toEqual([[type, text]]);
  });

  it('a cue in the message itself beats the question', () => {
    const found = extractEntities(normalize('快递单号 123456789012'), {
      previousAgentMessage: '请提供订单号',
    });
    expect(found.map((e) => e.type)).toEqual(['tracking_number']);
  });

  it('without the question a bare 12-digit number stays a number', () => {
    expect(extractEntities(normalize('123456789012')).map((e) => e.type)).toEqual(['number']);
  });
});

describe('extractEntities: a masked number is what the number it hides would be', () => {
  // Exports mask every number as [数字x]: its cue word or the agent's question still tells what it is.
  const cases: Array<{ locale: Locale; text: string; previous?: string; type: Entity['type']; why: string }> =
    [
      {
        locale: 'zh-Hans',
        text: '订单号:[数字x]  这个快件还能派送吗',
        type: 'order_id',
        why: 'an order label before it',
      },
      {
        locale: 'zh-Hans',
        text: '我的订单号是[数字x]，什么时候发货',
        type: 'order_id',
        why: '订单号是 before it',
      },
      {
        locale: 'zh-Hans',
        text: '[数字x]这个订单今天发货么',
        type: 'order_id',
        why: '这个订单 right after it',
      },
      {
        locale: 'zh-Hant',
        text: '訂單編號：[數字x] 幫我查一下',
        type: 'order_id',
        why: 'a traditional order label',
      },
      {
        locale: 'zh-Hans',
        text: '快递单号[数字x]到哪了',
        type: 'tracking_number',
        why: 'a tracking-number label',
      },
      { locale: 'zh-Hans', text: '手机号[数字x]', type: 'phone', why: 'a phone label' },
      { locale: 'en', text: 'order number: [数字x]', type: 'order_id', why: 'an English order label' },
      {
        locale: 'zh-Hans',
        text: '[数字x]',
        previous: '亲，麻烦提供一下订单号哦',
        type: 'order_id',
        why: 'alone, after the agent asked for the order number',
      },
      {
        locale: 'zh-Hans',
        text: '[数字x]',
        previous: '方便留个联系电话吗',
        type: 'phone',
        why: 'alone, after a phone was asked for',
      },
      // Counter-examples: a mask with no cue stays a number.
      { locale: 'zh-Hans', text: '[数字x]块钱换电池?', type: 'number', why: 'a price, no cue' },
      { locale: 'zh-Hans', text: '只到了[数字x]个包裹', type: 'number', why: 'a count, no cue' },
      {
        locale: 'zh-Hans',
        text: '[数字x]',
        previous: '您好，请问有什么可以帮您？',
        type: 'number',
        why: 'alone, after a greeting',
      },
      {
        locale: 'zh-Hans',
        text: '质保[数字x]年 订单号没注意',
        type: 'number',
        why: 'an order word not next to it',
      },
    ];

  it.each(cases)('[$locale] $why: $text', ({ text, previous, type }) => {
    const found = extractEntities(
      normalize(text),
      previous === undefined ? undefined : { previousAgentMessage: previous },
    );
    const masks = found.filter((e) => e.placeholder === true && /\[[数數]字x\]/.test(e.text));
    expect(masks.map((e) => [e.type, e.text])).toEqual([
      [type, /\[數字x\]/.test(text) ? '[數字x]' : '[数字x]'],
    ]);
    expect(masks[0]?.value).toBe(masks[0]?.text);
  });
});
