/**
 * A synthetic helpdesk export for the `huashu qa` benchmark: turn-per-line JSONL of conversations
 * written for this benchmark (not taken from any evaluation data), five turns on average,
 * interleaved as a time-ordered export is (about 50 conversations open at once), three locales,
 * some complaints, slow replies, unanswered turns and rule violations.
 *
 * The texts repeat about as a real export's do, not as a list of a few dozen lines would (which
 * would make any per-text cache look far better than it is): agent turns are mostly canned replies
 * (快捷短语), a third of them with a variable part (order number, date, amount, city, product, the
 * customer's name); customer turns are mostly written fresh (products, order numbers, amounts,
 * sizes, dates composed from parts), plus the short acknowledgements (好的, 谢谢) every export is
 * full of. `exportStats` counts the distinct texts per role.
 * `tsx bench/qa-export.ts <file> [turns]` writes one (default 1,000,000 turns) and prints them.
 */
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SAMPLE_AGENTS, seededRandom as random } from './sample-random.js';

/** The variable parts of a turn, drawn from the seeded generator. */
interface Parts {
  pick<T>(list: readonly T[]): T;
  int(min: number, max: number): number;
}

type Line = string | ((p: Parts) => string);

const ZH = {
  colors: [
    '雾霾蓝',
    '燕麦色',
    '黑色',
    '白色',
    '酒红色',
    '卡其色',
    '浅灰',
    '藏青',
    '奶白',
    '豆沙粉',
    '墨绿',
    '米杏',
  ],
  items: [
    '连衣裙',
    '卫衣',
    '运动鞋',
    '保温杯',
    '蓝牙耳机',
    '充电宝',
    '四件套',
    '羽绒服',
    '牛仔裤',
    '双肩包',
    '电饭煲',
    '面霜',
    '洗面奶',
    '手机壳',
    '数据线',
    '台灯',
    '毛衣',
    '衬衫',
    '拖鞋',
    '收纳箱',
  ],
  sizes: ['S码', 'M码', 'L码', 'XL码', '均码', '36码', '37码', '38码', '39码', '40码', '41码', '42码'],
  cities: ['杭州', '广州', '上海', '北京', '成都', '武汉', '郑州', '西安', '南京', '长沙', '沈阳', '昆明'],
  couriers: ['顺丰', '中通', '圆通', '韵达', '申通', '京东物流', '邮政'],
  surnames: ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'],
  titles: ['女士', '先生', '小姐'],
};

const zhProduct = (p: Parts) => `${p.pick(ZH.colors)}${p.pick(ZH.items)}`;
const orderNo = (p: Parts) =>
  `${p.int(2024, 2024)}${String(p.int(1, 999_999_999)).padStart(9, '0')}${p.int(10, 99)}`;
const amount = (p: Parts) => `${p.int(9, 899)}${p.pick(['', '.9', '.5', '.99'])}`;
const zhDate = (p: Parts) => `${p.int(5, 6)}月${p.int(1, 30)}日`;
const zhName = (p: Parts) => `${p.pick(ZH.surnames)}${p.pick(ZH.titles)}`;
const enTail = (p: Parts) =>
  p.pick([
    '',
    '',
    ` (order ${p.int(100_000, 999_999)})`,
    `, I need it by May ${p.int(21, 31)}`,
    `, I paid $${p.int(9, 300)}`,
  ]);
/** What customers add to a sentence: half the time nothing, else a detail of their own. */
const zhTail = (p: Parts) =>
  p.pick([
    '',
    '',
    `，订单${orderNo(p)}`,
    `，急用，${zhDate(p)}前要到`,
    `，麻烦快点，等了${p.int(2, 48)}小时了`,
    `，${zhDate(p)}要用`,
    `，我在${p.pick(ZH.cities)}`,
    `，付了${amount(p)}`,
    `，第${p.int(2, 5)}次问了`,
  ]);

/** Per locale: customer openings, agent replies, customer follow-ups, agent closings, violations. */
const SCRIPTS: Record<
  'zh-Hans' | 'zh-Hant' | 'en',
  Record<'open' | 'reply' | 'follow' | 'close' | 'bad', Line[]>
> = {
  'zh-Hans': {
    open: [
      '你好，我的快递到哪了？',
      '在吗',
      (p) => `你好，我的快递到哪了？订单号${orderNo(p)}${zhTail(p)}`,
      (p) => `这件${zhProduct(p)}有${p.pick(ZH.sizes)}吗${zhTail(p)}`,
      (p) => `我要退货，${zhProduct(p)}质量太差了${zhTail(p)}`,
      (p) => `怎么还没发货？都${p.int(2, 9)}天了！订单${orderNo(p)}${zhTail(p)}`,
      (p) => `能开发票吗，抬头写${p.pick(ZH.cities)}${p.pick(['科技', '贸易', '文化'])}有限公司${zhTail(p)}`,
      (p) => `收到的${zhProduct(p)}坏了，你们怎么回事${zhTail(p)}`,
      (p) => `请问${zhProduct(p)}寄到${p.pick(ZH.cities)}什么时候能到${zhTail(p)}`,
      (p) => `${p.pick(ZH.items)}拍了${p.int(2, 5)}件，能便宜点吗，${amount(p)}太贵了${zhTail(p)}`,
      (p) =>
        `我${zhDate(p)}买的${zhProduct(p)}，${p.pick(['尺码偏小', '颜色不对', '有色差', '少发了一件', '包装破了'])}，怎么处理`,
      (p) =>
        `${p.pick(ZH.couriers)}单号${p.pick(['SF', 'YT', 'ZT'])}${p.int(1_000_000, 9_999_999)}${p.int(100_000, 999_999)}一直不动`,
      (p) => `退款${amount(p)}元什么时候到账？申请${p.int(2, 10)}天了${zhTail(p)}`,
      (p) =>
        `${p.pick(['气死了', '太失望了', '什么破东西'])}，${zhProduct(p)}用了${p.int(1, 6)}次就坏了，我要投诉`,
    ],
    reply: [
      '您好，这边帮您查一下订单',
      '亲，您好，很高兴为您服务',
      '非常抱歉给您带来不便，麻烦您拍一下商品问题的照片',
      '这款目前有雾霾蓝和燕麦色两个颜色可以选',
      '退款会在1到3个工作日内原路退回',
      '电子发票会在确认收货后24小时内开具',
      '亲，稍等，正在为您核实',
      '好的亲，已经为您备注了',
      '亲，这边已经帮您申请了退货退款，请留意短信',
      '实在抱歉让您久等了，这边马上帮您处理',
      '您好，请提供一下订单号，这边帮您查询',
      '亲，尺码可以参考详情页的尺码表哦',
      (p) => `物流显示包裹正在${p.pick(ZH.cities)}转运中心，预计${p.int(1, 4)}天左右送达`,
      (p) => `${zhName(p)}您好，这边查到订单${orderNo(p)}，正在为您处理`,
      (p) => `亲，${zhProduct(p)}目前有现货，今天${p.int(14, 17)}点前下单当天出库`,
      (p) => `已经为您登记退款${amount(p)}元，预计${zhDate(p)}前原路退回`,
      (p) =>
        `您好，${p.pick(ZH.couriers)}的单号是${p.pick(['SF', 'YT', 'ZT'])}${p.int(1_000_000, 9_999_999)}${p.int(100_000, 999_999)}，可以在物流详情里查看`,
    ],
    follow: [
      '好的',
      '谢谢',
      '嗯嗯',
      '还要等多久啊',
      (p) => `那什么时候能退款${zhTail(p)}`,
      (p) =>
        `${p.pick(['行吧', '好吧', '那好吧', '知道了'])}，${p.pick(['那我再等等', '尽快处理', '麻烦了', '我明天再问'])}`,
      (p) =>
        `${p.pick(ZH.couriers)}的吗？${p.pick(['能换顺丰吗', '我这边不送', '一直显示揽收'])}${zhTail(p)}`,
      (p) =>
        `${p.pick(['宝贝', '东西', '快递'])}${p.pick(['放门口', '放驿站', '放快递柜'])}就行，我${p.int(17, 22)}点后在家${zhTail(p)}`,
      (p) => `我要的是${p.pick(ZH.sizes)}，${p.pick(['发成', '收到的是'])}${p.pick(ZH.sizes)}了${zhTail(p)}`,
      (p) =>
        `${p.pick(['优惠券', '满减', '赠品'])}${p.pick(['没用上', '没收到', '少了'])}，差价${amount(p)}能补吗`,
      (p) => `${p.pick(['换', '退'])}的话运费${p.pick(['谁出', '多少', '能报销吗'])}？我${zhDate(p)}寄回去`,
      (p) => `那${p.pick(ZH.sizes)}的${p.pick(ZH.colors)}还有吗${zhTail(p)}`,
      (p) => `我在${p.pick(ZH.cities)}，${zhDate(p)}之前能到吗${zhTail(p)}`,
      (p) => `订单号是${orderNo(p)}${zhTail(p)}`,
      (p) => `好的，那${amount(p)}元是退到${p.pick(['支付宝', '银行卡', '花呗', '余额'])}吗${zhTail(p)}`,
      (p) => `都${p.int(3, 12)}天了还没到，你们${p.pick(['太慢了', '怎么搞的', '能不能快点'])}${zhTail(p)}`,
      (p) =>
        `照片发你了，${p.pick(['袖口', '领口', '鞋底', '盖子', '屏幕'])}这里${p.pick(['开线了', '裂了', '有污渍', '变形了'])}`,
    ],
    close: [
      '请问还有什么可以帮您的吗？',
      '感谢您的耐心等待，祝您生活愉快',
      '麻烦您对本次服务做个评价哦',
      (p) => `${zhName(p)}，请问还有其他可以帮您的吗？`,
    ],
    bad: [
      '亲，已经发货了哦，请耐心等待',
      '放心，百分之百不会有问题',
      (p) => `您加我微信138${p.int(1000_0000, 9999_9999)}，我私下给您便宜点`,
    ],
  },
  'zh-Hant': {
    open: [
      '你好，請問我的包裹到哪裡了？',
      (p) =>
        `收到的${p.pick(['外套', '杯子', '耳機', '鞋子', '包包'])}壞了，${p.pick(['用了一次', '一打開就', '外盒'])}${p.pick(['有裂痕', '不能用', '髒了'])}`,
      (p) => `可以退貨嗎？訂單${orderNo(p)}`,
      (p) =>
        `請問寄到${p.pick(['台北', '台中', '高雄', '香港', '新竹'])}要幾天，${p.int(5, 6)}月${p.int(1, 30)}號前要用`,
      (p) => `${p.pick(['外套', '杯子', '耳機', '鞋子', '包包'])}有${p.pick(ZH.sizes)}嗎`,
    ],
    reply: [
      '您好，請問有什麼可以幫您？',
      '非常抱歉讓您久等了',
      '這款目前有現貨，今天下單明天出庫',
      (p) => `您好，訂單${orderNo(p)}已經幫您查到了`,
    ],
    follow: [
      '好的',
      '謝謝',
      (p) => `${p.int(5, 6)}月${p.int(1, 30)}號前能到嗎`,
      (p) => `還要${p.pick(['多久', '幾天'])}？我${p.pick(['在台北', '在高雄', '下週出國', '很急'])}`,
    ],
    close: ['請問還有什麼可以幫您的嗎？', '祝您生活愉快'],
    bad: ['倉庫已發貨，請您耐心等候'],
  },
  en: {
    open: [
      'Hi, where is my order?',
      (p) => `Hi, where is my order #${p.int(100_000, 999_999)}?${enTail(p)}`,
      (p) =>
        `The ${p.pick(['jacket', 'mug', 'headphones', 'lamp', 'backpack'])} arrived broken, this is unacceptable${enTail(p)}`,
      (p) => `Can I get an invoice for order ${p.int(100_000, 999_999)}?${enTail(p)}`,
      (p) =>
        `Do you have the ${p.pick(['blue', 'black', 'grey', 'green'])} one in size ${p.pick(['S', 'M', 'L', 'XL'])}?${enTail(p)}`,
    ],
    reply: [
      'Hi, thanks for reaching out! Let me check your order.',
      'Sorry for the trouble, could you send a photo of the damaged item?',
      'Your parcel will leave our warehouse within 48 hours.',
      (p) =>
        `Hi ${p.pick(['Anna', 'Tom', 'Maria', 'James', 'Wei', 'Sara'])}, I found order ${p.int(100_000, 999_999)}, one moment please.`,
    ],
    follow: [
      'ok',
      'thanks',
      (p) => `It's been ${p.int(3, 12)} days already${enTail(p)}`,
      (p) =>
        `how long will it take to ${p.pick(['Berlin', 'Toronto', 'Sydney', 'Austin', 'Leeds'])}?${enTail(p)}`,
    ],
    close: ['Is there anything else I can help you with?', 'Have a nice day!'],
    bad: ['Your order has shipped and is on its way!'],
  },
};

interface Open {
  id: string;
  locale: keyof typeof SCRIPTS;
  agent: string;
  left: number;
  next: 'customer' | 'agent';
  time: number;
  first: boolean;
}

/**
 * `turns` JSONL lines in `conversations` conversations (default: turns / 5), as an export ordered
 * by time writes them: conversations overlap, so their turns interleave.
 */
export function* generateTurns(
  turns: number,
  conversations = Math.round(turns / 5),
  seed = 20240520,
): Generator<string> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const parts: Parts = { pick, int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
  const say = (lines: readonly Line[]) => {
    const line = pick(lines);
    return typeof line === 'string' ? line : line(parts);
  };
  // Conversation sizes: 2–8 turns, adjusted so they add up to exactly `turns`.
  if (turns < conversations * 2 || turns > conversations * 8)
    throw new Error(`${turns} turns cannot make ${conversations} conversations of 2–8 turns`);
  const sizes = Array.from({ length: conversations }, () => 2 + Math.floor(next() * 7));
  let total = sizes.reduce((a, b) => a + b, 0);
  while (total !== turns) {
    const i = Math.floor(next() * conversations);
    const size = sizes[i]!;
    const step = total < turns && size < 8 ? 1 : total > turns && size > 2 ? -1 : 0;
    sizes[i] = size + step;
    total += step;
  }
  const open: Open[] = [];
  let started = 0;
  let clock = Date.UTC(2024, 4, 20, 1, 0, 0);
  for (;;) {
    // About 50 conversations open at once, as in a busy shop's time-ordered export.
    while (open.length < 50 && started < conversations) {
      const script = next();
      open.push({
        id: `c${started + 1}`,
        locale: script < 0.1 ? 'en' : script < 0.18 ? 'zh-Hant' : 'zh-Hans',
        agent: pick(SAMPLE_AGENTS),
        left: sizes[started]!,
        next: 'customer',
        time: clock,
        first: true,
      });
      started += 1;
    }
    if (open.length === 0) break;
    const index = Math.floor(next() * open.length);
    const c = open[index]!;
    const s = SCRIPTS[c.locale];
    clock += Math.floor(next() * 400);
    c.time =
      Math.max(c.time, clock) +
      (c.next === 'agent' ? Math.floor(next() * (next() < 0.1 ? 120_000 : 40_000)) : 0);
    let text: string;
    if (c.next === 'customer') text = c.first ? say(s.open) : say(s.follow);
    else if (next() < 0.03) text = say(s.bad);
    else if (c.left === 1) text = say(s.close);
    else text = say(s.reply);
    const record: Record<string, unknown> = {
      conversationId: c.id,
      role: c.next,
      text,
      time: new Date(c.time).toISOString(),
    };
    if (c.next === 'agent') record.agent = c.agent;
    yield JSON.stringify(record);
    c.first = false;
    c.next = c.next === 'customer' ? 'agent' : next() < 0.8 ? 'customer' : 'agent';
    c.left -= 1;
    if (c.left === 0) open.splice(index, 1);
  }
}

/** How much an export's texts repeat, per role: turns, and distinct texts among them. */
export interface ExportStats {
  customer: { turns: number; distinct: number };
  agent: { turns: number; distinct: number };
}

/** Write an export of `turns` turns to `file`; resolves to the number of lines written and, with `stats`, how much its texts repeat. */
export async function writeQaExport(
  file: string,
  turns: number,
  conversations?: number,
  options: { stats?: boolean } = {},
): Promise<{ count: number; stats?: ExportStats }> {
  const out = createWriteStream(file);
  const texts =
    options.stats === true ? { customer: new Set<string>(), agent: new Set<string>() } : undefined;
  const stats: ExportStats = { customer: { turns: 0, distinct: 0 }, agent: { turns: 0, distinct: 0 } };
  let buffer = '';
  let count = 0;
  for (const line of generateTurns(turns, conversations)) {
    buffer += `${line}\n`;
    count += 1;
    if (texts !== undefined) {
      const { role, text } = JSON.parse(line) as { role: 'customer' | 'agent'; text: string };
      texts[role].add(text);
      stats[role].turns += 1;
    }
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
  if (texts === undefined) return { count };
  stats.customer.distinct = texts.customer.size;
  stats.agent.distinct = texts.agent.size;
  return { count, stats };
}

/** "customer 61 % distinct (…/…), agent …": the repetition of an export's texts, for reports. */
export function describeStats(stats: ExportStats): string {
  const one = (role: 'customer' | 'agent') => {
    const { turns, distinct } = stats[role];
    return `${role} turns ${Math.round((100 * distinct) / Math.max(turns, 1))} % distinct (${distinct.toLocaleString('en-US')} of ${turns.toLocaleString('en-US')})`;
  };
  const all = stats.customer.distinct + stats.agent.distinct;
  const turns = stats.customer.turns + stats.agent.turns;
  return `${one('customer')}, ${one('agent')}, all ${Math.round((100 * all) / Math.max(turns, 1))} %`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, turns] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: tsx bench/qa-export.ts <file> [turns]');
    process.exitCode = 2;
  } else {
    const { count, stats } = await writeQaExport(file, Number(turns ?? 1_000_000), undefined, {
      stats: true,
    });
    console.log(`${count} turns written to ${file}: ${describeStats(stats!)}`);
  }
}
