import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { mentionsPurchase } from '../../src/text/closed-classes.js';

const purchase = (text: string) => mentionsPurchase(normalize(text).text);

describe("mentionsPurchase: the message refers to the customer's purchase or the shop's goods", () => {
  it.each([
    ['上周买的台灯 开关在哪', 'bought, then a usage question'],
    ['我前两天拍的那双鞋能换码吗', '拍 as placing an order'],
    ['刚下的单 地址能改吗', 'an order placed'],
    ['我下单了 什么时候发', '下单了'],
    ['收到的杯子有个缺口', 'something received'],
    ['你们家的东西质量怎么样', "the shop's goods"],
    ['我的订单怎么没有了', 'my order'],
    ['上個月買的外套掉色', 'traditional'],
    ['I ordered a lamp last week, where is the switch?', 'English, ordered'],
    ['where is my package', 'English, my package'],
    ['the one I bought is too small', 'English, the one I bought'],
  ])('%s → true (%s)', (text) => {
    expect(purchase(text)).toBe(true);
  });

  it.each([
    ['在别家买的 你们能修吗', 'bought at another shop'],
    ['我在拼多多买的 能找你们退吗', 'bought on another platform'],
    ['不是在你们这买的 能帮我查快递吗', 'said not to be from here'],
    ['朋友送的 你们这能修吗', 'a gift'],
    ['I got it on Amazon, can you fix it?', 'English, another platform'],
    ['it is not from your store but can you help', 'English, not from you'],
    ['我想买火车票', 'a wish to buy something else'],
    ['能下单吗', 'asks whether ordering works'],
    ['我的账号不能下单了', 'cannot order: an account problem'],
    ['我拍了张照片给你', '拍 as taking a photo'],
    ['我是做团购的 想谈合作', 'a group-buying business'],
    ['附近有什么好吃的', 'nothing about a purchase'],
    ['I got a question about jobs', 'English, got'],
    ['', 'nothing'],
  ])('%s → false (%s)', (text) => {
    expect(purchase(text)).toBe(false);
  });

  it('answers a boolean for any text, long ones too', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => {
        expect(typeof mentionsPurchase(text)).toBe('boolean');
      }),
    );
    expect(mentionsPurchase('哈'.repeat(100_000) + '我买的')).toBe(true);
  });
});
