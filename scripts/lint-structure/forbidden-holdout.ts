/**
 * A held-out set for `no-forbidden-phrase`: written freely, at the same time as
 * forbidden-written.ts but kept apart — nothing in the phrase data was written while looking at
 * it, and it is measured once, before and after a change. It prints aggregate figures only, so
 * running it does not show which sentences were missed.
 *
 *   npx tsx scripts/lint-structure/forbidden-holdout.ts
 */
import { table, type Row } from '../../bench/harness.js';
import { createLinter } from '../../src/lint/linter.js';

type Locale = 'zh-Hans' | 'en';

const VIOLATIONS: Record<Locale, string[]> = {
  'zh-Hans': [
    '页面上明明白白写着，您是不识字吗？',
    '您收货前不会先打开看看吗？',
    '我讲得够清楚了吧，还有哪里听不懂？',
    '这还要我教您？',
    '您自己下错单还来找我们？',
    '您别没完没了的行不行',
    '说话注意点，别动不动就骂人',
    '你嚷嚷啥，有用吗',
    '要退就退，哪来那么多废话',
    '您当时怎么不拍照留证据？',
    '你凭哪点说是假货？',
    '是谁告诉您可以七天无理由的？',
    '您到底是要退款还是要换货，说清楚',
    '这点小钱也计较',
    '买不起可以不买，没人逼你',
    '您这个年纪网购确实容易出错',
    '这都不会操作，还是让家里年轻人帮您吧',
    '等着就行，别老来问',
    '我很忙，您长话短说',
    '同样的问题您都问第五遍了',
    '快递丢了你找快递公司啊，找我们没用',
    '发票的事问财务，我不清楚',
    '我们就是个卖货的，售后你找品牌方',
    '不能退就是不能退',
    '没办法，您爱咋咋地',
    '这个要求我们满足不了，别想了',
  ],
  en: [
    "You didn't think to read the description first?",
    'Is reading the listing really that hard?',
    'How many more times do you need me to explain this?',
    'Stop spamming us with the same question.',
    "Don't you dare talk to me like that.",
    'Calm yourself down and then we can talk.',
    "Why didn't you take photos when it arrived?",
    'Who gave you permission to use it before checking?',
    'Honestly, what did you expect for that price?',
    'People who cannot afford it should not order it.',
    'This is too advanced for someone like you.',
    "I don't have all day.",
    'Hurry up and tell me what you want.',
    'Go complain to the courier, not us.',
    "That's the bank's problem, not ours.",
    'No. Final answer.',
    "We won't refund it, don't ask again.",
  ],
};

const POLITE: Record<Locale, string[]> = {
  'zh-Hans': [
    '页面上有写，我把截图发给您',
    '收货时可以先打开检查一下哦，有问题随时联系我们',
    '我再跟您详细说一下，您看哪里还不清楚',
    '下错单没关系，我帮您取消重拍',
    '您说的情况我记下了，马上帮您处理',
    '麻烦您拍一下照片，方便我们给您处理',
    '请问您是想退款还是换货呢？',
    '这款价格已经是活动价了，我帮您看看有没有券',
    '操作有困难的话我一步步教您',
    '请您稍等，我正在帮您查询',
    '快递丢件我们来联系快递公司处理，您放心',
    '发票问题我帮您转给财务同事跟进',
    '这个要求暂时满足不了，我帮您申请补偿券可以吗？',
    '非常抱歉，这款不支持退货，可以帮您换货',
  ],
  en: [
    "Here's the description again, with the key part highlighted.",
    "I'm happy to explain it once more.",
    'Could you send a photo of the parcel as it arrived?',
    'I understand, and I will take care of it now.',
    "I'll contact the courier for you and update you today.",
    "I'm sorry, we can't refund this item, but we can exchange it.",
    'Thank you for waiting while I check with the bank team.',
  ],
};

const linter = createLinter();
const rows: Row[] = [];
const flagged = (text: string, locale: Locale) =>
  linter.lint(text, { locale }).findings.some((f) => f.ruleId === 'no-forbidden-phrase');
for (const locale of ['zh-Hans', 'en'] as const) {
  const caught = VIOLATIONS[locale].filter((text) => flagged(text, locale)).length;
  const alarms = POLITE[locale].filter((text) => flagged(text, locale)).length;
  rows.push({
    locale,
    violations: VIOLATIONS[locale].length,
    caught,
    recall: (caught / VIOLATIONS[locale].length).toFixed(2),
    polite: POLITE[locale].length,
    'polite flagged': alarms,
  });
}
console.log(table(rows));
