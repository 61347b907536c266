import { MAX_FACT_PATH_LENGTH } from '../limits.js';
import { didYouMean } from '../util/did-you-mean.js';
import { hasOwn } from '../util/own.js';
import { inheritedStep, parseSimplePath } from './fact-path.js';
import { describeKind, isTyped, type FactSpecs, type ValueSpec } from './fact-spec.js';
import { builtInOperators, OPERATOR_NAMES, OperatorTable } from './operators.js';
import { conditionTreeProblem } from './tree.js';
import { BOOLEAN_KEYS } from './types.js';

/**
 * The static checks of a condition, for template `when` and next-action rules alike: size, depth
 * and cycles first (iteratively, tree.ts), then the shape (`all` / `any` / `not`, leaf keys), the
 * facts and paths (against the facts' specs, when given), the operators, and the values each
 * operator can take. Every problem is reported at its own path; nothing here throws.
 */

export interface ConditionIssue {
  /** Where, from the condition's root: `['all', 0, 'path']`. */
  path: PropertyKey[];
  message: string;
}

export interface CheckOptions {
  /** The facts a condition may name, with what each holds. Without it: any fact name, unchecked. */
  facts?: FactSpecs;
  /** The operators it may use. Default: json-rules-engine's and huashu's. */
  operators?: OperatorTable;
  /**
   * Every part must run compiled (template `when`: synchronous, with no json-rules-engine to fall
   * back on): full JSONPath and priorities inside the tree are errors, not engine-only parts.
   */
  compiledOnly?: boolean;
  /**
   * Whether an empty `all` (always true) is allowed: a rule's way to always fire. Default true;
   * a template leaves `when` out instead.
   */
  allowEmptyAll?: boolean;
}

const BOOLEAN_NODE_KEYS = new Set(['all', 'any', 'not', 'priority', 'name']);
const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'path', 'params', 'priority', 'name']);
const NUMBER_OPERATORS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
/** Operators whose value json-rules-engine searches with `value.indexOf(fact)`: a list, or a string. */
const SEARCHED_VALUE_OPERATORS = new Set(['in', 'notIn']);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A value as JSON for a message, short; never throws (cycles, BigInt, functions). */
function show(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  text ??= typeof value === 'bigint' ? `${value}n` : typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A JSON literal json-rules-engine's built-in operators compare: a scalar, or a list of them (nested lists too). */
function isLiteral(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every(isLiteral);
}

function scalarProblem(spec: ValueSpec, value: unknown): string | undefined {
  const kind = spec.kind === 'string[]' ? 'string' : spec.kind;
  if (kind === 'object' || !isTyped(spec)) return undefined;
  if (typeof value !== kind) return `expected ${describeKind({ ...spec, kind })}, got ${show(value)}`;
  if (spec.enum && !spec.enum.includes(value as string))
    return `"${String(value)}" is not ${describeKind(spec)}${didYouMean(String(value), spec.enum)}`;
  return undefined;
}

class ConditionChecker {
  readonly issues: ConditionIssue[] = [];
  private readonly operators: OperatorTable;
  private readonly compiledOnly: boolean;
  private readonly allowEmptyAll: boolean;

  constructor(private readonly options: CheckOptions) {
    this.operators = options.operators ?? builtInOperators();
    this.compiledOnly = options.compiledOnly ?? false;
    this.allowEmptyAll = options.allowEmptyAll ?? true;
  }

  private report(path: PropertyKey[], message: string): void {
    this.issues.push({ path, message });
  }

  /** The spec of `fact` + `path`, reporting unknown facts and fields; undefined when not checkable. */
  private target(fact: unknown, path: unknown, at: PropertyKey[]): ValueSpec | undefined {
    if (typeof fact !== 'string' || fact === '') {
      this.report([...at, 'fact'], 'expected a fact name (a non-empty string)');
      return undefined;
    }
    const { facts } = this.options;
    const spec = facts === undefined ? undefined : hasOwn(facts, fact) ? facts[fact] : undefined;
    if (facts !== undefined && spec === undefined) {
      const known = Object.keys(facts);
      this.report(
        [...at, 'fact'],
        `unknown fact "${fact}"${didYouMean(fact, known)}; facts: ${known.join(', ')}`,
      );
      return undefined;
    }
    if (path === undefined) return spec;
    if (typeof path !== 'string' || !path.startsWith('$')) {
      this.report([...at, 'path'], 'expected a JSONPath starting with "$", e.g. "$.shipped"');
      return undefined;
    }
    if (path.length > MAX_FACT_PATH_LENGTH) {
      this.report(
        [...at, 'path'],
        `a path is at most ${MAX_FACT_PATH_LENGTH} characters (MAX_FACT_PATH_LENGTH)`,
      );
      return undefined;
    }
    const inherited = inheritedStep(path);
    if (inherited !== undefined) {
      this.report(
        [...at, 'path'],
        `"${inherited}" in a path names a property every object inherits, not a field of "${fact}": a condition reads the facts' own fields only`,
      );
      return undefined;
    }
    const steps = parseSimplePath(path);
    if (!steps) {
      if (this.compiledOnly)
        this.report(
          [...at, 'path'],
          `JSONPath "${path}" is evaluated by json-rules-engine only, and this condition is compiled: use a simple path such as "$.shipped" or "$.items[0]"`,
        );
      return undefined; // full JSONPath: evaluated by json-rules-engine, not checked further
    }
    let current = spec;
    for (const step of steps) {
      if (current === undefined || current.kind === 'unknown') return current;
      if (current.kind === 'object') {
        const fields = current.fields;
        if (!fields) return { kind: 'unknown' };
        const next = fields[step];
        if (!next) {
          const known = Object.keys(fields);
          this.report(
            [...at, 'path'],
            `"${fact}" has no "${path}": no field "${step}"${didYouMean(step, known)}; fields: ${known.join(', ')}`,
          );
          return undefined;
        }
        current = next;
        continue;
      }
      this.report(
        [...at, 'path'],
        current.kind === 'value' && current === spec
          ? `"${fact}" is a plain value: leave out "path"`
          : `"${fact}" has no field "${step}" (it is ${describeKind(current)})`,
      );
      return undefined;
    }
    return current;
  }

  node(node: unknown, at: PropertyKey[], top: boolean): void {
    if (!isPlainObject(node)) {
      this.report(at, 'expected a condition object: { all | any | not } or { fact, operator, value }');
      return;
    }
    // Own keys only: a condition is JSON data, and an inherited name is no key of it.
    const booleans = BOOLEAN_KEYS.filter((key) => hasOwn(node, key));
    if (hasOwn(node, 'priority')) {
      if (typeof node.priority !== 'number' || !Number.isInteger(node.priority) || node.priority < 1)
        this.report([...at, 'priority'], 'expected an integer ≥ 1');
      else if (!top && this.compiledOnly)
        this.report(
          [...at, 'priority'],
          'priorities inside a condition order json-rules-engine\'s evaluation, and this condition is compiled: leave out "priority"',
        );
    }
    if (hasOwn(node, 'name') && typeof node.name !== 'string')
      this.report([...at, 'name'], 'expected a string');
    if (booleans.length > 1) {
      this.report(at, `one condition holds one of all/any/not, not ${booleans.join(' and ')}: nest them`);
      return;
    }
    const [kind] = booleans;
    if (kind !== undefined) {
      for (const key of Object.keys(node))
        if (!BOOLEAN_NODE_KEYS.has(key))
          this.report([...at, key], `unexpected key "${key}" beside "${kind}"`);
      const children = node[kind];
      if (kind === 'not') {
        if (!isPlainObject(children))
          this.report([...at, 'not'], '"not" takes one condition object (not a list)');
        else this.node(children, [...at, 'not'], false);
        return;
      }
      if (!Array.isArray(children)) {
        this.report([...at, kind], `"${kind}" takes a list of conditions`);
        return;
      }
      if (children.length === 0) {
        if (kind === 'any')
          this.report(
            [...at, 'any'],
            'an empty "any" is always true in json-rules-engine: remove it or add conditions',
          );
        else if (!this.allowEmptyAll)
          this.report(
            [...at, 'all'],
            'an empty "all" is always true: leave the condition out or add conditions',
          );
      }
      children.forEach((child, i) => this.node(child, [...at, kind, i], false));
      return;
    }
    if (top) {
      this.report(
        at,
        'the top level of a condition is { "all": [...] }, { "any": [...] } or { "not": {...} } (json-rules-engine requires it)',
      );
      return;
    }
    if (hasOwn(node, 'condition')) {
      this.report([...at, 'condition'], 'condition references are not supported: write the condition inline');
      return;
    }
    this.leaf(node, at);
  }

  private leaf(node: Record<string, unknown>, at: PropertyKey[]): void {
    for (const key of Object.keys(node))
      if (!LEAF_KEYS.has(key))
        this.report([...at, key], `unexpected key "${key}"${didYouMean(key, LEAF_KEYS)} in a condition`);
    for (const key of ['fact', 'operator', 'value'] as const)
      if (!hasOwn(node, key)) this.report(at, `a condition needs "${key}"`);
    if (hasOwn(node, 'params') && !isPlainObject(node.params))
      this.report([...at, 'params'], 'expected an object');
    const spec = hasOwn(node, 'fact')
      ? this.target(node.fact, hasOwn(node, 'path') ? node.path : undefined, at)
      : undefined;
    if (!hasOwn(node, 'operator')) return;
    const operator = node.operator;
    if (typeof operator !== 'string' || operator === '') {
      this.report([...at, 'operator'], 'expected an operator name');
      return;
    }
    const { decorators, base } = OperatorTable.split(operator);
    if (decorators.includes('swap')) {
      this.report(
        [...at, 'operator'],
        'the "swap" decorator is not supported: write the condition the other way round',
      );
      return;
    }
    if (!this.operators.get(operator)) {
      const known = this.operators.names();
      this.report(
        [...at, 'operator'],
        `unknown operator "${operator}"${didYouMean(base, known)}: the operator must be one of ${known.join(', ')}, optionally decorated (someFact:, everyFact:, someValue:, everyValue:, not:)`,
      );
      return;
    }
    if (!hasOwn(node, 'value')) return;
    const value = node.value;
    const needsList =
      SEARCHED_VALUE_OPERATORS.has(base) ||
      base === 'intersects' ||
      decorators.some((d) => d.endsWith('Value'));
    if (isPlainObject(value) && hasOwn(value, 'fact')) {
      if (needsList)
        this.report([...at, 'value'], `"${operator}" needs a literal list as its value, not a fact`);
      for (const key of Object.keys(value))
        if (key !== 'fact' && key !== 'path' && key !== 'params')
          this.report([...at, 'value', key], `unexpected key "${key}" in a fact reference`);
      if (hasOwn(value, 'params') && !isPlainObject(value.params))
        this.report([...at, 'value', 'params'], 'expected an object');
      this.target(value.fact, hasOwn(value, 'path') ? value.path : undefined, [...at, 'value']);
      return;
    }
    // A user's operator takes any JSON value; json-rules-engine's and huashu's compare literals.
    if (!OPERATOR_NAMES.includes(base)) return;
    if (!this.operandShape(operator, decorators, base, value, spec, [...at, 'value'])) return;
    if (decorators.length === 0 && spec && isTyped(spec)) {
      // A typed fact says best what its value should be.
      const before = this.issues.length;
      this.value(base, spec, value, [...at, 'value']);
      if (this.issues.length > before) return;
    }
    if (!isLiteral(value))
      this.report(
        [...at, 'value'],
        `expected a string, a number, true, false, null or a list of them, or a fact reference { "fact": ... }; got ${show(value)}`,
      );
  }

  /**
   * The value has the shape the operator reads: a list for each `…Value` decorator (it iterates
   * the value), then for `in` / `notIn` a list — or, when the fact's type is open, a string, which
   * json-rules-engine searches (`"ab".indexOf(fact)`); anything else would throw in the engine.
   */
  private operandShape(
    operator: string,
    decorators: readonly string[],
    base: string,
    value: unknown,
    spec: ValueSpec | undefined,
    at: PropertyKey[],
  ): boolean {
    let operands: unknown[] = [value];
    for (const decorator of decorators) {
      if (!decorator.endsWith('Value')) continue;
      if (!operands.every(Array.isArray)) {
        this.report(at, `"${operator}" needs a list as its value`);
        return false;
      }
      operands = (operands as unknown[][]).flat(1);
    }
    const typed = spec !== undefined && isTyped(spec);
    if (base === 'intersects' || (SEARCHED_VALUE_OPERATORS.has(base) && typed)) {
      if (!operands.every(Array.isArray)) {
        this.report(at, `"${operator}" needs a list as its value`);
        return false;
      }
    } else if (SEARCHED_VALUE_OPERATORS.has(base)) {
      if (!operands.every((v) => Array.isArray(v) || typeof v === 'string')) {
        this.report(
          at,
          `"${operator}" needs a list as its value (or a string, which it searches for the fact)`,
        );
        return false;
      }
    }
    return true;
  }

  /** A literal value against a typed fact: the operator fits the fact, the value fits its type. */
  private value(operator: string, spec: ValueSpec, value: unknown, at: PropertyKey[]): void {
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
        if (problem) this.report([...at, i], problem);
      });
      return;
    }
    if (operator === 'contains' || operator === 'doesNotContain' || operator === 'intersects') {
      if (!isList) return this.report(at, `"${operator}" tests a list fact (intents, signals, entities)`);
      const items = operator === 'intersects' ? (value as unknown[]) : [value];
      items.forEach((item, i) => {
        const problem = scalarProblem(spec, item);
        if (problem) this.report(operator === 'intersects' ? [...at, i] : at, problem);
      });
      return;
    }
    if (NUMBER_OPERATORS.has(operator)) {
      if (spec.kind !== 'number') return this.report(at, `"${operator}" compares a number fact`);
      if (typeof value !== 'number' || !Number.isFinite(value)) this.report(at, 'expected a number');
    }
  }
}

/**
 * Check a condition (json-rules-engine's JSON, `all` / `any` / `not` at the top) and list every
 * problem at its path. Size, depth and cycles are checked first, iteratively, and stop the check:
 * everything after them recurses.
 */
export function checkCondition(value: unknown, options: CheckOptions = {}): ConditionIssue[] {
  const tree = conditionTreeProblem(value);
  if (tree !== undefined) return [tree];
  const checker = new ConditionChecker(options);
  checker.node(value, [], true);
  return checker.issues;
}
