import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { sendsWishes } from '../../src/text/closed-classes.js';

const wishes = (text: string) => sendsWishes(normalize(text).text);

describe('sendsWishes: the message only sends good wishes', () => {
  it.each([
    ['新年快乐', 'new year'],
    ['亲 中秋快乐呀', 'mid-autumn, with the address and a particle'],
    ['祝你们生意兴隆 谢谢', 'business wishes, with thanks'],
    ['端午安康', 'dragon boat festival'],
    ['圣诞快乐 🎄', 'with an emoji'],
    ['新年快樂', 'traditional'],
    ['祝您萬事如意', 'traditional, 万事如意'],
    ['happy new year!', 'English'],
    ['Merry Christmas to you and the team!', 'English, with a frame'],
  ])('%s sends wishes (%s)', (text) => {
    expect(wishes(text)).toBe(true);
  });

  it.each([
    ['新年快乐 我的快递到哪了', 'wishes, then a request'],
    ['新年快乐什么时候发货', 'wishes joined to a question'],
    ['快乐水有货吗', 'a product name'],
    ['周末能发货吗', 'a weekend question'],
    ['周末愉快', 'a parting wish: a goodbye'],
    ['have a nice day', 'an English goodbye'],
    ['happy with the product', 'praise, not wishes'],
    ['', 'nothing'],
  ])('%s does not only send wishes (%s)', (text) => {
    expect(wishes(text)).toBe(false);
  });

  it('answers a boolean for any text, long ones too', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => {
        expect(typeof sendsWishes(text)).toBe('boolean');
      }),
    );
    expect(sendsWishes('新年快乐'.repeat(50_000))).toBe(false); // too long to be only wishes
  });
});
