import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Facts } from '../../src/facts.js';
import { applyFixes } from '../../src/lint/fixes.js';
import { createLinter } from '../../src/lint/linter.js';
import { lintRules } from '../../src/lint/rule-list.js';
import type { ConversationTurn, LintResult } from '../../src/lint/types.js';

// Every built-in rule on, those off by default too.
const linter = createLinter(
  { rules: Object.fromEntries(lintRules.map((rule) => [rule.id, rule.defaultSeverity])) },
  { suggest: (id, locale) => `${id}@${locale}` },
);

/** Fragments that exercise every rule, the skeleton's noise and the PII patterns. */
const FRAGMENTS = [
  '不知道',
  '不 知 道',
  '您',
  '亲',
  '呢',
  '吧',
  '，',
  '。',
  '！',
  ' ',
  '　',
  '這是規定',
  '我有什么办法',
  '你到XX部门问问',
  // The tone score's shapes (a warning where no list or detector speaks).
  '自己动动手指查一下不就知道了',
  'Seriously, did you not even look at the size chart before buying?',
  '已发货',
  '仓库',
  '保证',
  '一定',
  '明天到',
  '100%',
  '百分之百',
  '13812345678',
  '１３８',
  '11010519491231002X',
  'a@b.co',
  '@',
  '建国路88号',
  '加我微信',
  'QQ:',
  '12345',
  'not my problem',
  "I don't know",
  'has shipped',
  '😀',
  '\u200b',
  '\ud800',
  '…',
  '(',
  '|',
];

const replyArbitrary = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
);

const factsArbitrary: fc.Arbitrary<Facts | undefined> = fc.option(
  fc.record(
    {
      order: fc.record(
        { shipped: fc.boolean(), carrierScan: fc.boolean(), deliveryUncertain: fc.boolean() },
        { requiredKeys: [] },
      ),
      customer: fc.record(
        { phone: fc.constantFrom('13812345678', '+86 138 1234 5678', '') },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const conversationArbitrary: fc.Arbitrary<ConversationTurn[] | undefined> = fc.option(
  fc.array(
    fc.record({
      role: fc.constantFrom('customer' as const, 'agent' as const, 'system' as const),
      text: replyArbitrary,
    }),
    { maxLength: 4 },
  ),
  { nil: undefined },
);

/** Every invariant of a result: ranges inside the reply, actual as written, counts, order. */
function checkResult(reply: string, result: LintResult): void {
  let previous = -1;
  for (const finding of result.findings) {
    const [start, end] = finding.range;
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThanOrEqual(start);
    expect(end).toBeLessThanOrEqual(reply.length);
    expect(start).toBeGreaterThanOrEqual(previous);
    previous = start;
    if (finding.redacted === true) {
      // Personal data is shown masked only (and a masked datum is never the data itself).
      expect(finding.actual).not.toBe(reply.slice(start, end));
      expect(finding.message).not.toContain(reply.slice(start, end));
    } else if (!/[\p{Nd}@＠]/u.test(reply.slice(start, end)))
      expect(finding.actual).toBe(reply.slice(start, end));
    // Personal data inside another finding's range is shown masked (privacy.test.ts).
    else expect(typeof finding.actual).toBe('string');
    if (finding.fix !== undefined) {
      expect(finding.fix.range[0]).toBeGreaterThanOrEqual(0);
      expect(finding.fix.range[1]).toBeLessThanOrEqual(reply.length);
    }
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  expect(result.errorCount).toBe(errors);
  expect(result.warningCount).toBe(result.findings.length - errors);
}

describe('lint on arbitrary text', () => {
  it('never throws, and every range lies inside the reply', () => {
    fc.assert(
      fc.property(replyArbitrary, factsArbitrary, conversationArbitrary, (reply, facts, conversation) => {
        const context = {
          ...(facts === undefined ? {} : { facts }),
          ...(conversation === undefined ? {} : { conversation }),
        };
        checkResult(reply, linter.lint(reply, context));
      }),
      { numRuns: 1500 },
    );
  });

  it('a masked phone number is not reported again', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('13', '15', '18', '19'),
        fc.stringMatching(/^\d{9}$/),
        fc.array(fc.constantFrom(...FRAGMENTS.slice(0, 12)), { maxLength: 6 }).map((p) => p.join('')),
        (prefix, rest, noise) => {
          const reply = `${noise}您的手机号是${prefix}${rest}`;
          const first = linter.lint(reply);
          const leak = first.findings.filter((f) => f.ruleId === 'no-pii-leak');
          // Found on the number's characters, shown masked.
          expect(leak.map((f) => reply.slice(f.range[0], f.range[1]))).toEqual([`${prefix}${rest}`]);
          expect(leak.map((f) => f.actual)).toEqual([`${prefix}${rest.slice(0, 1)}****${rest.slice(-4)}`]);
          const fixed = applyFixes(reply, first.findings).text;
          expect(linter.lint(fixed).findings.filter((f) => f.ruleId === 'no-pii-leak')).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('lint on replies up to 1 MB', () => {
  it('never throws, and every range lies inside the reply', () => {
    fc.assert(
      fc.property(replyArbitrary, fc.integer({ min: 200_000, max: 1_000_000 }), (unit, size) => {
        const chunk = unit === '' ? '不知道' : unit;
        const reply = chunk.repeat(Math.ceil(size / chunk.length)).slice(0, size);
        checkResult(
          reply,
          linter.lint(reply, { facts: { order: { shipped: true, deliveryUncertain: true } } }),
        );
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it('stays linear on adversarial repetitions', () => {
    for (const unit of ['一定', '13812345678 ', '不知道，', 'a@', '保证保证明天', '你到XX部门问问吧']) {
      const reply = unit.repeat(Math.ceil(1_000_000 / unit.length));
      checkResult(reply, linter.lint(reply, { facts: { order: { shipped: true } } }));
    }
  }, 120_000);
});
