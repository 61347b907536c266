import { describe, expect, it } from 'vitest';
import { parseRuleDoc, RULE_DOC_SECTIONS } from '../../scripts/data/lint-docs.js';
import type { HuashuIssue } from '../../src/errors.js';
import { builtInRuleDocsOf, markdownToText, ruleHelp, type LintRuleDocs } from '../../src/lint/rule-docs.js';
import { lintRules } from '../../src/lint/rule-list.js';

const full = Object.values(RULE_DOC_SECTIONS)
  .map((title) => `## ${title}\n\n${title} text.`)
  .join('\n\n');

describe('rules/lint/docs/<rule>.md', () => {
  it('every built-in rule has all four sections', () => {
    for (const rule of lintRules) {
      const docs = builtInRuleDocsOf(rule.id);
      expect(docs, rule.id).toBeDefined();
      // Autofix may be one word ("None."); the others explain.
      for (const key of Object.keys(RULE_DOC_SECTIONS) as Array<keyof LintRuleDocs>)
        expect(docs![key].length, `${rule.id} ${key}`).toBeGreaterThan(key === 'autofix' ? 4 : 40);
    }
    expect(builtInRuleDocsOf('no-such-rule')).toBeUndefined();
    expect(builtInRuleDocsOf('__proto__')).toBeUndefined();
    expect(ruleHelp('no-such-rule')).toBeUndefined();
  });

  it('parses a complete file', () => {
    const issues: HuashuIssue[] = [];
    expect(parseRuleDoc(full, 'x.md', issues)).toEqual({
      catches: 'What it catches text.',
      why: 'Why text.',
      options: 'Options text.',
      autofix: 'Autofix text.',
    });
    expect(issues).toEqual([]);
  });

  it.each([
    ['a missing section', full.replace(/## Why\n\nWhy text\./, ''), 'missing or empty section "## Why"'],
    ['an empty section', full.replace('Autofix text.', ''), 'missing or empty section "## Autofix"'],
    ['an unknown section', `${full}\n\n## Notes\n\nmore`, 'unknown section "## Notes"'],
  ])('rejects %s, naming it', (_, markdown, message) => {
    const issues: HuashuIssue[] = [];
    parseRuleDoc(markdown, 'rules/lint/docs/x.md', issues);
    expect(issues.map((issue) => issue.message).join('\n')).toContain(message);
    expect(issues.every((issue) => issue.file === 'rules/lint/docs/x.md')).toBe(true);
  });
});

describe('markdownToText', () => {
  it.each([
    ['code spans lose their backticks', 'say `仓库已发货`', 'say 仓库已发货'],
    ['escapes are dropped', '138\\*\\*\\*\\*5678', '138****5678'],
    ['table rows become lines', '| a | b |\n|---|---|\n| c | d |', 'a — b\n\nc — d'],
    ['bold loses its marks', '**Why.** because', 'Why. because'],
  ])('%s', (_, markdown, text) => {
    expect(markdownToText(markdown).replace(/\n+/g, '\n\n')).toBe(text);
  });
});
