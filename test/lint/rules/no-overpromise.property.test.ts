/**
 * Properties of `no-overpromise` on free text: every finding's range lies inside the reply and is
 * the text it reports, on any mix of markers, outcomes, actions, hedges and punctuation; and on the
 * generated grammar of scripts/lint-structure/overpromise-dev.ts (promises and their twins in
 * zh-Hans, zh-Hant and en, other seeds than the one developed against) the rule flags every
 * promise and never a twin.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../scripts/lint-structure/overpromise-dev.js';
import type { Facts } from '../../../src/facts.js';
import { createLinter } from '../../../src/lint/linter.js';
import { lintRules } from '../../../src/lint/rule-list.js';

const linter = createLinter({
  rules: Object.fromEntries(lintRules.map((r) => [r.id, r.id === 'no-overpromise' ? 'error' : 'off'])),
});

const FACTS: Array<Facts | undefined> = [undefined, { order: { deliveryUncertain: true } }, { order: {} }];

const FRAGMENTS = [
  '保证', '保證', '一定', '肯定', '绝对', '百分百', '100%', '１００％', '包你', '打包票', '明天', '聽日', '周五前', '3天内',
  '到', '送达', '送達', '收到', '能', '会', '就', '没问题', '不会', '超过', '退款', '到账', '帮您', '跟进', '尽快', '预计',
  '不能', '不一定', '吗', '？', '?', '“', '”', '「', '」', '"', '，', '。', ' ', '亲', '哦', '的', '了', '后', '[数字x]', '号',
  'I', 'we', 'promise', 'guarantee', 'guaranteed', 'definitely', 'for sure', 'no way', 'it', "it'll", 'will', 'arrive',
  'be there', 'tomorrow', 'by Friday', 'look into it', 'should', "can't", 'not', 'cotton', 'a', 'two-year', '.', ',', '!', '’',
];

describe('no-overpromise properties', () => {
  it('keeps every finding inside the reply, on any mix of markers, outcomes and function words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }),
        fc.constantFrom(...FACTS),
        (parts, facts) => {
          const reply = parts.join('');
          for (const finding of linter.lint(reply, facts === undefined ? {} : { facts }).findings) {
            const [start, end] = finding.range;
            expect(0 <= start && start < end && end <= reply.length).toBe(true);
            expect(finding.actual).toBe(reply.slice(start, end));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('flags every generated promise and never a twin, on other draws of the grammar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1_000_000 }), (seed) => {
        for (const c of generate(seed, 8)) {
          const result = linter.lint(c.text, c.facts === undefined ? {} : { facts: c.facts });
          expect(result.findings.length > 0, `${c.frame}: ${c.text}`).toBe(c.expect);
        }
      }),
      { numRuns: 25 },
    );
  });
});
