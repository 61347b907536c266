import type { LintedReply } from '../../../src/cli/formatters/types.js';
import type { Finding, LintResult } from '../../../src/lint/types.js';

/** A finding on `actual` inside `reply`, as a linter would report it. */
export function finding(reply: string, actual: string, overrides: Partial<Finding> = {}): Finding {
  const start = reply.indexOf(actual);
  if (start === -1) throw new Error(`"${actual}" is not in "${reply}"`);
  return {
    ruleId: 'shipping-wording',
    messageId: 'unscanned',
    severity: 'error',
    message: `Do not say “${actual}” before the carrier scan`,
    range: [start, start + actual.length],
    actual,
    ...overrides,
  };
}

export function result(findings: Finding[]): LintResult {
  return {
    findings,
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warn').length,
  };
}

export function linted(reply: string, findings: Finding[], extra: Partial<LintedReply> = {}): LintedReply {
  return { reply, result: result(findings), ...extra };
}
