import { describe, expect, it } from 'vitest';
import { createLinter } from '../../../src/lint/linter.js';
import { lintRules } from '../../../src/lint/rule-list.js';
import { unverifiedShippingClaimCases } from '../cases/unverified-shipping-claim.js';
import { ruleTester } from './rule-tester.js';

ruleTester('unverified-shipping-claim', unverifiedShippingClaimCases);

describe('unverified-shipping-claim is off by default', () => {
  it('a default linter does not run it, and lintRules says so', () => {
    const linter = createLinter();
    expect(linter.rules.find((r) => r.id === 'unverified-shipping-claim')?.severity).toBe('off');
    expect(linter.lint('您的订单已经发货了').findings).toEqual([]);
    expect(lintRules.find((r) => r.id === 'unverified-shipping-claim')).toMatchObject({
      offByDefault: true,
      defaultSeverity: 'warn',
    });
  });

  it('"warn" turns it on', () => {
    const linter = createLinter({ rules: { 'unverified-shipping-claim': 'warn' } });
    expect(linter.lint('您的订单已经发货了').findings.map((f) => f.ruleId)).toEqual(['unverified-shipping-claim']);
  });
});
