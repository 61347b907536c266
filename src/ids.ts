import type {
  BuiltInActionId,
  BuiltInIntentId,
  BuiltInLintRuleId,
  BuiltInSignalId,
  BuiltInTemplateId,
} from './generated/ids.js';

/*
 * The ids huashu reports are closed sets, generated at build time from the data that defines them
 * (src/generated/ids.ts), so a typo in `analysis.intent.id === 'order.shiptime'` is a type error.
 * Ids you add — intents of your examples and patterns, actions of your rules, templates of your
 * packs, rules made with defineRule() — join them when you declare them:
 *
 *   declare module 'huashu' {
 *     interface CustomIntents { 'shop.trade_in': true }
 *     interface CustomTemplates { 'answer/shop.trade_in': true }
 *   }
 *
 * (the value type does not matter). Inputs still accept any string: packs are validated at run time.
 */

/* eslint-disable @typescript-eslint/no-empty-object-type -- empty on purpose: users merge into them. */
/** Your own intent ids, as keys (see above). */
export interface CustomIntents {}
/** Your own next-action ids, as keys. */
export interface CustomActions {}
/** Your own template ids, as keys. */
export interface CustomTemplates {}
/** Your own lint rule ids (rules made with defineRule()), as keys. */
export interface CustomLintRules {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

/** An intent id: a built-in one or one declared in `CustomIntents`. */
export type IntentId = BuiltInIntentId | Extract<keyof CustomIntents, string>;
/** A next-action id: a built-in one or one declared in `CustomActions`. */
export type ActionId = BuiltInActionId | Extract<keyof CustomActions, string>;
/** A template id: a built-in one or one declared in `CustomTemplates`. */
export type TemplateId = BuiltInTemplateId | Extract<keyof CustomTemplates, string>;
/** A lint rule id: a built-in one or one declared in `CustomLintRules`. */
export type LintRuleId = BuiltInLintRuleId | Extract<keyof CustomLintRules, string>;
/** A signal id (signals are built in only). */
export type SignalId = BuiltInSignalId;

export type { BuiltInActionId, BuiltInIntentId, BuiltInLintRuleId, BuiltInSignalId, BuiltInTemplateId };
