import { join, resolve } from 'node:path';
import { indexCatalogue } from '../actions/catalogue.js';
import { invalidRules } from '../actions/data.js';
import { OperatorTable, type CustomOperator } from '../conditions/operators.js';
import type { Rule } from '../actions/rule-schema.js';
import { checkRuleFile } from '../actions/validate-rules.js';
import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue, safeParse } from '../errors.js';
import { operatorsSchema } from '../actions/pack.js';
import { actionCatalogue } from '../generated/actions-catalogue.js';
import { builtInActionRules } from '../generated/actions-rules.js';
import {
  listFiles,
  parseLimits,
  readTextFile,
  requireFolder,
  requirePath,
  type FileLimits,
} from './files.js';
import { parseJsonText } from './json-text.js';

/** A folder of next-action rule files, ready for `createAssistant({ actions })`. */
export interface ActionRulePack {
  rules: Rule[];
  disable: string[];
}

/** Options of the rule loaders: custom operators, and the file limits (see FileLimits). */
export interface ActionRuleLoadOptions extends FileLimits {
  operators?: Readonly<Record<string, CustomOperator>>;
}

/** The operators and the limits of the options, validated. */
function parseOptions(options: unknown, what: string) {
  if (options === undefined || options === null)
    return { limits: parseLimits({}, what), operators: undefined };
  if (typeof options !== 'object' || Array.isArray(options))
    throw new HuashuError('INVALID_OPTIONS', `Invalid ${what} options: expected an object`, {
      issues: [{ path: '', message: 'expected an object' }],
    });
  const { operators, ...limits } = options as ActionRuleLoadOptions;
  if (operators !== undefined) {
    // The same check as createAssistant({ actions: { operators } }), so what loads also builds.
    const checked = safeParse(operatorsSchema, operators);
    if (!checked.success) {
      const issues = issuesFromZod(checked.error, 'operators');
      throw new HuashuError(
        'INVALID_OPTIONS',
        `Invalid ${what} options: operators must be an object of functions (name → (fact, value) => boolean):\n  ${describeIssues(issues)}`,
        { issues },
      );
    }
  }
  return { limits: parseLimits(limits, what), operators };
}

/**
 * Load a folder of rule files (`{ "rules": [...], "disable": [...] }`, json-rules-engine rule JSON;
 * see `huashu/rules/actions/rule.schema.json`): its `.json` files (not `*.schema.json`, not
 * sub-folders), in file-name order. Pass the result to `createAssistant({ actions })`: rules add
 * to the built-ins or replace the one with the same name; `disable` switches built-ins off. Throws
 * `INVALID_RULES` listing every problem of every file (file, JSON path, message), or `IO` when the
 * folder does not exist or holds more than `maxFolderEntries` entries. `operators` names the
 * custom operators the rules may use (pass the same to createAssistant); each file is at most
 * `maxFileBytes` (default 10 MB).
 */
export function loadActionRules(dir: string, options: ActionRuleLoadOptions = {}): ActionRulePack {
  const root = resolve(requirePath(dir, 'loadActionRules(dir)'));
  const { limits } = parseOptions(options, 'loadActionRules');
  requireFolder(root, 'Rule folder');
  const names = listFiles(root, {
    maxEntries: limits.maxFolderEntries,
    recursive: false,
    accept: (name) => name.endsWith('.json') && !name.endsWith('.schema.json'),
  });
  return loadActionRuleFiles(
    names.map((name) => join(root, name)),
    options,
    `next-action rules in ${root}`,
  );
}

/**
 * As loadActionRules, for a list of rule files (in the order given). `files` must be an array of
 * paths (strings): `INVALID_INPUT` otherwise. A file that cannot be read (missing, not a regular
 * file, over `maxFileBytes`) or is not valid JSON is listed with the other problems.
 */
export function loadActionRuleFiles(
  files: readonly string[],
  options: ActionRuleLoadOptions = {},
  what = 'next-action rules',
): ActionRulePack {
  if (!Array.isArray(files))
    throw new HuashuError('INVALID_INPUT', 'loadActionRuleFiles(files) must be an array of file paths', {
      issues: [{ path: '', message: 'expected an array of paths' }],
    });
  files.forEach((file, i) => requirePath(file, `loadActionRuleFiles(files[${i}])`));
  if (typeof what !== 'string')
    throw new HuashuError('INVALID_INPUT', 'loadActionRuleFiles(…, what) must be a string');
  const { limits, operators } = parseOptions(options, 'loadActionRuleFiles');
  const context = {
    catalogue: indexCatalogue(actionCatalogue(), []),
    operators: new OperatorTable(operators),
  };
  const issues: HuashuIssue[] = [];
  const pack: ActionRulePack = { rules: [], disable: [] };
  const seen = new Map<string, string>();
  const builtIn = new Set(builtInActionRules().map((r) => r.name));
  for (const given of files) {
    const file = resolve(given);
    let text: string;
    try {
      text = readTextFile(file, limits.maxFileBytes);
    } catch (error) {
      if (!(error instanceof HuashuError)) throw error;
      issues.push({ file, path: '', message: error.issues[0]?.message ?? error.message });
      continue;
    }
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      issues.push({ file, path: '', message: parsed.message });
      continue;
    }
    const checked = checkRuleFile(parsed.value, context, file);
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
