/**
 * A development set for the three conversation rules (`greet-first`, `apologize-on-complaint`,
 * `offer-further-help`), generated from a small grammar instead of written by hand (the
 * adversarial set under test/lint/adversarial/ is hand-written and is the measurement).
 *
 * Customer turns come in classes — complaints (a defect of the product, a negative evaluation, an
 * unmet expectation, an escalation threat), a question about policy that names a defect only as a
 * condition, a plain question, a closing (thanks, nothing-else, goodbye), thanks with a question or
 * a new request — and agent replies are built from parts: an optional greeting, an optional
 * apology (a word or a regret / responsibility construction), a body, an optional offer of further
 * help and an optional farewell. Each case is an opening (the reply is the agent's first turn) or
 * a later turn (an earlier exchange, which may already hold an offer of further help). The label
 * of every rule follows from the parts:
 *
 * - greet-first: the reply is the first agent turn and has no greeting;
 * - apologize-on-complaint: the last customer turn is a complaint and the reply has no apology;
 * - offer-further-help: the reply closes (a farewell, or 不客气 to a closing thanks) without an
 *   offer, the customer has not said there is nothing else or goodbye, and no agent turn since the
 *   customer's last turn that was not a closing already offered.
 *
 * Before the structural rules (seed 1, 150 cases per locale; rule, all locales, TP FP FN P R):
 *   greet-first all 77 7 0 0.92 1.00
 *   apologize-on-complaint all 47 36 38 0.57 0.55
 *   offer-further-help all 73 41 0 0.64 1.00
 *
 *   npx tsx scripts/lint-structure/conversation-dev.ts            P/R per rule × locale
 *   npx tsx scripts/lint-structure/conversation-dev.ts --show     also every miss and false alarm
 *   npx tsx scripts/lint-structure/conversation-dev.ts --seed 7   another draw of the same grammar
 */
import { parseArgs } from 'node:util';
import { seededRandom } from '../../bench/sample-random.js';
import { table } from '../../bench/harness.js';
import { createLinter } from '../../src/lint/linter.js';
import { lintRules } from '../../src/lint/rule-list.js';
import type { ConversationTurn } from '../../src/lint/types.js';

export type Locale = 'zh-Hans' | 'zh-Hant' | 'en';
export const CONVERSATION_RULES = ['greet-first', 'apologize-on-complaint', 'offer-further-help'] as const;
export type ConversationRule = (typeof CONVERSATION_RULES)[number];

export interface DevCase {
  locale: Locale;
  conversation: ConversationTurn[];
  reply: string;
  expect: Record<ConversationRule, boolean>;
  /** The customer class and the reply's parts, for --show. */
  frame: string;
}

type CustomerClass =
  | 'defect'
  | 'negative'
  | 'unmet'
  | 'escalation'
  | 'policy'
  | 'question'
  | 'thanks'
  | 'decline'
  | 'goodbye'
  | 'thanks-question'
  | 'thanks-request';

const COMPLAINTS: ReadonlySet<CustomerClass> = new Set(['defect', 'negative', 'unmet', 'escalation']);

type Gen = (pick: <T>(xs: readonly T[]) => T) => string;

interface Grammar {
  locale: Locale;
  sep: string;
  customer: Record<CustomerClass, Gen>;
  greetings: readonly string[];
  apologies: readonly string[];
  bodies: readonly string[];
  /** Answers to a closing thanks (不客气). */
  welcomes: readonly string[];
  offers: readonly string[];
  farewells: readonly string[];
}

const hansItems = ['杯子', '衣服', '耳机', '台灯', '充电宝', '鞋子', '保温壶', '吹风机'];
const hans: Grammar = {
  locale: 'zh-Hans',
  sep: '，',
  customer: {
    defect: (p) =>
      p(['', '收到的', '刚拆开', '你们寄来的']) +
      p(hansItems) +
      p([
        '坏了',
        '破了',
        '漏水',
        '不能用',
        '没反应',
        '裂了一条缝',
        '一插电就没反应',
        '用了两天就不亮了',
        '拉链断了',
      ]) +
      p(['', '。', '！', '，怎么回事']),
    negative: (p) =>
      p(['这', '你们这个', '买的']) +
      p(hansItems) +
      p(['质量太差了', '真是垃圾', '太让人失望了', '简直离谱', '太坑了', '做工也太烂了']) +
      p(['', '！', '。']),
    unmet: (p) =>
      p(['我的', '']) +
      p(['快递', '包裹', '退款', '订单']) +
      p(['还没到', '一直不动', '等了五天了还没到', '一直不更新', '到现在都没退', '等了一个星期了']) +
      p(['', '！', '。', '，到底怎么回事']),
    escalation: (p) =>
      p(['', '再不处理', '你们这样']) +
      p(['我要投诉', '我就给差评', '我要打12315', '我去平台投诉你们', '我要找平台介入']) +
      p(['', '！', '。']),
    policy: (p) =>
      p(['如果', '万一', '要是']) +
      p(hansItems) +
      p(['坏了', '破了', '漏水', '不能用']) +
      p(['可以退吗？', '怎么办？', '能换吗？', '保修吗？']),
    question: (p) =>
      p(['请问', '', '你好，']) +
      p(hansItems) +
      p(['有黑色吗？', '什么时候发货？', '包邮吗？', '有现货吗？']),
    thanks: (p) =>
      p(['好的', '嗯嗯', '好', '']) + p(['谢谢', '谢谢啦', '多谢', '辛苦了']) + p(['', '！', '~']),
    decline: (p) =>
      p(['没有了', '没了', '不用了', '没有别的问题了', '就这些', '没事了']) +
      p(['', '，谢谢', '，谢谢啦', '。']),
    goodbye: (p) => p(['好的', '嗯', '']) + p(['再见', '拜拜']) + p(['', '！', '~']),
    'thanks-question': (p) =>
      p(['谢谢', '好的谢谢']) + '，' + p(['那什么时候能到？', '那可以开发票吗？', '运费谁出呢？']),
    'thanks-request': (p) =>
      p(['谢谢', '好的谢谢']) +
      '，' +
      p(['再帮我查一下另一个订单', '麻烦帮我改一下地址', '帮我备注一下送货上门']),
  },
  greetings: ['您好', '你好呀', '亲，您好', '哈喽', '嗨', '亲爱的，您好', '下午好', '欢迎光临'],
  apologies: [
    '非常抱歉',
    '对不起',
    '不好意思',
    '给您添麻烦了',
    '让您久等了',
    '是我们的疏忽',
    '真的很抱歉给您带来不便',
    '实在不好意思',
  ],
  bodies: [
    '已经为您登记处理了',
    '我这边马上帮您查一下',
    '已经帮您申请补发',
    '订单信息已经核对好了',
    '明天会安排寄出',
  ],
  welcomes: ['不客气', '不用谢', '应该的', '没事的'],
  offers: ['请问还有什么可以帮您？', '还有其他问题吗？', '还有别的需要吗？', '请问还有什么需要帮忙的吗？'],
  farewells: ['祝您生活愉快', '再见', '欢迎下次光临', '祝您购物愉快，再见'],
};

const hantItems = ['杯子', '衣服', '耳機', '檯燈', '行動電源', '鞋子', '保溫瓶', '吹風機'];
const hant: Grammar = {
  locale: 'zh-Hant',
  sep: '，',
  customer: {
    defect: (p) =>
      p(['', '收到的', '剛拆開', '你們寄來的']) +
      p(hantItems) +
      p(['壞了', '破了', '漏水', '不能用', '沒反應', '裂開了', '壞咗', '用兩天就不亮了']) +
      p(['', '。', '！', '，怎麼回事']),
    negative: (p) =>
      p(['這', '你們這個', '買的']) +
      p(hantItems) +
      p(['品質太差了', '真是垃圾', '太讓人失望了', '超離譜', '好差', '做工也太爛了']) +
      p(['', '！', '。']),
    unmet: (p) =>
      p(['我的', '']) +
      p(['包裹', '退款', '訂單']) +
      p(['還沒到', '一直沒更新', '等了五天了還沒到', '到現在都沒退', '等了一個禮拜了']) +
      p(['', '！', '。']),
    escalation: (p) =>
      p(['', '再不處理', '你們這樣']) +
      p(['我要投訴', '我就給負評', '我要找消保官', '我要客訴']) +
      p(['', '！', '。']),
    policy: (p) =>
      p(['如果', '萬一', '要是']) +
      p(hantItems) +
      p(['壞了', '破了', '不能用']) +
      p(['可以退嗎？', '怎麼辦？', '能換嗎？']),
    question: (p) =>
      p(['請問', '', '你好，']) +
      p(hantItems) +
      p(['有黑色嗎？', '什麼時候出貨？', '有現貨嗎？', '幾時到？']),
    thanks: (p) =>
      p(['好的', '好', '']) + p(['謝謝', '多謝', '唔該晒', '感謝', '感恩', '謝啦']) + p(['', '！', '~']),
    decline: (p) =>
      p(['沒有了', '沒了', '不用了', '冇嘢了', '沒有其他問題了']) + p(['', '，謝謝', '，唔該', '。']),
    goodbye: (p) => p(['好的', '']) + p(['再見', '拜拜', '掰掰']) + p(['', '！', '~']),
    'thanks-question': (p) =>
      p(['謝謝', '好的謝謝']) + '，' + p(['那幾時會到？', '可以開發票嗎？', '運費誰出呢？']),
    'thanks-request': (p) => p(['謝謝', '好的謝謝']) + '，' + p(['再幫我查另一張訂單', '麻煩幫我改一下地址']),
  },
  greetings: ['您好', '你好呀', '哈囉', '嗨', '早安', '午安', '歡迎光臨', '親愛的您好'],
  apologies: [
    '非常抱歉',
    '對不起',
    '不好意思',
    '唔好意思',
    '給您添麻煩了',
    '讓您久等了',
    '是我們的疏忽',
    '真的很抱歉造成您的不便',
  ],
  bodies: [
    '已經為您登記處理了',
    '我這邊馬上幫您查一下',
    '已經幫您申請補寄',
    '訂單資料已經核對好了',
    '明天會安排寄出',
  ],
  welcomes: ['不客氣', '不用謝', '唔使客氣', '不會', '唔使唔該'],
  offers: ['請問還有什麼可以幫您？', '還有其他問題嗎？', '還有別的需要嗎？', '仲有咩可以幫到你？'],
  farewells: ['祝您生活愉快', '再見', '歡迎下次光臨', '祝您購物愉快，再見'],
};

const enItems = ['mug', 'jacket', 'headphones', 'lamp', 'charger', 'kettle', 'hair dryer', 'blender'];
const en: Grammar = {
  locale: 'en',
  sep: ' ',
  customer: {
    defect: (p) =>
      p(['The ', 'My ', 'The new ']) +
      p(enItems) +
      p([
        ' arrived broken',
        ' is cracked',
        " doesn't work",
        ' stopped working after two days',
        ' is leaking',
        ' won’t turn on',
        ' came damaged',
      ]) +
      p(['.', '!', '', '. What happened?']),
    negative: (p) =>
      p(['This ', 'Your ']) +
      p(enItems) +
      p([
        ' is terrible',
        ' is total junk',
        ' is so disappointing',
        ' is a rip-off',
        ' is ridiculous',
        ' is awful quality',
      ]) +
      p(['.', '!', '']),
    unmet: (p) =>
      p(['My ', 'The ']) +
      p(['parcel', 'refund', 'order', 'package']) +
      p([
        ' still hasn’t arrived',
        " still hasn't come",
        ' has been stuck for a week',
        ' never arrived',
        " still isn't here after 10 days",
      ]) +
      p(['.', '!', '']),
    escalation: (p) =>
      p(['', 'Fix this or ']) +
      p([
        "I'll leave a 1-star review",
        "I'm filing a complaint",
        "I'll open a chargeback",
        "I'm reporting you",
      ]) +
      p(['.', '!', '']),
    policy: (p) =>
      p(['If the ', 'What if the ', 'In case the ']) +
      p(enItems) +
      p([' arrives broken', " doesn't work", ' is damaged']) +
      p([', can I return it?', ', what do I do?', ', is it covered?']),
    question: (p) =>
      p(['Hi, ', '', 'Quick question: ']) +
      p(['do you have the ', 'when will the ', 'is the ']) +
      p(enItems) +
      p([' in black?', ' ship?', ' in stock?']),
    thanks: (p) =>
      p(['OK ', 'Great, ', '', 'Perfect, ']) +
      p(['thanks', 'thank you', 'thanks a lot', 'cheers']) +
      p(['', '!', '.']),
    decline: (p) =>
      p(["That's all", 'Nothing else', "No, that's it", 'All good', 'Nope', 'No thanks']) +
      p(['', ', thanks', '!', '.']),
    goodbye: (p) => p(['OK ', '']) + p(['bye', 'goodbye', 'see you']) + p(['', '!', '.']),
    'thanks-question': (p) =>
      p(['Thanks', 'OK thanks']) +
      p([', when will it arrive?', ', can I get an invoice?', ', who pays the return postage?']),
    'thanks-request': (p) =>
      p(['Thanks', 'OK thanks']) +
      p([', please also check my other order', ', and please update my address']),
  },
  greetings: ['Hello', 'Hi there', 'Hey', 'Good morning', 'Good afternoon', 'Welcome', 'Hi', 'Greetings'],
  apologies: [
    "I'm so sorry",
    'My apologies',
    'We apologise for this',
    'We regret the trouble',
    "That shouldn't have happened",
    'Sorry about that',
    'This is our mistake',
    'Apologies for the wait',
  ],
  bodies: [
    "I've logged this for you",
    'Let me look into it right away',
    "I've arranged a replacement",
    'Your order details are confirmed',
    'It will be sent out tomorrow',
  ],
  welcomes: ["You're welcome", 'No problem', 'My pleasure', 'Anytime', 'No worries'],
  offers: ['Is there anything else I can help with?', 'Any other questions?', 'Anything else you need?'],
  farewells: ['Have a nice day', 'Goodbye', 'Have a great weekend', 'Take care, bye'],
};

const GRAMMARS = [hans, hant, en];

function join(g: Grammar, parts: readonly string[]): string {
  const kept = parts.filter((p) => p !== '');
  if (g.sep === '，') {
    let out = '';
    for (const part of kept) {
      if (out === '' || /[？?！!。~]$/.test(out)) out += part;
      else out += '，' + part;
    }
    return /[？?！!。~]$/.test(out) ? out : out + '。';
  }
  let out = '';
  for (const part of kept) {
    if (out === '') out = part;
    else if (/[?!.]$/.test(out)) out += ' ' + part;
    else out += '. ' + part;
  }
  return /[?!.]$/.test(out) ? out : out + '.';
}

export function generate(seed: number, perLocale: number): DevCase[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const classes = Object.keys(hans.customer) as CustomerClass[];
  const out: DevCase[] = [];
  for (const g of GRAMMARS) {
    const seen = new Set<string>();
    for (let guard = 0, made = 0; made < perLocale && guard < perLocale * 50; guard++) {
      const cls = pick(classes);
      const closingClass = cls === 'thanks' || cls === 'decline' || cls === 'goodbye';
      // Closings come after an exchange; the other classes open the conversation or follow one.
      const opening = !closingClass && chance(0.45);
      const customerText = g.customer[cls](pick);
      const conversation: ConversationTurn[] = [];
      let earlierOffer = false;
      if (!opening) {
        earlierOffer = chance(0.35);
        conversation.push({ role: 'customer', text: g.customer.question(pick) });
        conversation.push({
          role: 'agent',
          text: join(g, [pick(g.greetings), pick(g.bodies), earlierOffer ? pick(g.offers) : '']),
        });
      }
      conversation.push({ role: 'customer', text: customerText });
      const greeting = opening && chance(0.5);
      const apology = COMPLAINTS.has(cls) ? chance(0.5) : chance(0.1);
      const offer = chance(0.35);
      const farewell = closingClass || chance(0.3) ? chance(0.75) : false;
      const welcome = cls === 'thanks' ? chance(0.8) : closingClass && chance(0.3);
      // A reply to thanks that goes on with the business (no 不客气) does not close the conversation.
      const body = closingClass && (welcome || cls !== 'thanks') ? '' : pick(g.bodies);
      const parts: string[] = [
        greeting ? pick(g.greetings) : '',
        welcome ? pick(g.welcomes) : '',
        apology ? pick(g.apologies) : '',
        body,
        offer ? pick(g.offers) : '',
        farewell ? pick(g.farewells) : '',
      ];
      if (!parts.some((p) => p !== '')) parts[3] = pick(g.welcomes);
      const reply = join(g, parts);
      const key = JSON.stringify([conversation, reply]);
      if (seen.has(key)) continue;
      seen.add(key);
      // The earlier offer counts while every customer turn after it is a closing.
      const offeredSinceRequest = earlierOffer && closingClass;
      const closes = farewell || (cls === 'thanks' && welcome);
      out.push({
        locale: g.locale,
        conversation,
        reply,
        expect: {
          'greet-first': opening && !greeting,
          'apologize-on-complaint': COMPLAINTS.has(cls) && !apology,
          'offer-further-help':
            closes && !offer && cls !== 'decline' && cls !== 'goodbye' && !offeredSinceRequest,
        },
        frame: `${cls}${opening ? ' opening' : ''}${earlierOffer ? ' earlier-offer' : ''}`,
      });
      made++;
    }
  }
  return out;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  n: number;
}

function main(): void {
  const { values } = parseArgs({
    options: { show: { type: 'boolean' }, seed: { type: 'string' }, cases: { type: 'string' } },
  });
  const cases = generate(Number(values.seed ?? 1), Number(values.cases ?? 150));
  const linter = createLinter({
    rules: Object.fromEntries(
      lintRules.map((rule) => [
        rule.id,
        (CONVERSATION_RULES as readonly string[]).includes(rule.id) ? ('warn' as const) : ('off' as const),
      ]),
    ),
  });
  const scores = new Map<string, Score>();
  for (const c of cases) {
    const found = new Set(
      linter.lint(c.reply, { conversation: c.conversation, locale: c.locale }).findings.map((f) => f.ruleId),
    );
    for (const rule of CONVERSATION_RULES) {
      const fired = found.has(rule);
      const expect = c.expect[rule];
      for (const key of [`${rule}\u0000${c.locale}`, `${rule}\u0000all`]) {
        const s = scores.get(key) ?? { tp: 0, fp: 0, fn: 0, n: 0 };
        s.n++;
        if (fired && expect) s.tp++;
        else if (fired) s.fp++;
        else if (expect) s.fn++;
        scores.set(key, s);
      }
      if (values.show && fired !== expect)
        console.log(
          `${expect ? 'MISS' : 'FALSE'}\t${rule}\t${c.locale}\t${c.frame}\t${c.conversation.map((t) => `${t.role[0]}: ${t.text}`).join(' | ')} ⇒ ${c.reply}`,
        );
    }
  }
  console.log(`conversation dev set: ${cases.length} cases (${cases.length / 3} per locale)`);
  console.log(
    table(
      [...scores].map(([key, s]) => {
        const [rule, locale] = key.split('\u0000');
        return {
          rule: rule!,
          locale: locale!,
          TP: s.tp,
          FP: s.fp,
          FN: s.fn,
          precision: s.tp + s.fp === 0 ? '—' : (s.tp / (s.tp + s.fp)).toFixed(2),
          recall: s.tp + s.fn === 0 ? '—' : (s.tp / (s.tp + s.fn)).toFixed(2),
        };
      }),
    ),
  );
}

if (process.argv[1]?.endsWith('conversation-dev.ts')) main();
