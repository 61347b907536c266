import type { ActionId, TemplateId } from '../ids.js';
import type { SupportedLocale } from '../language/index.js';

/** One next action for the agent. */
export interface RecommendedAction {
  /** The catalogue id, e.g. `customer.request_evidence`. */
  id: ActionId;
  params: Record<string, unknown>;
  /** The priority of the rule that recommended it: higher comes first and wins conflicts. */
  priority: number;
  /** The rule that recommended it. */
  rule: string;
  /** Which conditions of that rule held, in the customer's locale. */
  because: string;
  /** What to do, from the catalogue, in the customer's locale. */
  description: string;
  /** Every rule that recommended it, first `rule` (duplicates are merged). */
  rules: string[];
}

/** An action left out because a higher-priority action it must not appear with was recommended. */
export interface SuppressedAction {
  id: ActionId;
  rule: string;
  priority: number;
  /** The action that won, and its rule. */
  by: { id: ActionId; rule: string };
}

/** One part of the reply (one template), in the order the parts are sent. */
export interface RecommendedReply {
  templateId: TemplateId;
  /** The template's stage: opening, apology, reassure, clarify, answer, confirm, closing, follow_up. */
  stage: string;
  locale: SupportedLocale;
  /** The rendered text; absent when the facts lack a required variable (see `missing`). */
  text?: string;
  /** Required variables the facts do not give, e.g. `order.trackingNumber`. */
  missing?: string[];
  /** The rule that chose it. */
  rule: string;
}

export interface Recommendation {
  /** The customer's locale: replies and explanations are in it. */
  locale: SupportedLocale;
  actions: RecommendedAction[];
  replies: RecommendedReply[];
  suppressed: SuppressedAction[];
}
