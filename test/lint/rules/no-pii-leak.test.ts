import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../src/lint/fixes.js';
import { createLinter } from '../../../src/lint/linter.js';
import { lintRules } from '../../../src/lint/rule-list.js';
import fc from 'fast-check';
import { findPii, maskUnsearched, searchPii } from '../../../src/lint/pii.js';
import { MAX_PII_SEARCHED } from '../../../src/lint/rules/no-pii-leak.js';
import { normalize } from '../../../src/normalize/index.js';
import { ruleTester } from './rule-tester.js';
import { noPiiLeakCases } from '../cases/no-pii-leak.js';

ruleTester('no-pii-leak', noPiiLeakCases);

describe('no-pii-leak past the cap of findings per rule', () => {
  const linter = createLinter({ rules: Object.fromEntries(lintRules.map((r) => [r.id, r.id === 'no-pii-leak' ? 'error' : 'off'])) });
  /** `count` numbers introduced as the customer's, one per clause. */
  const reply = (count: number) =>
    Array.from({ length: count }, (_, i) => `您的手机138${String(100_000_000 + i).slice(1)}`).join('，');

  it.each([
    [199, 199, undefined],
    [200, 200, undefined],
    [201, 199, 2],
    [250, 199, 51],
  ])('%i numbers: %i findings of their own, then one for the rest (%s)', (count, own, rest) => {
    const text = reply(count);
    const { findings } = linter.lint(text);
    expect(findings.filter((f) => f.messageId === 'mobile')).toHaveLength(own);
    const more = findings.filter((f) => f.messageId === 'more');
    if (rest === undefined) {
      expect(more).toEqual([]);
      return;
    }
    expect(more).toHaveLength(1);
    const [finding] = more;
    expect(finding!.data).toEqual({ kind: 'more', count: String(rest) });
    expect(finding!.severity).toBe('error');
    // From the first datum past the cap to the last: every one masked, the text between kept.
    const firstLeft = text.indexOf(`138${String(100_000_000 + own).slice(1)}`);
    expect(finding!.range).toEqual([firstLeft, text.length]);
    expect(finding!.actual).not.toMatch(/\d{11}/);
    expect(finding!.actual.split('138****').length - 1).toBe(rest);
    expect(finding!.actual).toContain('，您的手机138****');
    const fixed = applyFixes(text, findings).text;
    expect(fixed).not.toMatch(/\d{11}/);
    expect(fixed.split('138****').length - 1).toBe(count);
  });
});

describe('no-pii-leak past MAX_PII_SEARCHED data: the rest masked wholesale', () => {
  const linter = createLinter({ rules: Object.fromEntries(lintRules.map((r) => [r.id, r.id === 'no-pii-leak' ? 'error' : 'off'])) });

  it.each([
    ['mobiles', (i: number) => `手机 138${String(100_000_000 + i * 13).slice(1)}`],
    ['e-mail addresses', (i: number) => `邮箱 user${i}@example.com`],
    ['full-width mobiles', (i: number) => `手机 １３９${String(100_000_000 + i).slice(1)}`],
  ])('%s: one finding from the cap to the end, counted with "+", and no datum left in the fix', (_, datum) => {
    const data = Array.from({ length: MAX_PII_SEARCHED + 500 }, (_, i) => datum(i));
    const text = data.join('，');
    const { findings } = linter.lint(text);
    const more = findings.filter((f) => f.messageId === 'more');
    expect(more).toHaveLength(1);
    expect(more[0]!.data!.count).toMatch(/^\d+\+$/);
    expect(more[0]!.range[1]).toBe(text.length);
    expect(more[0]!.severity).toBe('error');
    const fixed = applyFixes(text, findings).text;
    expect(findPii(normalize(fixed).text)).toEqual([]);
  });

  it('masks every numeric character and every e-mail name, nothing else', () => {
    expect(maskUnsearched('call 13812345678 or mail zhang.san@qq.com')).toBe('call *********** or mail ***@qq.com');
    expect(maskUnsearched('１３８１２３４５６７８ ｚｈａｎｇ＠ｑｑ．ｃｏｍ')).toBe('*********** ***＠ｑｑ．ｃｏｍ');
    expect(maskUnsearched('①② 𝟏𝟐 好')).toBe('** ** 好');
    expect(maskUnsearched('@@x@')).toBe('@@***@');
    expect(maskUnsearched('好的，亲')).toBe('好的，亲');
    expect(maskUnsearched('\ud800 12')).toBe('\ud800 **');
  });

  it('a bounded search finds exactly the data before where it stopped', () => {
    const piece = fc.oneof(
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => `138${String(n).padStart(8, '0')}`),
      fc.integer({ min: 0, max: 999 }).map((n) => `u${n}@qq.com`),
      fc.constantFrom('，', ' ', '好', '您的手机', '-', '1', '@', '北京路12号'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (pieces, limit) => {
        const text = normalize(pieces.join('')).text;
        const full = findPii(text);
        const { hits, through } = searchPii(text, {}, limit);
        expect(through).toBeLessThanOrEqual(text.length);
        expect(hits).toEqual(full.filter((h) => h.end <= through));
        // No datum is cut in two by the stop.
        expect(full.some((h) => h.start < through && h.end > through)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
