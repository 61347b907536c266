import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { asksSomething } from '../../src/text/closed-classes.js';

const asks = (text: string) => asksSomething(normalize(text).text);

describe('asksSomething: whether a message may ask something (false for filler only)', () => {
  it.each([
    // zh-Hans
    ['你们招客服吗', 'a yes/no question'],
    ['怎么修改密码', 'a question word'],
    ['帮我订个酒店', 'a request'],
    ['我要寄件', 'a want'],
    ['你几点下班', 'a time question'],
    ['是不是假的', 'A不A'],
    // zh-Hant and Cantonese, folded
    ['請問你們有門市嗎', 'traditional'],
    ['點解咁耐', 'Cantonese why'],
    ['有冇得揀', 'Cantonese have-or-not'],
    // en
    ['how do I reset my password', 'a question word'],
    ['can you book a hotel for me', 'can you'],
    ['I want a platinum account', 'I want'],
    ['Is there a store near me?', 'a question mark'],
    // Requests without a question word: filler is the closed class, not requests.
    ['create new platinum account', 'an English imperative'],
    ['password recovery', 'a noun phrase'],
    ['注销账号', 'a Chinese imperative'],
    ['我有几个问题', 'announcing questions'],
    ['我先看看别的', 'looking at other items: more than filler'],
    ['再说一遍', 'say it again: 再说 with more'],
    ['下次什么时候有货', 'next restock: 下次 with more'],
    ['sorry my kid was playing on my phone', 'an explanation'],
    ['我先去吃饭 回来再问你发货的事', 'away, with a question for later'],
    ['信号不好 快递到哪了', 'a bad connection, then a question'],
    ['开车用的支架有货吗', 'a product for driving'],
  ])('%s may ask (%s)', (text) => {
    expect(asks(text)).toBe(true);
  });

  it.each([
    ['稍等', 'waiting'],
    ['我看看', 'looking'],
    ['我考虑一下', 'thinking it over'],
    ['点错了', 'a slip'],
    ['哈哈哈', 'laughter'],
    ['請稍等', 'traditional waiting'],
    ['剛剛按錯了 沒事', 'a traditional slip'],
    ['oops wrong chat sorry', 'an English slip'],
    ['[语音]', 'a voice message as the export writes it'],
    ['um so', 'English hesitation'],
    ['我看看再说', 'putting it off'],
    ['容我考虑一下', 'thinking it over, politely'],
    ['我就随便看看', 'just looking'],
    ['回头再说吧', 'later'],
    ['我諗下先', 'Cantonese thinking it over'],
    ['?', 'a question mark alone'],
    ['？？', 'question marks alone'],
    ['😂😂', 'emoji'],
    ['lol', 'English laughter'],
    ['one sec', 'English waiting'],
    ['我先去吃个饭', 'away: eating'],
    ['我在开车 等会说', 'away: driving, later'],
    ['信号不好', 'a bad connection'],
    ["i'm driving, talk later", 'English, away'],
  ])('%s asks nothing (%s)', (text) => {
    expect(asks(text)).toBe(false);
  });

  it('answers a boolean for any text, long ones too', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
        expect(typeof asksSomething(text)).toBe('boolean');
      }),
    );
    expect(asksSomething('哈'.repeat(200_000))).toBe(true); // too long to be only filler
    expect(asksSomething('哈'.repeat(150))).toBe(false);
  });
});
