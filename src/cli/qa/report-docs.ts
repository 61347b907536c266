import type { CheckId } from '../../qa/check-ids.js';
import { LINT_CHECK_RULES, type LintCheckId } from '../../qa/checks/lint-checks.js';
import { DOCS_BASE_URL, ruleDocsUrl } from '../../lint/docs.js';

/**
 * The lint rule whose documentation explains a conversation check: the rule of a lint-based check,
 * or the rule whose phrases the check reads (greeting, apology, further help).
 */
const RULE_OF_CHECK: Partial<Record<CheckId, string>> = {
  ...LINT_CHECK_RULES,
  greeting: 'greet-first',
  'apology-on-complaint': 'apologize-on-complaint',
  'further-help': 'offer-further-help',
} satisfies Partial<Record<CheckId | LintCheckId, string>>;

/**
 * The documentation link of a check in the HTML report — the one place that builds it: the lint
 * rule's page (src/lint/docs.ts) for checks backed by a rule, else the check's section of the
 * scorecard guide (docs/guide/qa-scorecard.md) on the documentation site.
 */
export function checkDocsUrl(id: CheckId): string {
  const rule = RULE_OF_CHECK[id];
  return rule === undefined ? `${DOCS_BASE_URL}guide/qa-scorecard.html#${id}` : ruleDocsUrl(rule);
}
