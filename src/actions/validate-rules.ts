import { z } from 'zod';
import { inheritedStep, OPERATORS } from '../templates/condition.js';
import { formatPath, issuesFromZod, type HuashuIssue } from '../errors.js';
import { MAX_FACT_PATH_LENGTH } from '../limits.js';
import { conditionTreeProblem } from '../util/condition-tree.js';
import { hasOwn } from '../util/own.js';
import { checkActionParams, type ActionCatalogue } from './catalogue.js';
import { parseSimplePath } from './json-path.js';
import { OperatorTable } from './operators.js';
import { RULE_FACT_SPECS, type ValueSpec } from './rule-facts.js';
import { replyStages, ruleSchema, type Rule } from './rule-schema.js';
import { didYouMean } from './suggest.js';

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

// The rule's outer shape; conditions and event params are checked by hand below for precise messages.
const ruleShapeSchema = ruleSchema.omit({ conditions: true, event: true }).extend({
  conditions: z.unknown(),
  event: z.unknown(),
});

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
const BOOLEAN_NODE_KEYS = new Set(['all', 'any', 'not', 'priority', 'name']);
const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'path', 'params', 'priority', 'name']);
const NUMBER_OPERATORS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

function describeKind(spec: ValueSpec): string {
  if (spec.enum) return `one of ${spec.enum.map((v) => `"${v}"`).join(', ')}`;
  return {
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    'string[]': 'a list',
    object: 'an object',
  }[spec.kind];
}

/** A value as JSON for a message, short; never throws (cycles, BigInt, functions). */
function show(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  text ??= typeof value === 'bigint' ? `${value}n` : typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function scalarProblem(spec: ValueSpec, value: unknown): string | undefined {
  const kind = spec.kind === 'string[]' ? 'string' : spec.kind;
  if (kind === 'object') return undefined;
  if (typeof value !== kind) return `expected ${describeKind({ ...spec, kind })}, got ${show(value)}`;
  if (spec.enum && !spec.enum.includes(value as string))
    return `"${String(value)}" is not ${describeKind(spec)}${didYouMean(String(value), spec.enum)}`;
  return undefined;
}

class RuleChecker {
  readonly issues: HuashuIssue[] = [];
  constructor(
    private readonly context: RuleCheckContext,
    private readonly file: string | undefined,
  ) {}

  report(path: string, message: string): void {
    this.issues.push(this.file === undefined ? { path, message } : { file: this.file, path, message });
  }

  /** The spec of `fact` + `path`, reporting unknown facts and fields; undefined when not checkable. */
  target(fact: unknown, path: unknown, at: string): ValueSpec | undefined {
    if (typeof fact !== 'string' || fact === '') {
      this.report(`${at}.fact`, 'expected a fact name (a non-empty string)');
      return undefined;
    }
    const spec = hasOwn(RULE_FACT_SPECS, fact)
      ? (RULE_FACT_SPECS as Record<string, ValueSpec>)[fact]
      : undefined;
    if (!spec) {
      this.report(
        `${at}.fact`,
        `unknown fact "${fact}"${didYouMean(fact, Object.keys(RULE_FACT_SPECS))}; facts: ${Object.keys(RULE_FACT_SPECS).join(', ')}`,
      );
      return undefined;
    }
    if (path === undefined) return spec;
    if (typeof path !== 'string' || !path.startsWith('$')) {
      this.report(`${at}.path`, 'expected a JSONPath starting with "$", e.g. "$.shipped"');
      return undefined;
    }
    if (path.length > MAX_FACT_PATH_LENGTH) {
      this.report(
        `${at}.path`,
        `a path is at most ${MAX_FACT_PATH_LENGTH} characters (MAX_FACT_PATH_LENGTH)`,
      );
      return undefined;
    }
    const inherited = inheritedStep(path);
    if (inherited !== undefined) {
      this.report(
        `${at}.path`,
        `"${inherited}" in a path names a property every object inherits, not a field of "${fact}": a condition reads the facts' own fields only`,
      );
      return undefined;
    }
    const steps = parseSimplePath(path);
    if (!steps) return undefined; // full JSONPath: evaluated by json-rules-engine, not checked further
    let current: ValueSpec = spec;
    for (const step of steps) {
      const fields = current.fields;
      if (current.kind !== 'object' || !fields) {
        this.report(`${at}.path`, `"${fact}" has no field "${step}" (it is ${describeKind(current)})`);
        return undefined;
      }
      const next = fields[step];
      if (!next) {
        const known = Object.keys(fields);
        this.report(
          `${at}.path`,
          `"${fact}" has no field "${step}"${didYouMean(step, known)}; fields: ${known.join(', ')}`,
        );
        return undefined;
      }
      current = next;
    }
    return current;
  }

  condition(node: unknown, at: string, topLevel: boolean): void {
    if (!isPlainObject(node)) {
      this.report(at, 'expected a condition object: { all | any | not } or { fact, operator, value }');
      return;
    }
    // Own keys only: a condition is JSON data, and an inherited name is no key of it.
    const booleans = BOOLEAN_KEYS.filter((key) => hasOwn(node, key));
    if (
      hasOwn(node, 'priority') &&
      (typeof node.priority !== 'number' || !Number.isInteger(node.priority) || node.priority < 1)
    )
      this.report(`${at}.priority`, 'expected an integer ≥ 1');
    if (hasOwn(node, 'name') && typeof node.name !== 'string') this.report(`${at}.name`, 'expected a string');
    if (booleans.length > 1) {
      this.report(at, `one condition holds one of all/any/not, not ${booleans.join(' and ')}: nest them`);
      return;
    }
    const [kind] = booleans;
    if (kind !== undefined) {
      for (const key of Object.keys(node))
        if (!BOOLEAN_NODE_KEYS.has(key))
          this.report(`${at}.${key}`, `unexpected key "${key}" beside "${kind}"`);
      const children = node[kind];
      if (kind === 'not') {
        if (!isPlainObject(children))
          this.report(`${at}.not`, '"not" takes one condition object (not a list)');
        else this.condition(children, `${at}.not`, false);
        return;
      }
      if (!Array.isArray(children)) {
        this.report(`${at}.${kind}`, `"${kind}" takes a list of conditions`);
        return;
      }
      if (kind === 'any' && children.length === 0)
        this.report(
          `${at}.any`,
          'an empty "any" is always true in json-rules-engine: remove it or add conditions',
        );
      children.forEach((child, i) => this.condition(child, `${at}.${kind}[${i}]`, false));
      return;
    }
    if (topLevel) {
      this.report(
        at,
        'the top level of "conditions" is { "all": [...] }, { "any": [...] } or { "not": {...} }',
      );
      return;
    }
    if (hasOwn(node, 'condition')) {
      this.report(`${at}.condition`, 'condition references are not supported: write the condition inline');
      return;
    }
    this.leaf(node, at);
  }

  leaf(node: Record<string, unknown>, at: string): void {
    for (const key of Object.keys(node))
      if (!LEAF_KEYS.has(key))
        this.report(`${at}.${key}`, `unexpected key "${key}"${didYouMean(key, LEAF_KEYS)} in a condition`);
    for (const key of ['fact', 'operator', 'value'] as const)
      if (!hasOwn(node, key)) this.report(at, `a condition needs "${key}"`);
    if (hasOwn(node, 'params') && !isPlainObject(node.params))
      this.report(`${at}.params`, 'expected an object');
    const spec = hasOwn(node, 'fact')
      ? this.target(node.fact, hasOwn(node, 'path') ? node.path : undefined, at)
      : undefined;
    const operator = node.operator;
    if (!hasOwn(node, 'operator')) return;
    if (typeof operator !== 'string' || operator === '') {
      this.report(`${at}.operator`, 'expected an operator name');
      return;
    }
    const { decorators, base } = OperatorTable.split(operator);
    if (decorators.includes('swap')) {
      this.report(
        `${at}.operator`,
        'the "swap" decorator is not supported: write the condition the other way round',
      );
      return;
    }
    if (!this.context.operators.get(operator)) {
      const known = [...OPERATORS, ...this.context.operators.custom.map((op) => op.name)];
      this.report(`${at}.operator`, `unknown operator "${operator}"${didYouMean(base, known)}`);
      return;
    }
    if (!hasOwn(node, 'value')) return;
    const value = node.value;
    const isReference = isPlainObject(value) && hasOwn(value, 'fact');
    const needsArray =
      ['in', 'notIn', 'intersects'].includes(base) || decorators.some((d) => d.endsWith('Value'));
    if (isReference) {
      if (needsArray)
        this.report(`${at}.value`, `"${operator}" needs a literal list as its value, not a fact`);
      for (const key of Object.keys(value))
        if (key !== 'fact' && key !== 'path' && key !== 'params')
          this.report(`${at}.value.${key}`, `unexpected key "${key}" in a fact reference`);
      this.target(value.fact, hasOwn(value, 'path') ? value.path : undefined, `${at}.value`);
      return;
    }
    if (needsArray && !Array.isArray(value)) {
      this.report(`${at}.value`, `"${operator}" needs a list as its value`);
      return;
    }
    if (decorators.length > 0 || !spec) return;
    this.value(base, spec, value, `${at}.value`);
  }

  value(operator: string, spec: ValueSpec, value: unknown, at: string): void {
    const isList = spec.kind === 'string[]';
    if (operator === 'equal' || operator === 'notEqual' || operator === 'startsWith') {
      if (isList)
        return this.report(at, `a list fact is tested with "contains" or "intersects", not "${operator}"`);
      if (spec.kind === 'object') return this.report(at, `add a "path" to compare a field of an object fact`);
      if (operator === 'startsWith' && spec.kind !== 'string')
        return this.report(at, '"startsWith" tests a string fact');
      const problem = scalarProblem(operator === 'startsWith' ? { kind: 'string' } : spec, value);
      if (problem) this.report(at, problem);
      return;
    }
    if (operator === 'in' || operator === 'notIn') {
      if (isList || spec.kind === 'object')
        return this.report(at, `"${operator}" tests a single value; use "intersects" for a list fact`);
      (value as unknown[]).forEach((item, i) => {
        const problem = scalarProblem(spec, item);
        if (problem) this.report(`${at}[${i}]`, problem);
      });
      return;
    }
    if (operator === 'contains' || operator === 'doesNotContain' || operator === 'intersects') {
      if (!isList) return this.report(at, `"${operator}" tests a list fact (intents, signals, entities)`);
      const items = operator === 'intersects' ? (value as unknown[]) : [value];
      items.forEach((item, i) => {
        const problem = scalarProblem(spec, item);
        if (problem) this.report(operator === 'intersects' ? `${at}[${i}]` : at, problem);
      });
      return;
    }
    if (NUMBER_OPERATORS.has(operator)) {
      if (spec.kind !== 'number') return this.report(at, `"${operator}" compares a number fact`);
      if (typeof value !== 'number' || !Number.isFinite(value)) this.report(at, 'expected a number');
    }
  }

  event(event: unknown, at: string): void {
    if (!isPlainObject(event))
      return this.report(at, 'expected { "type": "action" | "reply", "params": {...} }');
    for (const key of Object.keys(event))
      if (key !== 'type' && key !== 'params') this.report(`${at}.${key}`, `unexpected key "${key}"`);
    const params = event.params;
    if (event.type !== 'action' && event.type !== 'reply')
      return this.report(`${at}.type`, 'expected "action" or "reply"');
    if (!isPlainObject(params)) return this.report(`${at}.params`, 'expected an object');
    if (event.type === 'action') this.actionParams(params, `${at}.params`);
    else this.replyParams(params, `${at}.params`);
  }

  actionParams(params: Record<string, unknown>, at: string): void {
    for (const key of Object.keys(params))
      if (key !== 'actions')
        this.report(`${at}.${key}`, `unexpected key "${key}" (an action event has "actions")`);
    const { actions } = params;
    if (!Array.isArray(actions) || actions.length === 0)
      return this.report(`${at}.actions`, 'expected a non-empty list of action ids or { id, params }');
    const { catalogue } = this.context;
    actions.forEach((ref: unknown, i) => {
      const where = `${at}.actions[${i}]`;
      const id = typeof ref === 'string' ? ref : isPlainObject(ref) ? ref.id : undefined;
      if (typeof id !== 'string')
        return this.report(where, 'expected an action id or { "id": ..., "params": {...} }');
      if (isPlainObject(ref))
        for (const key of Object.keys(ref))
          if (key !== 'id' && key !== 'params') this.report(`${where}.${key}`, `unexpected key "${key}"`);
      const spec = catalogue.actions.get(id);
      if (!spec)
        return this.report(where, `unknown action "${id}"${didYouMean(id, catalogue.actions.keys())}`);
      const given = isPlainObject(ref) ? ref.params : undefined;
      if (given !== undefined && !isPlainObject(given))
        return this.report(`${where}.params`, 'expected an object');
      for (const problem of checkActionParams(spec, given)) this.report(where, problem);
    });
  }

  replyParams(params: Record<string, unknown>, at: string): void {
    for (const key of Object.keys(params))
      if (key !== 'templateId' && key !== 'stage' && key !== 'requires')
        this.report(
          `${at}.${key}`,
          `unexpected key "${key}" (a reply event has "templateId" or "stage", and "requires")`,
        );
    const { templateId, stage, requires } = params;
    if (requires !== undefined) {
      if (!Array.isArray(requires) || requires.length === 0)
        this.report(`${at}.requires`, 'expected a non-empty list of action ids');
      else
        requires.forEach((id: unknown, i) => {
          if (typeof id !== 'string' || !this.context.catalogue.actions.has(id))
            this.report(
              `${at}.requires[${i}]`,
              `unknown action ${JSON.stringify(id)}${typeof id === 'string' ? didYouMean(id, this.context.catalogue.actions.keys()) : ''}`,
            );
        });
    }
    if ((templateId === undefined) === (stage === undefined))
      this.report(at, 'a reply event names exactly one of "templateId" or "stage"');
    if (templateId !== undefined) {
      if (typeof templateId !== 'string' || !/^[a-z0-9-]+\/[a-z0-9._-]+$/.test(templateId))
        this.report(`${at}.templateId`, 'expected a template id "<group>/<name>"');
      else if (this.context.hasTemplate && !this.context.hasTemplate(templateId))
        this.report(`${at}.templateId`, `unknown template "${templateId}"`);
    }
    if (stage !== undefined && !(replyStages as readonly unknown[]).includes(stage))
      this.report(`${at}.stage`, `expected one of ${replyStages.join(', ')}`);
  }
}

/**
 * Check one rule file (parsed JSON) and list every problem with its JSON path; `file` names it in
 * the issues. Valid rules are returned even when others in the file are not.
 */
export function checkRuleFile(raw: unknown, context: RuleCheckContext, file?: string): CheckedRuleFile {
  const checker = new RuleChecker(context, file);
  const rules: Rule[] = [];
  const disable: string[] = [];
  if (Array.isArray(raw)) raw = { rules: raw };
  if (!isPlainObject(raw)) {
    checker.report('', 'expected a rule file: { "rules": [...], "disable": [...] }');
    return { rules, disable, issues: checker.issues };
  }
  for (const key of Object.keys(raw))
    if (!['$schema', '$comment', 'rules', 'disable'].includes(key))
      checker.report(key, `unexpected key "${key}" (a rule file has "rules" and "disable")`);
  if (raw.disable !== undefined) {
    if (!Array.isArray(raw.disable)) checker.report('disable', 'expected a list of rule names');
    else
      raw.disable.forEach((name, i) => {
        if (typeof name !== 'string' || name === '') checker.report(`disable[${i}]`, 'expected a rule name');
        else disable.push(name);
      });
  }
  if (raw.rules === undefined) return { rules, disable, issues: checker.issues };
  if (!Array.isArray(raw.rules)) {
    checker.report('rules', 'expected a list of rules');
    return { rules, disable, issues: checker.issues };
  }
  const names = new Map<string, number>();
  raw.rules.forEach((rule: unknown, i) => {
    const at = `rules[${i}]`;
    const before = checker.issues.length;
    const shape = ruleShapeSchema.safeParse(rule);
    if (!shape.success) checker.issues.push(...issuesFromZod(shape.error, at, file));
    if (isPlainObject(rule)) {
      // Size, depth and cycles first, iteratively: the checks below and the compilers recurse.
      const tree = hasOwn(rule, 'conditions') ? conditionTreeProblem(rule.conditions) : undefined;
      if (tree !== undefined) {
        const where = formatPath(tree.path);
        checker.report(
          `${at}.conditions${where === '' ? '' : where.startsWith('[') ? where : `.${where}`}`,
          tree.message,
        );
      } else if (hasOwn(rule, 'conditions')) checker.condition(rule.conditions, `${at}.conditions`, true);
      if ('event' in rule) checker.event(rule.event, `${at}.event`);
      if (typeof rule.name === 'string') {
        const first = names.get(rule.name);
        if (first !== undefined)
          checker.report(`${at}.name`, `duplicate rule name "${rule.name}" (also rules[${first}])`);
        else names.set(rule.name, i);
      }
    }
    if (checker.issues.length === before) rules.push(rule as Rule);
  });
  return { rules, disable, issues: checker.issues };
}
