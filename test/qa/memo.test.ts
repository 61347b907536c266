import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTurns } from '../../bench/qa-export.js';
import { execute } from '../../src/cli/index.js';
import { createTunedQa } from '../../src/qa/create.js';
import { CueReader } from '../../src/qa/cues.js';
import { TextMemo } from '../../src/util/text-memo.js';
import { fakeIo } from '../helpers/fake-io.js';

// The turn-reading memo of `huashu qa` (src/util/text-memo.ts): a checker that remembers what it
// read of a text must give exactly the results of one that reads every turn afresh, whatever the
// memo's size (a tiny one evicts all the time), the facts, or the order of the conversations.

const fixtures = join(import.meta.dirname, 'conversations');
const handWritten = ['zh-Hans', 'zh-Hant', 'en'].flatMap((locale) =>
  readFileSync(join(fixtures, `${locale}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>),
);
const benchExport = [...generateTurns(3000, 600, 7)].map(
  (line) => JSON.parse(line) as Record<string, unknown>,
);

const scored = (records: readonly unknown[], memoEntries: number) =>
  createTunedQa({}, { memoEntries })
    .run(records)
    .map((result) => JSON.stringify(result))
    .join('\n');

describe('the turn-reading memo gives the results of no memo, byte for byte', () => {
  it.each([
    ['the hand-written conversations (three locales, order facts)', handWritten],
    ['a generated export of 3,000 turns', benchExport],
  ])('%s', (_, records) => {
    const fresh = scored(records, 0);
    expect(fresh.length).toBeGreaterThan(1000);
    expect(scored(records, 8192)).toBe(fresh);
    expect(scored(records, 3)).toBe(fresh);
  });

  it('the same agent reply under different facts is read under each (shipping wording)', () => {
    const reply = '仓库已发货，请您耐心等候';
    const records = [false, true, undefined, false].flatMap((shipped, i) => [
      { conversationId: `s${i}`, role: 'customer', text: '怎么还没发货', time: 1_716_000_000_000 + i * 1e6 },
      {
        conversationId: `s${i}`,
        role: 'agent',
        text: reply,
        time: 1_716_000_005_000 + i * 1e6,
        ...(shipped === undefined ? {} : { facts: { order: { shipped } } }),
      },
    ]);
    const results = createTunedQa({}, { memoEntries: 100 }).run(records);
    const shipping = results.map((r) => r.checks.find((c) => c.id === 'shipping-wording')!.result);
    expect(shipping).toEqual(['fail', 'pass', 'n/a', 'fail']);
    expect(results.map((r) => JSON.stringify(r)).join('\n')).toBe(scored(records, 0));
  });

  it('random conversations over a few repeated texts and facts (property)', () => {
    const texts = [
      '好的',
      '谢谢',
      '在吗',
      '你们怎么回事，气死了，我要投诉',
      '亲，您好，很高兴为您服务',
      '非常抱歉给您带来不便',
      '亲，已经发货了哦',
      '仓库已发货，请您耐心等候',
      '您加我微信13812345678',
      '请问还有什么可以帮您的吗？',
      'Sorry for the trouble!',
      '',
    ];
    const turn = fc.record({
      conversation: fc.integer({ min: 0, max: 5 }),
      role: fc.constantFrom('customer', 'agent', '顾客', '客服'),
      text: fc.oneof(fc.constantFrom(...texts), fc.string({ maxLength: 12 })),
      time: fc.integer({ min: 1_716_000_000, max: 1_716_000_600 }),
      shipped: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(turn, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        (turns, size) => {
          const records = turns.map((t) => ({
            conversationId: `k${t.conversation}`,
            role: t.role,
            text: t.text,
            time: t.time,
            ...(t.shipped === undefined ? {} : { facts: { order: { shipped: t.shipped } } }),
          }));
          expect(scored(records, size)).toBe(scored(records, 0));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('huashu qa --format json prints the same bytes with HUASHU_QA_MEMO=0', async () => {
    const outputs: string[] = [];
    for (const memo of ['0', '2', undefined]) {
      const run = fakeIo();
      if (memo !== undefined) run.io.env.HUASHU_QA_MEMO = memo;
      const files = ['zh-Hans', 'zh-Hant', 'en'].map((locale) => join(fixtures, `${locale}.jsonl`));
      expect(await execute(['qa', ...files, '--format', 'json', '--workers', '1'], run.io)).toBe(1);
      expect(run.stderr).toBe('');
      outputs.push(run.stdout);
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it.each(['-1', 'many', '1.5'])('HUASHU_QA_MEMO=%s is a usage error', async (value) => {
    const run = fakeIo();
    run.io.env.HUASHU_QA_MEMO = value;
    expect(await execute(['qa', join(fixtures, 'en.jsonl')], run.io)).toBe(2);
    expect(run.stderr).toContain('HUASHU_QA_MEMO takes a whole number');
  });
});

describe('TextMemo', () => {
  it('remembers recent keys and forgets the ones not used for a while (two generations)', () => {
    const memo = new TextMemo<number>(4);
    let computed = 0;
    const get = (key: string) => memo.get(key, () => (computed += 1));
    expect([get('a'), get('b')]).toEqual([1, 2]);
    expect(get('c')).toBe(3); // the young generation (a, b) turns old
    expect(get('a')).toBe(1); // found in the old one, made young again
    expect(get('d')).toBe(4); // (c, a) turn old, (a, b) are dropped: b was not used since
    expect(get('b')).toBe(5);
    expect(get('c')).toBe(3);
    expect([memo.hits, memo.misses]).toEqual([2, 5]);
    expect(memo.size).toBeLessThanOrEqual(4);
  });

  it('capacity 0 computes every time and keeps nothing', () => {
    const memo = new TextMemo<number>(0);
    let computed = 0;
    memo.get('a', () => (computed += 1));
    memo.get('a', () => (computed += 1));
    expect([computed, memo.size]).toEqual([2, 0]);
  });

  it.each([-1, 1.5, Number.NaN])('rejects capacity %s', (capacity) => {
    expect(() => new TextMemo(capacity)).toThrow(RangeError);
  });
});

describe('CueReader.readCustomerTurn: the cues and the closing of a customer turn from one scan', () => {
  const reader = new CueReader();
  const words = fc.constantFrom(
    '好的',
    '谢谢',
    '您好',
    '亲',
    '还有什么可以帮您',
    '没有了',
    '?',
    '？',
    '，',
    ' ',
    '退货',
    'thanks',
    'bye',
    '😊',
    '对不起',
    '满意',
  );
  // Expected closings as the two-scan reader of 8a9d293 (read, then isClosing) answered them.
  it.each([
    ['好的谢谢', true],
    ['好的 谢谢 😊', true],
    ['没有了，谢谢', true],
    ['嗯嗯好的', true],
    ['好吧', true],
    ['拜拜', true],
    ['thanks, bye', true],
    ['好的谢谢？', false],
    ['ok thanks?', false],
    ['谢谢，退货怎么弄', false],
    ['谢谢亲 我再看看', false],
    ['好的。請問還有優惠嗎', false],
    ['', false],
    ['，。', false],
  ])('%s: closing %s, with the cues of read()', (text, closing) => {
    expect(reader.readCustomerTurn(text)).toEqual({ hits: reader.read(text), closing });
  });
  it('on any text: the cues of read(), and never a closing with a question mark or nothing read', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.array(words, { maxLength: 12 }).map((parts) => parts.join('')),
        ),
        (text) => {
          const turn = reader.readCustomerTurn(text);
          expect(turn.hits).toEqual(reader.read(text));
          if (/[?？]/.test(text) || text.replace(/[\s\p{P}]/gu, '') === '') expect(turn.closing).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
