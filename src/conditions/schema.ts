import * as z from 'zod/mini';
import { checkCondition, type CheckOptions } from './checks.js';
import type { ConditionNode, TopLevelCondition } from './types.js';

/**
 * zod for the condition JSON. Two forms:
 * - `conditionNodeSchema` / `topLevelConditionSchema`: the shape as a recursive union — the source
 *   of the published JSON Schema (rule files, template metadata). It recurses, so it is never run
 *   on untrusted input before the size check.
 * - `conditionSchema(options)`: what validation runs — the size, depth and cycle check first
 *   (iterative), then every static check of checks.ts, each problem at its own path (a zod union
 *   of recursive shapes would report "Invalid input" at the top).
 */

const conditionPriority = z.optional(z.number().check(z.int(), z.gte(1)));
const conditionName = z.optional(z.string());

const leafConditionSchema = z.strictObject({
  fact: z
    .string()
    .check(z.minLength(1), z.describe('A fact name: intent, intents, signals, risk, entities, order, …')),
  operator: z
    .string()
    .check(
      z.minLength(1),
      z.describe('equal, notEqual, in, notIn, contains, doesNotContain, lessThan, …, or a custom operator'),
    ),
  value: z.unknown().check(z.describe('The value to compare with, or { "fact": name, "path"?: path }')),
  path: z.optional(z.string()).check(z.describe('JSONPath into an object fact, e.g. "$.shipped"')),
  params: z.optional(z.record(z.string(), z.unknown())),
  priority: conditionPriority,
  name: conditionName,
});

// The casts only widen zod's `prop?: T | undefined` to the interfaces' `prop?: T` (exactOptionalPropertyTypes).
export const conditionNodeSchema: z.ZodMiniType<ConditionNode> = z
  .lazy(
    () =>
      z.union([
        z.strictObject({
          all: z.array(conditionNodeSchema),
          priority: conditionPriority,
          name: conditionName,
        }),
        z.strictObject({
          any: z.array(conditionNodeSchema),
          priority: conditionPriority,
          name: conditionName,
        }),
        z.strictObject({ not: conditionNodeSchema, priority: conditionPriority, name: conditionName }),
        leafConditionSchema,
      ]) as unknown as z.ZodMiniType<ConditionNode>,
  )
  .check(z.meta({ id: 'condition' }));

export const topLevelConditionSchema = z.union([
  z.strictObject({ all: z.array(conditionNodeSchema), priority: conditionPriority, name: conditionName }),
  z.strictObject({ any: z.array(conditionNodeSchema), priority: conditionPriority, name: conditionName }),
  z.strictObject({ not: conditionNodeSchema, priority: conditionPriority, name: conditionName }),
]) as unknown as z.ZodMiniType<TopLevelCondition>;

/** A zod schema that runs the condition checks (limits, shape, facts, operators, values) with these options. */
export function conditionSchema(options: CheckOptions = {}): z.ZodMiniType<TopLevelCondition> {
  return z
    .custom<TopLevelCondition>(() => true)
    .check(
      z.superRefine((value, ctx) => {
        for (const issue of checkCondition(value, options))
          ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      }),
    );
}
