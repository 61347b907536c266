import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { displayWidth } from '../../src/cli/formatters/text.js';
import { createQa, type CheckId, type QaOptions } from '../../src/entry/qa.js';
import { HuashuError } from '../../src/index.js';
import {
  EVIDENCE_MESSAGE_IDS,
  evidenceMessage,
  type EvidenceData,
  type EvidenceMessageId,
} from '../../src/qa/evidence-messages.js';
import { LOCALES } from '../../src/vocabulary.js';
import { fakeIo } from '../helpers/fake-io.js';

const fixtures = join(import.meta.dirname, 'conversations');

const anger = { kind: 'signal', id: 'emotion.anger', score: 0.8, text: '气死' } as const;
const intent = { kind: 'intent', id: 'complaint', confidence: 0.62 } as const;

/** Every message with sample values, and its English wording (what `--format json` has always written). */
const ENGLISH: Array<[EvidenceMessageId, EvidenceData, string]> = [
  ['agent-silent', {}, 'the agent never speaks'],
  ['greets', { text: '您好，请问有什么可以帮您' }, 'greets: “您好，请问有什么可以帮您”'],
  ['no-greeting', {}, 'the first agent turn does not greet'],
  ['no-customer-turn', {}, 'no customer turn'],
  ['untimed', {}, 'the turns have no times'],
  ['first-turn-unanswered', {}, 'no agent turn follows the first customer turn'],
  ['first-response', { seconds: 58.93, limit: 30 }, 'first response after 58.9 s (limit 30 s)'],
  ['answered-after', { seconds: 75, limit: 60 }, 'answered after 75 s (limit 60 s)'],
  ['none-answered', {}, 'no customer turn is answered'],
  ['longest-wait', { seconds: 12, limit: 60 }, 'longest wait 12 s (limit 60 s)'],
  ['all-answered', {}, 'every customer turn has an agent turn after it'],
  ['closed-after-offer', {}, 'the customer closed after an offer of further help'],
  ['closing-without-offer', {}, 'a closing after a last agent turn without an offer of further help'],
  ['no-reply-after-turn', {}, 'no agent reply after this customer turn'],
  ['apologises', { text: '非常抱歉', turn: 3 }, 'apologises (“非常抱歉”) for the complaint in turn 3'],
  ['no-reply-to-complaint', { trigger: intent }, 'no agent reply to a complaint (intent complaint (0.62))'],
  ['no-apology', { trigger: anger }, 'no apology for a complaint (emotion.anger (0.80): “气死”)'],
  ['no-complaint', {}, 'no complaint, insult or strong anger'],
  ['offers-help', { text: '还有其他问题吗' }, 'offers more help: “还有其他问题吗”'],
  ['nothing-else', { text: '没有了' }, 'the customer says there is nothing else: “没有了”'],
  ['no-later-turn', {}, 'the customer wrote nothing after the first agent reply'],
  ['no-further-help', {}, 'no offer of further help after the last request'],
  ['no-resolution', {}, 'no after-sales resolution'],
  ['asks-satisfaction', { text: '麻烦给个好评' }, 'asks for satisfaction: “麻烦给个好评”'],
  [
    'no-satisfaction-ask',
    { text: '已经为您登记退款' },
    'no satisfaction or rating ask after the resolution “已经为您登记退款”',
  ],
  ['no-order-facts', {}, 'no order facts (facts.order.shipped)'],
  ['no-finding', { ruleId: 'no-pii-leak', count: 1 }, 'no no-pii-leak finding in 1 agent turn'],
];

describe('QA evidence messages', () => {
  it('the table covers every message', () => {
    expect(ENGLISH.map(([id]) => id).sort()).toEqual([...EVIDENCE_MESSAGE_IDS].sort());
  });

  it.each(ENGLISH)('%s: English as the checks have always written it', (id, data, english) => {
    expect(evidenceMessage(id, data, 'en')).toBe(english);
  });

  it.each(ENGLISH)('%s: Chinese in both scripts, with no English word but the ids it shows', (id, data) => {
    for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
      const message = evidenceMessage(id, data, locale);
      expect(message).toMatch(/\p{Script=Han}/u);
      // The ids (signal, intent, rule, fact path) are the same in every language.
      const words = message
        .replace(/emotion\.anger|complaint|no-pii-leak|facts\.order\.shipped/g, '')
        .match(/[A-Za-z]{2,}/g);
      expect(words).toBeNull();
    }
    expect(evidenceMessage(id, data, 'zh-Hant')).not.toBe(evidenceMessage(id, data, 'en'));
  });
});

type Line = [role: string, text: string, seconds: number];
function check(lines: Line[], id: CheckId, options: QaOptions) {
  const records = lines.map(([role, text, seconds]) => ({
    conversationId: 'c1',
    role,
    text,
    time: new Date(Date.UTC(2024, 4, 20, 9, 0, 0) + seconds * 1000).toISOString(),
  }));
  return createQa(options)
    .run(records)[0]!
    .checks.find((c) => c.id === id)!;
}

const complaintConversation: Line[] = [
  ['customer', '气死我了，东西是坏的', 0],
  ['agent', '您好，请提供一下订单号', 45],
];

describe('createQa({ locale })', () => {
  const cases: Array<[string, Line[], CheckId, QaOptions, string]> = [
    [
      'greeting fails, zh-Hans',
      [
        ['customer', '在吗', 0],
        ['agent', '在的', 5],
      ],
      'greeting',
      { locale: 'zh-Hans' },
      '客服的第一句没有问候',
    ],
    [
      'greeting fails, default English',
      [
        ['customer', '在吗', 0],
        ['agent', '在的', 5],
      ],
      'greeting',
      {},
      'the first agent turn does not greet',
    ],
    [
      'slow first response, zh-Hant',
      complaintConversation,
      'first-response',
      { locale: 'zh-Hant' },
      '首次回應用時 45 秒（上限 30 秒）',
    ],
    [
      'no apology, zh-Hans',
      complaintConversation,
      'apology-on-complaint',
      { locale: 'zh-Hans' },
      '顾客投诉后客服没有致歉（emotion.anger',
    ],
    // The lint checks' findings follow the locale too: a Chinese reply's finding in English.
    [
      'lint finding in English',
      [
        ['customer', '怎么联系你', 0],
        ['agent', '您好，加我微信 wx12345 聊', 5],
      ],
      'off-platform',
      { locale: 'en' },
      'off the platform',
    ],
    [
      'lint finding in zh-Hans',
      [
        ['customer', 'how do I reach you', 0],
        ['agent', 'Hello! Add me on WhatsApp +44 7911 123456', 5],
      ],
      'off-platform',
      { locale: 'zh-Hans' },
      '平台',
    ],
  ];
  it.each(cases)('%s', (_name, lines, id, options, expected) => {
    const result = check(lines, id, options);
    expect(result.evidence[0]!.message).toContain(expected);
  });

  it('refuses a locale huashu does not write', () => {
    const call = () => createQa({ locale: 'fr' } as unknown as QaOptions);
    expect(call).toThrow(HuashuError);
    expect(call).toThrow(/locale/);
  });

  it('the same results in every locale but for the words', () => {
    const lines: Line[] = [...complaintConversation, ['customer', '好的谢谢', 200]];
    const shapes = LOCALES.map((locale) =>
      check(lines, 'apology-on-complaint', { locale }).evidence.map(({ message: _, ...rest }) => rest),
    );
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
  });
});

describe('huashu qa --report-locale', () => {
  it('stylish in zh-Hans: labels, check names and evidence in Chinese, columns aligned for Chinese names', async () => {
    const run = fakeIo();
    await execute(['qa', join(fixtures, 'zh-Hans.jsonl'), '--report-locale', 'zh-Hans'], run.io);
    expect(run.stdout).toMatch(/^共 \d+ 个会话 · 平均分 [\d.]+ · \d+ 个含致命项/);
    expect(run.stdout).toContain('客服（平均分从低到高）');
    expect(run.stdout).not.toMatch(/the first agent turn|no offer of further help|first response after/);
    // A conversation whose export names no agent.
    expect(run.stdout).toContain('（未知客服）');
    expect(run.stdout).not.toContain('(unknown)');
    const lines = run.stdout.split('\n');
    const header = lines.findIndex((line) => line.startsWith('客服（'));
    const rows = lines.slice(header + 2, lines.indexOf('', header));
    expect(rows.length).toBeGreaterThan(0);
    // The conversations column starts at the same terminal column on every agent's row.
    const starts = rows.map((row) => displayWidth(row.slice(0, row.search(/ \d+ +[\d.]+ /) + 1)));
    expect(new Set(starts).size).toBe(1);
  });

  it('stylish in English by default (no LANG), check ids as scorecards write them', async () => {
    const run = fakeIo();
    await execute(['qa', join(fixtures, 'zh-Hans.jsonl')], run.io);
    expect(run.stdout).toMatch(/^\d+ conversations · average score/);
    expect(run.stdout).toContain('apology-on-complaint');
  });

  it('json: English evidence unless --report-locale is given', async () => {
    const messages = async (args: string[]) => {
      const run = fakeIo();
      await execute(['qa', join(fixtures, 'zh-Hans.jsonl'), '--format', 'json', ...args], run.io);
      const first = JSON.parse(run.stdout.split('\n')[0]!) as {
        checks: Array<{ id: string; evidence: Array<{ message: string }> }>;
      };
      return first.checks.find((c) => c.id === 'forbidden-language')!.evidence[0]!.message;
    };
    expect(await messages([])).toMatch(/^no no-forbidden-phrase finding in \d+ agent turns?$/);
    expect(await messages(['--report-locale', 'zh-Hant'])).toMatch(
      /^客服的 \d+ 則訊息中沒有 no-forbidden-phrase 問題$/,
    );
  });
});
