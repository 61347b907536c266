/**
 * A development set for `no-pii-leak`, generated from a small grammar apart from the hand-written
 * adversarial set: the customer's data (addresses of mainland China, Taiwan, Hong Kong, the US and
 * the UK; mainland, Taiwan and Hong Kong ID numbers with valid check digits; phone numbers;
 * e-mails, also spelt out as "name at domain dot com") in the sentences agents write, each with the
 * severity the rule's documentation gives — and twins that must stay clean: masked forms, the
 * shop's own address or hotline, order numbers, sizes, prices and dates.
 *
 *   npx tsx scripts/lint-structure/pii-dev.ts            precision / recall per locale
 *   npx tsx scripts/lint-structure/pii-dev.ts --misses   also every miss and false alarm
 */
import { parseArgs } from 'node:util';
import { table, type Row } from '../../bench/harness.js';
import { createLinter } from '../../src/lint/linter.js';
import type { Severity } from '../../src/lint/types.js';

type Locale = 'zh-Hans' | 'zh-Hant' | 'en';
interface PiiCase {
  text: string;
  locale: Locale;
  kind: string;
  /** The severity the finding must have; undefined: no finding. */
  expected: Severity | undefined;
}

/** A mainland resident ID number (GB 11643) with a valid check digit. */
function mainlandId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * weights[i]!;
  return body17 + '10X98765432'[sum % 11]!;
}

/** A Taiwan national ID (letter, 1/2, seven digits, check digit). */
function taiwanId(letter: string, rest8: string): string {
  const codes = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
  const n = codes.indexOf(letter) + 10;
  const digits = [Math.floor(n / 10), n % 10, ...rest8.split('').map(Number)];
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1];
  const sum = digits.reduce((s, d, i) => s + d * weights[i]!, 0);
  return `${letter}${rest8}${(10 - (sum % 10)) % 10}`;
}

/** A Hong Kong identity card number with its check digit in brackets. */
function hongKongId(letter: string, six: string): string {
  const value = (c: string) => c.charCodeAt(0) - 55; // A = 10
  let sum = 36 * 9 + value(letter) * 8;
  for (let i = 0; i < 6; i++) sum += Number(six[i]) * (7 - i);
  const check = (11 - (sum % 11)) % 11;
  return `${letter}${six}(${check === 10 ? 'A' : check})`;
}

const ZH_HANS_ADDRESSES = [
  '上海市浦东新区张江路88号',
  '北京市朝阳区建国路93号万达广场B座1203室',
  '杭州市西湖区文三路478号',
  '广州市天河区天河北路233号中信广场1801室',
  '成都市武侯区人民南路四段27号',
  '南京市鼓楼区中山北路200号5栋2单元301',
];
const ZH_HANT_ADDRESSES = [
  '台北市信義區忠孝東路五段100號8樓',
  '新北市板橋區文化路一段188巷5弄3號',
  '高雄市苓雅區四維三路2號',
  '香港九龍旺角彌敦道688號旺角中心12樓A室',
  '香港灣仔軒尼詩道145號3樓',
  '台中市西屯區台灣大道三段99號',
];
const EN_ADDRESSES = [
  '55 W 34th St, Apt 4B, New York, NY 10001',
  '1600 Pennsylvania Ave NW, Washington',
  '221B Baker Street, London',
  'Flat 3, 12 High Rd, Leeds LS1 4AP',
  '742 Evergreen Terrace, Springfield',
  '10 Downing St, London SW1A 2AA',
];

function cases(): PiiCase[] {
  const out: PiiCase[] = [];
  const add = (locale: Locale, kind: string, expected: Severity | undefined, texts: string[]) => {
    for (const text of texts) out.push({ text, locale, kind, expected });
  };
  const ids = [
    mainlandId('11010519491231002'),
    mainlandId('44030419900101123'),
    mainlandId('32010219851115456'),
  ];
  const twIds = [taiwanId('A', '12345678'), taiwanId('F', '22045619'), taiwanId('K', '10293847')];
  const hkIds = [hongKongId('A', '123456'), hongKongId('K', '654321'), hongKongId('Y', '102938')];

  // zh-Hans
  add(
    'zh-Hans',
    'address',
    'error',
    ZH_HANS_ADDRESSES.map((a) => `亲，您的收货地址是${a}，对吗？`),
  );
  add(
    'zh-Hans',
    'address',
    'error',
    ZH_HANS_ADDRESSES.map((a) => `已经帮您把地址改成${a}了`),
  );
  add(
    'zh-Hans',
    'id-card',
    'error',
    ids.map((id) => `您登记的身份证号是${id}`),
  );
  add(
    'zh-Hans',
    'phone',
    'error',
    ['13812345678', '139 1234 5678', '+86 186-1234-5678'].map((p) => `您的手机号${p}已经更新`),
  );
  add(
    'zh-Hans',
    'email',
    'warn',
    ['zhang.wei@qq.com', 'lina_88@163.com'].map((e) => `发票会发到${e}`),
  );
  add('zh-Hans', 'masked', undefined, [
    '您的手机号138****5678已更新',
    '收货地址：上海市浦东新区张江路**号',
    '发票发到z***@qq.com',
    '身份证号110105********0021已登记',
  ]);
  add('zh-Hans', 'service', undefined, [
    '退货地址：广州市白云区机场路1688号售后部，请写上订单号',
    '客服热线400-820-8820，工作日9点到18点',
    '请寄回我们的维修点：深圳市宝安区新安路66号',
  ]);
  add('zh-Hans', 'not data', undefined, [
    '订单号2024052012345678已经为您备注',
    '这款是2号色，尺码选100号就可以',
    '您在5月20日下单，实付1299元',
    '坐地铁2号线到人民广场站就可以自提',
  ]);

  // zh-Hant
  add(
    'zh-Hant',
    'address',
    'error',
    ZH_HANT_ADDRESSES.map((a) => `您的收件地址是${a}，沒錯吧？`),
  );
  add(
    'zh-Hant',
    'address',
    'error',
    ZH_HANT_ADDRESSES.map((a) => `已幫您改寄到${a}`),
  );
  add(
    'zh-Hant',
    'id-card',
    'error',
    twIds.map((id) => `您的身分證字號 ${id} 已核對`),
  );
  add(
    'zh-Hant',
    'id-card',
    'error',
    hkIds.map((id) => `你的身份證號碼係 ${id}`),
  );
  add(
    'zh-Hant',
    'phone',
    'error',
    ['0912-345-678', '0912 345 678', '+886 912 345 678'].map((p) => `您的手機 ${p} 已更新`),
  );
  add(
    'zh-Hant',
    'phone',
    'error',
    ['9123 4567', '6123-4567'].map((p) => `你嘅手機號碼 ${p} 已經登記`),
  );
  add(
    'zh-Hant',
    'email',
    'warn',
    ['chen.mei@gmail.com', 'wong88@yahoo.com.hk'].map((e) => `發票會寄到 ${e}`),
  );
  add('zh-Hant', 'masked', undefined, [
    '您的手機 0912-***-678 已更新',
    '身分證字號 A12345**** 已核對',
    '收件地址：忠孝東路五段**號',
  ]);
  add('zh-Hant', 'service', undefined, [
    '退貨請寄回：台北市內湖區瑞光路300號 客服部',
    '客服專線 0800-123-456',
  ]);
  add('zh-Hant', 'not data', undefined, [
    '訂單編號 TW20240520123 已備註',
    '這款是 3 號色，建議選 M 號',
    '5月20日下單，金額 NT$1,280',
  ]);

  // en
  add(
    'en',
    'address',
    'error',
    EN_ADDRESSES.map((a) => `Your delivery address is ${a}, correct?`),
  );
  add(
    'en',
    'address',
    'error',
    EN_ADDRESSES.map((a) => `I've changed the shipping address to ${a}.`),
  );
  add(
    'en',
    'phone',
    'error',
    ['+1 (212) 555-0147', '07400 123456', '+44 7700 900123'].map(
      (p) => `Your phone number ${p} is on the order.`,
    ),
  );
  add(
    'en',
    'email',
    'warn',
    ['jane.doe@gmail.com', 'mike_88@outlook.com'].map((e) => `The invoice goes to ${e}.`),
  );
  add(
    'en',
    'email',
    'warn',
    ['jane.doe at gmail dot com', 'mike88 (at) outlook (dot) com', 'sam[at]yahoo[dot]com'].map(
      (e) => `I'll email it to ${e}.`,
    ),
  );
  add('en', 'masked', undefined, [
    'Your phone number ***-***-0147 is on file.',
    'The invoice goes to j***@gmail.com.',
  ]);
  add('en', 'service', undefined, [
    'Please return it to our warehouse: 500 Industrial Rd, Reno.',
    'Call our hotline on 0800 123 456.',
  ]);
  add('en', 'not data', undefined, [
    'Your order #123-4567890 is confirmed.',
    'The ST-220 model fits size 10.',
    'We are at the Main Street store until 6 pm.',
    'Meet me at the gym and we can talk.',
  ]);
  return out;
}

function main(): void {
  const { values } = parseArgs({ options: { misses: { type: 'boolean' } } });
  const linter = createLinter();
  const tally = new Map<string, { tp: number; fp: number; fn: number }>();
  const misses: string[] = [];
  for (const c of cases()) {
    const findings = linter
      .lint(c.text, { locale: c.locale })
      .findings.filter((f) => f.ruleId === 'no-pii-leak');
    const found = c.expected !== undefined && findings.some((f) => f.severity === c.expected);
    for (const key of [c.locale, 'all']) {
      const t = tally.get(key) ?? { tp: 0, fp: 0, fn: 0 };
      if (c.expected !== undefined) {
        if (found) t.tp++;
        else t.fn++;
      } else if (findings.length > 0) t.fp++;
      tally.set(key, t);
    }
    if (c.expected !== undefined && !found) {
      misses.push(
        `miss  ${c.locale} ${c.kind} (${c.expected}; got ${findings.map((f) => f.severity).join(',') || 'nothing'}): ${c.text}`,
      );
    }
    if (c.expected === undefined && findings.length > 0)
      misses.push(`alarm ${c.locale} ${c.kind}: ${c.text}`);
  }
  const rows: Row[] = [...tally.entries()].map(([locale, t]) => ({
    locale,
    TP: t.tp,
    FP: t.fp,
    FN: t.fn,
    precision: t.tp + t.fp === 0 ? '—' : (t.tp / (t.tp + t.fp)).toFixed(2),
    recall: (t.tp / (t.tp + t.fn)).toFixed(2),
  }));
  console.log(table(rows));
  if (values.misses === true) console.log(misses.join('\n'));
}

main();
