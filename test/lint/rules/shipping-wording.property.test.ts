/**
 * Properties of `shipping-wording` on free text: every finding's range lies inside the reply, and
 * on the generated grammar of scripts/lint-structure/shipping-dev.ts (claims and their compliant
 * twins in zh-Hans, zh-Hant and en) the rule flags every claim, never a twin, and its fix — the
 * warehouse as the subject — turns a claim into wording the rule accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../scripts/lint-structure/shipping-dev.js';
import type { Facts } from '../../../src/facts.js';
import { applyFixes } from '../../../src/lint/fixes.js';
import { createLinter } from '../../../src/lint/linter.js';
import { lintRules } from '../../../src/lint/rule-list.js';

const linter = createLinter({
  rules: Object.fromEntries(lintRules.map((r) => [r.id, r.id === 'shipping-wording' ? 'error' : 'off'])),
});

const FACTS: Facts[] = [
  { order: { shipped: true, carrierScan: false } },
  { order: { shipped: false } },
  { order: { shipped: true } },
];

/** Cues, function words, subjects, noise: the pieces the structure check reads. */
const FRAGMENTS = [
  '已经', '已', '以', '早就', '昨天', '了', '的', '吗', '？', '?', '没', '还没', '会', '明天', '如果', '后',
  '给您', '您', '你', '仓库', '倉庫', '发货', '發貨', '发出去', '寄', '寄出', '发了', '出库', '出貨', '交给',
  '快递', '黑貓', '在路上', '运输中', '链接', '订单', '，', '。', ' ', '亲', '哦', '啦', '的话', '就',
  'has', 'been', 'was', 'shipped', 'sent', 'out', 'it', "it's", 'on its way', 'in transit', 'with the courier',
  'will', 'not', 'once', 'that', 'orders', 'from our warehouse', 'warehouse', '.', ',', '!', '’', 'Ｓｈｉｐｐｅｄ',
];

describe('shipping-wording properties', () => {
  it('keeps every finding and fix inside the reply, on any mix of cues and function words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), fc.constantFrom(...FACTS), (parts, facts) => {
        const reply = parts.join('');
        for (const finding of linter.lint(reply, { facts }).findings) {
          const [start, end] = finding.range;
          expect(0 <= start && start <= end && end <= reply.length).toBe(true);
          expect(finding.actual).toBe(reply.slice(start, end));
          if (finding.fix !== undefined) {
            expect(finding.fix.range[0]).toBeGreaterThanOrEqual(0);
            expect(finding.fix.range[1]).toBeLessThanOrEqual(reply.length);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('flags every generated claim, never a twin, and its fix is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        for (const c of generate(seed, 6)) {
          const result = linter.lint(c.text, { facts: c.facts });
          expect(result.findings.length > 0, `${c.frame}: ${c.text}`).toBe(c.expect);
          if (result.findings.some((f) => f.fix !== undefined)) {
            const fixed = applyFixes(c.text, result.findings).text;
            expect(linter.lint(fixed, { facts: c.facts }).findings, fixed).toEqual([]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
