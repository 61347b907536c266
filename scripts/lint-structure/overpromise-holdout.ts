/**
 * A small held-out check for `no-overpromise`: replies written freely by hand AFTER the structure
 * reader was frozen (not generated from the dev grammar, not tuned against), in zh-Hans, zh-Hant
 * and en. It estimates how the reader generalises beyond the dev grammar; a miss here is reported,
 * not patched case by case.
 *
 *   npx tsx scripts/lint-structure/overpromise-holdout.ts          P/R per locale
 *   npx tsx scripts/lint-structure/overpromise-holdout.ts --show   also every miss and false alarm
 */
import { parseArgs } from 'node:util';
import { table } from '../../bench/harness.js';
import type { Facts } from '../../src/facts.js';
import { createLinter } from '../../src/lint/linter.js';
import { lintRules } from '../../src/lint/rule-list.js';

const U: Facts = { order: { deliveryUncertain: true } };
type Row = [locale: 'zh-Hans' | 'zh-Hant' | 'en', expect: boolean, text: string, facts?: Facts];

const ROWS: Row[] = [
  // zh-Hans: promises
  ['zh-Hans', true, '您放心，这个包裹后天之前百分之百能送到您家'],
  ['zh-Hans', true, '我敢保证这次换货肯定不会再出问题'],
  ['zh-Hans', true, '退款绝对三个工作日内到您账户'],
  ['zh-Hans', true, '放一百个心，这款空调装上一定好用'],
  ['zh-Hans', true, '亲，这边确保您周六前能收到货'],
  ['zh-Hans', true, '顺丰发的，明早肯定送到', U],
  ['zh-Hans', true, '这次补发的鞋子铁定合脚'],
  ['zh-Hans', true, '亲亲，星期三上午就能给您送上门的', U],
  ['zh-Hans', true, '我们承诺48小时内一定送达'],
  ['zh-Hans', true, '保证您下单后第二天就能用上'],
  // zh-Hans: twins
  ['zh-Hans', false, '您放心，我一定把您的情况反馈给主管'],
  ['zh-Hans', false, '说实话这个我也不敢打包票，只能尽量帮您催'],
  ['zh-Hans', false, '这款面料是百分之百桑蚕丝'],
  ['zh-Hans', false, '店铺需要缴纳一定的保证金才能开通'],
  ['zh-Hans', false, '后天能送到吗？我帮您问一下站点'],
  ['zh-Hans', false, '我们会保证每一单都认真质检'],
  ['zh-Hans', false, '一般情况下三天左右能收到', U],
  ['zh-Hans', false, '等快递到了您再检查一下哦', U],
  ['zh-Hans', false, '肯定是我们这边的失误，给您添麻烦了'],
  ['zh-Hans', false, '物流显示昨天已经送到驿站了', U],
  ['zh-Hans', false, '您一定要当着快递员的面验货哦'],
  ['zh-Hans', false, '一定尽最大努力帮您把运费争取回来'],
  // zh-Hant: promises
  ['zh-Hant', true, '放心啦，聽日一定送到府上'],
  ['zh-Hant', true, '我們保證退款三天內到帳'],
  ['zh-Hant', true, '這台機器絕對不會壞的'],
  ['zh-Hant', true, '包裹週五前實會到，唔使擔心'],
  ['zh-Hant', true, '下星期一就會送達', U],
  ['zh-Hant', true, '百分百冇問題'],
  ['zh-Hant', true, '確保您後天收到'],
  // zh-Hant: twins
  ['zh-Hant', false, '我們一定會盡快幫您跟進'],
  ['zh-Hant', false, '暫時無法確定幾時送到，有消息第一時間通知您', U],
  ['zh-Hant', false, '呢件外套係100%羊毛'],
  ['zh-Hant', false, '聽日一定到嗎？我幫您查下'],
  ['zh-Hant', false, '預計聽日送達', U],
  ['zh-Hant', false, '我們保證會認真處理您的投訴'],
  ['zh-Hant', false, '需要先交保證金'],
  // en: promises
  ['en', true, "Don't worry, your order will absolutely be there before Christmas."],
  ['en', true, 'I can promise you the refund will be in your account by Monday.'],
  ['en', true, "It'll arrive on Thursday, 100 percent."],
  ['en', true, 'We guarantee the replacement will work perfectly.'],
  ['en', true, 'Your package will certainly get there by noon tomorrow.'],
  ['en', true, 'The courier will deliver it tomorrow morning.', U],
  ['en', true, 'You will surely receive it within two days.'],
  ['en', true, "Trust me, there's no way this will be delayed again."],
  // en: twins
  ['en', false, "I'll definitely pass your feedback on to the team."],
  ['en', false, "We can't promise a date, but we'll keep you updated."],
  ['en', false, 'This sweater is 100% merino wool.'],
  ['en', false, 'Is it guaranteed to arrive by Friday?'],
  ['en', false, 'The tracking says it should be delivered tomorrow.', U],
  ['en', false, 'I promise I will call the courier right now.'],
  ['en', false, 'All our kettles come with a 12-month guarantee.'],
  ['en', false, 'It was delivered yesterday at 3pm.', U],
  ['en', false, "I'm not certain it will arrive tomorrow, sorry."],
  ['en', false, 'We absolutely understand how frustrating this is.'],
];

function main(): void {
  const { values } = parseArgs({ options: { show: { type: 'boolean' } } });
  const rules = Object.fromEntries(
    lintRules.map((rule) => [rule.id, rule.id === 'no-overpromise' ? ('error' as const) : ('off' as const)]),
  );
  const linter = createLinter({ rules });
  const stats = new Map<string, { tp: number; fp: number; fn: number; n: number }>();
  const wrong: string[] = [];
  for (const [locale, expect, text, facts] of ROWS) {
    const fired = linter.lint(text, facts === undefined ? {} : { facts }).findings.length > 0;
    for (const key of [locale, 'all']) {
      const s = stats.get(key) ?? { tp: 0, fp: 0, fn: 0, n: 0 };
      s.n++;
      if (fired && expect) s.tp++;
      else if (fired) s.fp++;
      else if (expect) s.fn++;
      stats.set(key, s);
    }
    if (fired !== expect)
      wrong.push(`${expect ? 'MISS' : 'FALSE'} [${locale}${facts ? ' uncertain' : ''}] ${text}`);
  }
  const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(2));
  console.log(`no-overpromise hand-written holdout: ${ROWS.length} cases\n`);
  console.log(
    table(
      [...stats].map(([locale, s]) => ({
        locale,
        cases: s.n,
        TP: s.tp,
        FP: s.fp,
        FN: s.fn,
        precision: ratio(s.tp, s.tp + s.fp),
        recall: ratio(s.tp, s.tp + s.fn),
      })),
    ),
  );
  if (values.show === true) console.log('\n' + wrong.join('\n'));
}

if (process.argv[1]?.endsWith('overpromise-holdout.ts')) main();
