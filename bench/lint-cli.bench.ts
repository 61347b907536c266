/**
 * `huashu lint` on a large chat export: generates a JSONL of realistic agent replies (our own
 * generator, varied wording, some with violations), runs the CLI as a child process with
 * `--format json > /dev/null`, and reports wall time and peak memory (goal: 1,000,000 lines in
 * ≤ 30 s and ≤ 200 MB). HUASHU_BENCH_LINES sets the line count (default 1,000,000).
 * Runs dist/cli/bin.js when built, else the source through tsx.
 */
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, type Suite } from './harness.js';
import { runMeasured, type RunFigures } from './measure-child.js';
import { SAMPLE_AGENTS, seededRandom as random } from './sample-random.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const CITIES = ['杭州', '广州', '成都', '武汉', '郑州', '济南', '西安', '苏州'];
const COLORS = ['雾霾蓝', '燕麦色', '奶白', '墨绿', '藏青', '焦糖'];

/** Sentence pieces written for this benchmark; `{n}` style slots are filled at random. */
const GREETINGS = [
  '您好',
  '亲，您好',
  '您好，很高兴为您服务',
  '在的亲',
  '您好，我是今天的值班客服',
  '亲亲您好',
  '欢迎光临小店',
];
const BODIES = [
  '您的订单我们会在48小时内安排出库',
  '这边已经帮您催促仓库了，请您稍等一下',
  '仓库已发货，快递揽收后物流信息就会更新',
  '物流显示包裹正在{city}转运中心，预计{d}天左右送达',
  '已经帮您备注优先打包了',
  '这款是纯棉面料的，{size}码适合身高{h}厘米左右',
  '这款目前有{color}和{color2}两个颜色可以选',
  '尺码建议您参考详情页的尺码表哦',
  '非常抱歉给您带来不便，麻烦您拍一下商品问题的照片',
  '退货申请通过后，快递员会在一到两天内上门取件',
  '退款会在1到3个工作日内原路退回',
  '现在下单满{m}元减{k}元，还可以叠加店铺券',
  '店铺首页可以领取{k}元无门槛优惠券',
  '电子发票会在确认收货后24小时内开具',
  '地址修改好了，您核对一下收件信息',
  '这个问题我记录下来了，核实后第一时间回复您',
  '价格保护申请已经提交，差价会退回您的账户',
  '这款商品支持七天无理由退换',
  '赠品会和商品一起发出',
  '我们一定尽快为您处理',
];
const CLOSINGS = [
  '请问还有什么可以帮您的吗？',
  '感谢您的耐心等待',
  '祝您生活愉快',
  '有问题随时联系我们哦',
  '',
  '',
  '',
];
const ENGLISH = [
  'Hi, thanks for reaching out! Let me check your order.',
  'Your parcel will leave our warehouse within 48 hours.',
  'Sorry for the trouble, could you send a photo of the damaged item?',
  'The refund goes back to your original payment method in 1-3 business days.',
  'Is there anything else I can help you with?',
];
const TRADITIONAL = [
  '您好，請問有什麼可以幫您？',
  '倉庫已發貨，請您耐心等候',
  '這款目前有現貨，今天下單明天出庫',
  '非常抱歉讓您久等了',
];
/** Replies that break a rule, with the facts that make them wrong. */
const VIOLATIONS: Array<{ reply: string; facts?: Record<string, unknown> }> = [
  { reply: '亲，已经发货了哦，请耐心等待', facts: { order: { shipped: true, carrierScan: false } } },
  {
    reply: '您的包裹已发货，明天保证到',
    facts: { order: { shipped: true, carrierScan: false, deliveryUncertain: true } },
  },
  { reply: '放心，百分之百不会有问题' },
  { reply: '您加我微信{phone}，我私下给您便宜点' },
  { reply: '这个我也不知道，你去问快递吧' },
  { reply: '这是平台规定，我有什么办法' },
  { reply: '您的手机号是{phone}对吧，我帮您登记' },
  { reply: '着什么急，排队处理呢' },
  { reply: 'Your order has shipped and is on its way!', facts: { order: { shipped: false } } },
];

function fill(template: string, next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  return template
    .replace('{city}', pick(CITIES))
    .replace('{d}', String(2 + Math.floor(next() * 4)))
    .replace('{size}', pick(['S', 'M', 'L', 'XL']))
    .replace('{h}', String(155 + Math.floor(next() * 30)))
    .replace('{color}', pick(COLORS))
    .replace('{color2}', pick(COLORS))
    .replace('{m}', String(100 + 50 * Math.floor(next() * 6)))
    .replace('{k}', String(5 + 5 * Math.floor(next() * 6)))
    .replace('{phone}', `13${Math.floor(100000000 + next() * 899999999)}`);
}

/** One JSONL line of a reply: grouped conversations of 2–8 replies, ~4% with a violation. */
export function* generateReplies(lines: number, seed = 20240601): Generator<string> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  let conversation = 0;
  let left = 0;
  let agent = SAMPLE_AGENTS[0] ?? '';
  let first = true;
  let language = 'zh-Hans';
  for (let i = 0; i < lines; i++) {
    if (left === 0) {
      conversation += 1;
      left = 2 + Math.floor(next() * 7);
      agent = pick(SAMPLE_AGENTS);
      first = true;
      const script = next();
      language = script < 0.1 ? 'en' : script < 0.18 ? 'zh-Hant' : 'zh-Hans';
    }
    left -= 1;
    const roll = next();
    let reply: string;
    let facts: Record<string, unknown> | undefined;
    if (roll < 0.04) {
      const violation = pick(VIOLATIONS);
      reply = fill(violation.reply, next);
      facts = violation.facts;
    } else if (language === 'en') reply = pick(ENGLISH);
    else if (language === 'zh-Hant') reply = pick(TRADITIONAL);
    else {
      const parts = [first || next() < 0.15 ? pick(GREETINGS) : '', fill(pick(BODIES), next)];
      const second = fill(pick(BODIES), next);
      if (next() < 0.35 && second !== parts[1]) parts.push(second);
      parts.push(left === 0 ? pick(CLOSINGS) : '');
      reply = parts.filter(Boolean).join('，');
    }
    first = false;
    const record: Record<string, unknown> = {
      id: `r${i + 1}`,
      agent,
      conversationId: `c${conversation}`,
      reply,
    };
    if (facts) record.facts = facts;
    yield JSON.stringify(record);
  }
}

async function writeJsonl(file: string, lines: number): Promise<void> {
  const out = createWriteStream(file);
  let buffer = '';
  for (const line of generateReplies(lines)) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

/** The CLI entry: the built bin when present, else the source through tsx (same process, no npx). */
function cliCommand(): { args: string[]; runner: string } {
  const dist = join(root, 'dist/cli/bin.js');
  const wanted = process.env.HUASHU_BENCH_CLI; // `source` forces the source, `dist` the build
  if (wanted !== 'source' && (existsSync(dist) || wanted === 'dist'))
    return { args: [dist], runner: 'dist/cli/bin.js' };
  // An absolute URL: the child runs in a temporary folder, where a bare `tsx` would not resolve.
  return {
    args: ['--import', import.meta.resolve('tsx'), join(root, 'src/cli/bin.ts')],
    runner: 'tsx src/cli/bin.ts',
  };
}

/** Run the CLI on `file` (see runMeasured). */
async function runCli(file: string, format: string, dir: string): Promise<RunFigures> {
  return runMeasured([...cliCommand().args, 'lint', file, '--format', format], {
    dir,
    label: `lint-${format}`,
  });
}

export const lintCliSuite: Suite = {
  name: 'lint-cli',
  async run() {
    const lines = Number(process.env.HUASHU_BENCH_LINES ?? 1_000_000);
    const dir = mkdtempSync(join(tmpdir(), 'huashu-bench-lint-'));
    try {
      const file = join(dir, 'replies.jsonl');
      const generated = performance.now();
      await writeJsonl(file, lines);
      const generateS = (performance.now() - generated) / 1000;
      const sizeMb = statSync(file).size / (1 << 20);
      const { runner } = cliCommand();
      const rows = [];
      for (const format of ['json', 'summary']) {
        const run = await runCli(file, format, dir);
        rows.push({
          measure: `huashu lint replies.jsonl --format ${format} > /dev/null`,
          lines: lines.toLocaleString('en-US'),
          'file MB': fmt(sizeMb, 0),
          runner,
          'wall s': fmt(run.wallS, 1),
          'cpu s': fmt(run.cpuS, 1),
          'replies/s': Math.round(lines / run.wallS).toLocaleString('en-US'),
          'peak RSS MB': fmt(run.maxRssMb, 0),
          exit: String(run.exitCode),
          goal: lines >= 1_000_000 ? '≤ 30 s, ≤ 200 MB' : '',
        });
      }
      rows.push({ measure: `(generating the file: ${fmt(generateS, 1)} s)` });
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
