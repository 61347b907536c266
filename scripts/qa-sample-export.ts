/**
 * A synthetic helpdesk export for the QA report's screenshot and timing: `count` conversations in
 * zh-Hans, zh-Hant and en over `days` days, from a handful of turns written for this script (good
 * and bad agent replies, quick and slow answers), picked by a seeded generator so every run writes
 * the same file.
 *
 *   npx tsx scripts/qa-sample-export.ts <count> <out.jsonl> [days]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom as seeded } from '../bench/sample-random.js';

interface Script {
  agents: string[];
  openings: string[];
  goodFirst: string[];
  badFirst: string[];
  follow: string[];
  goodClose: string[];
  badClose: string[];
  thanks: string[];
}

const SCRIPTS: Record<'zh-Hans' | 'zh-Hant' | 'en', Script> = {
  'zh-Hans': {
    agents: ['小美', '阿强', '小林'],
    openings: [
      '你好，请问这款还有货吗？',
      '我的快递怎么还没到？太慢了！',
      '收到的杯子有裂痕，怎么处理？',
      '在吗？想改一下收货地址',
    ],
    goodFirst: [
      '亲，您好！有货的，今天下单今天发货哦。',
      '亲，您好，非常抱歉让您久等了，我马上帮您查一下物流。',
      '您好，很抱歉给您带来不便，我们给您补发一个新的。',
    ],
    badFirst: [
      '你自己不会看物流吗？',
      '加我微信 abc12345 聊吧',
      '我们保证明天一定到，百分百没问题。',
      '地址记下了，电话13812345678对吧',
    ],
    follow: ['好的，那大概什么时候能到？', '行吧', '那运费谁出？'],
    goodClose: ['请问还有其他可以帮您的吗？', '麻烦您收到后给个评价哦，请问还有其他需要吗？'],
    badClose: ['嗯。', '知道了'],
    thanks: ['好的，谢谢', '谢谢'],
  },
  'zh-Hant': {
    agents: ['Amy', '阿豪'],
    openings: ['請問這款耳機有保固嗎？', '包裹到了但是壞掉了，很生氣！', '可以幫我取消訂單嗎？'],
    goodFirst: [
      '您好，有一年保固喔。',
      '您好，非常抱歉造成您的困擾，我們馬上為您處理。',
      '您好，已經幫您取消了。',
    ],
    badFirst: ['你自己不會看說明嗎？', '加我LINE聊比較快', '保證明天一定到。'],
    follow: ['好，那要多久？', '喔'],
    goodClose: ['請問還有其他需要幫忙的嗎？'],
    badClose: ['嗯'],
    thanks: ['謝謝', '好的謝謝'],
  },
  en: {
    agents: ['Emma', 'Liam', 'Noah'],
    openings: [
      'Hi, does this jacket run true to size?',
      'My order arrived broken, this is ridiculous.',
      'Where is my parcel?',
    ],
    goodFirst: [
      'Hi there! It runs slightly small, so size up.',
      "Hello, I'm so sorry about that, I'll send a replacement today.",
      'Hi! Let me check the tracking for you.',
    ],
    badFirst: [
      "That's not our problem.",
      'Text me on WhatsApp +44 7911 123456',
      'I guarantee it arrives tomorrow, 100%.',
    ],
    follow: ['OK, how long will that take?', 'Fine.'],
    goodClose: ['Is there anything else I can help with?', 'Anything else I can do for you today?'],
    badClose: ['Ok.', 'Bye.'],
    thanks: ['Thanks!', 'Great, thank you'],
  },
};

/** The export's lines (JSONL, one turn per line, conversations one after another). */
export function sampleExport(count: number, days = 14, seed = 13): string[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const locales = Object.keys(SCRIPTS) as Array<keyof typeof SCRIPTS>;
  const start = Date.parse('2024-05-06T01:00:00Z');
  const lines: string[] = [];
  for (let n = 0; n < count; n++) {
    const locale = locales[n % locales.length]!;
    const s = SCRIPTS[locale];
    // Each agent has their own habits: a skill (good replies) and a speed.
    const agentIndex = Math.floor(random() * s.agents.length);
    const agent = s.agents[agentIndex]!;
    const skill = 0.55 + 0.15 * agentIndex + 0.1 * random();
    const slow = agentIndex === 1 ? 0.35 : 0.1;
    const delay = () => Math.round(random() < slow ? 40 + random() * 260 : 4 + random() * 30);
    const day = Math.floor((n / count) * days);
    let t = start + day * 86_400_000 + Math.floor(random() * 10 * 3_600_000);
    const id = `${locale}-${String(n + 1).padStart(6, '0')}`;
    const turn = (role: 'customer' | 'agent', text: string) => {
      lines.push(
        JSON.stringify({
          conversationId: id,
          role,
          text,
          time: new Date(t).toISOString(),
          ...(role === 'agent' ? { agent } : {}),
        }),
      );
    };
    turn('customer', pick(s.openings));
    t += delay() * 1000;
    turn('agent', random() < skill ? pick(s.goodFirst) : pick(s.badFirst));
    if (random() < 0.6) {
      t += (5 + random() * 40) * 1000;
      turn('customer', pick(s.follow));
      t += delay() * 1000;
      turn('agent', random() < skill ? pick(s.goodFirst) : pick(s.badFirst));
    }
    if (random() < 0.9) {
      t += delay() * 1000;
      turn('agent', random() < skill ? pick(s.goodClose) : pick(s.badClose));
      t += (5 + random() * 30) * 1000;
      if (random() < 0.7) turn('customer', pick(s.thanks));
    }
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [count, out, days] = process.argv.slice(2);
  if (count === undefined || out === undefined || !/^\d+$/.test(count)) {
    console.error('usage: npx tsx scripts/qa-sample-export.ts <count> <out.jsonl> [days]');
    process.exit(2);
  }
  const lines = sampleExport(Number(count), days === undefined ? 14 : Number(days));
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.error(`${count} conversations, ${lines.length} turns → ${out}`);
}
