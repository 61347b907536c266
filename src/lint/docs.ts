/**
 * Where a rule's documentation lives: its section of rules/lint/README.md, which ships with the
 * package. One place to change when the project has a public home page.
 */
export function ruleDocsUrl(ruleId: string): string {
  return `rules/lint/README.md#${ruleId}`;
}
