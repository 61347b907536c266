import { parseSimplePath, resolveFactPath } from './json-path.js';
import type { OperatorTable } from './operators.js';
import { RULE_FACT_READERS, type RuleFacts } from './rule-facts.js';
import type { ConditionNode, LeafCondition, TopLevelCondition } from './rule-schema.js';

/** The facts a rule reads, by name. */
export type FactValues = Readonly<Record<string, unknown>>;

export type CompiledCondition = (facts: FactValues) => boolean;

/** Why a rule cannot be compiled and must run through json-rules-engine. */
export interface EngineOnlyReason {
  path: string;
  message: string;
}

export interface CompiledRule {
  test: CompiledCondition;
  /**
   * json-rules-engine settles rules of one priority in parallel; the order their events come out
   * in is the order their promise chains settle. That depends only on the shape of the conditions
   * (see conditionTicks), so the evaluator sorts each priority's rules by it once, at compile time.
   */
  ticks: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** A fact reference as a value: `{ "fact": "order", "path": "$.carrier" }` (json-rules-engine's almanac.getValue). */
function isFactReference(value: unknown): value is { fact: string; path?: string } {
  return isObject(value) && hasOwn(value, 'fact');
}

/**
 * What in a condition tree the compiled evaluator does not do (full JSONPath, condition-level
 * priorities, which make json-rules-engine's evaluation order depend on the values). Empty when
 * the rule compiles.
 */
export function engineOnlyReasons(conditions: TopLevelCondition, at = 'conditions'): EngineOnlyReason[] {
  const reasons: EngineOnlyReason[] = [];
  const walk = (node: ConditionNode, path: string, nested: boolean) => {
    if (nested && node.priority !== undefined)
      reasons.push({
        path: `${path}.priority`,
        message: 'condition priorities are evaluated by json-rules-engine',
      });
    if ('all' in node) node.all.forEach((c, i) => walk(c, `${path}.all[${i}]`, true));
    else if ('any' in node) node.any.forEach((c, i) => walk(c, `${path}.any[${i}]`, true));
    else if ('not' in node) walk(node.not, `${path}.not`, true);
    else {
      if (node.path !== undefined && !parseSimplePath(node.path))
        reasons.push({
          path: `${path}.path`,
          message: `JSONPath "${node.path}" is evaluated by json-rules-engine`,
        });
      if (isFactReference(node.value) && node.value.path !== undefined && !parseSimplePath(node.value.path))
        reasons.push({
          path: `${path}.value.path`,
          message: `JSONPath "${node.value.path}" is evaluated by json-rules-engine`,
        });
    }
  };
  walk(conditions, at, false);
  return reasons;
}

function compileFactAccess(fact: string, path: string | undefined): (facts: FactValues) => unknown {
  const known = Object.prototype.hasOwnProperty.call(RULE_FACT_READERS, fact)
    ? (RULE_FACT_READERS[fact as keyof RuleFacts] as (facts: FactValues) => unknown)
    : undefined;
  // Like the engine's almanac, only facts that were given (own properties) exist.
  const read = known ?? ((facts: FactValues) => (hasOwn(facts, fact) ? facts[fact] : undefined));
  if (path === undefined || path === '') return read;
  const steps = parseSimplePath(path);
  if (!steps) throw new Error(`path "${path}" is outside the compiled subset`);
  if (steps.length === 1) {
    const [step] = steps as [string];
    return (facts) => {
      const value = read(facts);
      if (value === null || typeof value !== 'object') return value;
      return Object.prototype.hasOwnProperty.call(value, step)
        ? (value as Record<string, unknown>)[step]
        : undefined;
    };
  }
  return (facts) => resolveFactPath(read(facts), steps);
}

function compileLeaf(leaf: LeafCondition, operators: OperatorTable): CompiledCondition {
  const compare = operators.get(leaf.operator);
  if (!compare) throw new Error(`unknown operator "${leaf.operator}"`);
  const left = compileFactAccess(leaf.fact, leaf.path);
  const { value } = leaf;
  if (isFactReference(value)) {
    const right = compileFactAccess(value.fact, value.path);
    return (facts) => compare(left(facts), right(facts));
  }
  // Common shapes get a direct closure: no operator-table indirection on the hot path.
  if (leaf.operator === 'equal') return (facts) => left(facts) === value;
  if (leaf.operator === 'notEqual') return (facts) => left(facts) !== value;
  if (leaf.operator === 'contains')
    return (facts) => {
      const list = left(facts);
      return Array.isArray(list) && list.indexOf(value) > -1;
    };
  return (facts) => compare(left(facts), value);
}

/** Compile a condition tree to a synchronous predicate with json-rules-engine's truth table. */
export function compileCondition(node: ConditionNode, operators: OperatorTable): CompiledCondition {
  if ('all' in node) {
    const children = node.all.map((c) => compileCondition(c, operators));
    if (children.length === 0) return () => true;
    if (children.length === 1) return children[0] as CompiledCondition;
    return (facts) => {
      for (const child of children) if (!child(facts)) return false;
      return true;
    };
  }
  if ('any' in node) {
    const children = node.any.map((c) => compileCondition(c, operators));
    // json-rules-engine: an empty list resolves to true, for `any` as for `all`.
    if (children.length === 0) return () => true;
    if (children.length === 1) return children[0] as CompiledCondition;
    return (facts) => {
      for (const child of children) if (child(facts)) return true;
      return false;
    };
  }
  if ('not' in node) {
    const child = compileCondition(node.not, operators);
    return (facts) => !child(facts);
  }
  return compileLeaf(node, operators);
}

/**
 * Microtask ticks json-rules-engine (v7) takes to settle a condition, counted from its source
 * (rule.js evaluate, condition.js evaluate, almanac.js factValue): a leaf is Promise.all of the
 * value and the fact (+1 tick each for a `path`), then two `then`s; a list of two or more runs
 * through a priority cursor (+4); `not` adds its negation and the boolean's own `then`.
 * Assumes every fact a rule names is given (its value may be undefined), as recommend() does: the
 * engine skips a path's tick for a fact it was never given. Verified by the differential tests.
 */
function conditionTicks(node: ConditionNode): number {
  if ('all' in node) return listTicks(node.all) + 1;
  if ('any' in node) return listTicks(node.any) + 1;
  if ('not' in node) return conditionTicks(node.not) + 2;
  const factTicks = node.path ? 1 : 0;
  const valueTicks = isFactReference(node.value) ? (node.value.path ? 1 : 0) : 0;
  return Math.max(factTicks, valueTicks) + 3;
}

function listTicks(list: readonly ConditionNode[]): number {
  if (list.length === 0) return 0;
  if (list.length === 1) return conditionTicks(list[0] as ConditionNode);
  let max = 0;
  for (const child of list) max = Math.max(max, conditionTicks(child));
  return max + 4;
}

export function topLevelTicks(conditions: TopLevelCondition): number {
  if ('all' in conditions) return listTicks(conditions.all);
  if ('any' in conditions) return listTicks(conditions.any);
  return conditionTicks(conditions.not) + 1;
}

export function compileRule(conditions: TopLevelCondition, operators: OperatorTable): CompiledRule {
  return { test: compileCondition(conditions, operators), ticks: topLevelTicks(conditions) };
}
