/**
 * No output repeats the personal data a finding is about: every format (stylish with and without
 * colour, json, sarif, github, summary, and the CLI's text view of a reply) is rendered for replies
 * holding phones, e-mails, ID and card numbers and addresses — as written inline, in a JSONL line
 * and in a quoted CSV field — and searched for the datum, its digits and its hidden parts.
 */
import fc from 'fast-check';
import { MAX_PII_SEARCHED } from '../../../src/lint/rules/no-pii-leak.js';
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/assistant/index.js';
import { formatReplyPretty } from '../../../src/cli/format.js';
import {
  createFormatter,
  createSummaryCollector,
  FORMAT_NAMES,
  type LintedReply,
  type RuleDescriptor,
} from '../../../src/cli/formatters/index.js';
import { applyFixes } from '../../../src/lint/fixes.js';
import { createLinter } from '../../../src/lint/linter.js';
import type { RuleContext } from '../../../src/lint/rule.js';
import type { LintResult } from '../../../src/lint/types.js';

const linter = createLinter();
const rules: RuleDescriptor[] = linter.rules.map((rule) => ({
  id: rule.id,
  description: rule.meta.docs.description,
  severity: rule.severity,
  fixable: rule.meta.fixable === true,
}));
const pretty = createAssistant().reply('你好');

/** The reply as an inline text, a JSONL line's field and a quoted CSV field. */
function entries(reply: string, result: LintResult): LintedReply[] {
  return [
    { reply, result },
    {
      reply,
      result,
      source: 'exports/chats.jsonl',
      id: 'r-7',
      agent: '小王',
      origin: {
        line: 3,
        column: 12,
        offset: 120,
        encoding: 'json-string',
        raw: JSON.stringify(reply).slice(1, -1),
      },
    },
    {
      reply,
      result,
      source: 'exports/chats.csv',
      origin: { line: 2, column: 5, encoding: 'csv-quoted', raw: reply.replace(/"/g, '""') },
    },
  ];
}

/** Every format's output for these replies, by name. */
function renderAll(linted: readonly LintedReply[]): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const name of FORMAT_NAMES)
    for (const color of [false, true]) {
      const formatter = createFormatter(name, { color, summary: true, rules });
      const collector = createSummaryCollector();
      let text = formatter.begin();
      for (const entry of linted) {
        collector.add(entry);
        text += formatter.reply(entry);
      }
      outputs[`${name}${color ? ' (colour)' : ''}`] = text + formatter.end(collector.summary());
    }
  outputs.text = linted.map((entry) => formatReplyPretty({ ...pretty, lint: entry.result })).join('\n');
  return outputs;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** Runs of five consecutive digits of the datum: a mask keeps at most four in a row. */
function digitWindows(value: string): string[] {
  const digits = fold(value).replace(/[^0-9]/g, '');
  const windows: string[] = [];
  for (let i = 0; i + 5 <= digits.length; i++) windows.push(digits.slice(i, i + 5));
  return windows;
}

/** Where an output leaks the datum, or undefined. */
/**
 * SARIF's finding fingerprints: an 8-hex-digit FNV-1a hash of the masked finding, not the datum, whose
 * hex may hold any run of digits by chance (01837e22 once held "01837" of 152 0001 8371).
 */
const SARIF_FINGERPRINT = /("huashuFinding\/v1":)"[0-9a-f]{8}"/g;

function leak(raw: string, value: string, secrets: readonly string[]): string | undefined {
  const output = raw.replace(SARIF_FINGERPRINT, '$1"<hash>"');
  if (output.includes(value)) return `the datum "${value}"`;
  const folded = fold(output);
  if (folded.includes(fold(value))) return `the datum folded "${fold(value)}"`;
  const runs = folded.match(/[0-9]+/g) ?? [];
  for (const window of digitWindows(value))
    if (runs.some((run) => run.includes(window))) return `the digits "${window}"`;
  for (const secret of secrets) if (folded.includes(fold(secret))) return `the hidden part "${secret}"`;
  return undefined;
}

// A checksum-valid mainland ID number (GB 11643) and Luhn-valid card numbers, made up for the test.
const ID = '11010519491231002X';

interface Case {
  reply: string;
  /** The datum exactly as written: the finding's range must be exactly it. */
  value: string;
  kind: string;
  /** Parts the mask hides, which must appear nowhere. */
  secrets: string[];
  masked: string;
}

const cases: Case[] = [
  {
    reply: '您的手机号是139-8765-4321，请核对',
    value: '139-8765-4321',
    kind: 'mobile',
    secrets: ['8765'],
    masked: '139****4321',
  },
  {
    reply: '收货人电话：+86 137 2468 1357',
    value: '+86 137 2468 1357',
    kind: 'mobile',
    secrets: ['2468'],
    masked: '137****1357',
  },
  {
    reply: '您的手机号是１５９７５３１８６４２',
    value: '１５９７５３１８６４２',
    kind: 'mobile',
    secrets: ['7531'],
    masked: '159****8642',
  },
  {
    reply: '您的手机号是138\u200b2468\u200b9753。',
    value: '138\u200b2468\u200b9753',
    kind: 'mobile',
    secrets: ['2468'],
    masked: '138****9753',
  },
  {
    reply: '👨‍👩‍👧 您的手机号是13924681357\u0301 😀',
    value: '13924681357',
    kind: 'mobile',
    secrets: ['2468'],
    masked: '139****1357',
  },
  {
    reply: '您的電話 +852 9786 5432',
    value: '+852 9786 5432',
    kind: 'phone',
    secrets: ['9786'],
    masked: '+852 ****5432',
  },
  {
    reply: '您的電話 9786-5431，謝謝',
    value: '9786-5431',
    kind: 'mobile',
    secrets: ['9786'],
    masked: '****5431',
  },
  {
    reply: '您的手機號碼是0935-246-813',
    value: '0935-246-813',
    kind: 'mobile',
    secrets: ['5246'],
    masked: '093****6813',
  },
  {
    reply: 'Your phone: +44 20 7946 0958',
    value: '+44 20 7946 0958',
    kind: 'phone',
    secrets: ['7946'],
    masked: '+44 ****0958',
  },
  {
    reply: 'Your number +1 (415) 555-0199',
    value: '+1 (415) 555-0199',
    kind: 'phone',
    secrets: ['(415)', '555-'],
    masked: '+1 ****0199',
  },
  {
    reply: '您的邮箱zhang.san@example.com已绑定',
    value: 'zhang.san@example.com',
    kind: 'email',
    secrets: ['zhang', 'hang.san'],
    masked: 'z***@example.com',
  },
  {
    reply: '您的邮箱lisi2024＠qq.com已绑定',
    value: 'lisi2024＠qq.com',
    kind: 'email',
    secrets: ['lisi', 'isi2024'],
    masked: 'l***@qq.com',
  },
  {
    reply: '您的邮箱ｗａｎｇｗｕ＠ｆｏｘｍａｉｌ．ｃｏｍ',
    value: 'ｗａｎｇｗｕ＠ｆｏｘｍａｉｌ．ｃｏｍ',
    kind: 'email',
    secrets: ['wangwu', 'angwu'],
    masked: 'w***@foxmail.com',
  },
  {
    reply: `您的身份证号${ID}`,
    value: ID,
    kind: 'id-card',
    secrets: ['19491231', '0519'],
    masked: '1101**********002X',
  },
  {
    reply: '身份證：１１０１０５１９４９１２３１００２ｘ',
    value: '１１０１０５１９４９１２３１００２ｘ',
    kind: 'id-card',
    secrets: ['19491231'],
    masked: '1101**********002X',
  },
  {
    reply: '您的银行卡号 6217 0012 3456 7890 122 已绑定',
    value: '6217 0012 3456 7890 122',
    kind: 'bank-card',
    secrets: ['0012 3456 7890', '3456'],
    masked: '6217****0122',
  },
  {
    reply: 'Refunded to card number 4367420012345673.',
    value: '4367420012345673',
    kind: 'bank-card',
    secrets: ['42001'],
    masked: '4367****5673',
  },
  {
    reply: '收货地址：北京市朝阳区建国路88号3栋2单元501室',
    value: '建国路88号3栋2单元501室',
    kind: 'address',
    secrets: ['建国路88号', '501室', '2单元5'],
    masked: '建国路**号**栋**单元**室',
  },
  {
    reply: '收件地址：台北市信義區松仁路１００號',
    value: '松仁路１００號',
    kind: 'address',
    secrets: ['松仁路１００', '松仁路100'],
    masked: '松仁路**號',
  },
  {
    reply: 'Delivery address: 221B Baker Street',
    value: '221B Baker Street',
    kind: 'address',
    secrets: ['221'],
    masked: '** Baker Street',
  },
];

describe('no-pii-leak findings in every output format', () => {
  it.each(cases.map((c) => [c.reply, c] as const))('%s', (_, test) => {
    const result = linter.lint(test.reply);
    const leaks = result.findings.filter((f) => f.ruleId === 'no-pii-leak');
    expect(leaks.map((f) => test.reply.slice(f.range[0], f.range[1]))).toEqual([test.value]);
    const [finding] = leaks;
    expect(finding).toMatchObject({
      messageId: test.kind,
      severity: 'error',
      actual: test.masked,
      redacted: true,
    });
    expect(finding!.fix?.text).toBe(test.masked);
    expect(applyFixes(test.reply, result.findings).text).toBe(test.reply.replace(test.value, test.masked));
    // The finding itself, as an API caller gets it, holds only the mask.
    expect(leak(JSON.stringify(finding), test.value, test.secrets)).toBeUndefined();
    for (const [format, output] of Object.entries(renderAll(entries(test.reply, result)))) {
      expect(output, format).not.toBe('');
      expect(leak(output, test.value, test.secrets), `${format}:\n${output}`).toBeUndefined();
    }
  });

  it('the outputs still point at the datum: json keeps the reply length, sarif the region', () => {
    const reply = '您的手机号是139-8765-4321，请核对';
    const result = linter.lint(reply);
    const [entry] = entries(reply, result);
    const json = JSON.parse(renderAll([entry!]).json!) as {
      results: Array<{ reply: string; findings: Array<{ range: [number, number]; column: number }> }>;
    };
    const printed = json.results[0]!;
    expect(printed.reply).toHaveLength(reply.length);
    expect(printed.reply).toBe('您的手机号是*** **** ****，请核对'.replace(/ /g, '-'));
    const [finding] = printed.findings;
    expect(printed.reply.slice(finding!.range[0], finding!.range[1])).toBe('***-****-****');
    expect(finding!.column).toBe(7);
  });

  it('a megabyte of e-mail addresses is masked (the old finder overflowed the stack)', () => {
    const reply = '您的邮箱 ab12@qq.com，'.repeat(60_000);
    const result = linter.lint(reply);
    const leaks = result.findings.filter((f) => f.ruleId === 'no-pii-leak');
    // Searched up to MAX_PII_SEARCHED addresses; the rest is masked wholesale and counted as "+".
    expect(leaks.at(-1)).toMatchObject({ messageId: 'more', data: { count: `${MAX_PII_SEARCHED - 199}+` } });
    expect(applyFixes(reply, result.findings).text).not.toContain('ab12@');
  });

  it('a reply with more data than the per-rule cap is masked whole', () => {
    const numbers = Array.from({ length: 260 }, (_, i) => `139${String(10_000_000 + i * 37)}`);
    const reply = numbers.map((n) => `您的手机号是${n}`).join('，');
    const result = linter.lint(reply);
    const leaks = result.findings.filter((f) => f.ruleId === 'no-pii-leak');
    expect(leaks).toHaveLength(200);
    expect(leaks.at(-1)).toMatchObject({ messageId: 'more', data: { count: '61' }, redacted: true });
    const fixed = applyFixes(reply, result.findings).text;
    for (const n of numbers) expect(fixed).not.toContain(n);
    for (const output of Object.values(renderAll([{ reply, result }])))
      for (const n of numbers) expect(output).not.toContain(n);
  });
});

describe('findings of other rules never repeat the data inside their range', () => {
  // greet-first reports the whole first reply of a conversation: its `actual` is the reply, and
  // was the datum verbatim (found by the fuzz suite, issue 9).
  it.each(cases.map((c) => [c.reply, c] as const))('%s (greet-first)', (_, test) => {
    const result = linter.lint(test.reply, { conversation: [] });
    const greet = result.findings.find((f) => f.ruleId === 'greet-first');
    expect(greet?.range).toEqual([0, test.reply.trimEnd().length]);
    expect(greet!.actual).toContain(test.masked);
    for (const finding of result.findings)
      expect(leak(JSON.stringify(finding), test.value, test.secrets), finding.ruleId).toBeUndefined();
    for (const [format, output] of Object.entries(renderAll(entries(test.reply, result))))
      expect(leak(output, test.value, test.secrets), `${format}:\n${output}`).toBeUndefined();
  });

  it('a datum the range cuts shows as stars, text outside the data stays as written', () => {
    const reply = '请核对：13987654321';
    const rule = {
      meta: {
        id: 'cut-range',
        category: 'conversation' as const,
        docs: { description: 'reports a range that ends inside a phone number', url: 'https://example.com' },
        defaultSeverity: 'warn' as const,
        messages: { cut: { 'zh-Hans': '{{text}}', 'zh-Hant': '{{text}}', en: '{{text}}' } },
      },
      create: (context: RuleContext) => ({
        'reply:exit'() {
          context.report({ messageId: 'cut', range: [1, 9], data: { text: reply.slice(4) } });
        },
      }),
    };
    const custom = createLinter({ rules: { 'no-pii-leak': 'off' } }, { extraRules: [rule] });
    const [finding] = custom.lint(reply).findings.filter((f) => (f.ruleId as string) === 'cut-range');
    expect(finding).toMatchObject({
      actual: '核对：*****',
      message: '139****4321',
      data: { text: '139****4321' },
    });
    expect(finding!.redacted).toBeUndefined();
  });

  it('replies without personal data keep every finding as written', () => {
    const reply = '已发货，请耐心等待';
    const result = linter.lint(reply, { conversation: [] });
    const greet = result.findings.find((f) => f.ruleId === 'greet-first');
    expect(greet!.actual).toBe(reply);
  });
});

/** A mainland mobile as an agent might type it: separators, +86, full width, zero-width glue. */
const phoneArbitrary = fc
  .tuple(
    fc.constantFrom('13', '15', '17', '18', '19'),
    fc.stringMatching(/^[0-9]{9}$/),
    fc.constantFrom('', ' ', '-', '\u200b'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([head, rest, separator, country, wide]) => {
    const digits = `${head}${rest}`;
    let text = `${digits.slice(0, 3)}${separator}${digits.slice(3, 7)}${separator}${digits.slice(7)}`;
    if (country) text = `+86 ${text}`;
    if (wide) text = text.replace(/[0-9+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    return {
      text,
      secret: digits.slice(3, 7),
      cue: '您的手机号是',
      visible: `${digits.slice(0, 3)}${digits.slice(7)}`,
    };
  })
  // The masked form shows the first three and the last four digits: a hidden part that also
  // appears there (13079787978: hidden 7978, shown …7978) is no leak, so it cannot be the probe.
  .filter(({ secret, visible }) => !visible.includes(secret))
  .map(({ text, secret, cue }) => ({ text, secret, cue }));

/** An e-mail address, in ASCII or full width (letters, ＠ and ．). */
const emailArbitrary = fc
  .tuple(
    // Letters and digits, so the hidden part is no English word an output could contain (length).
    fc.stringMatching(/^[a-z]{3,6}[0-9]{2,4}$/),
    fc.constantFrom('qq.com', '163.com', 'example.cn', 'mail.shop.net'),
    fc.boolean(),
  )
  .map(([name, domain, wide]) => {
    let text = `${name}@${domain}`;
    if (wide) text = text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    return { text, secret: name.slice(1), cue: '您的邮箱是' };
  });

const noise = fc
  .array(
    fc.constantFrom(
      '您好，',
      '亲，',
      '已为您登记。',
      '请核对，',
      '😀',
      'ok ',
      '谢谢！',
      '\n',
      '“',
      '”',
      '订单已处理。',
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(''));

describe('property: a generated phone or e-mail never reaches an output unmasked', () => {
  it('holds for every format, and every finding range lies inside the reply', () => {
    fc.assert(
      fc.property(noise, fc.oneof(phoneArbitrary, emailArbitrary), noise, (before, datum, after) => {
        const reply = `${before}${datum.cue}${datum.text}，${after}`;
        const result = linter.lint(reply);
        for (const finding of result.findings) {
          expect(finding.range[0]).toBeGreaterThanOrEqual(0);
          expect(finding.range[1]).toBeGreaterThanOrEqual(finding.range[0]);
          expect(finding.range[1]).toBeLessThanOrEqual(reply.length);
        }
        const leaks = result.findings.filter((f) => f.ruleId === 'no-pii-leak');
        expect(leaks.map((f) => reply.slice(f.range[0], f.range[1]))).toEqual([datum.text]);
        for (const [format, output] of Object.entries(renderAll(entries(reply, result))))
          expect(leak(output, datum.text, [datum.secret]), format).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });
});
