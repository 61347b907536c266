/**
 * A development set for `shipping-wording`, generated from a small grammar instead of written by
 * hand (the adversarial set under test/lint/adversarial/ is hand-written and is the measurement):
 * parcel subjects × dispatch predicates × aspect or past time, each claim with a compliant twin
 * made from the same predicate in another frame — question, negation, future, condition, relative
 * clause (a class of orders), another object (a link, an e-mail), the customer as the subject, or
 * the warehouse as the subject — in zh-Hans, zh-Hant and en. Facts vary: shipped without a carrier
 * scan, not shipped, shipped with a scan (nothing to report).
 *
 *   npx tsx scripts/lint-structure/shipping-dev.ts            P/R per locale
 *   npx tsx scripts/lint-structure/shipping-dev.ts --show     also every miss and false alarm
 *   npx tsx scripts/lint-structure/shipping-dev.ts --seed 7   another draw of the same grammar
 */
import { parseArgs } from 'node:util';
import { seededRandom } from '../../bench/sample-random.js';
import { table } from '../../bench/harness.js';
import type { Facts } from '../../src/facts.js';
import { createLinter } from '../../src/lint/linter.js';
import { lintRules } from '../../src/lint/rule-list.js';

export type Locale = 'zh-Hans' | 'zh-Hant' | 'en';
type Kind = 'claim' | 'warehouse' | 'other';
export interface DevCase {
  locale: Locale;
  text: string;
  facts: Facts;
  /** Whether shipping-wording must fire. */
  expect: boolean;
  frame: string;
}

const NO_SCAN: Facts = { order: { shipped: true, carrierScan: false } };
const NOT_SHIPPED: Facts = { order: { shipped: false } };
const SCANNED: Facts = { order: { shipped: true, carrierScan: true } };

interface Verb {
  v: string;
  /** Only with a completed 了 after it (寄 / 发 alone). */
  bare?: boolean;
  /** A carrier hand-over or a state: no 已…的 relative use, no customer subject. */
  handover?: boolean;
  /** Something a customer also sends (a return): used with the customer as the subject. */
  customer?: boolean;
}

type Frame = (v: Verb, ben: string, pick: <T>(xs: readonly T[]) => T) => string | undefined;

interface Grammar {
  locale: Locale;
  verbs: readonly Verb[];
  subjects: readonly string[];
  prefixes: readonly string[];
  suffixes: readonly string[];
  beneficiaries: readonly string[];
  claims: readonly Frame[];
  /** Sentences that stand alone as claims (states: on its way). */
  stateClaims: readonly string[];
  /** Frames that keep the predicate but make no claim about this order's shipping. */
  others: Record<string, Frame>;
  warehouse: readonly Frame[];
  /** Whether subject and predicate are joined by a space. */
  spaced: boolean;
}

const hans: Grammar = {
  locale: 'zh-Hans',
  spaced: false,
  verbs: [
    { v: '发货' },
    { v: '发出', customer: true },
    { v: '发出去' },
    { v: '寄出', customer: true },
    { v: '寄出去' },
    { v: '发走' },
    { v: '寄走' },
    { v: '出库' },
    { v: '出货' },
    { v: '寄', bare: true, customer: true },
    { v: '发', bare: true },
    { v: '邮寄' },
    { v: '交给快递', handover: true },
    { v: '交给顺丰', handover: true },
    { v: '交给快递小哥', handover: true },
    { v: '上路', handover: true },
    { v: '送出' },
    { v: '发件' },
    { v: '补发' },
  ],
  subjects: ['', '您的订单', '您的包裹', '宝贝', '东西', '货', '您买的鞋子', '这单', '我们', '这边'],
  prefixes: ['', '亲，', '您好，', '亲亲 ', '好的亲，'],
  suffixes: [
    '',
    '哦',
    '，请耐心等待',
    '，预计2-3天送达',
    '呢亲',
    '~',
    '，您留意一下物流',
    '。还有什么可以帮您的吗？',
    '啦',
  ],
  beneficiaries: ['', '给您', '帮您'],
  claims: [
    (v, b) => `已经${b}${v.v}了`,
    (v, b) => (v.bare ? undefined : `已${b}${v.v}`),
    (v, b) => `早就${b}${v.v}了`,
    (v, b) => `${b}${v.v}了`,
    (v) => `昨天就${v.v}了`,
    (v) => `今天上午${v.v}了`,
    (v) => (v.bare || v.handover ? undefined : `以${v.v}`),
    (v, b) => `刚刚${b}${v.v}了`,
    (v) => `${v.v}了`,
    (v) => (v.handover ? undefined : `是昨天${v.v}的`),
    (v) => `已经${v.v}两天了`,
    (v) => (v.handover ? undefined : `已经从广州仓${v.v}了`),
  ],
  stateClaims: ['在路上了', '已经在路上了', '正在运输中', '已经在路上了，很快就到'],
  others: {
    question: (v, b, pick) =>
      pick([
        `${v.v}了吗？`,
        `是否已经${v.v}？`,
        `请问${b}${v.v}了没？`,
        `已经${v.v}了吗？`,
        `有没有${v.v}？`,
      ]),
    negation: (v, b, pick) => pick([`还没${v.v}`, `还没有${b}${v.v}`, `尚未${v.v}`, `暂时没有${v.v}`]),
    future: (v, b, pick) =>
      pick([
        `明天${v.v}`,
        `会尽快${b}${v.v}`,
        `预计48小时内${v.v}`,
        `马上安排${v.v}`,
        `我们将于周五前${v.v}`,
      ]),
    condition: (v, _b, pick) =>
      pick([
        `如果已经${v.v}了的话，就没办法改地址了`,
        `一旦${v.v}，会短信通知您`,
        `${v.v}后会同步物流单号`,
        `等${v.v}了我第一时间告诉您`,
      ]),
    relative: (v, _b, pick) =>
      v.bare || v.handover ? undefined : pick([`已${v.v}的订单不能修改地址`, `已经${v.v}的包裹没办法拦截`]),
    customer: (v) => (v.customer ? `您${v.v}后请把单号告诉我们` : undefined),
    policy: (v, _b, pick) =>
      pick([
        `我们一般付款后48小时内${v.v}`,
        `下单后按顺序${v.v}`,
        `${v.v}时间以物流信息为准`,
        `我们是按付款顺序统一${v.v}的`,
      ]),
    object: (v, _b, pick) =>
      v.v === '发' || v.v === '发出去'
        ? pick(['已经给您发了链接', '优惠券已经发给您了', '截图我已经发过去了'])
        : undefined,
  },
  warehouse: [
    (v) => `仓库已经${v.v}了`,
    (v) => (v.bare ? undefined : `仓库已${v.v}`),
    (v) => `仓库这边${v.v}了`,
  ],
};

const hant: Grammar = {
  locale: 'zh-Hant',
  spaced: false,
  verbs: [
    { v: '出貨' },
    { v: '寄出', customer: true },
    { v: '寄出去' },
    { v: '發貨' },
    { v: '發出', customer: true },
    { v: '寄', bare: true, customer: true },
    { v: '交給黑貓', handover: true },
    { v: '交給宅配', handover: true },
    { v: '交給物流', handover: true },
    { v: '出庫' },
    { v: '寄送' },
    { v: '送出' },
    { v: '寄咗', bare: true },
  ],
  subjects: ['', '您的訂單', '您的包裹', '商品', '東西', '這筆訂單', '我們'],
  prefixes: ['', '您好，', '親，', '不好意思讓您久等，'],
  suffixes: ['', '喔', '，請耐心等候', '囉', '，大約兩天會到', '，再麻煩留意簡訊'],
  beneficiaries: ['', '幫您', '為您'],
  claims: [
    (v, b) => `已經${b}${v.v}了`,
    (v, b) => (v.bare ? undefined : `已${b}${v.v}`),
    (v, b) => `${b}${v.v}了`,
    (v) => `昨天就${v.v}了`,
    (v) => (v.v === '寄咗' ? '琴日已經寄咗' : `早就${v.v}了`),
    (v) => `今天早上${v.v}了`,
    (v) => (v.handover ? undefined : `是前天${v.v}的`),
  ],
  stateClaims: ['在路上了', '已經在路上囉', '目前在運送途中'],
  others: {
    question: (v, b, pick) =>
      v.v === '寄咗'
        ? pick(['寄咗未？', '係咪已經寄咗？'])
        : pick([`${v.v}了嗎？`, `請問是否已經${v.v}？`, `${b}${v.v}了沒？`]),
    negation: (v, b, pick) => pick([`還沒${v.v}`, `還沒有${b}${v.v}`, `尚未${v.v}`]),
    future: (v, b, pick) =>
      v.v === '寄咗'
        ? '聽日寄出'
        : pick([`明天${v.v}`, `會盡快${b}${v.v}`, `預計三天內${v.v}`, `下週一${v.v}`]),
    condition: (v, _b, pick) =>
      pick([`如果已經${v.v}的話，就無法更改地址`, `${v.v}後會傳簡訊通知您`, `等${v.v}了再通知您`]),
    relative: (v, _b, pick) =>
      v.bare || v.handover ? undefined : pick([`已${v.v}的訂單無法更改`, `已經${v.v}的商品沒辦法攔截`]),
    customer: (v) => (v.customer ? `您${v.v}之後請提供單號` : undefined),
    object: (v) => (v.v === '寄' ? '已經寄了電子郵件給您' : undefined),
  },
  warehouse: [(v) => `倉庫已經${v.v}了`, (v) => (v.bare ? undefined : `倉庫已${v.v}`)],
};

const en: Grammar = {
  locale: 'en',
  spaced: true,
  verbs: [
    { v: 'shipped' },
    { v: 'dispatched' },
    { v: 'posted' },
    { v: 'sent out' },
    { v: 'mailed' },
    { v: 'shipped out' },
    { v: 'sent off' },
  ],
  subjects: ['Your order', 'Your parcel', 'The package', 'It', 'Everything', 'Your item', 'The replacement'],
  prefixes: ['', 'Good news: ', 'Hi there, ', 'Thanks for waiting. ', 'Hello! '],
  suffixes: [
    '.',
    '!',
    ', so it should reach you soon.',
    ' :)',
    '. Thanks for your patience.',
    '. Anything else I can help with?',
  ],
  beneficiaries: ['yesterday', 'this morning', 'on Monday', 'earlier today', 'last night'],
  claims: [
    (v) => (v.v === 'shipped' ? 'has shipped' : undefined),
    (v) => `has been ${v.v}`,
    (v) => `has already been ${v.v}`,
    (v, t) => `was ${v.v} ${t}`,
    (v, t) => (v.v === 'shipped' || v.v === 'shipped out' ? `${v.v} ${t}` : undefined),
    (_v, t) => `went out ${t}`,
    (v, t) => `got ${v.v} ${t}`,
    (_v, t) => `was handed to the courier ${t}`,
  ],
  stateClaims: [
    'It is on its way',
    "It's on the way",
    'Your parcel is in transit',
    'Your order is now with the courier',
    'The package is already on its way to you',
    'We shipped it yesterday',
    'I dispatched it this morning with the courier',
    "We've sent it out",
    'I posted it on Monday',
    'We have shipped your order',
    'We handed it over to the courier earlier today',
    'It was handed over to Royal Mail yesterday',
    'The courier collected it this morning',
    'Your order has been processed and shipped',
    'We sent the replacement yesterday',
    "It's out for delivery",
  ],
  others: {
    question: (v, _t, pick) =>
      pick([
        `Has it been ${v.v}?`,
        `Was it ${v.v}?`,
        `Has your order been ${v.v} yet?`,
        `Could you tell me if it was ${v.v}?`,
      ]),
    negation: (v, _t, pick) =>
      pick([
        `It has not been ${v.v} yet`,
        `It hasn't been ${v.v} yet`,
        `Your order was not ${v.v}`,
        'It is not on its way yet',
      ]),
    future: (v, _t, pick) =>
      pick([
        `It will be ${v.v} tomorrow`,
        `Your order should be ${v.v} within 24 hours`,
        `We'll have it ${v.v} by Friday`,
        `It is going to be ${v.v} next week`,
        `Your parcel will be on its way soon`,
      ]),
    condition: (v, _t, pick) =>
      pick([
        `Once it has been ${v.v}, you will get an email`,
        `As soon as it is ${v.v}, we will send the tracking number`,
        `If it was already ${v.v}, we cannot change the address`,
        `When your order is ${v.v}, you'll get a text`,
      ]),
    relative: (v, _t, pick) =>
      pick([
        `Orders that have already been ${v.v} cannot be edited`,
        `Items that were ${v.v} after 3pm arrive a day later`,
        `Anything ${v.v} after the cut-off goes out the next day`,
      ]),
    object: (_v, _t, pick) =>
      pick([
        'I sent you the tracking link',
        'We sent you an email yesterday',
        'I have sent the refund to your card',
      ]),
  },
  warehouse: [
    (v) => `Our warehouse has ${v.v === 'shipped' ? 'shipped' : v.v} it`,
    (v) => `It has been ${v.v} from our warehouse`,
    () => 'It has left our warehouse',
  ],
};

export const GRAMMARS: readonly Grammar[] = [hans, hant, en];

/** Draw `pairs` claims per locale, each with a compliant twin, plus scanned and warehouse variants. */
export function generate(seed: number, pairs = 90): DevCase[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: DevCase[] = [];
  for (const g of GRAMMARS) {
    const join = (...parts: string[]) => {
      const filled = parts.filter((p) => p !== '');
      return g.spaced ? filled.join(' ') : filled.join('');
    };
    const sentence = (prefix: string, core: string, suffix: string) => {
      let text = prefix + core + suffix;
      if (g.spaced && (prefix === '' || /[.!:] $/.test(prefix)))
        text = prefix + core.charAt(0).toUpperCase() + core.slice(1) + suffix;
      return text;
    };
    const seen = new Set<string>();
    const add = (text: string, facts: Facts, expect: boolean, frame: string) => {
      const key = `${text}\u0000${JSON.stringify(facts)}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ locale: g.locale, text, facts, expect, frame });
    };
    let made = 0;
    for (let guard = 0; made < pairs && guard < pairs * 50; guard++) {
      const verb = pick(g.verbs);
      const ben = pick(g.beneficiaries);
      const prefix = pick(g.prefixes);
      const suffix = pick(g.suffixes);
      const state = random() < 0.15;
      const claimCore = state ? pick(g.stateClaims) : pick(g.claims)(verb, ben, pick);
      if (claimCore === undefined) continue;
      const frames = Object.keys(g.others);
      const kind: Kind = random() < 0.2 ? 'warehouse' : 'other';
      const frameName = kind === 'warehouse' ? 'warehouse' : pick(frames);
      const twinCore =
        kind === 'warehouse' ? pick(g.warehouse)(verb, ben, pick) : g.others[frameName]!(verb, ben, pick);
      if (twinCore === undefined) continue;
      const subject = state ? '' : pick(g.subjects);
      const claim = sentence(prefix, join(subject, claimCore), suffix);
      // A twin keeps the subject only where the frame reads with it.
      const twinSubject = ['question', 'negation', 'future'].includes(frameName) && !state ? subject : '';
      const twin = sentence(
        prefix,
        join(twinSubject, twinCore),
        twinCore.endsWith('?') || twinCore.endsWith('？') ? '' : suffix,
      );
      const facts = random() < 0.75 ? NO_SCAN : NOT_SHIPPED;
      add(claim, facts, true, state ? 'state' : 'claim');
      if (kind === 'warehouse') add(twin, facts, facts === NOT_SHIPPED, 'warehouse');
      else add(twin, facts, false, frameName);
      if (random() < 0.15) add(claim, SCANNED, false, 'scanned');
      made++;
    }
  }
  return out;
}

function main(): void {
  const { values } = parseArgs({
    options: { show: { type: 'boolean' }, seed: { type: 'string' }, pairs: { type: 'string' } },
  });
  const cases = generate(Number(values.seed ?? 1), Number(values.pairs ?? 90));
  const rules = Object.fromEntries(
    lintRules.map((rule) => [
      rule.id,
      rule.id === 'shipping-wording' ? ('error' as const) : ('off' as const),
    ]),
  );
  const linter = createLinter({ rules });
  const rows: Record<string, string | number>[] = [];
  const byLocale = new Map<string, { tp: number; fp: number; fn: number; n: number }>();
  const byFrame = new Map<string, { n: number; wrong: number }>();
  for (const c of cases) {
    const fired = linter.lint(c.text, { facts: c.facts }).findings.length > 0;
    for (const key of [c.locale, 'all']) {
      const s = byLocale.get(key) ?? { tp: 0, fp: 0, fn: 0, n: 0 };
      s.n++;
      if (fired && c.expect) s.tp++;
      else if (fired) s.fp++;
      else if (c.expect) s.fn++;
      byLocale.set(key, s);
    }
    const f = byFrame.get(c.frame) ?? { n: 0, wrong: 0 };
    f.n++;
    if (fired !== c.expect) f.wrong++;
    byFrame.set(c.frame, f);
    if (values.show && fired !== c.expect)
      console.log(
        `${c.expect ? 'MISS' : 'FALSE'}\t${c.locale}\t${c.frame}\t${JSON.stringify(c.facts.order)}\t${c.text}`,
      );
  }
  for (const [locale, s] of byLocale)
    rows.push({
      locale,
      cases: s.n,
      TP: s.tp,
      FP: s.fp,
      FN: s.fn,
      precision: s.tp + s.fp === 0 ? '—' : (s.tp / (s.tp + s.fp)).toFixed(3),
      recall: s.tp + s.fn === 0 ? '—' : (s.tp / (s.tp + s.fn)).toFixed(3),
    });
  console.log(table(rows));
  console.log(table([...byFrame].map(([frame, f]) => ({ frame, cases: f.n, wrong: f.wrong }))));
}

if (process.argv[1]?.endsWith('shipping-dev.ts')) main();
