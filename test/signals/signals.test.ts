import { describe, expect, it } from 'vitest';
import type { SignalId } from '../../src/analysis/types.js';
import { normalize } from '../../src/normalize/index.js';
import { extractSignals } from '../../src/signals/index.js';

type Locale = 'zh-Hans' | 'zh-Hant' | 'en';
interface Case {
  locale: Locale;
  text: string;
  /** Every signal expected, each with evidence texts (as written in the message) it must cite. */
  signals: Partial<Record<SignalId, string[]>>;
  why: string;
}

const cases: Case[] = [
  // zh-Hans
  { locale: 'zh-Hans', text: '亲，请问这款有黑色吗', signals: {}, why: 'a plain question has no signal' },
  { locale: 'zh-Hans', text: '好的，谢谢', signals: {}, why: 'an acknowledgement has no signal' },
  {
    locale: 'zh-Hans',
    text: '12345',
    signals: {},
    why: '12345 alone is sample digits or an answer, not the hotline',
  },
  { locale: 'zh-Hans', text: '单号12345', signals: {}, why: '12345 given as data is no threat' },
  {
    locale: 'zh-Hans',
    text: '[ORDERID_12315] 到哪了',
    signals: {},
    why: "a hotline's digits inside an export's mask are no phrase",
  },
  { locale: 'zh-Hans', text: '退款金额 12315.00 元', signals: {}, why: 'nor the digits of an amount' },
  {
    locale: 'zh-Hans',
    text: '再不处理我就打12345',
    signals: { 'threat.complaint_channel': ['12345'], 'emotion.urgency': ['再不处理'] },
    why: '12345 with a cue (打) is the government hotline',
  },
  {
    locale: 'zh-Hant',
    text: '我會去12345反映',
    signals: { 'threat.complaint_channel': ['12345'] },
    why: 'a cue after the number (反映) counts too',
  },
  { locale: 'en', text: '12345 thanks', signals: {}, why: 'an English answer with 12345 is data' },
  {
    locale: 'en',
    text: 'I will call 12345 about this',
    signals: { 'threat.complaint_channel': ['12345'] },
    why: 'call 12345 is the hotline',
  },
  {
    locale: 'zh-Hans',
    text: '再不发货我就给差评',
    signals: { 'threat.bad_review': ['给差评'], 'emotion.urgency': ['再不发货'] },
    why: 'bad-review threat',
  },
  { locale: 'zh-Hans', text: '放心，我不会给差评的', signals: {}, why: 'negated bad review' },
  {
    locale: 'zh-Hans',
    text: '我不想给你们差评，但是太慢了',
    signals: { 'emotion.urgency': ['太慢了'] },
    why: 'negation spans filler words only',
  },
  {
    locale: 'zh-Hans',
    text: '不给我退款就给差评',
    signals: { 'threat.bad_review': ['给差评'] },
    why: 'a condition (就) ends the negation',
  },
  {
    locale: 'zh-Hans',
    text: '你们不怕差评吗',
    signals: { 'threat.bad_review': ['差评'] },
    why: '不怕 does not negate the threat',
  },
  {
    locale: 'zh-Hans',
    text: '再不处理我就打12315投诉你们',
    signals: { 'threat.complaint_channel': ['12315', '投诉你们'], 'emotion.urgency': ['再不处理'] },
    why: 'consumer hotline',
  },
  {
    locale: 'zh-Hans',
    text: '我要申请平台介入',
    signals: { 'threat.complaint_channel': ['平台介入'] },
    why: 'platform intervention',
  },
  {
    locale: 'zh-Hans',
    text: '我不会去12315投诉的',
    signals: {},
    why: 'negation reaches over a neighbouring phrase',
  },
  {
    locale: 'zh-Hans',
    text: '我用工商银行卡付的款',
    signals: {},
    why: '工商银行 is a bank, not the regulator',
  },
  {
    locale: 'zh-Hans',
    text: '我要发到小红书上曝光你们',
    signals: { 'threat.media': ['小红书', '曝光你们'] },
    why: 'media threat',
  },
  {
    locale: 'zh-Hans',
    text: '我在小红书上看到你们家的',
    signals: {},
    why: 'a platform name without a posting verb is no threat',
  },
  { locale: 'zh-Hans', text: '抖音直播间买的，什么时候发货', signals: {}, why: 'bought in a live stream' },
  {
    locale: 'zh-Hans',
    text: '我已经找律师了，法院见',
    signals: { 'threat.legal': ['律师', '法院见'] },
    why: 'legal threat',
  },
  { locale: 'zh-Hans', text: '你是不是傻逼', signals: { abuse: ['傻逼'] }, why: 'insult' },
  {
    locale: 'zh-Hans',
    text: '垃圾客服，滚蛋',
    signals: { abuse: ['垃圾客服', '滚蛋'] },
    why: 'the longer phrase wins over 垃圾 (anger)',
  },
  {
    locale: 'zh-Hans',
    text: '买的滚筒洗衣机什么时候安装',
    signals: {},
    why: '滚筒 is a washing machine, not 滚',
  },
  {
    locale: 'zh-Hans',
    text: '气死我了！！！什么破东西',
    signals: { 'emotion.anger': ['气死我了', '！！！', '破东西'] },
    why: 'anger with repeated exclamation marks',
  },
  { locale: 'zh-Hans', text: '我不生气，就是问问', signals: {}, why: 'negated anger' },
  {
    locale: 'zh-Hans',
    text: '满100元才包邮吗，不满100元呢',
    signals: {},
    why: '不满 as "less than" is not anger',
  },
  {
    locale: 'zh-Hans',
    text: '急用，麻烦尽快发货',
    signals: { 'emotion.urgency': ['急用', '尽快'] },
    why: 'urgency',
  },
  { locale: 'zh-Hans', text: '不急，慢慢来', signals: {}, why: 'negated urgency' },
  {
    locale: 'zh-Hans',
    text: '怎么还不发货？？？',
    signals: { 'emotion.urgency': ['怎么还不', '？？？'] },
    why: 'overdue and repeated question marks',
  },
  {
    locale: 'zh-Hans',
    text: '订单下了5天了还没动静',
    signals: { 'emotion.urgency': ['下了5天了'] },
    why: 'a stated wait',
  },
  {
    locale: 'zh-Hans',
    text: '这是第三次问了，说了好几遍了',
    signals: { repeat_contact: ['第三次问', '说了好几遍'] },
    why: 'repeat contact phrases',
  },
  {
    locale: 'zh-Hans',
    text: '我都问了5次了',
    signals: { repeat_contact: ['问了5次'] },
    why: 'a counted repeat',
  },
  {
    locale: 'zh-Hans',
    text: '第三次买你们家了，很喜欢',
    signals: {},
    why: 'buying a third time is loyalty, not a repeat contact',
  },
  // zh-Hant (folded by normalize)
  { locale: 'zh-Hant', text: '請問這件有現貨嗎', signals: {}, why: 'a plain question has no signal' },
  {
    locale: 'zh-Hant',
    text: '再不處理我就給負評',
    signals: { 'threat.bad_review': ['給負評'], 'emotion.urgency': ['再不處理'] },
    why: 'bad review, Taiwan wording',
  },
  { locale: 'zh-Hant', text: '我不會給差評的', signals: {}, why: 'negated, traditional' },
  {
    locale: 'zh-Hant',
    text: '我要打1950找消保官',
    signals: { 'threat.complaint_channel': ['打1950', '消保官'] },
    why: 'Taiwan consumer channels',
  },
  {
    locale: 'zh-Hant',
    text: '我要發到臉書爆料你們',
    signals: { 'threat.media': ['臉書', '爆料'] },
    why: 'Taiwan media threat',
  },
  {
    locale: 'zh-Hant',
    text: '準備存證信函，等著被提告',
    signals: { 'threat.legal': ['存證信函', '提告'] },
    why: 'Taiwan legal wording',
  },
  { locale: 'zh-Hant', text: '你們客服是智障嗎', signals: { abuse: ['智障'] }, why: 'insult, traditional' },
  {
    locale: 'zh-Hant',
    text: '氣死我了，太離譜',
    signals: { 'emotion.anger': ['氣死我了', '太離譜'] },
    why: 'anger, traditional',
  },
  {
    locale: 'zh-Hant',
    text: '你哋班客服正一廢柴，死蠢',
    signals: { abuse: ['廢柴', '死蠢'] },
    why: 'insult, Cantonese',
  },
  {
    locale: 'zh-Hant',
    text: '呢張枱用咗好多年，啲木柴都未爛',
    signals: {},
    why: '木柴 is firewood, not 廢柴',
  },
  {
    locale: 'zh-Hant',
    text: '有冇搞錯呀，咩態度',
    signals: { 'emotion.anger': ['有冇搞錯', '咩態度'] },
    why: 'anger, Cantonese',
  },
  {
    locale: 'zh-Hant',
    text: '仲要拍片？你哋係咪唔想負責',
    signals: { 'emotion.anger': ['唔想負責'] },
    why: 'accusing the shop of dodging responsibility, Cantonese',
  },
  {
    locale: 'zh-Hant',
    text: '放心，我哋會負責嘅',
    signals: {},
    why: 'the shop taking responsibility is no anger',
  },
  {
    locale: 'zh-Hans',
    text: '还要拍视频？你们就是不想负责吧',
    signals: { 'emotion.anger': ['不想负责'] },
    why: 'accusing the shop of dodging responsibility',
  },
  {
    locale: 'zh-Hans',
    text: '你们发的快递你们不管？？',
    signals: { 'emotion.anger': ['你们不管'], 'emotion.urgency': [] },
    why: 'the shop accused of not caring',
  },
  { locale: 'zh-Hans', text: '不管哪个颜色都可以', signals: {}, why: '不管 as "whichever" is no anger' },
  {
    locale: 'zh-Hans',
    text: '又发错了，怎么搞的',
    signals: { 'emotion.anger': ['怎么搞的'] },
    why: 'blame for a mistake',
  },
  {
    locale: 'zh-Hans',
    text: '这个怎么搞，教我一下',
    signals: {},
    why: '怎么搞 asking how to do it is no blame',
  },
  {
    locale: 'en',
    text: 'Are you serious? Still nothing.',
    signals: { 'emotion.anger': ['Are you serious'] },
    why: 'exasperation',
  },
  {
    locale: 'zh-Hant',
    text: '很急，麻煩盡快',
    signals: { 'emotion.urgency': ['很急', '盡快'] },
    why: 'urgency, traditional',
  },
  {
    locale: 'zh-Hant',
    text: '這是第三次問了',
    signals: { repeat_contact: ['第三次問'] },
    why: 'repeat, traditional',
  },
  {
    locale: 'zh-Hant',
    text: '１２３１５已經打過了',
    signals: { 'threat.complaint_channel': ['１２３１５'] },
    why: 'full-width digits fold',
  },
  // en
  { locale: 'en', text: 'Hi, do you have this in blue?', signals: {}, why: 'a plain question has no signal' },
  {
    locale: 'en',
    text: 'I will leave a bad review if this is not fixed',
    signals: { 'threat.bad_review': ['bad review'] },
    why: 'bad-review threat',
  },
  { locale: 'en', text: "Don't worry, I won't leave a bad review", signals: {}, why: 'negated bad review' },
  { locale: 'en', text: 'I will never give you a 1-star rating', signals: {}, why: 'never + filler words' },
  {
    locale: 'en',
    text: "If you don't refund me I'll sue you",
    signals: { 'threat.legal': ['sue you'] },
    why: 'a condition keeps the threat',
  },
  {
    locale: 'en',
    text: "Don't make me call my lawyer",
    signals: { 'threat.legal': ['lawyer'] },
    why: '"make me" ends the negation',
  },
  {
    locale: 'en',
    text: 'I have an issue with my order',
    signals: {},
    why: '"sue" inside "issue" is no match',
  },
  {
    locale: 'en',
    text: "I'll report you to the Better Business Bureau",
    signals: { 'threat.complaint_channel': ['report you', 'Better Business Bureau'] },
    why: 'complaint channel',
  },
  {
    locale: 'en',
    text: "I'm going to post this on Twitter",
    signals: { 'threat.media': ['post this on', 'Twitter'] },
    why: 'platform with a posting verb',
  },
  {
    locale: 'en',
    text: 'I saw your ad on Instagram',
    signals: {},
    why: 'a platform name alone is no threat',
  },
  { locale: 'en', text: 'You are an idiot', signals: { abuse: ['You are an idiot'] }, why: 'insult' },
  {
    locale: 'en',
    text: 'This is RIDICULOUS!!',
    signals: { 'emotion.anger': ['RIDICULOUS', '!!'] },
    why: 'anger, any case',
  },
  {
    locale: 'en',
    text: 'WHERE IS MY ORDER',
    signals: { 'emotion.anger': ['WHERE IS MY ORDER'] },
    why: 'shouting',
  },
  {
    locale: 'en',
    text: 'I ordered the HUAWEI MATE XS case',
    signals: {},
    why: 'a product name in capitals is not shouting',
  },
  { locale: 'en', text: "I'm not angry, just asking", signals: {}, why: 'negated anger' },
  {
    locale: 'en',
    text: "I don't have a damn account",
    signals: { 'emotion.anger': ['damn'] },
    why: 'swearing is not negated',
  },
  {
    locale: 'en',
    text: 'I need it ASAP, it is urgent',
    signals: { 'emotion.urgency': ['ASAP', 'urgent'] },
    why: 'urgency',
  },
  {
    locale: 'en',
    text: "It's been 10 days and nothing",
    signals: { 'emotion.urgency': ["It's been 10 days"] },
    why: 'a stated wait',
  },
  {
    locale: 'en',
    text: 'This is the third time I am asking',
    signals: { repeat_contact: ['third time'] },
    why: 'repeat contact',
  },
  {
    locale: 'en',
    text: 'I have contacted you 4 times already',
    signals: { repeat_contact: ['contacted you 4 times'] },
    why: 'a counted repeat',
  },
];

describe('extractSignals: table', () => {
  it.each(cases)('[$locale] $why: $text', ({ text, signals }) => {
    const found = extractSignals(normalize(text));
    expect(found.map((s) => s.id).sort()).toEqual(Object.keys(signals).sort());
    for (const signal of found) {
      expect(signal.score).toBeGreaterThan(0);
      expect(signal.score).toBeLessThanOrEqual(1);
      const cited = signal.evidence.map((e) => e.text);
      for (const expected of signals[signal.id] ?? []) expect(cited).toContain(expected);
      for (const e of signal.evidence) expect(text.slice(e.range[0], e.range[1])).toBe(e.text);
    }
  });
});

describe('extractSignals: scores and order', () => {
  it('orders signals strongest first', () => {
    const found = extractSignals(normalize('气死了，我要找律师起诉你们，还要给差评'));
    const scores = found.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(found[0]?.id).toBe('threat.legal');
  });

  it('raises the score with more evidence (noisy-or)', () => {
    const one = extractSignals(normalize('我要投诉'))[0]?.score ?? 0;
    const two = extractSignals(normalize('我要投诉，我要申诉'))[0]?.score ?? 0;
    expect(two).toBeGreaterThan(one);
  });

  it('counts a span found twice (phrase and pattern) once', () => {
    const found = extractSignals(normalize('第三次问了'));
    expect(found).toHaveLength(1);
    expect(found[0]?.evidence).toHaveLength(1);
    expect(found[0]?.score).toBe(0.8);
  });

  it('points ranges at the original characters of a traditional, full-width message', () => {
    const text = '亲，你們再不處理我就打１２３１５！！';
    const found = extractSignals(normalize(text));
    const channel = found.find((s) => s.id === 'threat.complaint_channel');
    expect(channel?.evidence.map((e) => e.range)).toEqual([[11, 16]]);
    const anger = found.find((s) => s.id === 'emotion.anger');
    expect(anger?.evidence[0]?.text).toBe('！！');
  });

  it('matches the curly apostrophe of a contraction', () => {
    expect(extractSignals(normalize('I won’t leave a bad review'))).toEqual([]);
  });
});
