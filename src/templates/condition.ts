import { z } from 'zod';
import { FORMAT_CACHE_SIZE, MAX_FACT_PATH_LENGTH } from '../limits.js';
import { conditionTreeProblem } from '../util/condition-tree.js';
import { LruCache } from '../util/lru.js';
import { hasOwn, INHERITED_KEYS } from '../util/own.js';

/**
 * `when` conditions: the subset of json-rules-engine's condition syntax templates need —
 * `all` / `any` / `not`, and leaf `{ fact, path?, operator, value }` — evaluated synchronously
 * with json-rules-engine's operator semantics, so the same JSON means the same thing in the
 * next-action rules.
 */

/** The facts a condition may read: the top-level keys of the facts schema, plus `analysis`. */
export const CONDITION_FACTS = [
  'channel',
  'shop',
  'agent',
  'customer',
  'order',
  'responsibility',
  'analysis',
] as const;

export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface FactCondition {
  fact: string;
  path?: string | undefined;
  operator: Operator;
  value: unknown;
}
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | FactCondition;
/** A top-level condition: json-rules-engine requires `all`, `any` or `not` at the root. */
export type TopCondition = { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** `$.a.b`, `$.items[0]`: the JSONPath subset conditions use. */
const PATH = /^\$((\.[A-Za-z_][A-Za-z0-9_]*)|(\[\d+\]))+$/;

/** The first step of a path that names an inherited property (`$.constructor`), if any. */
export function inheritedStep(path: string): string | undefined {
  for (const match of path.matchAll(/[A-Za-z_$][A-Za-z0-9_$]*/g)) if (INHERITED_KEYS.has(match[0])) return match[0];
  return undefined;
}

const pathSchema = z
  .string()
  .max(MAX_FACT_PATH_LENGTH, `a path is at most ${MAX_FACT_PATH_LENGTH} characters (MAX_FACT_PATH_LENGTH)`)
  .regex(PATH, 'path is a JSONPath such as "$.shipped" or "$.signals[0]"')
  .superRefine((path, ctx) => {
    const step = inheritedStep(path);
    if (step !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${step}" in a path names a property every object inherits, not a fact: a condition reads the facts' own fields only`,
      });
    }
  });

const factConditionSchema = z
  .object({
    fact: z.enum(CONDITION_FACTS, {
      error: `fact must be one of ${CONDITION_FACTS.join(', ')}`,
    }),
    path: pathSchema.optional(),
    operator: z.enum(OPERATORS, { error: `operator must be one of ${OPERATORS.join(', ')}` }),
    value: z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
    ]),
  })
  .strict();

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;

/**
 * Check a condition's shape, reporting each problem at its own path. A hand-written walk rather
 * than a zod union: a union of recursive shapes reports "Invalid input" at the top, where this
 * says which leaf has which unknown operator.
 */
function checkShape(value: unknown, path: PropertyKey[], top: boolean, ctx: z.RefinementCtx): void {
  const report = (message: string, at: PropertyKey[] = path) => ctx.addIssue({ code: 'custom', message, path: at });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report('expected a condition object: { all: [...] }, { any: [...] }, { not: {...} } or { fact, operator, value }');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const booleanKey = BOOLEAN_KEYS.find((key) => hasOwn(record, key));
  if (booleanKey !== undefined) {
    const extra = keys.filter((key) => key !== booleanKey);
    if (extra.length > 0) report(`"${booleanKey}" stands alone; unexpected ${extra.map((k) => `"${k}"`).join(', ')}`);
    const inner = record[booleanKey];
    if (booleanKey === 'not') {
      checkShape(inner, [...path, 'not'], false, ctx);
    } else if (!Array.isArray(inner) || inner.length === 0) {
      report(`"${booleanKey}" takes a non-empty array of conditions`, [...path, booleanKey]);
    } else {
      inner.forEach((item, i) => checkShape(item, [...path, booleanKey, i], false, ctx));
    }
    return;
  }
  if (top) {
    report('a condition starts with "all", "any" or "not" (json-rules-engine requires it at the top)');
    return;
  }
  const result = factConditionSchema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) report(issue.message, [...path, ...issue.path]);
  }
}

export const conditionSchema: z.ZodType<TopCondition> = z.custom<TopCondition>(() => true).superRefine((value, ctx) => {
  // Size, depth and cycles first, iteratively: checkShape and everything after it recurse.
  const problem = conditionTreeProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  else checkShape(value, [], true, ctx);
});

/** What a condition reads: fact name → value (`undefined` when unknown). */
export type Almanac = Readonly<Record<string, unknown>>;

// Keyed by the paths of the packs loaded in this process: bounded, as packs come and go.
const pathCache = new LruCache<string, Array<string | number>>(FORMAT_CACHE_SIZE);

function pathSegments(path: string): Array<string | number> {
  let segments = pathCache.get(path);
  if (segments === undefined) {
    segments = [];
    for (const match of path.slice(1).matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)) {
      segments.push(match[1] ?? Number(match[2]));
    }
    pathCache.set(path, segments);
  }
  return segments;
}

/** Resolve `$.a.b` in a value; `undefined` when any step is missing. Own properties only. */
export function resolvePath(value: unknown, path: string | undefined): unknown {
  if (path === undefined) return value;
  let current = value;
  for (const segment of pathSegments(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function isNumeric(value: unknown): boolean {
  // json-rules-engine's numeric operators only accept values parseFloat understands.
  return (typeof value === 'number' || typeof value === 'string') && !Number.isNaN(Number.parseFloat(String(value)));
}

function applyOperator(operator: Operator, factValue: unknown, value: unknown): boolean {
  switch (operator) {
    case 'equal':
      return factValue === value;
    case 'notEqual':
      return factValue !== value;
    case 'in':
      return Array.isArray(value) && value.includes(factValue);
    case 'notIn':
      return Array.isArray(value) && !value.includes(factValue);
    case 'contains':
      return Array.isArray(factValue) && factValue.includes(value);
    case 'doesNotContain':
      return Array.isArray(factValue) && !factValue.includes(value);
    case 'lessThan':
      return isNumeric(factValue) && (factValue as number) < (value as number);
    case 'lessThanInclusive':
      return isNumeric(factValue) && (factValue as number) <= (value as number);
    case 'greaterThan':
      return isNumeric(factValue) && (factValue as number) > (value as number);
    case 'greaterThanInclusive':
      return isNumeric(factValue) && (factValue as number) >= (value as number);
  }
}

/** Evaluate a (validated) condition against the almanac. Unknown facts read as `undefined`. */
export function evaluateCondition(condition: Condition, almanac: Almanac): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, almanac));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, almanac));
  if ('not' in condition) return !evaluateCondition(condition.not, almanac);
  const factValue = hasOwn(almanac, condition.fact)
    ? resolvePath(almanac[condition.fact], condition.path)
    : undefined;
  return applyOperator(condition.operator, factValue, condition.value);
}

/** How many leaf conditions a condition has: more leaves = a more specific template. */
export function conditionSize(condition: Condition): number {
  if ('all' in condition) return condition.all.reduce((n, c) => n + conditionSize(c), 0);
  if ('any' in condition) return condition.any.reduce((n, c) => Math.max(n, conditionSize(c)), 0);
  if ('not' in condition) return conditionSize(condition.not);
  return 1;
}
