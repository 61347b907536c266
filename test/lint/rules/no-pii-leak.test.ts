import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../src/lint/fixes.js';
import { createLinter } from '../../../src/lint/linter.js';
import { lintRules } from '../../../src/lint/rule-list.js';
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
