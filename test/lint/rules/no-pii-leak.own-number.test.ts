/**
 * A number the agent gives as the shop's or their own contact (WhatsApp us at …, 加我们微信 …) is
 * not the customer's (test/qa/conversations/README.md: the shop's or the agent's own handle is not
 * customer data). no-offplatform-contact reports the invitation; no-pii-leak stays quiet. Each row
 * has a twin where the same number is introduced as the customer's, which no-pii-leak reports.
 * Kept out of the RuleTester tables (test/lint/cases/), which the tone model trains on.
 */
import { describe, expect, it } from 'vitest';
import type { SupportedLocale } from '../../../src/index.js';
import { createLinter } from '../../../src/lint/linter.js';

const linter = createLinter();
const rulesOf = (text: string, locale: SupportedLocale) =>
  linter.lint(text, { locale }).findings.map((f) => f.ruleId);

// `channel`: the invitation names an app off the platform, so no-offplatform-contact reports it.
const rows: Array<{ locale: SupportedLocale; own: string; customers: string; channel?: false }> = [
  { locale: 'en', own: 'You can WhatsApp us at +1 415 555 0199.', customers: 'Your phone number is +1 415 555 0199.' },
  { locale: 'en', own: 'For updates, text us on 07700 900123', customers: 'Your mobile is 07700 900123', channel: false },
  { locale: 'en', own: 'WhatsApp me on 07700 900123', customers: 'The courier will ring you on 07700 900123 — is that your number?' },
  { locale: 'en', own: 'Our WhatsApp: +44 7911 123456', customers: 'Your number on file is +44 7911 123456' },
  { locale: 'zh-Hans', own: '可以加我们微信13893532535', customers: '您的手机号是13893532535' },
  { locale: 'zh-Hans', own: '我的微信13893532535，加一下', customers: '收件人电话13893532535已登记' },
  { locale: 'zh-Hant', own: '加我們的LINE 0912345678', customers: '您的手機 0912345678 已更新' },
  { locale: 'zh-Hant', own: '搵我哋WhatsApp 91234567', customers: '你嘅電話係 9123 4567，師傅會打嚟' },
];

describe('no-pii-leak: the agent’s or the shop’s own number in an invitation to contact them', () => {
  it.each(rows)('$locale: $own', ({ locale, own, customers, channel }) => {
    const ownRules = rulesOf(own, locale);
    expect(ownRules).not.toContain('no-pii-leak');
    if (channel !== false) expect(ownRules).toContain('no-offplatform-contact');
    expect(rulesOf(customers, locale)).toContain('no-pii-leak');
  });
});
