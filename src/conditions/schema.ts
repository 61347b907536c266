import * as z from 'zod';
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

const conditionPriority = z.number().int().min(1).optional();
const conditionName = z.string().optional();

const leafConditionSchema = z
  .object({
    fact: z.string().min(1).describe('A fact name: intent, intents, signals, risk, entities, order, …'),
    operator: z
      .string()
      .min(1)
      .describe('equal, notEqual, in, notIn, contains, doesNotContain, lessThan, …, or a custom operator'),
    value: z.unknown().describe('The value to compare with, or { "fact": name, "path"?: path }'),
    path: z.string().optional().describe('JSONPath into an object fact, e.g. "$.shipped"'),
    params: z.record(z.string(), z.unknown()).optional(),
    priority: conditionPriority,
    name: conditionName,
  })
  .strict();

// The casts only widen zod's `prop?: T | undefined` to the interfaces' `prop?: T` (exactOptionalPropertyTypes).
export const conditionNodeSchema: z.ZodType<ConditionNode> = z
  .lazy(
    () =>
      z.union([
        z
          .object({ all: z.array(conditionNodeSchema), priority: conditionPriority, name: conditionName })
          .strict(),
        z
          .object({ any: z.array(conditionNodeSchema), priority: conditionPriority, name: conditionName })
          .strict(),
        z.object({ not: conditionNodeSchema, priority: conditionPriority, name: conditionName }).strict(),
        leafConditionSchema,
      ]) as unknown as z.ZodType<ConditionNode>,
  )
  .meta({ id: 'condition' });

export const topLevelConditionSchema = z.union([
  z.object({ all: z.array(conditionNodeSchema), priority: conditionPriority, name: conditionName }).strict(),
  z.object({ any: z.array(conditionNodeSchema), priority: conditionPriority, name: conditionName }).strict(),
  z.object({ not: conditionNodeSchema, priority: conditionPriority, name: conditionName }).strict(),
]) as unknown as z.ZodType<TopLevelCondition>;

/** A zod schema that runs the condition checks (limits, shape, facts, operators, values) with these options. */
export function conditionSchema(options: CheckOptions = {}): z.ZodType<TopLevelCondition> {
  return z
    .custom<TopLevelCondition>(() => true)
    .superRefine((value, ctx) => {
      for (const issue of checkCondition(value, options))
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    });
}
