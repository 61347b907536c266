import * as z from 'zod/mini';
import { checkCondition, type CheckOptions } from '../conditions/checks.js';
import type { OperatorTable } from '../conditions/operators.js';
import { formatPath, issuesFromZod, type HuashuIssue, safeParse } from '../errors.js';
import { hasOwn } from '../util/own.js';
import type { ActionCatalogue } from './catalogue.js';
import { RULE_FACT_SPECS } from './rule-facts.js';
import { ruleSchema, type Rule } from './rule-schema.js';
import { checkEvent } from './validate-events.js';

/**
 * A rule file checked: the file's shape and rule names here, each rule's `conditions` by
 * src/conditions (the same checks as template `when`, over the rule facts), its `event` by
 * validate-events.ts.
 */

/** What rules are checked against. */
export interface RuleCheckContext {
  catalogue: ActionCatalogue;
  operators: OperatorTable;
  /** Whether a template id exists; when absent, template ids are not checked. */
  hasTemplate?: (id: string) => boolean;
}

/** A rule file checked: its valid rules, the built-ins it disables, and every problem found. */
export interface CheckedRuleFile {
  rules: Rule[];
  disable: string[];
  issues: HuashuIssue[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

// The rule's outer shape; conditions and event are checked by hand for precise messages.
const ruleShapeSchema = z.extend(z.omit(ruleSchema, { conditions: true, event: true }), {
  conditions: z.unknown(),
  event: z.unknown(),
});

/** `rules[0].conditions` + `['all', 0, 'fact']` → `rules[0].conditions.all[0].fact`. */
function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  const rest = formatPath(path);
  return rest === '' ? prefix : rest.startsWith('[') ? `${prefix}${rest}` : `${prefix}.${rest}`;
}

/**
 * Check one rule file (parsed JSON) and list every problem with its JSON path; `file` names it in
 * the issues. Valid rules are returned even when others in the file are not.
 */
export function checkRuleFile(raw: unknown, context: RuleCheckContext, file?: string): CheckedRuleFile {
  const issues: HuashuIssue[] = [];
  const report = (path: string, message: string) =>
    issues.push(file === undefined ? { path, message } : { file, path, message });
  const rules: Rule[] = [];
  const disable: string[] = [];
  const conditionOptions: CheckOptions = { facts: RULE_FACT_SPECS, operators: context.operators };
  if (Array.isArray(raw)) raw = { rules: raw };
  if (!isPlainObject(raw)) {
    report('', 'expected a rule file: { "rules": [...], "disable": [...] }');
    return { rules, disable, issues };
  }
  for (const key of Object.keys(raw))
    if (!['$schema', '$comment', 'rules', 'disable'].includes(key))
      report(key, `unexpected key "${key}" (a rule file has "rules" and "disable")`);
  if (raw.disable !== undefined) {
    if (!Array.isArray(raw.disable)) report('disable', 'expected a list of rule names');
    else
      raw.disable.forEach((name, i) => {
        if (typeof name !== 'string' || name === '') report(`disable[${i}]`, 'expected a rule name');
        else disable.push(name);
      });
  }
  if (raw.rules === undefined) return { rules, disable, issues };
  if (!Array.isArray(raw.rules)) {
    report('rules', 'expected a list of rules');
    return { rules, disable, issues };
  }
  const names = new Map<string, number>();
  raw.rules.forEach((rule: unknown, i) => {
    const at = `rules[${i}]`;
    const before = issues.length;
    const shape = safeParse(ruleShapeSchema, rule);
    if (!shape.success) issues.push(...issuesFromZod(shape.error, at, file));
    if (isPlainObject(rule)) {
      if (hasOwn(rule, 'conditions'))
        for (const issue of checkCondition(rule.conditions, conditionOptions))
          report(joinPath(`${at}.conditions`, issue.path), issue.message);
      if ('event' in rule) checkEvent(rule.event, `${at}.event`, context, report);
      if (typeof rule.name === 'string') {
        const first = names.get(rule.name);
        if (first !== undefined)
          report(`${at}.name`, `duplicate rule name "${rule.name}" (also rules[${first}])`);
        else names.set(rule.name, i);
      }
    }
    if (issues.length === before) rules.push(rule as Rule);
  });
  return { rules, disable, issues };
}
