import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue, safeParse } from '../errors.js';
import {
  actionCatalogueFileSchema,
  indexCatalogue,
  type ActionCatalogue,
  type ActionCatalogueFile,
} from './catalogue.js';
import { explainVocabularySchema, type ExplainVocabulary } from './explain.js';
import { OperatorTable } from '../conditions/operators.js';
import type { Rule } from './rule-schema.js';
import { checkRuleFile } from './validate-rules.js';

/** The next-action data as files: the catalogue, the explanation words and the rule files, in order. */
export interface ActionDataFiles {
  catalogue: { file: string; content: unknown };
  explain: { file: string; content: unknown };
  rules: ReadonlyArray<{ file: string; content: unknown }>;
  /** Whether a template id exists; template ids are not checked when absent. */
  hasTemplate?: (id: string) => boolean;
}

export interface ActionData {
  catalogue: ActionCatalogueFile;
  explain: ExplainVocabulary;
  rules: Rule[];
}

export function invalidRules(issues: readonly HuashuIssue[], what = 'next-action rules'): HuashuError {
  return new HuashuError(
    'INVALID_RULES',
    `Invalid ${what} (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n  ${describeIssues(issues)}`,
    { issues },
  );
}

/**
 * Validate the built-in next-action data (used by the build step): every problem in every file is
 * listed, then one `INVALID_RULES` is thrown. Rule names are unique across files.
 */
export function validateActionData(files: ActionDataFiles): ActionData & { index: ActionCatalogue } {
  const issues: HuashuIssue[] = [];
  const catalogue = safeParse(actionCatalogueFileSchema, files.catalogue.content);
  if (!catalogue.success) issues.push(...issuesFromZod(catalogue.error, '', files.catalogue.file));
  const explain = safeParse(explainVocabularySchema, files.explain.content);
  if (!explain.success) issues.push(...issuesFromZod(explain.error, '', files.explain.file));
  if (!catalogue.success || !explain.success) throw invalidRules(issues);

  const index = indexCatalogue(catalogue.data, issues, files.catalogue.file);
  const operators = new OperatorTable();
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const { file, content } of files.rules) {
    const checked = checkRuleFile(
      content,
      { catalogue: index, operators, ...(files.hasTemplate ? { hasTemplate: files.hasTemplate } : {}) },
      file,
    );
    issues.push(...checked.issues);
    if (checked.disable.length > 0)
      issues.push({
        file,
        path: 'disable',
        message: 'built-in rule files add rules; "disable" is for packs',
      });
    checked.rules.forEach((rule) => {
      const other = seen.get(rule.name);
      if (other !== undefined)
        issues.push({ file, path: 'rules', message: `rule name "${rule.name}" is also used in ${other}` });
      seen.set(rule.name, file);
      rules.push(rule);
    });
  }
  if (issues.length > 0) throw invalidRules(issues);
  return { catalogue: catalogue.data, explain: explain.data, rules, index };
}
