/**
 * A synthetic helpdesk export for the `huashu qa` benchmark: turn-per-line JSONL of conversations
 * written for this benchmark (not taken from any evaluation data), five turns on average,
 * interleaved as a time-ordered export is (about 50 conversations open at once), three locales,
 * some complaints, slow replies, unanswered turns and rule violations.
 * `tsx bench/qa-export.ts <file> [turns]` writes one (default 1,000,000 turns).
 */
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SAMPLE_AGENTS, seededRandom as random } from './sample-random.js';

/** Per locale: customer openings, agent replies, customer follow-ups, agent closings. */
const SCRIPTS = {
  'zh-Hans': {
    open: [
      '你好，我的快递到哪了？',
      '这件衣服有M码吗',
      '我要退货，质量太差了',
      '怎么还没发货？都三天了！',
      '能开发票吗',
      '收到的东西坏了，你们怎么回事',
      '请问什么时候能到',
    ],
    reply: [
      '您好，这边帮您查一下订单',
      '亲，您好，很高兴为您服务',
      '非常抱歉给您带来不便，麻烦您拍一下商品问题的照片',
      '物流显示包裹正在杭州转运中心，预计3天左右送达',
      '这款目前有雾霾蓝和燕麦色两个颜色可以选',
      '退款会在1到3个工作日内原路退回',
      '电子发票会在确认收货后24小时内开具',
    ],
    follow: ['好的', '那什么时候能退款', '还要等多久啊', '行吧', '谢谢'],
    close: ['请问还有什么可以帮您的吗？', '感谢您的耐心等待，祝您生活愉快', '麻烦您对本次服务做个评价哦'],
    bad: [
      '亲，已经发货了哦，请耐心等待',
      '放心，百分之百不会有问题',
      '您加我微信13812345678，我私下给您便宜点',
    ],
  },
  'zh-Hant': {
    open: ['你好，請問我的包裹到哪裡了？', '收到的商品壞了', '可以退貨嗎'],
    reply: ['您好，請問有什麼可以幫您？', '非常抱歉讓您久等了', '這款目前有現貨，今天下單明天出庫'],
    follow: ['好的', '謝謝', '還要多久'],
    close: ['請問還有什麼可以幫您的嗎？', '祝您生活愉快'],
    bad: ['倉庫已發貨，請您耐心等候'],
  },
  en: {
    open: [
      'Hi, where is my order?',
      'The item arrived broken, this is unacceptable',
      'Can I get an invoice?',
    ],
    reply: [
      'Hi, thanks for reaching out! Let me check your order.',
      'Sorry for the trouble, could you send a photo of the damaged item?',
      'Your parcel will leave our warehouse within 48 hours.',
    ],
    follow: ['ok', 'thanks', 'how long will it take?'],
    close: ['Is there anything else I can help you with?', 'Have a nice day!'],
    bad: ['Your order has shipped and is on its way!'],
  },
} as const;

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
    if (c.next === 'customer') text = c.first ? pick(s.open) : pick(s.follow);
    else if (next() < 0.03) text = pick(s.bad);
    else if (c.left === 1) text = pick(s.close);
    else text = pick(s.reply);
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

/** Write an export of `turns` turns to `file`; resolves to the number of lines written. */
export async function writeQaExport(file: string, turns: number, conversations?: number): Promise<number> {
  const out = createWriteStream(file);
  let buffer = '';
  let count = 0;
  for (const line of generateTurns(turns, conversations)) {
    buffer += `${line}\n`;
    count += 1;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
  return count;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, turns] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: tsx bench/qa-export.ts <file> [turns]');
    process.exitCode = 2;
  } else {
    const count = await writeQaExport(file, Number(turns ?? 1_000_000));
    console.log(`${count} turns written to ${file}`);
  }
}
