import fc from 'fast-check';
import type { Scale } from '../config.js';
import { MAX_TEXT_LENGTH } from '../config.js';
import type { Piece, TextSpec } from '../worker/materialize.js';

/** Fragments of customer-service chat in every script and shape a message takes. */
export const FRAGMENTS = {
  simplified: [
    '我的订单什么时候发货',
    '退款',
    '快递',
    '亲',
    '您好',
    '谢谢',
    '投诉',
    '差评',
    '12315',
    '律师',
    '媒体曝光',
    '怎么还没到',
    '我要退货',
    '你们太差了',
    '仓库已发货',
    '加我微信',
    '保证明天到',
    '我不知道',
    '你自己去查',
    '好的',
    '在吗',
    '尺码',
    '红色',
    '上海市浦东新区张江路88号',
  ],
  traditional: ['訂單', '發貨', '退貨', '謝謝', '請問', '為什麼還沒到', '您好', '客服', '退款'],
  latin: [
    'refund',
    'where is my order',
    'cancel',
    'ship',
    'hello',
    'Ship',
    'REFUND',
    'ASAP',
    'wtf',
    'lawyer',
    'tracking number',
    'size M',
    'thx',
    'cancle',
    'refnud',
    'plz',
  ],
  fullWidth: ['ＡＢＣ', '１２３', '！', '？', '＠', 'ｑｑ．ｃｏｍ', 'ｒｅｆｕｎｄ', '（）', '：'],
  digits: [
    '13812345678',
    '20240305',
    '1234567890123456',
    '¥12.50',
    '2024-03-05',
    '3月5日',
    '18:30',
    '0.5',
    '99+',
    '一百二十',
    'SF1234567890123',
    'YT9876543210',
  ],
  placeholders: [
    '[订单x]',
    '[数字x]',
    '[链接x]',
    '[姓名x]',
    '[手机号x]',
    '[地址x]',
    '[表情]',
    '[图片]',
    '[订单',
  ],
  emoji: ['👍', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '❤️', '😡', '🤬', '🙏🏻', '1️⃣', '🇨🇳'],
  surrogates: ['\uD800', '\uDC00', '\uDBFF', '\uDFFF\uD800', 'a\uD83D'],
  invisible: [
    '\u200B',
    '\u200C',
    '\u200D',
    '\u2060',
    '\uFEFF',
    '\u200E',
    '\u200F',
    '\u202A',
    '\u202E',
    '\u2066',
    '\u2069',
    '\u00AD',
    '\u034F',
  ],
  control: [
    '\u0000',
    '\u0007',
    '\u0008',
    '\u001b[31m',
    '\u001b]0;title\u0007',
    '\u001b[2J',
    '\r',
    '\n',
    '\t',
    '\r\n',
    '\u0085',
    '\u009b',
    '\u007f',
    '\u2028',
    '\u2029',
    '\f',
    '\v',
  ],
  json: ['{"reply":"x"}', '[1,2]', '"', '\\', '\\u0000', '{', '}', 'null', '{"__proto__":{"x":1}}'],
  template: [
    '{{',
    '}}',
    '{{customer.name}}',
    '{{#if x}}',
    '{{/if}}',
    '{{> partial}}',
    '{{{raw}}}',
    '{{__proto__}}',
    '{{constructor.constructor}}',
    '{{this}}',
    '{{@root}}',
    '{{!-- c --}}',
  ],
  keys: ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'],
  regex: ['.*', '(a+)+', '\\w', '[', '$', '^', '|'],
  csv: [',', '"', '""', ';', '\t'],
  space: [' ', '  ', '\u3000', '\u00A0', '\u2003', '，', '。', '！！！', '？？', '...', '……', '~~'],
} as const;

const ALL_FRAGMENTS: readonly string[] = Object.values(FRAGMENTS).flat();

/** Units of long runs: one character class each (Latin letters feed the spelling correction). */
export const RUN_UNITS = [
  'a',
  'A',
  'ａ',
  'ab',
  'x y ',
  'a\u200B',
  'a\u200F',
  'é',
  '1',
  '１',
  '中',
  '發',
  '[订单x]',
  '👍🏽',
  '👨‍👩‍👧',
  ' ',
  '，',
  '!',
  '\n',
  'abc1',
  'ＡＢ',
  '\u200B',
  '{{',
  'a-',
] as const;

const fragment = fc.constantFrom(...ALL_FRAGMENTS);

const freeString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** Steps of the log-uniform run length: length = max ** (step / LENGTH_STEPS). */
const LENGTH_STEPS = 1000;

/** Runs up to this length are the common case; longer ones (up to the scale's length) are rarer. */
const COMMON_RUN_LENGTH = 10_000;

/**
 * The length of a long run, log-uniform (as many runs of 10–100 characters as of 100–1,000): nine
 * runs in ten up to 10,000 characters, one in ten up to the scale's length (so one in sixty is
 * over 100 KB). A uniform length would put nine runs in ten above 100 KB, and a log-uniform one up
 * to 1 MB puts one in six there: a long fuzz run would then spend most of its time on the sizes the
 * worst-case battery (bench/worst-case.bench.ts) already times, and few runs on the short texts
 * real messages are. At 100,000 runs a property still sees about a thousand runs over 100 KB.
 */
export function runLength(scale: Scale): fc.Arbitrary<number> {
  const logUniform = (max: number) =>
    fc.integer({ min: 0, max: LENGTH_STEPS }).map((step) => Math.round(max ** (step / LENGTH_STEPS)));
  const max = MAX_TEXT_LENGTH[scale];
  if (max <= COMMON_RUN_LENGTH) return logUniform(max);
  return fc.oneof(
    { arbitrary: logUniform(COMMON_RUN_LENGTH), weight: 9 },
    { arbitrary: logUniform(max), weight: 1 },
  );
}

/** A unit repeated: a long run of one class, or a repeated fragment. Bounded by the scale. */
function run(scale: Scale): fc.Arbitrary<Piece> {
  const max = MAX_TEXT_LENGTH[scale];
  return fc
    .tuple(fc.oneof(fc.constantFrom(...RUN_UNITS), fragment), runLength(scale))
    .map(([unit, n]) => ({ r: unit, n: Math.max(1, Math.floor(Math.min(n, max / unit.length))) }));
}

function pieces(scale: Scale, extra?: fc.Arbitrary<Piece>): fc.Arbitrary<Piece[]> {
  const kinds: Array<fc.WeightedArbitrary<Piece>> = [
    { arbitrary: fragment, weight: 6 },
    { arbitrary: freeString, weight: 3 },
    { arbitrary: run(scale), weight: 1 },
  ];
  if (extra !== undefined) kinds.push({ arbitrary: extra, weight: 2 });
  return fc.array(fc.oneof(...kinds), { maxLength: 12 });
}

/** Keep a generated text within the scale: long runs are shortened in order. */
function bounded(list: Piece[], max: number): Piece[] {
  let total = 0;
  const out: Piece[] = [];
  for (const piece of list) {
    const length =
      typeof piece === 'string'
        ? piece.length
        : 'pii' in piece
          ? piece.pii.length + 2
          : piece.r.length * piece.n;
    if (total + length <= max) {
      out.push(piece);
      total += length;
    } else if (typeof piece === 'object' && 'r' in piece) {
      const n = Math.floor((max - total) / piece.r.length);
      if (n > 0) {
        out.push({ r: piece.r, n });
        total += n * piece.r.length;
      }
    }
  }
  return out;
}

/** Free text: every script, width, emoji, invisible and control characters, placeholders, long runs. */
export function textSpec(scale: Scale): fc.Arbitrary<TextSpec> {
  return pieces(scale).map((list) => ({ $text: bounded(list, MAX_TEXT_LENGTH[scale]) }));
}

/** A short text (names, ids, phrases): a few fragments or characters, no long runs. */
export const shortText: fc.Arbitrary<TextSpec> = fc
  .array(fc.oneof({ arbitrary: fragment, weight: 3 }, { arbitrary: freeString, weight: 1 }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((list) => ({ $text: list }));

// ---- personal data: the linter finds it and must not repeat it verbatim ----

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

export const phone = fc
  .tuple(fc.constantFrom('3', '5', '7', '8', '9'), digits(9))
  .map(([second, rest]) => `1${second}${rest}`);

const toFullWidth = (text: string) =>
  text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._]{2,10}[a-z0-9]$/),
    fc.constantFrom('qq.com', '163.com', 'gmail.com', 'example.cn', 'mail.taobao.com'),
    fc.boolean(),
  )
  .map(([local, domain, wide]) => (wide ? toFullWidth(`${local}@${domain}`) : `${local}@${domain}`));

/** A mainland ID number with a valid check character (GB 11643). */
export const idNumber = fc
  .tuple(
    fc.constantFrom('110101', '310115', '440305', '510107'),
    fc.integer({ min: 1950, max: 2005 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    digits(3),
  )
  .map(([area, year, month, day, seq]) => {
    const body = `${area}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq}`;
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
    return body + '10X98765432'[sum % 11]!;
  });

export const address = fc
  .tuple(
    fc.constantFrom('上海市浦东新区', '北京市朝阳区', '广东省深圳市南山区', '浙江省杭州市西湖区'),
    fc.constantFrom('张江路', '建国路', '科技园南路', '文三路'),
    fc.integer({ min: 1, max: 999 }),
  )
  .map(([city, road, n]) => `${city}${road}${n}号`);

const pii: fc.Arbitrary<Piece> = fc.oneof(phone, email, idNumber, address).map((value) => ({ pii: value }));

/** An agent's reply: free text with personal data mixed in (recorded, so the worker knows what to look for). */
export function replySpec(scale: Scale): fc.Arbitrary<TextSpec> {
  return pieces(scale, pii).map((list) => ({ $text: bounded(list, MAX_TEXT_LENGTH[scale]) }));
}
