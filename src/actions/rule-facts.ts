import { specOf, type ValueSpec } from '../conditions/fact-spec.js';
import { factsSchema, type Facts } from '../facts.js';
import type { SupportedLocale } from '../language/index.js';
import { CHANNELS, LOCALES, RISKS } from '../vocabulary.js';

/**
 * The facts next-action rules read (json-rules-engine's runtime facts). Flat and JSON-only, so a
 * rule is one readable condition: `{ "fact": "intent", "operator": "equal", "value": "complaint" }`,
 * `{ "fact": "signals", "operator": "contains", "value": "threat.media" }`,
 * `{ "fact": "order", "path": "$.carrierScan", "operator": "equal", "value": true }`.
 */
// A type alias (not an interface) so it is assignable to the evaluator's Record<string, unknown>.
export type RuleFacts = {
  /** The primary intent id (`other` when unsure). */
  intent: string;
  /** The primary intent and the secondary requests of the message (confidence ≥ SECONDARY_INTENT_MIN_CONFIDENCE), best first. */
  intents: string[];
  /** Confidence of the primary intent, 0–1. */
  intentConfidence: number;
  /**
   * How sure it is that the message is in scope: the larger of 1 − the classifier's probability
   * of `other` and the best in-scope candidate's confidence (read from the primary intent when the
   * analysis lists no candidates). A message the classifier calls `other` is out of scope only when
   * this is low; spread over several in-scope intents, it is unsure, not out of scope.
   */
  inScopeConfidence: number;
  /**
   * Whether the message may ask or request something (rules/text/closed-classes.json, `filler`): false when it is only
   * filler — punctuation or emoji, laughter, 稍等, 我看看, 点错了, a test — which "that is outside our
   * business" does not answer. An analysis without its `normalized` text (made elsewhere) counts
   * as asking.
   */
  asks: boolean;
  /**
   * Whether the message only says the customer did not understand the agent (rules/text/
   * closed-classes.json, `notUnderstood`: 什么意思, 没看懂, 你说啥, "what do you mean"): explain again. False for an
   * analysis without its `normalized` text.
   */
  notUnderstood: boolean;
  /**
   * Whether the message only sends good wishes (rules/text/closed-classes.json: 新年快乐, 生意兴隆, "happy new
   * year"): return them. False for an analysis without its `normalized` text.
   */
  wishes: boolean;
  /**
   * Whether the message only turns down what the agent offered (rules/text/closed-classes.json,
   * `declines`: 不用了, 算了, "no thanks") after the agent's question or offer: nothing is to be
   * done. False after a statement (那算了 gives up on the request), after "anything else?" (不用了
   * says nothing else is needed), without the agent's turn and for an analysis without its
   * `normalized` text.
   */
  declines: boolean;
  /**
   * Whether the message refers anywhere to the customer's purchase or the shop's goods
   * (rules/text/closed-classes.json, `ownPurchase`: 我买的, 下的单, 收到的, 你们家的东西, "my order"):
   * the shop's business, so never answered as out of scope. False for an analysis without its
   * `normalized` text.
   */
  mentionsPurchase: boolean;
  /** Signal ids found (`emotion.anger`, `threat.media`, …), strongest first. */
  signals: string[];
  risk: 'low' | 'medium' | 'high';
  /** Entity types found in the message (`order_id`, `tracking_number`, …), each once. */
  entities: string[];
  /** How many times the customer contacted about this issue before (context), 0 when unknown. */
  repeatContacts: number;
  /** context.channel, else facts.channel, else `chat`. */
  channel: 'chat' | 'phone' | 'email' | 'social';
  /** The customer's locale: the reply's locale. */
  locale: SupportedLocale;
  /** The shop's facts (src/facts.ts), as given. */
  shop: Facts['shop'];
  agent: Facts['agent'];
  customer: Facts['customer'];
  order: Facts['order'];
  case: Facts['case'];
  responsibility: Facts['responsibility'];
};

const shape = factsSchema.shape;

/** Every fact a rule may name, with the values it holds (used to validate rules and to generate test facts). */
export const RULE_FACT_SPECS: Readonly<Record<keyof RuleFacts, ValueSpec>> = {
  intent: { kind: 'string' },
  intents: { kind: 'string[]' },
  intentConfidence: { kind: 'number' },
  inScopeConfidence: { kind: 'number' },
  asks: { kind: 'boolean' },
  notUnderstood: { kind: 'boolean' },
  wishes: { kind: 'boolean' },
  declines: { kind: 'boolean' },
  mentionsPurchase: { kind: 'boolean' },
  signals: { kind: 'string[]' },
  risk: { kind: 'string', enum: RISKS },
  entities: { kind: 'string[]' },
  repeatContacts: { kind: 'number' },
  channel: { kind: 'string', enum: CHANNELS },
  locale: { kind: 'string', enum: LOCALES },
  shop: specOf(shape.shop),
  agent: specOf(shape.agent),
  customer: specOf(shape.customer),
  order: specOf(shape.order),
  case: specOf(shape.case),
  responsibility: specOf(shape.responsibility),
};

export const RULE_FACT_NAMES = Object.keys(RULE_FACT_SPECS) as Array<keyof RuleFacts>;

/**
 * A reader per fact with the property name written out: the compiled conditions call these, so
 * each property load sees one object shape (fast) instead of a keyed lookup by a variable name.
 */
export const RULE_FACT_READERS: Readonly<Record<keyof RuleFacts, (facts: RuleFacts) => unknown>> = {
  intent: (f) => f.intent,
  intents: (f) => f.intents,
  intentConfidence: (f) => f.intentConfidence,
  inScopeConfidence: (f) => f.inScopeConfidence,
  asks: (f) => f.asks,
  notUnderstood: (f) => f.notUnderstood,
  wishes: (f) => f.wishes,
  declines: (f) => f.declines,
  mentionsPurchase: (f) => f.mentionsPurchase,
  signals: (f) => f.signals,
  risk: (f) => f.risk,
  entities: (f) => f.entities,
  repeatContacts: (f) => f.repeatContacts,
  channel: (f) => f.channel,
  locale: (f) => f.locale,
  shop: (f) => f.shop,
  agent: (f) => f.agent,
  customer: (f) => f.customer,
  order: (f) => f.order,
  case: (f) => f.case,
  responsibility: (f) => f.responsibility,
};
