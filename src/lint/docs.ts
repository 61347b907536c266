/**
 * The documentation site's address: the one place it is set. Findings' `url`, SARIF `helpUri` and
 * the site's own configuration (docs/.vitepress/config.ts) all read it. The site is built by
 * `npm run docs:build` into docs/dist/ and published at this address.
 */
export const DOCS_BASE_URL = 'https://huashu-dev.github.io/huashu/';

/** The path of a rule's page inside the site (relative to its root). */
export function ruleDocsPath(ruleId: string): string {
  return `rules/${ruleId}.html`;
}

/** Where a rule's documentation lives: its page on the documentation site. */
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleDocsPath(ruleId)}`;
}
