import { formatPath, HuashuError } from '../errors.js';
import { checkCondition } from './checks.js';
import { parseSimplePath, resolveFactPath } from './fact-path.js';
import { builtInOperators, type OperatorTable } from './operators.js';
import {
  isFactReference,
  type Almanac,
  type CompiledCondition,
  type ConditionNode,
  type LeafCondition,
  type TopLevelCondition,
} from './types.js';

/**
 * The compiled evaluator: a condition tree turned, once, into a synchronous predicate with
 * json-rules-engine's truth table (its operators, its almanac's fact and path resolution, fact
 * references as values, `undefined` for a fact that was not given). test/actions/differential.test.ts
 * proves it equal to json-rules-engine on generated conditions and facts.
 */

export interface CompileOptions {
  /** The operators the condition may use. Default: json-rules-engine's and huashu's. */
  operators?: OperatorTable;
  /**
   * Readers for facts every almanac has, with the property name written out: one object shape per
   * read (fast) instead of a keyed lookup. Facts not listed are read as own properties.
   */
  readers?: Readonly<Record<string, (almanac: Almanac) => unknown>>;
  /**
   * The caller has checked the condition already (rules and templates are checked when they load,
   * the built-in ones at build time): compile it without checking again. Any node compiles then,
   * not only a top-level one; a part outside the compiled subset throws a plain Error.
   */
  checked?: boolean;
}

/** Why a condition cannot be compiled and must run through json-rules-engine. */
export interface EngineOnlyReason {
  path: string;
  message: string;
}

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * What in a condition tree the compiled evaluator does not do (full JSONPath, condition-level
 * priorities, which make json-rules-engine's evaluation order depend on the values). Empty when
 * the condition compiles.
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
      if (node.path !== undefined && node.path !== '' && !parseSimplePath(node.path))
        reasons.push({
          path: `${path}.path`,
          message: `JSONPath "${node.path}" is evaluated by json-rules-engine`,
        });
      if (isFactReference(node.value) && node.value.path && !parseSimplePath(node.value.path))
        reasons.push({
          path: `${path}.value.path`,
          message: `JSONPath "${node.value.path}" is evaluated by json-rules-engine`,
        });
    }
  };
  walk(conditions, at, false);
  return reasons;
}

type Reader = (almanac: Almanac) => unknown;

function compileFactAccess(fact: string, path: string | undefined, options: CompileOptions): Reader {
  const known = options.readers && hasOwn(options.readers, fact) ? options.readers[fact] : undefined;
  // Like the engine's almanac, only facts that were given (own properties) exist.
  const read: Reader = known ?? ((almanac) => (hasOwn(almanac, fact) ? almanac[fact] : undefined));
  // The almanac resolves a path only when it is truthy: "" reads the fact itself.
  if (path === undefined || path === '') return read;
  const steps = parseSimplePath(path);
  if (!steps) throw new Error(`path "${path}" is outside the compiled subset`);
  if (steps.length === 1) {
    const [step] = steps as [string];
    return (almanac) => {
      const value = read(almanac);
      // A path applies to non-null objects (whose own `step` is read); scalars pass through.
      if (value === null || typeof value !== 'object') return value;
      return hasOwn(value, step) ? (value as Record<string, unknown>)[step] : undefined;
    };
  }
  return (almanac) => resolveFactPath(read(almanac), steps);
}

function compileLeaf(
  leaf: LeafCondition,
  options: CompileOptions,
  operators: OperatorTable,
): CompiledCondition {
  const compare = operators.get(leaf.operator);
  if (!compare) throw new Error(`unknown operator "${leaf.operator}"`);
  const left = compileFactAccess(leaf.fact, leaf.path, options);
  const { value } = leaf;
  if (isFactReference(value)) {
    const right = compileFactAccess(value.fact, value.path, options);
    return (almanac) => compare(left(almanac), right(almanac));
  }
  // Common shapes get a direct closure: no operator-table indirection on the hot path.
  if (leaf.operator === 'equal') return (almanac) => left(almanac) === value;
  if (leaf.operator === 'notEqual') return (almanac) => left(almanac) !== value;
  if (leaf.operator === 'contains')
    return (almanac) => {
      const list = left(almanac);
      return Array.isArray(list) && list.indexOf(value) > -1;
    };
  return (almanac) => compare(left(almanac), value);
}

function compileNode(
  node: ConditionNode,
  options: CompileOptions,
  operators: OperatorTable,
): CompiledCondition {
  if (hasOwn(node, 'all') || hasOwn(node, 'any')) {
    const isAll = hasOwn(node, 'all');
    const list = (
      isAll ? (node as { all: ConditionNode[] }).all : (node as { any: ConditionNode[] }).any
    ).map((c) => compileNode(c, options, operators));
    // json-rules-engine: an empty list resolves to true, for `any` as for `all`.
    if (list.length === 0) return () => true;
    if (list.length === 1) return list[0] as CompiledCondition;
    if (isAll)
      return (almanac) => {
        for (const child of list) if (!child(almanac)) return false;
        return true;
      };
    return (almanac) => {
      for (const child of list) if (child(almanac)) return true;
      return false;
    };
  }
  if (hasOwn(node, 'not')) {
    const child = compileNode((node as { not: ConditionNode }).not, options, operators);
    return (almanac) => !child(almanac);
  }
  return compileLeaf(node as LeafCondition, options, operators);
}

/**
 * Compile a condition (json-rules-engine's JSON: `all` / `any` / `not` at the top) to a
 * synchronous predicate over an almanac of facts. The condition is checked first — shape, limits,
 * operators, and that every part is in the compiled subset (simple paths, no nested priorities):
 * INVALID_INPUT lists every problem.
 */
export function compileCondition(condition: unknown, options: CompileOptions = {}): CompiledCondition {
  const operators = options.operators ?? builtInOperators();
  if (options.checked === true) return compileNode(condition as ConditionNode, options, operators);
  const problems = checkCondition(condition, { operators, compiledOnly: true });
  if (problems.length > 0) {
    const issues = problems.map((problem) => ({ path: formatPath(problem.path), message: problem.message }));
    throw new HuashuError(
      'INVALID_INPUT',
      `compileCondition(): the condition is not valid:\n  ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('\n  ')}`,
      { issues },
    );
  }
  return compileNode(condition as TopLevelCondition, options, operators);
}
