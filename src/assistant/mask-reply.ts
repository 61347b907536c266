import type { RecommendedReply } from '../actions/types.js';
import { applyFixes } from '../lint/fixes.js';
import type { Finding, LintResult } from '../lint/types.js';

/**
 * A bot's reply never carries personal data its own lint finds. A template may echo what the
 * customer sent (订单{{order.id}}), and what the customer sent may be an ID or card number read as
 * an order number; `no-pii-leak` finds it in the rendered reply. Each such datum is masked with
 * the rule's own fix (1101**********4514, 138****8000), in the reply part that holds it. Only
 * errors are masked.
 *
 * `replies` are the parts whose texts, joined by `\n`, make the linted reply (parts without text
 * take no place). Returns the parts with their data masked, or undefined when nothing was found.
 */
export function maskPersonalData(
  replies: readonly RecommendedReply[],
  lint: LintResult,
): RecommendedReply[] | undefined {
  // Errors only: a warning is data the rule is unsure of, such as the shop's own return address
  // and service line (寄到我们的售后仓…电话 0571-…), which a reply must keep whole.
  const leaks = lint.findings.filter(
    (f) => f.ruleId === 'no-pii-leak' && f.severity === 'error' && f.fix !== undefined,
  );
  if (leaks.length === 0) return undefined;
  let offset = 0;
  return replies.map((reply) => {
    if (reply.text === undefined) return reply;
    const start = offset;
    const end = start + reply.text.length;
    offset = end + 1;
    const own: Finding[] = [];
    for (const finding of leaks) {
      const [from, to] = finding.fix!.range;
      if (from >= start && to <= end)
        own.push({ ...finding, fix: { ...finding.fix!, range: [from - start, to - start] } });
    }
    return own.length === 0 ? reply : { ...reply, text: applyFixes(reply.text, own).text };
  });
}
