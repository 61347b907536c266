import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { normalize } from '../../src/normalize/index.js';
import { readMessage } from '../../src/text/message.js';

// Free text as customers type it: any UTF-16 (lone surrogates included), and strings built from
// the classifier's own vocabulary so patterns, clauses, placeholders and the model really run.
const vocabulary = fc.constantFrom(
  '退货',
  '发票',
  '在吗',
  '谢谢',
  '好的',
  '没有了',
  '[订单x]',
  '[数字x]',
  '转人工',
  '顺便',
  '?',
  '！',
  ' ',
  '，',
  '取消订单',
  'cancel',
  'refund',
  'where is',
  '亲',
  '發貨',
  'ＯＫ',
  '😊',
  '[',
  ']',
  'x]',
  '123456789',
  '吗',
  'also ',
);
const messages = fc.oneof(
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.array(vocabulary, { maxLength: 40 }).map((parts) => parts.join('')),
);
const contexts = fc.option(
  fc.record({
    previousAgentMessage: fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constant('请提供订单号'),
      fc.constant(null),
    ),
  }),
  { nil: undefined },
);
const classifier = createIntentClassifier();
const known = new Set(classifier.intents);

describe('classify on any text', () => {
  it('never throws; returns a known intent, calibrated confidences and ranges inside the original', () => {
    fc.assert(
      fc.property(messages, contexts, (text, context) => {
        const normalized = normalize(text);
        const result = classifier.classify(normalized, context);
        expect(known.has(result.intent.id)).toBe(true);
        expect(result.intent.confidence).toBeGreaterThanOrEqual(0);
        expect(result.intent.confidence).toBeLessThanOrEqual(1);
        const ids = result.intents.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        if (result.intent.id !== 'other') expect(ids[0]).toBe(result.intent.id);
        for (const candidate of result.intents) {
          expect(candidate.confidence).toBeGreaterThanOrEqual(0);
          expect(candidate.confidence).toBeLessThanOrEqual(1);
          for (const e of candidate.evidence) {
            if (e.range === undefined) continue;
            expect(e.range[0]).toBeGreaterThanOrEqual(0);
            expect(e.range[1]).toBeGreaterThanOrEqual(e.range[0]);
            expect(e.range[1]).toBeLessThanOrEqual(text.length);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic and does not depend on the previous call (shared buffers are reset)', () => {
    fc.assert(
      fc.property(messages, messages, (a, b) => {
        const first = classifier.classify(normalize(a));
        classifier.classify(normalize(b), { previousAgentMessage: b });
        expect(classifier.classify(normalize(a))).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('answers as a fresh classifier after reading messages that share its clauses (the clause memo)', () => {
    // Clauses joined by clause breaks, drawn from a small pool so later messages repeat earlier
    // clauses: the warmed classifier scores those from its memo, the fresh one from the model.
    const clause = fc.array(vocabulary, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    const breaks = fc.constantFrom('，', '。', '?', '! ', ' ');
    fc.assert(
      fc.property(
        fc.array(clause, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 2, maxLength: 5 }), breaks), {
          minLength: 2,
          maxLength: 6,
        }),
        (pool, picks) => {
          const warmed = createIntentClassifier();
          for (const [indexes, separator] of picks) {
            const text = indexes.map((i) => pool[i % pool.length]).join(separator);
            const fresh = createIntentClassifier().classify(normalize(text));
            expect(warmed.classify(normalize(text)), text).toEqual(fresh);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('handles a megabyte message in bounded time', () => {
    const big = '我要退货 '.repeat(200_000);
    const started = performance.now();
    const result = classifier.classify(normalize(big));
    expect(result.intent.id).toBe('aftersale.return_exchange');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('topIntent', () => {
  it('answers as classifyMessage(message).intent on any text and agent turn', () => {
    fc.assert(
      fc.property(messages, contexts, (text, context) => {
        const message = readMessage(text, context);
        expect(classifier.topIntent(message)).toEqual(classifier.classifyMessage(message).intent);
      }),
      { numRuns: 400 },
    );
  });

  it('answers as classifyMessage(message).intent on the unseen set, with and without the agent turn', () => {
    const rows = ['zh-Hans', 'zh-Hant', 'en'].flatMap((file) =>
      readFileSync(join(import.meta.dirname, 'unseen', `${file}.jsonl`), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { text: string; prev_agent_turn: string | null }),
    );
    expect(rows.length).toBeGreaterThan(500);
    for (const row of rows)
      for (const context of [undefined, { previousAgentMessage: row.prev_agent_turn }]) {
        const message = readMessage(row.text, context);
        expect(classifier.topIntent(message), row.text).toEqual(classifier.classifyMessage(message).intent);
      }
  });
});
