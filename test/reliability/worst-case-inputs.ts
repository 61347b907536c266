/**
 * Hostile inputs for the worst-case battery (test/reliability/worst-case.test.ts) and its bench
 * (bench/worst-case.bench.ts): each kind makes a text of about `size` UTF-16 units out of one
 * shape that could make a per-message path super-linear — runs of one character class, one giant
 * token, digit runs, placeholders, emoji, zero-width and bidi glue, mixed scripts, and phrases
 * the phrase lists match, repeated.
 */
import type { Assistant } from '../../src/assistant/index.js';

export interface InputKind {
  name: string;
  make(size: number): string;
}

/** `unit` repeated to exactly `size` UTF-16 units (cut at a whole unit when it does not divide). */
function run(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/** Letters and digits from a fixed-seed generator: one token with no break and no repeat. */
function giantToken(size: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const out: string[] = [];
  let x = 7;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    out.push(alphabet[x % alphabet.length]!);
  }
  return out.join('');
}

export const WORST_CASE_KINDS: readonly InputKind[] = [
  { name: 'letters a', make: (n) => run('a', n) },
  { name: 'capitals A', make: (n) => run('A', n) },
  { name: 'full-width Ａ', make: (n) => run('Ａ', n) },
  { name: 'letters then a digit', make: (n) => run('a', n - 1) + '1' },
  { name: 'one giant token', make: giantToken },
  { name: 'digits', make: (n) => run('1', n) },
  { name: 'digit groups 1,111 with 元', make: (n) => '元' + run('1,111', n - 1) },
  { name: 'phone numbers', make: (n) => run('13812345678 ', n) },
  { name: 'digits and dashes', make: (n) => run('0-', n) },
  { name: 'decimal points', make: (n) => run('1.', n) },
  { name: 'Han 好', make: (n) => run('好', n) },
  { name: 'Han and digits', make: (n) => run('好1', n) },
  { name: 'month 1月', make: (n) => run('1月', n) },
  { name: 'spaces', make: (n) => `x${run(' ', n - 2)}x` },
  { name: 'exclamation marks', make: (n) => run('!', n) },
  { name: 'question marks', make: (n) => run('?', n) },
  { name: 'open brackets', make: (n) => run('[', n) },
  { name: 'placeholders [数字x]', make: (n) => run('[数字x]', n) },
  { name: 'placeholders [订单x]', make: (n) => run('[订单x] ', n) },
  { name: 'emoji 😀', make: (n) => run('😀', n) },
  { name: 'ZWJ sequences 👨‍👩‍👧', make: (n) => run('👨‍👩‍👧', n) },
  { name: 'letters glued by U+200B', make: (n) => run('a\u200b', n) },
  { name: 'letters glued by U+200D', make: (n) => run('A\u200d', n) },
  { name: 'letters glued by U+FEFF', make: (n) => run('a\ufeff', n) },
  { name: 'letters glued by RTL marks', make: (n) => run('a\u200f\u202e', n) },
  { name: 'mixed scripts', make: (n) => run('a好1!😀Яｂ', n) },
  { name: 'English words', make: (n) => run('refund my order ', n) },
  { name: 'misspelt words', make: (n) => run('cancelaltion ', n) },
  { name: 'shouting', make: (n) => run("WHERE IS MY ORDER'S REFUND ", n) },
  { name: 'link', make: (n) => `http://${run('a', n - 7)}` },
  { name: 'e-mail addresses', make: (n) => run('a@b.co ', n) },
  { name: 'at signs', make: (n) => run('a@', n) },
  { name: 'money and dates', make: (n) => run('¥1,000.5元 $20 3月5号 下周一 10:30pm in 3 days 5/3 ', n) },
  {
    name: 'sizes and order numbers',
    make: (n) => run('38码 XL 170/92A 订单号123456789012 sf1234567890123 ', n),
  },
  { name: 'phrase 已发货', make: (n) => run('已发货', n) },
  { name: 'lint phrases', make: (n) => run('亲，仓库已发货，保证明天到，加我微信：abc12345。', n) },
  { name: 'personal data after cues', make: (n) => run('您的手机13812345678，', n) },
  { name: 'signal phrases', make: (n) => run('投诉！！差评，12315，太慢了', n) },
  // Replies that repeat forbidden language: every repetition is a finding to weigh (found by the
  // fuzzer: each finding re-read the whole reply, 96,000 characters of 你自己去查。 took 6 s).
  { name: 'a deflection, no punctuation', make: (n) => run('你自己去查', n) },
  { name: 'a deflection per sentence', make: (n) => run('你自己去查。', n) },
  { name: 'a flat refusal per sentence', make: (n) => run('不行。', n) },
  { name: 'a refusal per clause', make: (n) => run('这个办不到，', n) },
  { name: 'English deflection', make: (n) => run('not my problem. ', n) },
  { name: 'contempt for a group', make: (n) => run('你们这些乡下人就是', n) },
];

/** Shipping facts that make the shipping-wording rule read every claim. */
const LINT_CONTEXT = { facts: { order: { shipped: true, carrierScan: false } } };

/** The four per-message entry points the battery times. */
export function worstCaseCalls(assistant: Assistant): Record<string, (text: string) => unknown> {
  return {
    analyze: (text) => assistant.analyze(text),
    lint: (text) => assistant.lint(text, LINT_CONTEXT),
    reply: (text) => assistant.reply(text),
    render: (text) =>
      assistant.render('answer/order.special_request', {
        request: { details: text },
        customer: { name: text },
      }),
  };
}

/** Milliseconds since some origin: wall-clock time, or this process's CPU time. */
export type Clock = () => number;
export const wallClock: Clock = () => performance.now();
/**
 * CPU time (user + system) of this process: unlike wall-clock time it does not count the time
 * the process waits for a core, which on a loaded machine grows with the length of a call.
 */
export const cpuClock: Clock = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The shortest of `runs` calls, in ms. */
export function fastest(
  call: (text: string) => unknown,
  text: string,
  runs: number,
  clock = wallClock,
): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const started = clock();
    try {
      call(text);
    } catch {
      // Failures are checked separately; only the time counts here.
    }
    best = Math.min(best, clock() - started);
  }
  return best;
}
