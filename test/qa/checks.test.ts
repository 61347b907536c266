import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateResults,
  createQa,
  DEFAULT_SCORECARD,
  parseScorecard,
  type CheckId,
} from '../../src/entry/qa.js';
import { HuashuError } from '../../src/index.js';

const qa = createQa();

type Line = [role: string, text: string, seconds?: number];
/** One conversation from [role, text, seconds after the start] lines; no seconds → no times. */
function run(lines: Line[], facts?: unknown) {
  const records = lines.map(([role, text, seconds], i) => ({
    conversationId: 'c1',
    role,
    text,
    ...(seconds === undefined
      ? {}
      : { time: new Date(Date.UTC(2024, 4, 20, 9, 0, 0) + seconds * 1000).toISOString() }),
    ...(i === 0 && facts !== undefined ? { facts } : {}),
    ...(role === 'agent' ? { agent: 'A' } : {}),
  }));
  const [result] = qa.run(records);
  return result!;
}
const resultOf = (lines: Line[], id: CheckId, facts?: unknown) =>
  run(lines, facts).checks.find((c) => c.id === id)!.result;

const cases: Array<[CheckId, string, Line[], 'pass' | 'fail' | 'n/a', unknown?]> = [
  [
    'greeting',
    'first agent turn greets',
    [
      ['customer', '在吗', 0],
      ['agent', '您好，请问有什么可以帮您', 5],
    ],
    'pass',
  ],
  [
    'greeting',
    '亲 alone is an address, not a greeting',
    [
      ['customer', '在吗', 0],
      ['agent', '亲，在的', 5],
    ],
    'fail',
  ],
  [
    'greeting',
    'a later greeting does not count',
    [
      ['customer', 'hi', 0],
      ['agent', 'Order number?', 5],
      ['agent', 'Hello!', 6],
    ],
    'fail',
  ],
  [
    'greeting',
    '早 as a time word is no greeting (早上发货)',
    [
      ['customer', '在吗', 0],
      ['agent', '早上发货的话下午就能揽收', 5],
    ],
    'fail',
  ],
  [
    'greeting',
    '嗨 in a promotion name is no greeting',
    [
      ['customer', '在吗', 0],
      ['agent', '嗨翻618活动进行中', 5],
    ],
    'fail',
  ],
  [
    'greeting',
    '早 as a clause of its own greets',
    [
      ['customer', '在吗', 0],
      ['agent', '早呀亲，请问要看哪款', 5],
    ],
    'pass',
  ],
  [
    'greeting',
    "en: you're welcome is no greeting",
    [
      ['customer', 'thanks', 0],
      ['agent', "You're welcome!", 5],
    ],
    'fail',
  ],
  ['greeting', 'agent never speaks', [['customer', '在吗', 0]], 'n/a'],
  [
    'first-response',
    '30 s is within',
    [
      ['customer', '在吗', 0],
      ['agent', '您好', 30],
    ],
    'pass',
  ],
  [
    'first-response',
    '30.5 s is over',
    [
      ['customer', '在吗', 0],
      ['agent', '您好', 30.5],
    ],
    'fail',
  ],
  ['first-response', 'never answered', [['customer', '在吗', 0]], 'fail'],
  [
    'first-response',
    'no times',
    [
      ['customer', '在吗'],
      ['agent', '您好'],
    ],
    'n/a',
  ],
  [
    'response-time',
    'a run is measured from its first turn',
    [
      ['customer', 'a', 0],
      ['customer', 'b', 40],
      ['agent', '您好', 65],
    ],
    'fail',
  ],
  [
    'response-time',
    'every answer within 60 s',
    [
      ['customer', 'a', 0],
      ['agent', '您好', 20],
      ['customer', 'b', 30],
      ['agent', '好的', 90],
    ],
    'pass',
  ],
  ['response-time', 'no customer turn answered', [['customer', '在吗', 0]], 'n/a'],
  [
    'unanswered',
    'last customer turn answered',
    [
      ['customer', '在吗', 0],
      ['agent', '您好', 5],
    ],
    'pass',
  ],
  [
    'unanswered',
    'closing after an offer',
    [
      ['customer', '在吗', 0],
      ['agent', '您好，还有什么可以帮您的吗', 5],
      ['customer', '没有了谢谢', 9],
    ],
    'pass',
  ],
  [
    'unanswered',
    'closing without an offer',
    [
      ['customer', '在吗', 0],
      ['agent', '您好', 5],
      ['customer', '好的谢谢', 9],
    ],
    'fail',
  ],
  [
    'unanswered',
    'a request left',
    [
      ['customer', '在吗', 0],
      ['agent', '您好', 5],
      ['customer', '什么时候发货', 9],
    ],
    'fail',
  ],
  ['unanswered', 'no customer turn', [['agent', '您好，您的包裹已到', 0]], 'n/a'],
  [
    'apology-on-complaint',
    'complaint answered with an apology',
    [
      ['customer', '我要投诉你们', 0],
      ['agent', '非常抱歉给您添麻烦了', 5],
    ],
    'pass',
  ],
  [
    'apology-on-complaint',
    'complaint answered without',
    [
      ['customer', '我要投诉你们', 0],
      ['agent', '请提供订单号', 5],
    ],
    'fail',
  ],
  [
    'apology-on-complaint',
    'complaint never answered',
    [['customer', 'This is ridiculous, I want to complain', 0]],
    'fail',
  ],
  [
    'apology-on-complaint',
    '不好意思 that opens a question is no apology',
    [
      ['customer', '我要投诉你们', 0],
      ['agent', '不好意思问一下，您的订单号是多少', 5],
    ],
    'fail',
  ],
  [
    'apology-on-complaint',
    '不好意思 for the trouble is one',
    [
      ['customer', '我要投诉你们', 0],
      ['agent', '不好意思让您久等了，马上为您处理', 5],
    ],
    'pass',
  ],
  [
    'apology-on-complaint',
    'a declined apology is none (不用道歉)',
    [
      ['customer', '太差了 我要投诉', 0],
      ['agent', '您不用跟我说对不起，请提供订单号', 5],
    ],
    'fail',
  ],
  [
    'apology-on-complaint',
    'en: sorry asking to repeat is no apology',
    [
      ['customer', 'This is ridiculous, I want to complain', 0],
      ['agent', 'Sorry, could you repeat the order number?', 5],
    ],
    'fail',
  ],
  [
    'apology-on-complaint',
    'zh-Hant (Cantonese): 對唔住 apologises',
    [
      ['customer', '我要投訴你哋', 0],
      ['agent', '對唔住呀，係我哋搞錯咗', 5],
    ],
    'pass',
  ],
  [
    'apology-on-complaint',
    'no complaint',
    [
      ['customer', '这件有M码吗', 0],
      ['agent', '您好，有的', 5],
    ],
    'n/a',
  ],
  [
    'further-help',
    'offer after the last request',
    [
      ['customer', '有M码吗', 0],
      ['agent', '有的', 5],
      ['customer', '好的', 8],
      ['agent', '请问还有什么可以帮您', 10],
    ],
    'pass',
  ],
  [
    'further-help',
    'no offer',
    [
      ['customer', '有M码吗', 0],
      ['agent', '有的', 5],
      ['customer', '那L码呢', 8],
      ['agent', '也有', 10],
    ],
    'fail',
  ],
  [
    'further-help',
    'closing read by its intent (thanks) after an offer',
    [
      ['customer', '有M码吗', 0],
      ['agent', '有的，请问还有什么可以帮您', 5],
      ['customer', '那先这样，谢谢你', 8],
      ['agent', '不客气', 10],
    ],
    'pass',
  ],
  [
    'further-help',
    'closing read by its intent (goodbye) after an offer, zh-Hant',
    [
      ['customer', '有M碼嗎', 0],
      ['agent', '有的，請問還有什麼可以幫您', 5],
      ['customer', '沒啥事了 謝啦', 8],
      ['agent', '不客氣', 10],
    ],
    'pass',
  ],
  [
    'further-help',
    'closing read by its intent (goodbye) after an offer, en',
    [
      ['customer', 'do you have size M?', 0],
      ['agent', 'We do. Is there anything else I can help with?', 5],
      ['customer', "that's everything, cheers", 8],
      ['agent', 'You are welcome', 10],
    ],
    'pass',
  ],
  [
    'further-help',
    'thanks with a new question is a request, not a closing',
    [
      ['customer', '有M码吗', 0],
      ['agent', '有的，请问还有什么可以帮您', 5],
      ['customer', '谢谢，那什么时候到', 8],
      ['agent', '明天到', 10],
    ],
    'fail',
  ],
  [
    'unanswered',
    'closing read by its intent after an offer',
    [
      ['customer', '有M码吗', 0],
      ['agent', '有的，请问还有什么可以帮您', 5],
      ['customer', '先这样吧，辛苦了', 8],
    ],
    'pass',
  ],
  [
    'unanswered',
    'an acknowledgement that may wait for an answer is not a closing',
    [
      ['customer', '有M码吗', 0],
      ['agent', '有的，请问还有什么可以帮您', 5],
      ['customer', '那我再等等吧', 8],
    ],
    'fail',
  ],
  [
    'unanswered',
    'a satisfaction answer closes (挺满意的)',
    [
      ['customer', '退款到了吗', 0],
      ['agent', '已经给您退款了，请问还有什么可以帮您', 5],
      ['customer', '挺满意的', 8],
    ],
    'pass',
  ],
  [
    'unanswered',
    'a complaint never closes, though read as thanks (谢谢，下次不会再来了，太失望了)',
    [
      ['customer', '退款到了吗', 0],
      ['agent', '已经给您退款了，请问还有什么可以帮您', 5],
      ['customer', '谢谢，下次不会再来了，太失望了', 8],
    ],
    'fail',
  ],
  [
    'unanswered',
    "a threat never closes, though read as thanks (thanks, I'm leaving a 1-star review)",
    [
      ['customer', 'Has my refund gone through?', 0],
      ['agent', 'Not yet, it takes 5 days. Anything else I can help with?', 5],
      ['customer', "thanks, I'm leaving a 1-star review", 8],
    ],
    'fail',
  ],
  [
    'unanswered',
    'putting the matter off is no closing, though read as goodbye (那我等快递到了再说)',
    [
      ['customer', '什么时候到', 0],
      ['agent', '预计周五送达，请问还有什么可以帮您', 5],
      ['customer', '好的 那我等快递到了再说', 8],
    ],
    'fail',
  ],
  [
    'unanswered',
    'another matter after the thanks is no closing (谢谢 对了另一个订单也帮我查下)',
    [
      ['customer', '什么时候到', 0],
      ['agent', '预计周五送达，请问还有什么可以帮您', 5],
      ['customer', '谢谢 对了另一个订单也帮我查下', 8],
    ],
    'fail',
  ],
  [
    'unanswered',
    'an English thanks closes (Lovely, ta very much)',
    [
      ['customer', 'Has my refund gone through?', 0],
      ['agent', 'Yes, it went through this morning. Anything else I can help with?', 5],
      ['customer', 'Lovely, ta very much', 8],
    ],
    'pass',
  ],
  [
    'further-help',
    'an open question without 什么 or 其他 offers (还有别的事吗)',
    [
      ['customer', '有M码吗', 0],
      ['agent', '有的', 5],
      ['customer', '好的', 8],
      ['agent', '亲还有别的事吗', 10],
    ],
    'pass',
  ],
  [
    'further-help',
    '还需要其他帮助吗 offers',
    [
      ['customer', '有M码吗', 0],
      ['agent', '有的', 5],
      ['customer', '好的', 8],
      ['agent', '还需要其他帮助吗?', 10],
    ],
    'pass',
  ],
  [
    'further-help',
    'an offer of one named action is not an offer of further help',
    [
      ['customer', '有M码吗', 0],
      ['agent', '有的', 5],
      ['customer', '好的', 8],
      ['agent', '还需要帮您修改地址吗?', 10],
    ],
    'fail',
  ],
  [
    'further-help',
    "a question about the customer's data is not an offer",
    [
      ['customer', '有M码吗', 0],
      ['agent', '有的', 5],
      ['customer', '好的', 8],
      ['agent', '您还有其他联系电话吗?', 10],
    ],
    'fail',
  ],
  [
    'further-help',
    'zh-Hant (Cantonese): 仲有乜嘢可以幫到你呢 offers',
    [
      ['customer', '有M碼嗎', 0],
      ['agent', '有的', 5],
      ['customer', '好的', 8],
      ['agent', '仲有乜嘢可以幫到你呢?', 10],
    ],
    'pass',
  ],
  [
    'further-help',
    'zh-Hant: a question about a phone number is not an offer',
    [
      ['customer', '有M碼嗎', 0],
      ['agent', '有的', 5],
      ['customer', '好的', 8],
      ['agent', '請問你仲有冇其他聯絡電話?', 10],
    ],
    'fail',
  ],
  [
    'further-help',
    'en: will that be all offers',
    [
      ['customer', 'do you have size M?', 0],
      ['agent', 'We do.', 5],
      ['customer', '好的', 8],
      ['agent', 'Will that be all for today?', 10],
    ],
    'pass',
  ],
  [
    'further-help',
    'en: anything else in the box asks about the parcel',
    [
      ['customer', 'do you have size M?', 0],
      ['agent', 'We do.', 5],
      ['customer', '好的', 8],
      ['agent', 'Was anything else in the box broken?', 10],
    ],
    'fail',
  ],
  [
    'further-help',
    'abandoned after one exchange',
    [
      ['customer', '有M码吗', 0],
      ['agent', '有的', 5],
    ],
    'n/a',
  ],
  [
    'satisfaction',
    'asks after a refund',
    [
      ['customer', '退款', 0],
      ['agent', '已为您退款', 5],
      ['agent', '请问您对本次服务满意吗', 8],
    ],
    'pass',
  ],
  [
    'satisfaction',
    'refund without an ask',
    [
      ['customer', '退款', 0],
      ['agent', '已为您退款', 5],
    ],
    'fail',
  ],
  [
    'satisfaction',
    'a statement about the reviews is no ask',
    [
      ['customer', '退款', 0],
      ['agent', '已为您退款', 5],
      ['agent', '评价区有很多买家秀哦', 8],
    ],
    'fail',
  ],
  [
    'satisfaction',
    'thanks for a five-star review given is no ask',
    [
      ['customer', '退款', 0],
      ['agent', '已为您退款', 5],
      ['agent', '谢谢您给我们的五星评价', 8],
    ],
    'fail',
  ],
  [
    'satisfaction',
    '点个满意 asks',
    [
      ['customer', '退款', 0],
      ['agent', '已为您退款', 5],
      ['agent', '能不能帮我点个满意呀', 8],
    ],
    'pass',
  ],
  [
    'satisfaction',
    'en: how did we do asks',
    [
      ['customer', 'refund please', 0],
      ['agent', 'Your refund has been issued.', 5],
      ['agent', 'How did we do today?', 8],
    ],
    'pass',
  ],
  [
    'satisfaction',
    'a refund still to come is no resolution (收到退货后会为您退款)',
    [
      ['customer', '我要退款', 0],
      ['agent', '收到您寄回的商品后，我们会为您退款', 5],
    ],
    'n/a',
  ],
  [
    'satisfaction',
    'a question about a refund is no resolution',
    [
      ['customer', '坏了', 0],
      ['agent', '需要给您退款吗？', 5],
    ],
    'n/a',
  ],
  [
    'satisfaction',
    'a price difference paid back is one, and no ask follows',
    [
      ['customer', '降价了', 0],
      ['agent', '差价已经退回您的账户了', 5],
    ],
    'fail',
  ],
  [
    'satisfaction',
    'en: a return label sent is one, and no ask follows',
    [
      ['customer', 'I want to return it', 0],
      ['agent', 'The return label has been emailed to you.', 5],
    ],
    'fail',
  ],
  [
    'satisfaction',
    'no resolution',
    [
      ['customer', '在吗', 0],
      ['agent', '您好', 5],
    ],
    'n/a',
  ],
  [
    'forbidden-language',
    'impatience',
    [
      ['customer', '还不发货', 0],
      ['agent', '着什么急', 5],
    ],
    'fail',
  ],
  [
    'forbidden-language',
    'polite',
    [
      ['customer', '还不发货', 0],
      ['agent', '您好，马上帮您催一下', 5],
    ],
    'pass',
  ],
  [
    'shipping-wording',
    'claims shipped before the carrier scan',
    [
      ['customer', '发货了吗', 0],
      ['agent', '您的订单已发货', 5],
    ],
    'fail',
    { order: { shipped: true, carrierScan: false } },
  ],
  [
    'shipping-wording',
    'the warehouse shipped',
    [
      ['customer', '发货了吗', 0],
      ['agent', '仓库已发货，请耐心等待', 5],
    ],
    'pass',
    { order: { shipped: true, carrierScan: false } },
  ],
  [
    'shipping-wording',
    'no order facts',
    [
      ['customer', '发货了吗', 0],
      ['agent', '您的订单已发货', 5],
    ],
    'n/a',
  ],
  [
    'overpromise',
    'a guaranteed date',
    [
      ['customer', '明天能到吗', 0],
      ['agent', '保证明天送到', 5],
    ],
    'fail',
  ],
  [
    'overpromise',
    'effort only',
    [
      ['customer', '明天能到吗', 0],
      ['agent', '我们会尽量帮您催', 5],
    ],
    'pass',
  ],
  [
    'pii',
    'the customer ID number written out',
    [
      ['customer', '地址对吗', 0],
      ['agent', '您的身份证号是11010519491231002X', 5],
    ],
    'fail',
  ],
  [
    'pii',
    'masked phone',
    [
      ['customer', '电话对吗', 0],
      ['agent', '您的手机号是139****1234', 5],
    ],
    'pass',
  ],
  [
    'off-platform',
    'asks to add WeChat',
    [
      ['customer', '能便宜点吗', 0],
      ['agent', '加我微信私聊', 5],
    ],
    'fail',
  ],
  ['off-platform', 'agent never speaks', [['customer', '能便宜点吗', 0]], 'n/a'],
];

describe('each check: pass, fail and n/a', () => {
  it.each(cases)('%s: %s', (id, _name, lines, want, facts) => {
    expect(resultOf(lines, id, facts)).toBe(want);
  });
});

describe('grouping and ordering', () => {
  it('groups interleaved records, orders by time then input order, maps export roles, drops system lines', () => {
    const t = (s: number) => `2024-05-20 09:00:${String(s).padStart(2, '0')}`;
    const results = createQa({ utcOffset: '+08:00' }).run([
      { conversationId: 'b', role: '买家', text: '在吗', time: t(0) },
      { conversationId: 'a', role: '客服', text: '您好', time: t(5), agent: '小美' },
      { conversationId: 'a', role: '顾客', text: '在吗', time: t(1) },
      { conversationId: 'a', role: 'system', text: '转接', time: t(2) },
      { conversationId: 'b', role: ' Seller ', text: '您好', time: t(3), agent: 7 },
    ]);
    expect(
      results.map((r) => [r.conversationId, r.agents, r.metrics.firstResponseSeconds, r.metrics.agentTurns]),
    ).toEqual([
      ['b', ['7'], 3, 1],
      ['a', ['小美'], 4, 1],
    ]);
    expect(results[0]!.day).toBe('2024-05-20');
  });

  it('rejects records with every problem listed (INVALID_INPUT)', () => {
    try {
      qa.group([
        { conversationId: 'a', role: 'bot', text: 'x' },
        { role: 'agent', text: 1, time: 'yesterday' },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HuashuError);
      expect((error as HuashuError).code).toBe('INVALID_INPUT');
      const paths = (error as HuashuError).issues.map((i) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining(['records[0].role', 'records[1].conversationId', 'records[1].text']),
      );
    }
    expect(() => qa.group('not an array' as never)).toThrow(HuashuError);
    expect(() =>
      qa.group([{ conversationId: 'a', role: 'agent', text: 'x', time: '2024-13-40 25:00:00' }]),
    ).toThrow(/time/);
  });

  it('rejects bad options', () => {
    expect(() => createQa({ utcOffset: 'Asia/Shanghai' })).toThrow(HuashuError);
    expect(() => createQa({ angerThreshold: 2 })).toThrow(HuashuError);
    expect(() => createQa({ nope: 1 } as never)).toThrow(HuashuError);
  });
});

describe('scorecards', () => {
  const valid: Array<[string, unknown]> = [
    ['the default', DEFAULT_SCORECARD],
    ['a partial card', { checks: { greeting: { points: 50 }, pii: { points: 50, fatal: true } } }],
    [
      'ratio scoring over 100 points',
      { scoring: 'ratio', checks: { greeting: { points: 80 }, pii: { points: 80 } } },
    ],
    ['thresholds', { checks: { 'first-response': { points: 10, maxSeconds: 45 } } }],
  ];
  const invalid: Array<[string, unknown, RegExp]> = [
    ['an unknown check', { checks: { greting: { points: 5 } } }, /unknown check "greting"/],
    ['negative points', { checks: { greeting: { points: -1 } } }, /points/],
    ['maxSeconds on a check without time', { checks: { pii: { points: 5, maxSeconds: 3 } } }, /maxSeconds/],
    ['deduction over 100', { checks: { greeting: { points: 60 }, pii: { points: 60 } } }, /more than 100/],
    ['an unknown key', { checks: {}, extra: 1 }, /extra/],
    ['not an object', 'default', /scorecard/],
  ];
  it.each(valid)('accepts %s', (_name, card) => expect(() => parseScorecard(card)).not.toThrow());
  it.each(invalid)('rejects %s', (_name, card, message) => {
    expect(() => parseScorecard(card)).toThrow(message);
    try {
      parseScorecard(card);
    } catch (error) {
      expect((error as HuashuError).code).toBe('INVALID_OPTIONS');
    }
  });

  it('scores by deduction, by ratio, and 0 on a fatal failure', () => {
    const lines: Line[] = [
      ['customer', '在吗', 0],
      ['agent', '请问有什么事', 50],
    ]; // greeting and first-response fail
    const deduction = createQa({
      scorecard: {
        checks: { greeting: { points: 5 }, 'first-response': { points: 10 }, unanswered: { points: 10 } },
      },
    });
    const ratio = createQa({
      scorecard: {
        scoring: 'ratio',
        checks: { greeting: { points: 5 }, 'first-response': { points: 10 }, unanswered: { points: 10 } },
      },
    });
    const records = lines.map(([role, text, s]) => ({
      conversationId: 'x',
      role,
      text,
      time: s! * 1000 + 1_716_000_000_000,
    }));
    expect(deduction.run(records)[0]!.score).toBe(85);
    expect(ratio.run(records)[0]!.score).toBe(40); // 10 of 25 applicable points
    const fatal = run([
      ['customer', '能便宜吗', 0],
      ['agent', '您好，加我微信', 5],
    ]);
    expect([fatal.fatal, fatal.score]).toEqual([true, 0]);
  });

  it.each([
    // A sure finding (an error) behind a fatal check zeroes the score.
    ['an error: the customer’s own number', '您好，您的手机号 13812345678 已登记', true, 0],
    // Warnings alone (a number whose owner is unknown) fail the check and cost its points only.
    ['a warning only: a number with no owner', '您好，号码 13812345678 已登记', false, 90],
  ])('a fatal check failed on %s: fatal %s, score %s', (_name, reply, fatal, score) => {
    const result = run([
      ['customer', '在吗', 0],
      ['agent', reply, 5],
    ]);
    const pii = result.checks.find((c) => c.id === 'pii')!;
    expect(pii.result).toBe('fail');
    expect(pii.evidence.map((e) => e.severity)).toEqual([fatal ? 'error' : 'warn']);
    expect([result.fatal, result.score]).toEqual([fatal, score]);
  });

  it('takes the time thresholds from the scorecard', () => {
    const lenient = createQa({ scorecard: { checks: { 'first-response': { points: 10, maxSeconds: 60 } } } });
    const records = [
      { conversationId: 'x', role: 'customer', text: '在吗', time: 0 + 1_716_000_000_000 },
      { conversationId: 'x', role: 'agent', text: '您好', time: 45_000 + 1_716_000_000_000 },
    ];
    expect(lenient.run(records)[0]!.checks[1]!.result).toBe('pass');
    expect(qa.run(records)[0]!.checks[1]!.result).toBe('fail');
  });
});

describe('aggregates', () => {
  it('per agent, per check and per day', () => {
    const results = qa.run([
      { conversationId: '1', role: 'customer', text: '在吗', time: '2024-05-20T09:00:00Z' },
      { conversationId: '1', role: 'agent', text: '您好', time: '2024-05-20T09:00:10Z', agent: 'A' },
      { conversationId: '2', role: 'customer', text: '在吗', time: '2024-05-21T09:00:00Z' },
      { conversationId: '2', role: 'agent', text: '加我微信', time: '2024-05-21T09:00:20Z', agent: 'A' },
      { conversationId: '3', role: 'customer', text: '在吗', time: '2024-05-21T10:00:00Z' },
    ]);
    const aggregates = aggregateResults(results);
    expect(aggregates.conversations).toBe(3);
    expect(aggregates.fatalCount).toBe(1);
    const a = aggregates.byAgent.find((x) => x.agent === 'A')!;
    expect([
      a.conversations,
      a.fatalCount,
      a.medianFirstResponseSeconds,
      a.failureRate['off-platform'],
    ]).toEqual([2, 1, 15, 0.5]);
    expect(aggregates.byAgent.map((x) => x.agent)).toContain('(unknown)');
    expect(aggregates.byDay.map((d) => [d.day, d.conversations])).toEqual([
      ['2024-05-20', 1],
      ['2024-05-21', 2],
    ]);
    expect(aggregates.byCheck['off-platform']).toMatchObject({
      pass: 1,
      fail: 1,
      'n/a': 1,
      failureRate: 0.5,
    });
    expect(() => aggregateResults([{ nope: true }] as never)).toThrow(HuashuError);
  });
});

describe('property: any turns', () => {
  const role = fc.constantFrom('customer', 'agent', '顾客', '客服', 'buyer', 'staff', 'system', 'bot', '');
  const time = fc.option(
    fc.oneof(fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }), fc.string()),
    { nil: undefined },
  );
  const record = fc.record({
    conversationId: fc.constantFrom('a', 'b', 'c'),
    role,
    text: fc.oneof(
      fc.string(),
      fc.constantFrom('我要投诉', '您好，还有什么可以帮您', '好的谢谢', '加我微信', '已为您退款'),
    ),
    time,
  });
  it('never throws anything but HuashuError, and scores in [0, 100]', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (records) => {
        try {
          for (const result of qa.run(records)) {
            expect(result.score).toBeGreaterThanOrEqual(0);
            expect(result.score).toBeLessThanOrEqual(100);
            expect(result.checks).toHaveLength(12);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(HuashuError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
