import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { indexCatalogue } from '../actions/catalogue.js';
import { invalidRules } from '../actions/data.js';
import { OperatorTable, type CustomOperator } from '../actions/operators.js';
import type { Rule } from '../actions/rule-schema.js';
import { checkRuleFile } from '../actions/validate-rules.js';
import { HuashuError, type HuashuIssue } from '../errors.js';
import { ACTION_CATALOGUE } from '../generated/actions-catalogue.js';

/** A folder of next-action rule files, ready for `createAssistant({ actions })`. */
export interface ActionRulePack {
  rules: Rule[];
  disable: string[];
}

/** The `.json` rule files of a folder (not `*.schema.json`), in name order. */
function ruleFiles(root: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory)
    throw new HuashuError('IO', `Rule folder not found: ${root}`, {
      issues: [{ file: root, path: '', message: 'not a folder' }],
    });
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.endsWith('.schema.json'))
    .map((e) => e.name)
    .sort();
}

/**
 * Load a folder of rule files (`{ "rules": [...], "disable": [...] }`, json-rules-engine rule JSON;
 * see `huashu/rules/actions/rule.schema.json`), in file-name order. Pass the result to
 * `createAssistant({ actions })`: rules add to the built-ins or replace the one with the same
 * name; `disable` switches built-ins off. Throws `INVALID_RULES` listing every problem of every
 * file (file, JSON path, message), or `IO` when the folder does not exist. `operators` names the
 * custom operators the rules may use (pass the same to createAssistant).
 */
export function loadActionRules(
  dir: string,
  options: { operators?: Readonly<Record<string, CustomOperator>> } = {},
): ActionRulePack {
  const root = resolve(dir);
  const context = {
    catalogue: indexCatalogue(ACTION_CATALOGUE, []),
    operators: new OperatorTable(options.operators),
  };
  const issues: HuashuIssue[] = [];
  const pack: ActionRulePack = { rules: [], disable: [] };
  const seen = new Map<string, string>();
  for (const name of ruleFiles(root)) {
    const file = join(root, name);
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as unknown;
    } catch (error) {
      issues.push({ file, path: '', message: `invalid JSON: ${(error as Error).message}` });
      continue;
    }
    const checked = checkRuleFile(content, context, file);
    issues.push(...checked.issues);
    for (const rule of checked.rules) {
      const other = seen.get(rule.name);
      if (other !== undefined)
        issues.push({ file, path: 'rules', message: `rule "${rule.name}" is also defined in ${other}` });
      seen.set(rule.name, file);
      pack.rules.push(rule);
    }
    pack.disable.push(...checked.disable);
  }
  if (issues.length > 0) throw invalidRules(issues, `next-action rules in ${root}`);
  return pack;
}
