import { builtInRuleDocs } from '../generated/lint-docs.js';
import { ruleDocsUrl } from './docs.js';

/** A built-in rule's documentation, as markdown (rules/lint/docs/<rule-id>.md). */
export interface LintRuleDocs {
  /** What the rule reports and what it lets pass. */
  catches: string;
  /** Why the service documents forbid it. */
  why: string;
  /** Severity, facts it reads, packs and allow-lists. */
  options: string;
  /** Whether and how findings are fixed automatically. */
  autofix: string;
}

/** Rule help in the shapes SARIF wants (`fullDescription`, `help.text`, `help.markdown`). */
export interface RuleHelp {
  fullDescription: string;
  text: string;
  markdown: string;
}

/** Markdown to readable plain text: code spans and escapes dropped, tables and lists kept as lines. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([*_[\]()#|\\])/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/^\|(?:\s*-+\s*\|)+\s*$/gm, '')
    .replace(/^\|\s*(.*?)\s*\|\s*$/gm, (_, row: string) => row.split(/\s*\|\s*/).join(' — '))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function firstParagraph(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)[0]!
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** The documentation of a built-in rule, or `undefined` for a rule a pack or plugin defines. */
export function builtInRuleDocsOf(ruleId: string): LintRuleDocs | undefined {
  const docs = builtInRuleDocs();
  return Object.hasOwn(docs, ruleId) ? docs[ruleId] : undefined;
}

/** SARIF help for a built-in rule: the first paragraph as the full description, every section as help. */
export function ruleHelp(ruleId: string): RuleHelp | undefined {
  const docs = builtInRuleDocsOf(ruleId);
  if (docs === undefined) return undefined;
  const markdown = [
    `**What it catches.** ${docs.catches}`,
    `**Why.** ${docs.why}`,
    `**Options.**\n\n${docs.options}`,
    `**Autofix.** ${docs.autofix}`,
    `[Full documentation, with correct and incorrect examples](${ruleDocsUrl(ruleId)})`,
  ].join('\n\n');
  return {
    fullDescription: markdownToText(firstParagraph(docs.catches)),
    text: markdownToText(
      [
        `What it catches. ${docs.catches}`,
        `Why. ${docs.why}`,
        `Options.\n${docs.options}`,
        `Autofix. ${docs.autofix}`,
        `Documentation: ${ruleDocsUrl(ruleId)}`,
      ].join('\n\n'),
    ),
    markdown,
  };
}
