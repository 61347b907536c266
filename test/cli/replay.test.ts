import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { parseReplayRows } from '../../src/cli/replay/rows.js';
import { sampleIndices, summarizeReplay, type ReplaySummary } from '../../src/cli/replay/summary.js';
import { formatReplayPretty } from '../../src/cli/replay/format.js';
import { createAssistant, type FullReply } from '../../src/assistant/index.js';
import type { ActionId, TemplateId } from '../../src/ids.js';
import { isHuashuError } from '../../src/errors.js';
import { fakeIo } from '../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'huashu-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rows = [
  { text: '我要退货', accept: ['aftersale.return_exchange'] },
  { text: '[订单x]', prev_agent_turn: '亲 麻烦提供一下订单号', intent: 'ack' },
  { text: '东西坏了 屏幕有裂痕', intent: 'aftersale.defect' },
  { text: '谢谢', intent: 'thanks' },
  { text: '到哪了', facts: { order: { shipped: true, carrierScan: false } } },
];
writeFileSync(join(dir, 'small.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));

async function run(args: string[]) {
  const io = fakeIo('', { cwd: dir });
  const code = await execute(['replay', ...args], io.io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('huashu replay', () => {
  it('replays every message and reports the checks as JSON', async () => {
    const { code, stdout } = await run(['small.jsonl', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ReplaySummary & { file: string };
    expect(report).toMatchObject({ file: 'small.jsonl', messages: 5, labelled: 4, emptyReplies: 0 });
    expect(report.sample).toHaveLength(5);
    expect(report.sample[1]).toMatchObject({ line: 2, previousAgentMessage: '亲 麻烦提供一下订单号' });
    // The catalogue's costly actions are all listed, fired or not.
    expect(Object.keys(report.costly).sort()).toEqual([
      'offer.compensation',
      'refund.price_difference',
      'reship',
    ]);
    expect(report.distinctReplies).toBeGreaterThan(1);
    // Facts reach the reply: shown as shipped with no carrier scan is 仓库已发货, never a bare 已发货.
    expect(report.sample[4]?.reply).toContain('仓库');
  });

  it('prints the report with --format pretty and a sample of --sample n', async () => {
    const { code, stdout } = await run(['small.jsonl', '--format', 'pretty', '--sample', '2']);
    expect(code).toBe(0);
    expect(stdout).toContain('5 messages replayed through reply(), 4 labelled');
    expect(stdout).toMatch(/empty replies\s+0 \(0\.0%\)/u);
    expect(stdout).toContain('Sample (2 messages');
    expect(stdout.match(/^ {2}customer: /gmu)).toHaveLength(2);
  });

  it.each([
    [['small.jsonl', '--sample', 'many'], /--sample must be a whole number/u],
    [['small.jsonl', '--max-empty', 'x'], /--max-empty must be a whole number/u],
    [[], /Usage: huashu replay/u],
  ])('rejects bad arguments %j with a usage error (exit 2)', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 naming the line when a row is not a message', async () => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"text":"你好"}\nnot json\n{"prev_agent_turn":"x"}\n');
    const { code, stderr } = await run(['bad.jsonl']);
    expect(code).toBe(2);
    expect(stderr).toContain('line 2');
    expect(stderr).toContain('line 3');
  });
});

describe('parseReplayRows', () => {
  it.each([
    ['{"text":"a"}', [{ line: 1, text: 'a', previousAgentMessage: null, facts: undefined, accept: [] }]],
    [
      '\n{"text":"a","intent":"ack","prev_agent_turn":null}',
      [{ line: 2, text: 'a', previousAgentMessage: null, facts: undefined, accept: ['ack'] }],
    ],
    [
      '{"text":"a","accept":["x","y"],"facts":{"order":{}}}',
      [{ line: 1, text: 'a', previousAgentMessage: null, facts: { order: {} }, accept: ['x', 'y'] }],
    ],
  ])('reads %s', (jsonl, expected) => {
    expect(parseReplayRows(jsonl)).toEqual(expected);
  });

  it.each(['', '\n\n', '{"text":1}', '{"text":"a","facts":[]}', '[1]'])(
    'rejects %j with INVALID_INPUT',
    (jsonl) => {
      let error: unknown;
      try {
        parseReplayRows(jsonl);
      } catch (e) {
        error = e;
      }
      expect(isHuashuError(error) && error.code).toBe('INVALID_INPUT');
    },
  );
});

describe('summarizeReplay', () => {
  it('counts out-of-scope wording on in-scope labels and costly actions no label justifies', () => {
    const assistant = createAssistant();
    const parsed = parseReplayRows(
      [
        { text: '我要退货', intent: 'aftersale.return_exchange' },
        { text: '我要退货', intent: 'other' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const replies = parsed.map((r) => assistant.reply(r.text));
    // A hand-made reply set: the first message answered out of scope and with a reship.
    const outOfScope: FullReply = {
      ...replies[0]!,
      replies: [
        {
          templateId: 'situation/out-of-scope' as TemplateId,
          stage: 'answer',
          locale: 'zh-Hans' as const,
          text: '…',
          rule: 'r',
        },
      ],
      actions: [
        {
          id: 'reship' as ActionId,
          params: {},
          priority: 1,
          rule: 'r',
          because: '',
          description: '',
          rules: ['r'],
        },
      ],
    };
    const summary = summarizeReplay(parsed, [outOfScope, replies[1]!], new Set(['reship']), 1);
    expect(summary.outOfScope).toBe(1);
    expect(summary.outOfScopeOnInScope).toBe(1);
    expect(summary.outOfScopeOnInScopeLines).toEqual([1]);
    expect(summary.costly).toEqual({ reship: { fired: 1, unjustified: 1, unjustifiedLines: [1] } });
    expect(formatReplayPretty('f.jsonl', summary)).toMatch(/not labelled "other" — lines 1\n/u);
    expect(formatReplayPretty('f.jsonl', summary)).toMatch(/unjustified 1 — lines 1\n/u);
    expect(summary.accuracy).toBe(0.5);
    expect(summary.sample).toHaveLength(1);
  });

  it('counts the replies that asked because the intent was unsure, and how many had the right intent', () => {
    const assistant = createAssistant();
    const parsed = parseReplayRows(
      [
        { text: '我要退货', intent: 'aftersale.return_exchange' },
        { text: '我要退货', intent: 'order.cancel' },
        { text: '我要退货', intent: 'aftersale.return_exchange' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const replies = parsed.map((r) => assistant.reply(r.text));
    expect(replies[0]!.analysis.intent.id).toBe('aftersale.return_exchange');
    const asked = (reply: FullReply): FullReply => ({
      ...reply,
      replies: [
        {
          templateId: 'situation/unsure' as TemplateId,
          stage: 'answer',
          locale: 'zh-Hans',
          text: '…',
          rule: 'r',
        },
      ],
    });
    const summary = summarizeReplay(
      parsed,
      [asked(replies[0]!), asked(replies[1]!), replies[2]!],
      new Set(),
      0,
    );
    expect(summary.unsure).toBe(2);
    expect(summary.unsureOnRightIntent).toBe(1);
    expect(formatReplayPretty('f.jsonl', summary)).toMatch(
      /unsure, asked instead 2 \(66\.7%\), 1 of them with the right intent\n/u,
    );
  });

  it.each([
    [5, 0, []],
    [3, 5, [0, 1, 2]],
    [10, 2, [2, 7]],
    [100, 4, [12, 37, 62, 87]],
  ])('samples %i items %i times evenly', (total, count, expected) => {
    expect(sampleIndices(total, count)).toEqual(expected);
  });
});
