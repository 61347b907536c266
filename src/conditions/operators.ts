/**
 * Operators with json-rules-engine's exact semantics (dist/engine-default-operators.js and
 * engine-default-operator-decorators.js, v7): the same JavaScript expressions, the same fact-value
 * validators, so the compiled evaluator and the reference engine agree on every value — including
 * loose cases: `in` with a string value is `value.indexOf(fact) > -1` (a substring test),
 * `lessThan` accepts whatever `parseFloat` reads a number from (the string "12abc", the array
 * `[5]`) and then compares with JavaScript's `<`. Custom operators are registered in both.
 */

/** A comparison: `validate(factValue) && compare(factValue, jsonValue)`, as json-rules-engine's Operator. */
export interface OperatorDefinition {
  name: string;
  compare: (factValue: any, jsonValue: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
  validate?: (factValue: unknown) => boolean;
}

/** A decorator (`someFact:equal`, `not:in`, …): `validate(factValue) && apply(factValue, jsonValue, next)`. */
export interface DecoratorDefinition {
  name: string;
  apply: (factValue: any, jsonValue: any, next: (a: unknown, b: unknown) => boolean) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
  validate?: (factValue: unknown) => boolean;
}

function isNumberLike(factValue: unknown): boolean {
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

export const BUILT_IN_OPERATORS: readonly OperatorDefinition[] = [
  { name: 'equal', compare: (a, b) => a === b },
  { name: 'notEqual', compare: (a, b) => a !== b },
  { name: 'in', compare: (a, b) => b.indexOf(a) > -1 },
  { name: 'notIn', compare: (a, b) => b.indexOf(a) === -1 },
  { name: 'contains', compare: (a, b) => a.indexOf(b) > -1, validate: Array.isArray },
  { name: 'doesNotContain', compare: (a, b) => a.indexOf(b) === -1, validate: Array.isArray },
  { name: 'lessThan', compare: (a, b) => a < b, validate: isNumberLike },
  { name: 'lessThanInclusive', compare: (a, b) => a <= b, validate: isNumberLike },
  { name: 'greaterThan', compare: (a, b) => a > b, validate: isNumberLike },
  { name: 'greaterThanInclusive', compare: (a, b) => a >= b, validate: isNumberLike },
];

export const BUILT_IN_DECORATORS: readonly DecoratorDefinition[] = [
  { name: 'someFact', apply: (f, j, next) => f.some((fv: unknown) => next(fv, j)), validate: Array.isArray },
  { name: 'someValue', apply: (f, j, next) => j.some((jv: unknown) => next(f, jv)) },
  {
    name: 'everyFact',
    apply: (f, j, next) => f.every((fv: unknown) => next(fv, j)),
    validate: Array.isArray,
  },
  { name: 'everyValue', apply: (f, j, next) => j.every((jv: unknown) => next(f, jv)) },
  { name: 'swap', apply: (f, j, next) => next(j, f) },
  { name: 'not', apply: (f, j, next) => !next(f, j) },
];

/**
 * huashu's own operators, added to json-rules-engine with `addOperator` and evaluated the same way
 * by the compiled evaluator:
 * - `intersects`: the fact (an array) shares at least one element with the value (an array) —
 *   "any of these signals", without a nested `any` of `contains`.
 * - `startsWith`: the fact (a string) starts with the value — "any aftersale.* intent".
 */
export const HUASHU_OPERATORS: readonly OperatorDefinition[] = [
  {
    name: 'intersects',
    compare: (a: unknown[], b: unknown) => Array.isArray(b) && a.some((item) => b.indexOf(item) > -1),
    validate: Array.isArray,
  },
  {
    name: 'startsWith',
    compare: (a: string, b: unknown) => typeof b === 'string' && a.startsWith(b),
    validate: (a) => typeof a === 'string',
  },
];

/** json-rules-engine's operators and huashu's, by name: what a condition may use without a custom operator. */
export const OPERATOR_NAMES: readonly string[] = [...BUILT_IN_OPERATORS, ...HUASHU_OPERATORS].map(
  (op) => op.name,
);

/** A custom operator a user registers: `(factValue, jsonValue) => boolean`, as json-rules-engine's addOperator. */
export type CustomOperator = (factValue: any, jsonValue: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Name → operator, decorators applied as json-rules-engine's OperatorMap.get does. */
export class OperatorTable {
  private readonly operators = new Map<string, (a: unknown, b: unknown) => boolean>();
  private readonly decorators = new Map<string, DecoratorDefinition>();
  /** The operators as defined (for registering them with json-rules-engine). */
  readonly custom: OperatorDefinition[] = [];

  constructor(custom: Readonly<Record<string, CustomOperator>> = {}) {
    for (const op of BUILT_IN_OPERATORS) this.add(op);
    for (const op of HUASHU_OPERATORS) {
      this.add(op);
      this.custom.push(op);
    }
    for (const [name, fn] of Object.entries(custom)) {
      // A user's operator answers strictly true or false and never throws (a throw counts as false),
      // in both evaluators alike: json-rules-engine treats truthy non-booleans differently by nesting.
      const compare = (a: unknown, b: unknown): boolean => {
        try {
          return fn(a, b) === true;
        } catch {
          return false;
        }
      };
      const op = { name, compare };
      this.add(op);
      this.custom.push(op);
    }
    for (const decorator of BUILT_IN_DECORATORS) this.decorators.set(decorator.name, decorator);
  }

  private add(op: OperatorDefinition): void {
    const { compare, validate } = op;
    this.operators.set(op.name, validate ? (a, b) => validate(a) && compare(a, b) : compare);
  }

  /** The evaluator for an operator name such as `equal` or `someFact:not:in`, or undefined. */
  get(name: string): ((a: unknown, b: unknown) => boolean) | undefined {
    const known = this.operators.get(name);
    if (known) return known;
    const colon = name.indexOf(':');
    if (colon <= 0) return undefined;
    const decorator = this.decorators.get(name.slice(0, colon));
    const inner = decorator && this.get(name.slice(colon + 1));
    if (!decorator || !inner) return undefined;
    const { apply, validate } = decorator;
    const decorated = validate
      ? (a: unknown, b: unknown) => validate(a) && apply(a, b, inner)
      : (a: unknown, b: unknown) => apply(a, b, inner);
    this.operators.set(name, decorated);
    return decorated;
  }

  /** Whether a name is taken by json-rules-engine or huashu (operators and decorators). */
  static isBuiltIn(name: string): boolean {
    return [...BUILT_IN_OPERATORS, ...HUASHU_OPERATORS, ...BUILT_IN_DECORATORS].some(
      (op) => op.name === name,
    );
  }

  /** Every operator name this table knows, built-in and custom (decorators not included). */
  names(): string[] {
    return [
      ...OPERATOR_NAMES,
      ...this.custom.filter((op) => !OPERATOR_NAMES.includes(op.name)).map((op) => op.name),
    ];
  }

  /** The base operator of a possibly decorated name (`someFact:not:in` → `in`) and its decorators. */
  static split(name: string): { decorators: string[]; base: string } {
    const parts = name.split(':');
    const base = parts.pop() ?? '';
    return { decorators: parts, base };
  }
}

let shared: OperatorTable | undefined;

/** The table of built-in operators (json-rules-engine's and huashu's), made once. */
export function builtInOperators(): OperatorTable {
  shared ??= new OperatorTable();
  return shared;
}
