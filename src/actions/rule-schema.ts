import * as z from 'zod/mini';
import { topLevelConditionSchema } from '../conditions/schema.js';
import type { TopLevelCondition } from '../conditions/types.js';

export type { ConditionNode, LeafCondition, TopLevelCondition } from '../conditions/types.js';

/**
 * The rule file format: json-rules-engine's rule JSON (`conditions` with all/any/not, `priority`,
 * `event: { type, params }`, `name`), with the event types huashu understands. This zod schema is
 * the single source of the published JSON Schema (rules/actions/rule.schema.json); the precise
 * checks are done by validate-rules.ts (conditions: src/conditions/checks.ts; events:
 * validate-events.ts).
 */

/** An action a rule recommends: its catalogue id, with params when the action takes any. */
export const actionRefSchema = z.union([
  z.string().check(z.minLength(1)),
  z.strictObject({
    id: z.string().check(z.minLength(1)),
    params: z.optional(z.record(z.string(), z.unknown())),
  }),
]);
export type ActionRef = z.infer<typeof actionRefSchema>;

/**
 * Template stages (src/templates/definition.ts STAGES), in the order the parts of a reply are
 * sent: one template per stage, the highest-priority rule's.
 */
export const replyStages = [
  'opening',
  'apology',
  'reassure',
  'clarify',
  'answer',
  'confirm',
  'closing',
  'follow_up',
] as const;
export type ReplyStage = (typeof replyStages)[number];

const actionEventSchema = z.strictObject({
  type: z.literal('action'),
  params: z.strictObject({
    actions: z
      .array(actionRefSchema)
      .check(z.minLength(1), z.describe('Catalogue action ids, or { id, params }')),
  }),
});

const replyEventSchema = z.strictObject({
  type: z.literal('reply'),
  params: z.strictObject({
    templateId: z
      .optional(z.string().check(z.minLength(1)))
      .check(z.describe('A template id, e.g. "situation/anxious-customer"')),
    stage: z
      .optional(z.enum(replyStages))
      .check(z.describe("The best template of this stage for the message's intent and facts")),
    requires: z
      .optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1)))
      .check(z.describe('Send this part only if these actions were recommended (not suppressed)')),
  }),
});

export const ruleEventSchema = z.union([actionEventSchema, replyEventSchema]);
export type RuleEvent = z.infer<typeof ruleEventSchema>;
export type ActionEvent = z.infer<typeof actionEventSchema>;
export type ReplyEvent = z.infer<typeof replyEventSchema>;

export const ruleSchema = z.strictObject({
  name: z
    .string()
    .check(z.minLength(1), z.describe('Unique name; a pack overrides or disables a built-in rule by it')),
  description: z.optional(z.string()),
  priority: z
    .optional(z.number().check(z.int(), z.gte(1)))
    .check(z.describe('Higher runs first and wins conflicts; default 1 (json-rules-engine semantics)')),
  conditions: topLevelConditionSchema,
  event: ruleEventSchema,
});

export interface Rule {
  name: string;
  description?: string;
  priority?: number;
  conditions: TopLevelCondition;
  event: RuleEvent;
}

/** One rule file (rules/actions/*.json, or a user pack file). */
export const ruleFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  $comment: z.optional(z.string()),
  rules: z
    .optional(z.array(ruleSchema))
    .check(z.describe('Rules to add, or to override built-ins of the same name')),
  disable: z
    .optional(z.array(z.string().check(z.minLength(1))))
    .check(z.describe('Names of built-in rules to switch off')),
});

export interface RuleFile {
  $schema?: string;
  $comment?: string;
  rules?: Rule[];
  disable?: string[];
}

/** The JSON Schema of rule files, generated from the zod schema (published as rules/actions/rule.schema.json). */
export function ruleFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ruleFileSchema, { unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://unpkg.com/huashu/rules/actions/rule.schema.json',
    title: 'huashu next-action rules (json-rules-engine format)',
  };
}
