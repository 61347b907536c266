/**
 * The condition language: json-rules-engine's condition JSON. Template `when` and next-action
 * rules' `conditions` are written in it, checked by checks.ts and evaluated by compile.ts.
 */

/** A value that names another fact: `{ "fact": "order", "path": "$.carrier" }` (json-rules-engine's almanac.getValue). */
export interface FactReference {
  fact: string;
  path?: string;
  params?: Record<string, unknown>;
}

/** A leaf condition: `fact` (+ `path`) compared to `value` by `operator`. */
export interface LeafCondition {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  params?: Record<string, unknown>;
  priority?: number;
  name?: string;
}

export type ConditionNode =
  | { all: ConditionNode[]; priority?: number; name?: string }
  | { any: ConditionNode[]; priority?: number; name?: string }
  | { not: ConditionNode; priority?: number; name?: string }
  | LeafCondition;

/** A top-level condition: json-rules-engine requires `all`, `any` or `not` at the root. */
export type TopLevelCondition =
  | { all: ConditionNode[]; priority?: number; name?: string }
  | { any: ConditionNode[]; priority?: number; name?: string }
  | { not: ConditionNode; priority?: number; name?: string };

/** What a condition reads: fact name → value. Own properties only; a missing fact is `undefined`. */
export type Almanac = Readonly<Record<string, unknown>>;

/** A condition compiled to a synchronous predicate. */
export type CompiledCondition = (almanac: Almanac) => boolean;

export const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
export type BooleanKey = (typeof BOOLEAN_KEYS)[number];

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** A fact reference as a value: an object with an own `fact` key, as json-rules-engine's getValue tests it. */
export function isFactReference(value: unknown): value is FactReference {
  return value !== null && typeof value === 'object' && hasOwnProperty.call(value, 'fact');
}
