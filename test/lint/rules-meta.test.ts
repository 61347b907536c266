import { describe, expect, it } from 'vitest';
import { checkRule, defineRule } from '../../src/lint/rule.js';
import { BUILT_IN_RULES } from '../../src/lint/rules/index.js';

describe('built-in rules are checked here, not parsed at import', () => {
  it.each(BUILT_IN_RULES.map((rule) => [rule.meta.id, rule] as const))(
    '%s passes defineRule()’s schema',
    (_id, rule) => {
      expect(checkRule(rule)).toEqual([]);
      expect(Object.isFrozen(rule) && Object.isFrozen(rule.meta)).toBe(true);
    },
  );

  it.each([
    ['a rule id that is not kebab-case', { id: 'NoShouting' }, 'meta.id'],
    ['a rule without messages', { messages: {} }, 'meta.messages'],
    ['an unknown category', { category: 'style' }, 'meta.category'],
  ])('checkRule and defineRule refuse %s', (_name, change, path) => {
    const base = BUILT_IN_RULES[0]!;
    const rule = { meta: { ...base.meta, ...change }, create: base.create };
    expect(checkRule(rule).some((issue) => issue.path.startsWith(path))).toBe(true);
    expect(() => defineRule(rule as never)).toThrow(/INVALID_RULES|defineRule/);
  });
});
