import * as z from 'zod';
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
  z.string().min(1),
  z.object({ id: z.string().min(1), params: z.record(z.string(), z.unknown()).optional() }).strict(),
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

const actionEventSchema = z
  .object({
    type: z.literal('action'),
    params: z
      .object({
        actions: z.array(actionRefSchema).min(1).describe('Catalogue action ids, or { id, params }'),
      })
      .strict(),
  })
  .strict();

const replyEventSchema = z
  .object({
    type: z.literal('reply'),
    params: z
      .object({
        templateId: z.string().min(1).optional().describe('A template id, e.g. "situation/anxious-customer"'),
        stage: z
          .enum(replyStages)
          .optional()
          .describe("The best template of this stage for the message's intent and facts"),
        requires: z
          .array(z.string().min(1))
          .min(1)
          .optional()
          .describe('Send this part only if these actions were recommended (not suppressed)'),
      })
      .strict(),
  })
  .strict();

export const ruleEventSchema = z.union([actionEventSchema, replyEventSchema]);
export type RuleEvent = z.infer<typeof ruleEventSchema>;
export type ActionEvent = z.infer<typeof actionEventSchema>;
export type ReplyEvent = z.infer<typeof replyEventSchema>;

export const ruleSchema = z
  .object({
    name: z.string().min(1).describe('Unique name; a pack overrides or disables a built-in rule by it'),
    description: z.string().optional(),
    priority: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Higher runs first and wins conflicts; default 1 (json-rules-engine semantics)'),
    conditions: topLevelConditionSchema,
    event: ruleEventSchema,
  })
  .strict();

export interface Rule {
  name: string;
  description?: string;
  priority?: number;
  conditions: TopLevelCondition;
  event: RuleEvent;
}

/** One rule file (rules/actions/*.json, or a user pack file). */
export const ruleFileSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    rules: z.array(ruleSchema).optional().describe('Rules to add, or to override built-ins of the same name'),
    disable: z.array(z.string().min(1)).optional().describe('Names of built-in rules to switch off'),
  })
  .strict();

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
