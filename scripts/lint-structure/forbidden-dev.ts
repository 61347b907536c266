/**
 * A development set for `no-forbidden-phrase`, made by a different method from the hand-written
 * adversarial set (test/lint/adversarial/): sentences generated from a small grammar — frames of
 * each forbidden category with slots (what the customer should have read, a fact, a verb) — and,
 * beside each category, polite twins built from the same slots. zh-Hant is the zh-Hans grammar
 * through OpenCC (Taiwan phrasing). The detector is developed against this set; the adversarial
 * set stays the check.
 *
 *   npx tsx scripts/lint-structure/forbidden-dev.ts            precision / recall per category × locale
 *   npx tsx scripts/lint-structure/forbidden-dev.ts --misses   also every miss and false alarm
 */
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js';
import { table, type Row } from '../../bench/harness.js';
import { createLinter } from '../../src/lint/linter.js';

type Locale = 'zh-Hans' | 'zh-Hant' | 'en';
type Category = 'rhetorical' | 'scolding' | 'interrogation' | 'discrimination';
interface DevCase {
  text: string;
  locale: Locale;
  /** The forbidden category the text belongs to; undefined for a polite twin. */
  category: Category | undefined;
  /** The category whose twin a polite text is. */
  family: Category;
}

/** Every combination of the slot values, in order, each frame filled (`{slot}`). */
function expand(frames: readonly string[], slots: Record<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const frame of frames) {
    let texts = [frame];
    for (const [name, values] of Object.entries(slots)) {
      if (!frame.includes(`{${name}}`)) continue;
      texts = texts.flatMap((text) => values.map((value) => text.replaceAll(`{${name}}`, value)));
    }
    out.push(...texts);
  }
  return out;
}

/** Every `step`-th item (a deterministic thinning of a large expansion). */
const every = <T>(list: readonly T[], step: number): T[] => list.filter((_, i) => i % step === 0);

const ZH = {
  you: ['你', '您'],
  page: ['详情页', '商品描述', '尺码表', '活动规则', '说明书', '页面'],
  fact: ['预售要十五天发货', '这款不支持七天无理由', '满两百才包邮', '赠品数量有限', '颜色以实物为准'],
  read: ['看', '读', '看到', '注意到'],
  noise: ['闹', '吵', '嚷嚷', '喊', '啰嗦', '纠缠'],
  act: ['拆', '洗', '用', '改'],
  item: ['这个', '这件衣服', '这台机器', '包装'],
  skill: ['复制链接', '填地址', '领券', '看物流'],
};

const ZH_VIOLATIONS: Record<Category, string[]> = {
  rhetorical: [
    ...expand(['{you}没{read}{page}吗？', '{you}到底有没有看{page}？', '{you}自己不会看{page}吗？'], ZH),
    ...every(
      expand(['{page}上不是写着{fact}吗？', '我刚才不是说了{fact}吗？', '难道{you}不知道{fact}？'], ZH),
      2,
    ),
    ...expand(['这都要问？{page}写着呢', '这也要问吗？{page}里有', '{fact}，这还用问吗？'], ZH),
  ],
  scolding: [
    ...expand(['{you}别再{noise}了', '别{noise}了，{fact}'], ZH),
    ...every(expand(['{you}听好了，{fact}', '{you}给我听清楚，{fact}'], ZH), 2),
    ...expand(
      [
        '看清楚{page}再来问',
        '想清楚再下单，别来回折腾',
        '少啰嗦，{fact}',
        '注意{you}的态度',
        '{you}能不能好好说话',
      ],
      ZH,
    ),
  ],
  interrogation: [
    ...expand(
      [
        '{you}到底想干嘛？',
        '{you}究竟要怎样？',
        '谁让{you}{act}的？',
        '{you}为什么要{act}{item}？',
        '{you}凭什么要求退款？',
      ],
      ZH,
    ),
    ...expand(['{you}是怎么看{page}的？', '{you}干嘛非要{act}{item}？'], ZH),
  ],
  discrimination: [
    ...expand(
      ['买不起就别买', '嫌贵就别看了', '没钱就别问了', '{you}们这种人我见多了', '这么简单的事都不会'],
      ZH,
    ),
    ...expand(['连{skill}都不会吗？', '小学生都会{skill}', '一看{you}就没买过东西'], ZH),
  ],
};

const ZH_TWINS: Record<Category, string[]> = {
  rhetorical: [
    ...every(
      expand(
        ['{page}上有写{fact}，您可以看一下哦', '您可以看下{page}，{fact}', '不好意思刚才没说清楚，{fact}'],
        ZH,
      ),
      2,
    ),
    ...expand(
      ['请问您收到{item}了吗？', '您看到{page}里的说明了吗？我再发您一份', '请问您是哪里没看明白呢？'],
      ZH,
    ),
  ],
  scolding: [
    ...expand(
      ['请您别着急，{fact}', '您先别担心，我马上帮您查', '您慢慢说，我在听', '麻烦您看一下{page}，{fact}'],
      ZH,
    ),
    ...expand(['别担心，{item}坏了我们包换', '请您注意查收短信通知', '下单前可以先看清楚{page}哦'], ZH),
  ],
  interrogation: [
    ...expand(
      [
        '请问您是什么时候下单的呢？',
        '请问您想怎么处理呢？',
        '方便告诉我您是怎么操作的吗？',
        '请问是什么原因想退货呢？',
      ],
      ZH,
    ),
    ...expand(['您是想{act}{item}吗？我教您', '为了帮您处理，想了解一下您是怎么使用的'], ZH),
  ],
  discrimination: [
    ...expand(
      [
        '这款价格确实不低，我帮您看看有没有优惠券',
        '{skill}有点麻烦，我一步步教您',
        '很多客户一开始也不熟悉，我来帮您',
      ],
      ZH,
    ),
    ...expand(['如果预算有限，可以看看这款', '第一次买没关系，我帮您{skill}'], ZH),
  ],
};

const EN = {
  page: ['product page', 'size chart', 'description', 'listing', 'FAQ'],
  fact: ['pre-orders ship in 15 days', 'this item is final sale', 'shipping is free over $50'],
  noise: ['shouting', 'yelling', 'whining', 'nagging', 'spamming the chat'],
  act: ['open', 'wash', 'use', 'modify'],
  skill: ['copy a link', 'apply a coupon', 'track a parcel', 'enter an address'],
};

const EN_VIOLATIONS: Record<Category, string[]> = {
  rhetorical: [
    ...expand(
      [
        "Didn't you read the {page}?",
        'Did you even look at the {page}?',
        "Can't you read? It's on the {page}.",
      ],
      EN,
    ),
    ...expand(
      [
        'How many times do I have to tell you?',
        "Haven't I already told you that {fact}?",
        'Do you really need to ask that?',
      ],
      EN,
    ),
  ],
  scolding: [
    ...expand(['Stop {noise}.', 'Quit {noise} and listen.'], EN),
    ...expand(
      [
        'Listen carefully: {fact}.',
        'Watch your tone.',
        'Read the {page} before you ask.',
        "Don't bother me with this.",
      ],
      EN,
    ),
  ],
  interrogation: [
    ...expand(
      [
        "Why didn't you say so earlier?",
        'What exactly do you want?',
        'Who told you to {act} it?',
        'Why would you {act} it?',
      ],
      EN,
    ),
    ...expand(['What did you do to it?', 'How did you even manage to break it?'], EN),
  ],
  discrimination: [
    ...expand(
      [
        "If you can't afford it, don't buy it.",
        'People like you are always trouble.',
        'Even a child could {skill}.',
      ],
      EN,
    ),
    ...expand(["It's not rocket science.", 'Anyone can {skill}, it is that simple.'], EN),
  ],
};

const EN_TWINS: Record<Category, string[]> = {
  rhetorical: [
    ...expand(
      [
        'Did you receive the tracking email?',
        "It's on the {page}: {fact}.",
        'Have you had a chance to look at the {page}? I can walk you through it.',
      ],
      EN,
    ),
  ],
  scolding: [
    ...expand(
      [
        "Please don't worry, {fact}.",
        "I'm listening, please go on.",
        'Stop by our store any time.',
        'Please read the care label before you wash it.',
      ],
      EN,
    ),
  ],
  interrogation: [
    ...expand(
      [
        'When did you place the order?',
        'What would you like us to do: refund or exchange?',
        'Could you tell me how you used it, so I can help?',
      ],
      EN,
    ),
  ],
  discrimination: [
    ...expand(
      [
        'If the budget is tight, this model costs less.',
        'It can be tricky to {skill}; I will walk you through it.',
        'Customers like you help us improve.',
      ],
      EN,
    ),
  ],
};

export function forbiddenDevCases(): DevCase[] {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const cases: DevCase[] = [];
  const add = (locale: Locale, sets: Record<Category, string[]>, violating: boolean) => {
    for (const [family, texts] of Object.entries(sets) as Array<[Category, string[]]>) {
      for (const text of new Set(texts)) {
        cases.push({ text, locale, category: violating ? family : undefined, family });
      }
    }
  };
  add('zh-Hans', ZH_VIOLATIONS, true);
  add('zh-Hans', ZH_TWINS, false);
  add('en', EN_VIOLATIONS, true);
  add('en', EN_TWINS, false);
  for (const c of cases.filter((c) => c.locale === 'zh-Hans')) {
    cases.push({ ...c, text: toTraditional(c.text), locale: 'zh-Hant' });
  }
  return cases;
}

function main(): void {
  const { values } = parseArgs({ options: { misses: { type: 'boolean' } } });
  const linter = createLinter();
  const tally = new Map<string, { tp: number; fp: number; fn: number; wrongCategory: number }>();
  const misses: string[] = [];
  for (const devCase of forbiddenDevCases()) {
    const findings = linter
      .lint(devCase.text, { locale: devCase.locale })
      .findings.filter((f) => f.ruleId === 'no-forbidden-phrase');
    const fired = findings.length > 0;
    for (const key of [`${devCase.family}\u0000${devCase.locale}`, `${devCase.family}\u0000all`]) {
      const t = tally.get(key) ?? { tp: 0, fp: 0, fn: 0, wrongCategory: 0 };
      if (devCase.category !== undefined && fired) t.tp++;
      if (devCase.category !== undefined && !fired) t.fn++;
      if (devCase.category === undefined && fired) t.fp++;
      if (
        devCase.category !== undefined &&
        fired &&
        !findings.some((f) => f.data?.category === devCase.category)
      ) {
        t.wrongCategory++;
      }
      tally.set(key, t);
    }
    if (devCase.category !== undefined && !fired)
      misses.push(`miss  ${devCase.locale} ${devCase.family}: ${devCase.text}`);
    if (devCase.category === undefined && fired) {
      misses.push(
        `alarm ${devCase.locale} ${devCase.family}: ${devCase.text} (${findings[0]!.data?.category})`,
      );
    }
  }
  const rows: Row[] = [...tally.entries()].map(([key, t]) => {
    const [category, locale] = key.split('\u0000');
    return {
      category: category!,
      locale: locale!,
      TP: t.tp,
      FP: t.fp,
      FN: t.fn,
      precision: t.tp + t.fp === 0 ? '—' : (t.tp / (t.tp + t.fp)).toFixed(2),
      recall: (t.tp / (t.tp + t.fn)).toFixed(2),
      'other category': t.wrongCategory,
    };
  });
  console.log(table(rows));
  if (values.misses === true) console.log(misses.join('\n'));
}

main();
