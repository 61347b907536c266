import type { CheckId } from '../check-ids.js';
import type { CheckEvidence, CheckOutcome } from '../result.js';
import { indexesOf, type ConversationView } from '../view.js';

/** The checks that are a lint rule over every agent turn of the conversation, and their rule. */
export const LINT_CHECK_RULES = {
  'forbidden-language': 'no-forbidden-phrase',
  'shipping-wording': 'shipping-wording',
  overpromise: 'no-overpromise',
  pii: 'no-pii-leak',
  'off-platform': 'no-offplatform-contact',
} as const satisfies Partial<Record<CheckId, string>>;
export type LintCheckId = keyof typeof LINT_CHECK_RULES;

/**
 * A lint rule over the agent turns (linted with the conversation's facts): a finding of any
 * severity fails, and each piece of evidence carries its severity (a fatal check failed on
 * warnings alone does not zero the score: see `scoreResults`). n/a when the agent never speaks;
 * `shipping-wording` also without `facts.order.shipped` (the rule has nothing to check against).
 */
export function checkLintRule(view: ConversationView, id: LintCheckId): CheckOutcome {
  const agents = indexesOf(view, 'agent');
  if (agents.length === 0) return { result: 'n/a', evidence: [view.say('agent-silent')] };
  if (id === 'shipping-wording' && typeof view.conversation.facts?.order?.shipped !== 'boolean')
    return { result: 'n/a', evidence: [view.say('no-order-facts')] };
  const ruleId = LINT_CHECK_RULES[id];
  const evidence: CheckEvidence[] = [];
  for (const i of agents)
    for (const finding of view.notes[i]!.findings)
      if (finding.ruleId === ruleId)
        evidence.push({
          turn: i,
          range: finding.range,
          message: finding.message,
          ruleId,
          severity: finding.severity,
        });
  return evidence.length > 0
    ? { result: 'fail', evidence }
    : { result: 'pass', evidence: [view.say('no-finding', { ruleId, count: agents.length })] };
}
