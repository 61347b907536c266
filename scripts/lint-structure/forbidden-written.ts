/**
 * A second development set for `no-forbidden-phrase`, written freely in the register of real
 * shop chats (not from a grammar, and not from the adversarial set): what an impatient or rude
 * agent types, each category in zh-Hans and en, and polite replies that share their words. Used
 * with forbidden-dev.ts (the grammar set) to develop the sentence-structure entries; the
 * adversarial set stays the check.
 *
 *   npx tsx scripts/lint-structure/forbidden-written.ts            precision / recall per category × locale
 *   npx tsx scripts/lint-structure/forbidden-written.ts --misses   also every miss and false alarm
 */
import { parseArgs } from 'node:util';
import { table, type Row } from '../../bench/harness.js';
import { createLinter } from '../../src/lint/linter.js';

type Locale = 'zh-Hans' | 'en';
type Category =
  | 'rhetorical'
  | 'scolding'
  | 'interrogation'
  | 'discrimination'
  | 'impatience'
  | 'deflection'
  | 'flat_refusal';

const VIOLATIONS: Record<Locale, Record<Category, string[]>> = {
  'zh-Hans': {
    rhetorical: [
      '尺码表就在主图下面，您是没往下翻吗？',
      '我上一条消息您没看到？',
      '您下单的时候没留意颜色吗',
      '活动规则不都写在首页了吗？',
      '亲，我们不是一开始就说了不包邮嘛？',
      '发货时间页面不写得好好的吗',
      '您自己看一眼订单详情不就知道了？',
      '这种问题还用得着问客服？',
      '您这不是明知故问吗？',
      '说明书上第一页就有，您翻过吗？',
      '您有没有认真看我发的链接啊？',
      '难不成还要我手把手教您？',
      '我都说三遍了您还问？',
      '物流信息您自己不会查吗',
      '不是跟您讲过了要等质检吗？',
    ],
    scolding: [
      '您先把话说清楚再来',
      '别刷屏了，我看得到',
      '不要一直发问号了',
      '少跟我来这一套',
      '有话好好说，别骂人',
      '您能不能别这么大呼小叫',
      '麻烦您有点耐心行不行',
      '你冷静点，别乱发脾气',
      '再这样说话我就不回复了',
      '不要威胁我，没用的',
      '请你说话客气一点',
      '别在这胡搅蛮缠了',
      '收起你那套，我们不吃这个',
      '别一个劲地发语音，打字',
      '您先弄明白规则再来说话',
    ],
    interrogation: [
      '您到底想怎么样嘛？',
      '当初是谁让您不验货就签收的？',
      '您为啥不早点联系我们？',
      '收到货怎么不马上检查？',
      '您怎么会把发票弄丢呢？',
      '您自己没量尺寸就下单，怪谁呢？',
      '谁叫您用热水洗的？',
      '您是不是故意的？',
      '您凭啥说是我们的问题？',
      '您究竟有没有按说明操作？',
      '早干嘛去了？现在才说',
      '您到底退不退？',
      '怎么别人都没问题就您有问题？',
    ],
    discrimination: [
      '这个价位不适合您，看看便宜的吧',
      '一百块都嫌贵那就别买了',
      '您这样的客户我们真伺候不起',
      '外地人就是事多',
      '您年纪大了不会用也正常',
      '智能手机都不会用还买平板？',
      '这么点钱还要讲价',
      '穷就买拼多多去',
      '看您这问题就是第一次网购吧',
      '这么简单都搞不明白',
      '连个快递都不会取',
      '您这种人我见得多了',
    ],
    impatience: [
      '催也没用，等着吧',
      '我这边很多人在排队，您快点',
      '有事说事',
      '行了行了，知道了',
      '说了会处理就会处理，别一直问',
      '您能不能一次性说完',
      '别催了，催我也没办法',
      '好了别说了，等通知',
      '急什么，又不是不给你退',
      '您问完没有？',
      '一会儿再说，现在忙',
    ],
    deflection: [
      '这个您得问快递，我们管不着',
      '质量问题去找厂家，不归我们管',
      '您自己联系物流吧',
      '这事跟我们店没关系，是平台的问题',
      '找你们当地的售后去',
      '我只是客服，做不了主',
      '这不是我负责的，您问别人吧',
      '去找卖给你的那个人',
      '赠品的事情问活动方去',
      '退款慢是银行的事，别找我',
    ],
    flat_refusal: [
      '不退',
      '没得商量',
      '不能改，就这样',
      '说了不行就是不行',
      '这个我们不管',
      '办不了，您别问了',
      '规定如此，我也没辙',
      '不给补偿',
      '改不了的',
      '没有这个服务',
    ],
  },
  en: {
    rhetorical: [
      'Did you not see the size chart right under the photos?',
      "Isn't the delivery time on the product page?",
      "Wasn't that in my last message?",
      "You didn't check your order before paying?",
      'Surely you read the return policy before you bought it?',
      'Do I have to spell it out for you?',
      "Haven't you read anything I wrote?",
      'Was the description not clear enough for you?',
    ],
    scolding: [
      'Stop sending the same message over and over.',
      'Cut it out.',
      "Don't take that tone with me.",
      'Enough with the caps lock.',
      'Mind your language or I will end this chat.',
      'Drop the attitude.',
      'Be patient for once.',
      'Get your facts straight before you message us.',
    ],
    interrogation: [
      "Why on earth didn't you check it when it arrived?",
      'What were you thinking?',
      'Who said you could open the seal?',
      "Why didn't you contact us sooner?",
      'Are you doing this on purpose?',
      'Why is it always you with a problem?',
      'What makes you think it was our fault?',
      'So what do you actually want?',
    ],
    discrimination: [
      "If it's too expensive for you, shop somewhere cheaper.",
      'This product is not for people on a budget.',
      "Someone your age shouldn't be buying this online.",
      'Customers like you are the reason we have rules.',
      'I guess you have never shopped online before.',
      "It's not complicated unless you're slow.",
      'Maybe get someone younger to help you.',
    ],
    impatience: [
      "I've got other customers waiting.",
      'Make it quick.',
      'Yes, yes, I heard you.',
      'Can you get to the point?',
      'Asking again will not make it faster.',
      "I said I'd deal with it, so stop asking.",
      'Are you done?',
    ],
    deflection: [
      "That's between you and the courier.",
      'Talk to the manufacturer, we just sell it.',
      "I'm only support, I can't decide anything.",
      'Sort it out with your bank.',
      'Not something we handle, try the platform.',
      'Go back to whoever sold it to you.',
    ],
    flat_refusal: [
      'No refunds. End of story.',
      "We don't do exchanges, period.",
      'The answer is no.',
      "Can't change it, sorry not sorry.",
      'Not happening.',
      'Nope.',
    ],
  },
};

/** Polite replies sharing the violations' words: none may be flagged. */
const POLITE: Record<Locale, string[]> = {
  'zh-Hans': [
    '尺码表在主图下面，我截图发给您看一下哦',
    '请问您看到我上一条消息了吗？',
    '下单前可以留意一下颜色选项哦',
    '活动规则写在首页，我复制给您',
    '亲，这款是不包邮的，给您带来不便抱歉',
    '发货时间在页面上有写，预计三天内发出',
    '您可以在订单详情里查看，我也帮您看一下',
    '这种问题可以随时问客服的，不用客气',
    '说明书第一页有安装步骤，我拍照发给您',
    '我再跟您讲一遍，需要等质检完成',
    '麻烦您把问题描述清楚一些，方便我帮您处理',
    '您不用一直发消息，我这边都看到了，马上处理',
    '您先别着急，我们一起看看怎么解决',
    '请您稍等，我这边排队的客户比较多',
    '请问您具体想怎么处理呢？退款还是换货？',
    '想了解一下您是什么时候收到货的？',
    '请问您是按照说明书操作的吗？',
    '麻烦问下您是用热水洗的吗？我们帮您判断一下',
    '这个价位的款式比较多，我帮您推荐几款',
    '如果预算有限，可以看看这款活动价',
    '第一次网购不熟悉没关系，我一步步教您',
    '操作不会的话我可以远程指导您',
    '快递的问题我帮您联系快递核实',
    '质量问题我们负责处理，不用您找厂家',
    '这个需要银行处理，我帮您查一下进度',
    '这个我做不了主，我马上帮您申请主管处理',
    '抱歉，定制款不支持退货，我帮您看看能不能换',
    '这个地址改不了了，我帮您联系快递改派',
    '规定是这样的，不过我可以帮您申请优惠券',
    '暂时没有这个服务，我记录一下反馈给上级',
    '好的，收到，我这就帮您处理',
    '您问得很好，这个确实容易弄混',
  ],
  en: [
    "The size chart is right under the photos; here's a screenshot.",
    'Did you get my last message? I can resend it.',
    'The delivery time is on the product page: three to five days.',
    'Please check the order details before paying, and let me know if anything looks wrong.',
    "I'm sorry it wasn't clear. Let me explain it again.",
    'Could you tell me when it arrived, so I can help?',
    'May I ask whether the seal was opened?',
    'Would you prefer a refund or an exchange?',
    'If the budget is tight, this model costs less.',
    'Shopping online can be confusing at first; I will walk you through it.',
    "I'll contact the courier for you right away.",
    "I can't decide this myself, but I'll escalate it to my supervisor now.",
    "I'm sorry, this item can't be exchanged, but I can offer a store credit.",
    'Thank you for your patience while I check.',
    'I have your message and I am on it.',
  ],
};

function main(): void {
  const { values } = parseArgs({ options: { misses: { type: 'boolean' } } });
  const linter = createLinter();
  const rows: Row[] = [];
  const misses: string[] = [];
  const fired = (text: string, locale: Locale) =>
    linter.lint(text, { locale }).findings.filter((f) => f.ruleId === 'no-forbidden-phrase');
  for (const locale of ['zh-Hans', 'en'] as const) {
    for (const [category, texts] of Object.entries(VIOLATIONS[locale])) {
      let tp = 0;
      for (const text of texts) {
        if (fired(text, locale).length > 0) tp++;
        else misses.push(`miss  ${locale} ${category}: ${text}`);
      }
      rows.push({ locale, category, cases: texts.length, recall: (tp / texts.length).toFixed(2) });
    }
    let alarms = 0;
    for (const text of POLITE[locale]) {
      const findings = fired(text, locale);
      if (findings.length > 0) {
        alarms++;
        misses.push(`alarm ${locale}: ${text} (${findings.map((f) => f.data?.category).join(', ')})`);
      }
    }
    rows.push({
      locale,
      category: 'polite (false alarms)',
      cases: POLITE[locale].length,
      recall: `${alarms} flagged`,
    });
  }
  console.log(table(rows));
  if (values.misses === true) console.log(misses.join('\n'));
}

main();
