import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { applyFixes } from '../../src/lint/fixes.js';
import { MAX_LINTED_CHARS } from '../../src/limits.js';

const assistant = createAssistant();
// A sentence with a promise of outcome and an off-platform invitation (found without facts).
const FLAGGED = '亲，已发货了，保证明天到，加我微信abc12345。';
const filler = (length: number) => '好的'.repeat(Math.ceil(length / 2)).slice(0, length);

describe('lint reads at most MAX_LINTED_CHARS characters of a reply, and says what it left', () => {
  it.each([
    // [name, reply length, unchecked range, whether the promise at the reply's end is found]
    ['exactly the limit: read whole', MAX_LINTED_CHARS, undefined, true],
    [
      'one over: only the last character left',
      MAX_LINTED_CHARS + 1,
      [MAX_LINTED_CHARS, MAX_LINTED_CHARS + 1],
      true,
    ],
    ['a megabyte: the end left', 1_000_000, [MAX_LINTED_CHARS, 1_000_000], false],
  ] as const)('%s', (_name, length, unchecked, found) => {
    const reply = filler(length - FLAGGED.length) + FLAGGED;
    const result = assistant.lint(reply);
    expect(result.unchecked).toEqual(unchecked);
    expect(result.findings.some((f) => f.ruleId === 'no-overpromise')).toBe(found);
  });

  it('findings in the part read are those of linting that part alone, with the same ranges', () => {
    const head = (FLAGGED + filler(500)).repeat(10);
    const reply = head + filler(MAX_LINTED_CHARS - head.length) + FLAGGED.repeat(50);
    const result = assistant.lint(reply);
    const alone = assistant.lint(reply.slice(0, MAX_LINTED_CHARS));
    // The same, but for no-pii-leak's last finding, which also masks the part not read.
    const notPii = (r: typeof result) =>
      r.findings.filter((f) => f.messageId !== 'more' && f.messageId !== 'unread');
    expect(notPii(result)).toEqual(notPii(alone));
    expect(result.findings.length).toBeGreaterThan(10);
    expect(result.unchecked).toEqual([MAX_LINTED_CHARS, reply.length]);
  });

  it('never splits a surrogate pair: an emoji across the limit is left whole', () => {
    const reply = filler(MAX_LINTED_CHARS - 1) + '😀' + '好';
    expect(assistant.lint(reply).unchecked).toEqual([MAX_LINTED_CHARS - 1, reply.length]);
  });

  it('a short reply has no unchecked part (the field is absent, not undefined-valued)', () => {
    expect('unchecked' in assistant.lint(FLAGGED)).toBe(false);
  });

  it('property: ranges stay inside the part read, which ends at the limit or one before it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_LINTED_CHARS - 3, max: MAX_LINTED_CHARS + 40 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
        (length, unit) => {
          const reply = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
          const result = assistant.lint(reply);
          const end = result.unchecked?.[0] ?? reply.length;
          if (result.unchecked !== undefined) {
            expect(end === MAX_LINTED_CHARS || end === MAX_LINTED_CHARS - 1).toBe(true);
            expect(result.unchecked[1]).toBe(reply.length);
          } else expect(reply.length).toBeLessThanOrEqual(MAX_LINTED_CHARS);
          for (const f of result.findings) {
            expect(f.range[0]).toBeGreaterThanOrEqual(0);
            // Only no-pii-leak's last finding reaches past the part read (masking what may be data).
            expect(f.range[1]).toBeLessThanOrEqual(f.ruleId === 'no-pii-leak' ? reply.length : end);
          }
        },
      ),
      { numRuns: 40, seed: 20261204 },
    );
  });

  it.each([
    [
      'only an unread part with numbers: one "unread" finding that masks them',
      '好的'.repeat(60_000) + '您的手机13812345678',
      'unread',
      'The reply is too long to check past character 100,000',
    ],
    [
      'data read and unread: the last finding also masks the unread part',
      ('您的手机13812345678，' + '好'.repeat(300)).repeat(400),
      'more',
      'more pieces of personal data',
    ],
  ] as const)('no-pii-leak: %s', (_name, reply, messageId, message) => {
    const en = createAssistant({ lint: { messageLocale: 'en' } });
    const result = en.lint(reply);
    expect(result.unchecked?.[0]).toBe(MAX_LINTED_CHARS);
    const last = result.findings.filter((f) => f.ruleId === 'no-pii-leak').at(-1)!;
    expect(last).toMatchObject({ messageId, severity: 'error', redacted: true });
    expect(last.message).toContain(message);
    expect(last.range[1]).toBe(reply.length);
    const fixed = applyFixes(reply, result.findings).text;
    expect(fixed).not.toContain('13812345678');
    expect(fixed.length).toBe(reply.length);
  });

  it.each([
    ['an e-mail address', '您的邮箱zhang.san@qq.com'],
    ['a full-width e-mail address', '您的邮箱ｚｈａｎｇ＠qq.com'],
    ['a mobile number', '您的手机13812345678'],
    ['a mobile number with dashes', '您的手机138-1234-5678'],
  ])('no-pii-leak: %s cut by the limit at every point is masked whole by the fixes', (_name, datum) => {
    for (let cut = 1; cut < datum.length; cut++) {
      const reply = filler(MAX_LINTED_CHARS - cut) + datum + '，谢谢。' + filler(2_000);
      const result = assistant.lint(reply);
      expect(result.unchecked?.[0]).toBe(MAX_LINTED_CHARS);
      const fixed = applyFixes(reply, result.findings).text;
      const tail = fixed.slice(MAX_LINTED_CHARS - cut - 10, MAX_LINTED_CHARS + 40);
      // No e-mail name and no run of 4 digits survives (a masked phone keeps at most 3 and 4 apart).
      expect(tail, `cut after ${cut}`).not.toMatch(/zhang|ｚｈａｎｇ|\d{4}-?\d{4}|\d{5}/);
      for (const f of result.findings) expect(f.range[1]).toBeLessThanOrEqual(reply.length);
    }
  });

  it('no-pii-leak: a datum found right up to the limit, then only text: one finding, none for the unread part', () => {
    const reply = filler(MAX_LINTED_CHARS - 13) + '手机13812345678' + '保证明天到，谢谢。';
    const pii = assistant.lint(reply).findings.filter((f) => f.ruleId === 'no-pii-leak');
    expect(pii.map((f) => [f.messageId, f.range])).toEqual([
      ['mobile', [MAX_LINTED_CHARS - 11, MAX_LINTED_CHARS]],
    ]);
  });

  it.each([
    ['a count that ends at the limit, then words', '共12', '件商品，谢谢。'],
    ['an @ alone past the limit', '请联系', ' @ 客服，谢谢。'],
  ])('no-pii-leak: %s adds no finding', (_name, before, after) => {
    const reply = filler(MAX_LINTED_CHARS - before.length) + before + after + filler(500);
    expect(assistant.lint(reply).findings.filter((f) => f.ruleId === 'no-pii-leak')).toEqual([]);
  });

  it('no-pii-leak: an unread part with nothing data-like adds no finding', () => {
    const result = assistant.lint('好的'.repeat(60_000));
    expect(result.unchecked).toEqual([MAX_LINTED_CHARS, 120_000]);
    expect(result.findings).toEqual([]);
  });
});
