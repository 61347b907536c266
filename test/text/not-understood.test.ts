import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { saysNotUnderstood } from '../../src/text/closed-classes.js';

const notUnderstood = (text: string) => saysNotUnderstood(normalize(text).text);

describe('saysNotUnderstood: the message only says the customer did not understand the agent', () => {
  it.each([
    ['什么意思', 'what does it mean'],
    ['你说的是啥意思', 'what do you mean by it'],
    ['嗯？ 什么意思', 'with hesitation before'],
    ['没看懂', 'did not understand (reading)'],
    ['看不懂你说的', 'cannot understand what you said'],
    ['我不太明白', 'not quite clear'],
    ['你说啥', 'what did you say'],
    ['你刚才说什么', 'what did you just say'],
    ['？？？你说啥', 'question marks first'],
    ['啥？', 'a bare what'],
    ['什麼意思', 'traditional'],
    ['我聽不懂', 'traditional, hearing'],
    ['what do you mean?', 'English'],
    ['huh?', 'English huh'],
    ["sorry I don't understand", 'English, with a filler sorry'],
    ['what?', 'a bare English what'],
  ])('%s: did not understand (%s)', (text) => {
    expect(notUnderstood(text)).toBe(true);
  });

  it.each([
    ['什么时候发货', 'a question with 什么'],
    ['什么颜色好看', 'a question about colour'],
    ['这个是什么意思 退款了吗', 'not understanding, then a request of its own'],
    ['我不太懂怎么退货', 'not knowing how: a request'],
    ['看不懂说明书', 'the manual, not the agent'],
    ['你懂我意思吧', 'checking that the agent understood'],
    ['what is the price', 'an English question'],
    ['稍等', 'filler only'],
    ['[订单x] 什么意思', 'data with it'],
    ['', 'nothing'],
  ])('%s: not only "did not understand" (%s)', (text) => {
    expect(notUnderstood(text)).toBe(false);
  });

  it('answers a boolean for any text, long ones too', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => {
        expect(typeof saysNotUnderstood(text)).toBe('boolean');
      }),
    );
    expect(saysNotUnderstood(`${'什么意思'.repeat(50_000)}`)).toBe(false); // too long to be only that
  });

  it('is the same after filler is added around it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('什么意思', '没看懂', '你说啥', 'what do you mean'),
        fc.constantFrom('', '啊', '嗯 ', '？', '哈哈 ', '😅'),
        fc.constantFrom('', '？', '?', '。。。', ' 啊'),
        (core, before, after) => {
          expect(notUnderstood(before + core + after)).toBe(true);
        },
      ),
    );
  });
});
