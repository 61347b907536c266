import type { CheckId } from '../../qa/check-ids.js';
import { LINT_CHECK_RULES, type LintCheckId } from '../../qa/checks/lint-checks.js';
import { ruleDocsUrl } from '../../lint/docs.js';

/** Where relative documentation paths of the repository are read on the web. */
export const DOCS_BASE = 'https://github.com/huashu-dev/huashu/blob/main/';

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
 * rule's `docs.url` (src/lint/docs.ts) for checks backed by a rule, else the check's section of
 * rules/qa/README.md; a relative path is read under {@link DOCS_BASE}.
 */
export function checkDocsUrl(id: CheckId): string {
  const rule = RULE_OF_CHECK[id];
  const path = rule === undefined ? `rules/qa/README.md#${id}` : ruleDocsUrl(rule);
  return /^https?:\/\//.test(path) ? path : DOCS_BASE + path;
}
