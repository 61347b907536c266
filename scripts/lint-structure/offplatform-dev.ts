/**
 * A development set for `no-offplatform-contact`, generated from a small grammar instead of written
 * case by case: channel spellings (with their obfuscations) × invitation frames (must fire) and ×
 * warning / refusal frames (must stay clean), plus payment channels × private-payment frames and
 * their warning twins, plus ordinary platform talk that names the same channels. Each invitation
 * is paired with a warning twin on the same channel. Prints precision and recall per locale.
 *
 *   npx tsx scripts/lint-structure/offplatform-dev.ts            per-locale table
 *   npx tsx scripts/lint-structure/offplatform-dev.ts --misses   also the cases it gets wrong
 *   npx tsx scripts/lint-structure/offplatform-dev.ts --all      also every generated case
 *
 * The grammar is written apart from the rule's data (rules/lint/no-offplatform-contact.*.json):
 * it names the channels and frames as a customer-service lead would describe them, not the
 * literals the rule matches. Its figures are a development aid; the adversarial set and the
 * project's unseen set are the checks.
 */
import { parseArgs } from 'node:util';
import { table, type Row } from '../../bench/harness.js';
import { seededRandom } from '../../bench/sample-random.js';
import { createLinter } from '../../src/lint/linter.js';
import type { SupportedLocale } from '../../src/language/index.js';

const RULE = 'no-offplatform-contact';

export interface DevCase {
  locale: SupportedLocale;
  text: string;
  /** Whether the rule must fire. */
  violates: boolean;
  /** Which part of the grammar made it (invite, warning, payment-invite, payment-warning, platform). */
  kind: string;
}

interface LocaleGrammar {
  /** Contact channels, each with its spellings (the first is the plain name). */
  channels: string[][];
  /** `{c}` is a channel spelling. */
  invitations: string[];
  warnings: string[];
  /** Payment channels. */
  payments: string[];
  /** `{p}` is a payment channel. */
  paymentInvitations: string[];
  paymentWarnings: string[];
  /** Ordinary platform talk naming a channel or a payment method (never a violation). */
  platform: string[];
  /** Said before or after a case, at random (greetings, particles). */
  prefixes: string[];
  suffixes: string[];
}

const HANS: LocaleGrammar = {
  channels: [
    ['微信', '威信', '薇信', 'V信', 'vx', 'V X', 'V❤X', 'wx', 'WeChat', '卫星', 'wei信', '微 信', '绿泡泡'],
    ['QQ', '扣扣', 'Q Q', '企鹅', '球球'],
    ['企业微信'],
    ['WhatsApp'],
    ['Telegram', 'TG', '电报'],
    ['小红书'],
    ['抖音'],
    ['钉钉'],
  ],
  invitations: [
    '加我{c}聊吧',
    '加个{c}，我发您图片',
    '方便的话加一下我的{c}',
    '您加我{c}，我私下给您优惠',
    '{c}联系我更快',
    '有问题直接{c}找我',
    '我的{c}是 shop_8866，您加一下',
    '{c}：abc12345，备注订单号',
    '{c}号 kf2024888 加一下',
    '这边说不方便，{c}上详聊',
    '您添加下客服的私人{c}',
    '留个{c}吧，以后有新款通知您',
    '以后买东西可以直接{c}找我，不用在平台拍',
    '我把{c}号发您，加了再说',
    '可以加您{c}吗？方便沟通',
    '{c}同号，有事随时联系',
    '咱们{c}上说吧，这里不方便',
    '扫一下我发的二维码，加我{c}',
  ],
  warnings: [
    '谨防有人冒充客服加您{c}',
    '本店不会要求您加{c}',
    '请勿相信任何让您加{c}的人',
    '要求加{c}的都是骗子，请注意',
    '我们从不通过{c}联系客户',
    '切勿添加陌生人的{c}',
    '客服不会私下让您加{c}，请放心',
    '小心自称客服让您加{c}的人',
    '别信那些让你加{c}退款的',
    '不需要加{c}，在这里沟通就可以',
    '请不要添加任何自称客服的{c}',
    '凡是让您{c}转账的都是诈骗',
    '为了您的安全，不要加{c}私聊',
    '平台规定不能加{c}，我们在这里说就好',
    '有人让您加{c}的话请举报',
    '千万不要加陌生人的{c}，谨防诈骗',
    '如果有人让您扫码加{c}退款，那是骗子',
  ],
  payments: ['支付宝', '微信转账', '银行卡', '微信红包', '网银'],
  paymentInvitations: [
    '直接{p}给我，便宜二十',
    '您用{p}转我就行，不用拍了',
    '打到我的{p}上也可以',
    '私下{p}更划算',
    '不走平台，{p}付款少十块',
    '钱{p}转给我，我马上发货',
    '您{p}付给我个人就行',
    '拍下后别付款，{p}直接转我',
    '这单您重新付我就行，{p}都可以',
  ],
  paymentWarnings: [
    '本店不会要求您私下{p}付款',
    '请勿通过{p}私下转账给任何人',
    '谨防有人冒充客服让您{p}转账',
    '凡是要求{p}转账给个人的都是诈骗',
    '我们不接受{p}私下付款，请在平台下单',
    '切勿{p}转钱给陌生人',
    '不要相信让您{p}转账的客服',
    '平台外{p}付款是没有保障的，请不要这样做',
  ],
  platform: [
    '支持微信支付、支付宝和银行卡付款',
    '可以使用微信支付哦',
    '请您关注我们的微信公众号',
    '您的这个QQ邮箱多少呢',
    '退款会原路退回您的支付宝',
    '您用微信支付的话到账会快一些',
    '结算页可以选择支付宝付款',
    '下单时选择银行卡支付即可',
    '您的微信号绑定了吗？',
    '我们的小程序里也能下单',
    '订单通过微信支付已经付款成功',
    '退款已经退回您的银行卡，请注意查收',
    '您可以在抖音小店同款链接下单',
    '这款卫星天线支持全国联保',
    '物流信息可以在平台订单里查看',
    '邮件发到您的QQ邮箱了',
  ],
  prefixes: ['', '', '亲，', '您好，', '亲亲，'],
  suffixes: ['', '', '哦', '~', '。'],
};

const HANT: LocaleGrammar = {
  channels: [
    ['LINE', 'Line', '賴', 'L I N E'],
    ['微信', '威信', 'WeChat', 'V信'],
    ['WhatsApp', 'WA'],
    ['Telegram', 'TG'],
    ['IG', 'Instagram'],
    ['臉書', 'FB', 'Messenger'],
  ],
  invitations: [
    '加我{c}聊比較快',
    '加個{c}吧，我傳照片給您',
    '方便的話加一下我的{c}',
    '{c}聯絡我就好',
    '有問題直接{c}找我',
    '我的{c} ID 是 shop_8866',
    '{c}：kevin12345，加一下',
    '這邊不方便說，{c}私訊我',
    '您加我私人{c}，我算您便宜',
    '留個{c}吧，有新貨通知您',
    '以後直接{c}跟我訂就好，不用在平台下單',
    '我把{c}帳號傳給您，加了再聊',
    '可以加您的{c}嗎？方便聯絡',
    '唔該加我{c}傾',
  ],
  warnings: [
    '謹防有人冒充客服加您{c}',
    '本店不會要求您加{c}',
    '請勿相信任何要您加{c}的人',
    '要求加{c}的都是詐騙，請注意',
    '我們從不透過{c}聯絡客戶',
    '切勿加陌生人的{c}',
    '客服不會私下要您加{c}，請放心',
    '小心自稱客服要您加{c}的人',
    '不需要加{c}，在這裡溝通就可以',
    '請不要加任何自稱客服的{c}',
    '凡是要您用{c}匯款的都是詐騙',
    '為了您的安全，不要加{c}私聊',
    '唔好相信叫你加{c}嘅人，小心呃人',
    '平台規定不能加{c}，我們在這裡聊就好',
  ],
  payments: ['ATM轉帳', '銀行匯款', '街口支付', 'LINE Pay', '無卡存款', 'PayMe', '轉數快'],
  paymentInvitations: [
    '直接{p}給我，便宜兩百',
    '您用{p}轉我就好，不用下單',
    '私下{p}比較划算',
    '不走平台，{p}付款少一百',
    '錢用{p}轉給我，我馬上出貨',
    '下單後先別付款，{p}直接轉我',
    '您{p}到我個人帳戶就可以',
  ],
  paymentWarnings: [
    '本店不會要求您私下{p}',
    '請勿{p}給任何自稱客服的人',
    '謹防有人冒充客服要您{p}',
    '凡是要求{p}給個人的都是詐騙',
    '我們不接受私下{p}，請在平台結帳',
    '切勿{p}給陌生人',
    '不要相信要您{p}的客服',
  ],
  platform: [
    '您可以使用LINE Pay付款',
    '結帳時可以選擇街口支付',
    'line 1 與 line 2 都可以填地址',
    '退款會原路退回您的付款帳戶',
    '歡迎追蹤我們的官方LINE帳號查看活動',
    '您的信用卡已經退款成功',
    '訂單可以選擇ATM轉帳付款，系統會給您虛擬帳號',
    '請在平台訂單頁查看物流',
    '這款手機殼有FB同款設計',
    '付款方式有信用卡、LINE Pay 和超商代碼',
    '您的LINE Pay 點數會在三天內回饋',
  ],
  prefixes: ['', '', '您好，', '親，'],
  suffixes: ['', '', '喔', '～', '。'],
};

const EN: LocaleGrammar = {
  channels: [
    ['WhatsApp', 'whats app', 'WA', 'Whatsapp'],
    ['WeChat', 'wechat', 'we chat'],
    ['Telegram', 'TG', 'telegram'],
    ['Instagram', 'IG', 'insta'],
    ['Snapchat', 'snap chat'],
    ['Facebook Messenger', 'Messenger'],
    ['Signal app'],
    ['Skype'],
    ['LINE'],
  ],
  invitations: [
    'Add me on {c} and I can help faster.',
    'Just message me on {c}.',
    'DM me on {c} for a better price.',
    'You can reach me directly on {c}.',
    'My {c} is shop_8866, add me there.',
    '{c}: kevin12345',
    'Hit me up on {c} and we can sort it out.',
    "Let's move this chat to {c}.",
    'Text me on {c} instead, it is easier.',
    'Follow me on {c} for private deals.',
    'Contact me via {c}, not here.',
    'Can I add you on {c}? It is quicker.',
    'Find me on {c} under shopkevin88.',
    'Hit me on {c}.',
    'You can contact me directly on {c}, ID kevin_store.',
  ],
  warnings: [
    'We will never ask you to move to {c}.',
    'Beware of scammers on {c} pretending to be us.',
    "Please don't add anyone on {c} who claims to be our staff.",
    'Anyone asking you to message them on {c} is not us.',
    'We never contact customers through {c}.',
    'Do not trust people who ask you to add them on {c}.',
    "There's no need to add us on {c}; we can sort it out here.",
    'Watch out for fake support accounts on {c}.',
    'Our staff will never ask you to chat on {c}.',
    'If someone asks you to contact them on {c}, please report it.',
    'For your safety, never move the conversation to {c}.',
    'Platform rules do not allow us to chat on {c}, so let us keep it here.',
    'Please report any {c} account using our logo.',
    'For your safety, please do not move this conversation to {c}.',
  ],
  payments: ['PayPal friends and family', 'Venmo', 'Cash App', 'Zelle', 'a bank transfer', 'wire transfer'],
  paymentInvitations: [
    'Pay me via {p} and skip the checkout.',
    'Send the money by {p} directly to me.',
    'If you pay with {p} outside the platform I can give you 10% off.',
    'You can just send me {p}, no need to check out.',
    'Skip the checkout and pay me through {p}.',
    'Transfer it to my personal account by {p}.',
  ],
  paymentWarnings: [
    'We will never ask you to pay by {p} outside the checkout.',
    'Beware of anyone asking for {p} payments; it is a scam.',
    'Please do not send {p} payments to anyone claiming to be us.',
    'We do not accept {p} outside the platform.',
    'Never pay a seller by {p} off the platform.',
    'Anyone asking you to pay via {p} is not us.',
  ],
  platform: [
    'You can pay with WeChat Pay or Alipay at checkout.',
    'Please keep all messages in this chat.',
    'The refund goes back to your original payment method.',
    'We accept PayPal at checkout.',
    'Please check line 2 of the address form.',
    'Your order is next in line for dispatch.',
    'Apple Pay and Google Pay are available at checkout.',
    'The refund will show in your PayPal account in 3 days.',
    'Our product line includes a snap-on case.',
    'You can follow the order status in the app.',
    'The bank transfer option at checkout shows our official account details.',
  ],
  prefixes: ['', '', 'Hi! ', 'Sure, '],
  suffixes: ['', '', ' Thanks!', ' :)'],
};

export const GRAMMARS: Record<SupportedLocale, LocaleGrammar> = { 'zh-Hans': HANS, 'zh-Hant': HANT, en: EN };

function fill(frame: string, slot: string, value: string): string {
  return frame.replaceAll(slot, value);
}

/** Every frame with several channel spellings (a seeded choice), each paired with warning twins. */
export function generate(seed = 20261203): DevCase[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cases: DevCase[] = [];
  for (const [locale, g] of Object.entries(GRAMMARS) as Array<[SupportedLocale, LocaleGrammar]>) {
    const dress = (text: string) => `${pick(g.prefixes)}${text}${pick(g.suffixes)}`;
    const spellings = g.channels.flat();
    // Invitations × every channel family (one spelling each), warnings × the same spellings.
    for (const frame of g.invitations)
      for (let k = 0; k < 4; k++) {
        const spelling = pick(spellings);
        cases.push({ locale, text: dress(fill(frame, '{c}', spelling)), violates: true, kind: 'invite' });
        const twin = pick(g.warnings);
        cases.push({ locale, text: dress(fill(twin, '{c}', spelling)), violates: false, kind: 'warning' });
      }
    for (const frame of g.warnings)
      for (let k = 0; k < 2; k++) {
        const spelling = pick(spellings);
        cases.push({ locale, text: dress(fill(frame, '{c}', spelling)), violates: false, kind: 'warning' });
      }
    for (const frame of g.paymentInvitations)
      for (let k = 0; k < 3; k++) {
        const payment = pick(g.payments);
        cases.push({
          locale,
          text: dress(fill(frame, '{p}', payment)),
          violates: true,
          kind: 'payment-invite',
        });
        cases.push({
          locale,
          text: dress(fill(pick(g.paymentWarnings), '{p}', payment)),
          violates: false,
          kind: 'payment-warning',
        });
      }
    for (const text of g.platform)
      cases.push({ locale, text: dress(text), violates: false, kind: 'platform' });
  }
  // The same text may come out twice: keep the first.
  const seen = new Set<string>();
  return cases.filter((c) => {
    const key = `${c.locale}\u0000${c.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function main(): void {
  const { values } = parseArgs({
    options: { misses: { type: 'boolean' }, all: { type: 'boolean' }, seed: { type: 'string' } },
  });
  const cases = generate(values.seed === undefined ? undefined : Number(values.seed));
  const linter = createLinter();
  const rows: Row[] = [];
  const misses: string[] = [];
  const totals = { tp: 0, fp: 0, fn: 0, tn: 0, n: 0 };
  for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const) {
    const c = { tp: 0, fp: 0, fn: 0, tn: 0, n: 0 };
    for (const dev of cases.filter((x) => x.locale === locale)) {
      const fired = linter.lint(dev.text, { locale }).findings.some((f) => f.ruleId === RULE);
      c.n++;
      if (fired && dev.violates) c.tp++;
      else if (fired) c.fp++;
      else if (dev.violates) c.fn++;
      else c.tn++;
      if (fired !== dev.violates)
        misses.push(`${locale}  ${dev.violates ? 'FN' : 'FP'}  ${dev.kind}  ${dev.text}`);
      if (values.all === true)
        console.log(`${locale}\t${dev.violates ? 'invite' : 'clean'}\t${fired ? 'fired' : '-'}\t${dev.text}`);
    }
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += c[key];
    rows.push(row(locale, c));
  }
  rows.push(row('all', totals));
  console.log(`${RULE} dev set (generated): ${cases.length} cases`);
  console.log(table(rows));
  if (values.misses === true) for (const miss of misses) console.log(miss);
}

function row(locale: string, c: { tp: number; fp: number; fn: number; tn: number; n: number }) {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return {
    locale,
    cases: c.n,
    violating: c.tp + c.fn,
    TP: c.tp,
    FP: c.fp,
    FN: c.fn,
    precision: precision.toFixed(2),
    recall: recall.toFixed(2),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) main();
