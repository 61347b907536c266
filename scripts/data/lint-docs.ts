import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HuashuError, type HuashuIssue } from '../../src/errors.js';
import type { LintRuleDocs } from '../../src/lint/rule-docs.js';
import { jsonModule, type DataGenerator } from './types.js';

const DIR = join('rules', 'lint', 'docs');

/** The sections every rule page has, in order; the file's `## ` headings must be exactly these. */
export const RULE_DOC_SECTIONS = {
  catches: 'What it catches',
  why: 'Why',
  options: 'Options',
  autofix: 'Autofix',
} as const;

/** Splits one rule's markdown into its sections; lists what is missing or unknown. */
export function parseRuleDoc(
  markdown: string,
  file: string,
  issues: HuashuIssue[],
): LintRuleDocs | undefined {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let body: string[] = [];
  const flush = () => {
    if (current !== undefined) sections.set(current, body.join('\n').trim());
  };
  for (const line of markdown.split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      flush();
      current = heading[1]!.trim();
      body = [];
    } else body.push(line);
  }
  flush();
  const titles = Object.values(RULE_DOC_SECTIONS) as string[];
  for (const title of sections.keys())
    if (!titles.includes(title))
      issues.push({
        file,
        path: '',
        message: `unknown section "## ${title}" (expected ${titles.join(', ')})`,
      });
  const docs: Partial<Record<keyof typeof RULE_DOC_SECTIONS, string>> = {};
  for (const [key, title] of Object.entries(RULE_DOC_SECTIONS) as Array<
    [keyof typeof RULE_DOC_SECTIONS, string]
  >) {
    const text = sections.get(title);
    if (!text) issues.push({ file, path: '', message: `missing or empty section "## ${title}"` });
    else docs[key] = text;
  }
  return Object.keys(docs).length === titles.length ? (docs as LintRuleDocs) : undefined;
}

/**
 * rules/lint/docs/<rule-id>.md → src/generated/lint-docs.ts: each built-in rule's documentation
 * (what it catches, why, options, autofix) as markdown. SARIF's `fullDescription` and `help` and
 * the rule pages of the documentation site are made from it.
 */
export const lintDocsGenerator: DataGenerator = {
  name: 'lint-docs',
  async generate(root) {
    const { lintRules } = await import('../../src/lint/rule-list.js');
    const issues: HuashuIssue[] = [];
    const docs: Record<string, LintRuleDocs> = {};
    const files = readdirSync(join(root, DIR)).filter((name) => name.endsWith('.md'));
    const known = new Set(lintRules.map((rule) => rule.id));
    for (const name of files.sort()) {
      const id = name.slice(0, -'.md'.length);
      const file = join(DIR, name);
      if (!known.has(id)) {
        issues.push({ file, path: '', message: `no lint rule "${id}" (rules: ${[...known].join(', ')})` });
        continue;
      }
      const parsed = parseRuleDoc(readFileSync(join(root, file), 'utf8'), file, issues);
      if (parsed) docs[id] = parsed;
    }
    for (const id of known)
      if (!files.includes(`${id}.md`))
        issues.push({
          file: join(DIR, `${id}.md`),
          path: '',
          message: 'missing: every built-in rule has a documentation file',
        });
    if (issues.length > 0)
      throw new HuashuError('INVALID_RULES', `rules/lint/docs: ${issues.length} problem(s)`, { issues });
    return [
      {
        name: 'lint-docs.ts',
        content: jsonModule(
          'builtInRuleDocs',
          '../lint/rule-docs.js',
          'LintRuleDocs',
          docs,
          "Each built-in lint rule's documentation (rules/lint/docs/*.md)",
          'Readonly<Record<string, LintRuleDocs>>',
        ),
      },
    ];
  },
};
