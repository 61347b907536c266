import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { indexCatalogue } from '../actions/catalogue.js';
import { invalidRules } from '../actions/data.js';
import { OperatorTable, type CustomOperator } from '../actions/operators.js';
import type { Rule } from '../actions/rule-schema.js';
import { checkRuleFile } from '../actions/validate-rules.js';
import { HuashuError, type HuashuIssue } from '../errors.js';
import { ACTION_CATALOGUE } from '../generated/actions-catalogue.js';
import { BUILTIN_ACTION_RULES } from '../generated/actions-rules.js';

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
  return loadActionRuleFiles(
    ruleFiles(root).map((name) => join(root, name)),
    options,
    `next-action rules in ${root}`,
  );
}

/** As loadActionRules, for a list of rule files (in the order given). */
export function loadActionRuleFiles(
  files: readonly string[],
  options: { operators?: Readonly<Record<string, CustomOperator>> } = {},
  what = 'next-action rules',
): ActionRulePack {
  const context = {
    catalogue: indexCatalogue(ACTION_CATALOGUE, []),
    operators: new OperatorTable(options.operators),
  };
  const issues: HuashuIssue[] = [];
  const pack: ActionRulePack = { rules: [], disable: [] };
  const seen = new Map<string, string>();
  const builtIn = new Set(BUILTIN_ACTION_RULES.map((r) => r.name));
  for (const file of files) {
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
    checked.disable.forEach((name, i) => {
      if (!builtIn.has(name))
        issues.push({ file, path: `disable[${i}]`, message: `there is no built-in rule named "${name}"` });
    });
    pack.disable.push(...checked.disable);
  }
  if (issues.length > 0) throw invalidRules(issues, what);
  return pack;
}
