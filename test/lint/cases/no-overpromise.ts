/** The RuleTester table of `no-overpromise`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';
import type { Facts } from '../../../src/facts.js';

const uncertain: Facts = { order: { deliveryUncertain: true } };

/**
 * Each promise of an outcome with its twin: the same marker on the agent's own action, negated or
 * hedged, a product word, a question, a quote of the customer; and under uncertain delivery a firm
 * date with its hedged twin.
 */
const pairs: Array<[promise: string, twin: string, facts?: Facts]> = [
  // zh-Hans
  ['保证明天送到', '我保证明天一早帮您催快递'],
  ['包裹后天一定能收到哦', '包裹后天不一定能收到哦'],
  ['绝对不会超过三天', '我们绝对会第一时间跟进'],
  ['百分百没问题的', '这件是百分百羊毛的'],
  ['这单肯定能退', '这单能不能退我帮您问一下'],
  ['退款明天一定到账', '退款预计明天到账'],
  ['我跟您保证，周五前一定送达', '我跟您保证，一定帮您跟进到底'],
  ['明天一定能到', '明天一定能到吗？'],
  ['东西肯定不会坏', '您说的“肯定不会坏”是之前哪位同事说的呢？'],
  ['质量铁定没问题', '需要交500元保证金'],
  ['明天就能送到', '预计明天能送到', uncertain],
  ['包你满意', '请您务必保证收货信息真实有效'],
  // A result no outcome word names, read by its shape: a result opening (会, 能, 不), a result
  // complement (赶得上), a date before the marker; a fact (是), a judgement (很) or the agent's
  // action is not.
  ['洗了保证不起球', '正品保证，洗涤方法请看吊牌'],
  ['快递那边一定会配合的', '我们一定会配合您处理'],
  ['这个方法肯定能修复', '肯定是质量问题，我帮您申请售后'],
  ['师傅明天一定上门', '师傅明天一定会提前联系您'],
  ['保证赶得上双十一', '您一定很着急吧，我马上帮您查'],
  // An adverb before the result opening (一点都不), then a refusal after one (都不行).
  ['这款洗了保证一点都不起球', '这款洗了肯定都不行，得手洗'],
  // 请 inside a word (申请, 邀请) does not make the clause a request to the customer.
  ['您申请之后绝对退得成', '请您务必保证退货时配件齐全'],
  // zh-Hant
  ['保證聽日送到', '我保證會盡力幫您跟進'],
  ['包裹週五前一定能送達', '包裹週五前不一定能送達'],
  ['絕對不會超過三天', '無法保證三天內送達'],
  ['這款肯定沒問題', '這款是100%純棉的'],
  ['退款一定能成功', '退款能否成功要以審核為準'],
  ['貨明天就能到', '貨應該明天能到', uncertain],
  ['師傅聽日一定上門', '師傅聽日一定會先聯絡您'],
  // en
  ['I promise it will arrive by Friday.', 'I promise to look into it.'],
  ['It will definitely be there tomorrow.', 'It should be there tomorrow.'],
  ["There's no way it'll be late.", "There's no way to tell yet, sorry."],
  ['Your refund will definitely be approved.', 'We will definitely follow up on your refund.'],
  ['I guarantee you will get it on Monday.', "We can't guarantee you will get it on Monday."],
  ['It will 100% fit.', 'It is 100% cotton.'],
  ['Definitely, it will arrive tomorrow.', "Definitely, I'll check with the courier."],
  ['It will arrive on Monday, guaranteed.', 'It comes with a two-year guarantee.'],
  ['It will certainly work.', 'Will it definitely work?'],
  ["I promise it won't be late.", 'You said the page "guaranteed delivery by Friday", let me check that.'],
  ['Your parcel will arrive tomorrow.', 'Your parcel is expected to arrive tomorrow.', uncertain],
  ['This update will 100% fix the lag.', 'This update fixes the lag for most users.'],
  ["I guarantee you won't see that error again.", "I can't guarantee you won't see that error again."],
  ['The fee will definitely be waived.', 'We will definitely ask for the fee to be waived.'],
  ['This cream will clear the redness, guaranteed.', 'This cream comes with a satisfaction guarantee.'],
  ['It is guaranteed not to shrink.', "It isn't guaranteed not to shrink, so wash it cold."],
  ['I can assure you it will be on time.', "I can't assure you it will be on time."],
  // 2026-12-07 (the claims-review round): a duration opening the scope is dated like a date (三天,
  // 用一年); a third party's action is not the shop's to promise (海关, 快递员); results of use, fit
  // and price (见效, 瘦, 严丝合缝, 最低); 稳了 and 放一百个心 as certainty.
  ['这款面霜保证七天见效', '这款面霜一般坚持用七天左右能看到变化'],
  ['包您一个月瘦五斤', '坚持一个月，我们会全程指导您的饮食'],
  ['这个壳保证用一年都不发黄', '这个壳用的是防黄材料，质保一年'],
  ['海关一定放行，您放心', '海关放不放行我们没法保证，但资料会备齐'],
  ['这次快递员一定送上楼', '这次我一定帮您跟快递员沟通送上楼'],
  ['坐垫保证严丝合缝', '坐垫是按车型开版的，尺寸表您可以对一下'],
  ['价格保证全网最低', '价格是我们能给到的最低了，活动期间不变'],
  ['現在下單穩了，雙十一也不會比這個便宜', '現在下單有折扣，雙十一的價格我們還不確定'],
  // English: "guaranteed to …" is a result form; safety, compatibility and efficacy are outcomes; a
  // price "going up" is a future predicate.
  ["It's guaranteed to clear your skin in a week.", 'It comes with a 30-day money-back guarantee.'],
  ['This bottle is absolutely 100% safe for newborns.', 'This bottle is BPA-free and tested to EN 14350.'],
  [
    'The cable is 100% compatible with your laptop.',
    'The cable works with most USB-C laptops; please check your port.',
  ],
  [
    'I promise the price is going up on Monday.',
    "I can't promise the price will stay the same after Monday.",
  ],
  ['Rest assured, this balm is safe for babies.', 'Rest assured, your payment is safe with us.'],
];

export const noOverpromiseCases: RuleCases = {
  valid: [
    ...pairs.map(([, twin, facts]) => ({ text: twin, facts: facts ?? uncertain })),
    // A firm date is only a promise when delivery is uncertain.
    '明天就能送到',
    'Your parcel will arrive tomorrow.',
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
    // 一定 as "a certain": a time further on does not date a promise.
    '商品在一定周期内降价，可以申请价保',
    // Traditional.
    { text: '我們一定盡快為您處理', facts: uncertain },
    { text: '無法保證明天送達', facts: uncertain },
    // English.
    { text: 'We cannot guarantee a delivery date.', facts: uncertain },
    { text: 'There is no guarantee on that date, but we will keep you posted.', facts: uncertain },
    { text: 'I promise we will do our best.', facts: uncertain },
    'This shirt is 100% cotton.',
    { text: 'We will do our best to deliver it by Friday.', facts: uncertain },
    // Certainty words in other senses, facts of make, effort, a question of its own (2026-12-07).
    '请送到指定地点',
    '保管好您的发票',
    '正品保证，假一赔十',
    '肯定批发价更便宜',
    '我们会尽力避免再出现',
    'Our cleaner is 100% plant-based and works best on fresh stains.',
    "I'm not sure it will arrive by Friday.",
    'We will work with your courier to sort it out.',
    '明天一定能到吗？',
    "It's 100% organic cotton.",
  ],
  invalid: [
    ...pairs.map(([promise, , facts]) => ({
      text: promise,
      ...(facts === undefined ? {} : { facts }),
      errors: [
        facts === undefined
          ? { messageId: 'absolute', severity: 'warn' as const }
          : { messageId: 'uncertain' },
      ],
    })),
    // A warning without facts…
    { text: '保证明天到', errors: [{ messageId: 'absolute', severity: 'warn', actual: '保证明天到' }] },
    { text: '百分之百能到', errors: [{ messageId: 'absolute', severity: 'warn', actual: '百分之百能到' }] },
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
    { text: '100%明天送达', facts: uncertain, errors: [{ messageId: 'uncertain', actual: '100%明天送达' }] },
    {
      text: '１００％明天送达',
      facts: uncertain,
      errors: [{ messageId: 'uncertain', actual: '１００％明天送达' }],
    },
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
          actual: 'Delivery by Friday is guaranteed',
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
      errors: [{ messageId: 'uncertain', actual: 'get it by Friday for sure' }],
    },
    {
      text: 'GUARANTEED next-day delivery',
      facts: uncertain,
      errors: [{ messageId: 'uncertain', actual: 'GUARANTEED next-day' }],
    },
    // Certainty in more words (保管, 指定, 妥妥的, 必到, 决不会再, 包合身, 實唔會再), an approval or a fit as the
    // outcome, a promise before a question of its own, a trailing marker after a subject, a time after a marker.
    { text: '三天内保管送到', errors: [{ messageId: 'absolute', severity: 'warn', actual: '保管送到' }] },
    {
      text: '今天下午指定能发出去',
      errors: [{ messageId: 'absolute', severity: 'warn', actual: '指定能发出' }],
    },
    {
      text: '快递妥妥的后天送到',
      errors: [{ messageId: 'absolute', severity: 'warn', actual: '妥妥的后天送到' }],
    },
    { text: '元旦前稳稳的能到', errors: [{ messageId: 'absolute', severity: 'warn', actual: '稳稳的能到' }] },
    { text: '付完尾款第二天必到', errors: [{ messageId: 'absolute', severity: 'warn', actual: '必到' }] },
    {
      text: '这种情况以后决不会再发生了',
      errors: [{ messageId: 'absolute', severity: 'warn', actual: '决不会再' }],
    },
    { text: '我拿我工作担保', errors: [{ messageId: 'absolute', severity: 'warn', actual: '拿我工作担保' }] },
    { text: '按平时尺码拍，包合身', errors: [{ messageId: 'absolute', severity: 'warn', actual: '包合身' }] },
    { text: '退款一定批的', errors: [{ messageId: 'absolute', severity: 'warn', actual: '一定批' }] },
    {
      text: '漏发的问题已经登记，以后决不会再发生了，请问还有什么可以帮您的吗？',
      errors: [{ messageId: 'absolute', severity: 'warn', actual: '决不会再' }],
    },
    {
      text: '明天一定能到，请问还有什么可以帮您？',
      errors: [{ messageId: 'absolute', severity: 'warn', actual: '一定能到' }],
    },
    {
      text: '照平時碼數買，包你啱著',
      errors: [{ messageId: 'absolute', severity: 'warn', actual: '包你啱' }],
    },
    {
      text: '整完之後實唔會再黑屏',
      errors: [{ messageId: 'absolute', severity: 'warn', actual: '實唔會再' }],
    },
    {
      text: 'Guaranteed by Friday!',
      errors: [{ messageId: 'absolute', severity: 'warn', actual: 'Guaranteed by Friday' }],
    },
    {
      text: 'The colour will never fade, guaranteed.',
      errors: [{ messageId: 'absolute', severity: 'warn', actual: 'will never fade, guaranteed' }],
    },
    {
      text: "Your dress will be here in time, I'm 100% sure.",
      errors: [{ messageId: 'absolute', severity: 'warn', actual: "be here in time, I'm 100%" }],
    },
    {
      text: 'I guarantee the charger works with your laptop.',
      errors: [{ messageId: 'absolute', severity: 'warn', actual: 'guarantee the charger works with your' }],
    },
    {
      text: 'The item is guaranteed to reach before Diwali.',
      errors: [{ messageId: 'absolute', severity: 'warn', actual: 'guaranteed to reach before' }],
    },
  ],
};
