import type { Analysis } from '../analysis/types.js';
import type { RuleFacts } from '../actions/rule-facts.js';
import type { Context } from '../context.js';
import type { Facts } from '../facts.js';
import { isPlainObject } from '../arguments.js';
import { whenAlmanac } from '../templates/when.js';
import { hasEarlierTurns, namedIn, withNamedBefore } from './named-before.js';
import {
  asksSomething,
  declines,
  mentionsPurchase,
  saysNotUnderstood,
  sendsWishes,
} from '../text/closed-classes.js';
import { nullObject, PROTOTYPE_KEYS } from '../util/own.js';
import { SECONDARY_INTENT_MIN_CONFIDENCE, type SupportedLocale } from '../vocabulary.js';

/** What the pipeline reads of an analysis: analyze() output fits, and so does a hand-made one. */
export interface AnalysisFacts {
  intent: { id: string; confidence: number };
  intents?: ReadonlyArray<{ id: string; confidence: number }>;
  signals?: ReadonlyArray<{ id: string }>;
  entities?: ReadonlyArray<{ type: string; value?: string; placeholder?: boolean }>;
  risk?: Analysis['risk'];
  language?: { locale: string };
  previousAgentTurn?: string;
  /** The folded text (analyze() gives it): what `asks` is read from. */
  normalized?: string;
}

/**
 * One message as the next-action rules and the templates' `when` conditions see it, built once per
 * message: the rule facts (flat, see actions/rule-facts.ts) and the template almanac (the shop's
 * facts plus an `analysis` object) share the same lists.
 */
export interface MessageView {
  rules: RuleFacts;
  /** The almanac of templates' `when` conditions (built on first use: most replies need none). */
  almanac(): Readonly<Record<string, unknown>>;
  /** The variables templates are rendered with. */
  variables: Record<string, unknown>;
}

/** The primary intent, then the secondary requests (confidence ≥ the shared threshold), each once. */
function requestedIntents(analysis: AnalysisFacts): string[] {
  const primary = analysis.intent.id;
  const intents = [primary];
  for (const candidate of analysis.intents ?? [])
    if (candidate.confidence >= SECONDARY_INTENT_MIN_CONFIDENCE && !intents.includes(candidate.id))
      intents.push(candidate.id);
  return intents;
}

/**
 * How sure it is that the message is the shop's business: the larger of 1 − the probability of
 * `other` and the best in-scope candidate. Not the best candidate alone: a message spread over
 * several in-scope intents (没有收到: logistics? a missing item? a refund?) is unsure, not out of
 * scope. `other` is listed among the candidates when its probability is at least 0.05; an analysis
 * without candidates (made elsewhere) is read from its primary intent.
 */
function inScopeConfidence(analysis: AnalysisFacts): number {
  const primaryIsOther = analysis.intent.id === OTHER;
  let otherProbability = primaryIsOther ? analysis.intent.confidence : 0;
  let bestInScope = primaryIsOther ? 0 : analysis.intent.confidence;
  const candidates = analysis.intents ?? [];
  if (candidates.length > 0) otherProbability = 0;
  for (const candidate of candidates)
    if (candidate.id === OTHER) otherProbability = candidate.confidence;
    else if (candidate.confidence > bestInScope) bestInScope = candidate.confidence;
  return Math.round(Math.max(1 - otherProbability, bestInScope) * 1000) / 1000;
}

const OTHER = 'other';

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Build the view of one message. Inputs are already validated. */
export function viewMessage(
  analysis: AnalysisFacts,
  facts: Facts,
  context: Context,
  locale: SupportedLocale,
  variables: Record<string, unknown> | undefined,
): MessageView {
  const signals = distinct((analysis.signals ?? []).map((s) => s.id));
  const entities = distinct((analysis.entities ?? []).map((e) => e.type));
  const rules: RuleFacts = {
    intent: analysis.intent.id,
    intents: requestedIntents(analysis),
    intentConfidence: analysis.intent.confidence,
    inScopeConfidence: inScopeConfidence(analysis),
    asks: analysis.normalized === undefined || asksSomething(analysis.normalized),
    notUnderstood: analysis.normalized !== undefined && saysNotUnderstood(analysis.normalized),
    wishes: analysis.normalized !== undefined && sendsWishes(analysis.normalized),
    // Only what the agent offered or asked can be turned down: after a statement 那算了 gives up on
    // the request, and after "anything else?" 不用了 says nothing else is needed.
    declines:
      analysis.normalized !== undefined &&
      (analysis.previousAgentTurn === 'question' || analysis.previousAgentTurn === 'asked_for_data') &&
      declines(analysis.normalized),
    mentionsPurchase: analysis.normalized !== undefined && mentionsPurchase(analysis.normalized),
    signals,
    risk: analysis.risk ?? 'low',
    entities,
    repeatContacts: context.repeatContacts ?? 0,
    channel: context.channel ?? facts.channel ?? 'chat',
    locale,
    shop: facts.shop,
    agent: facts.agent,
    customer: facts.customer,
    order: facts.order,
    case: facts.case,
    responsibility: facts.responsibility,
  };
  let almanac: Record<string, unknown> | undefined;
  return {
    rules,
    almanac: () => (almanac ??= whenAlmanac(facts, analysis, locale)),
    variables: templateVariables(facts, analysis, context, variables),
  };
}

/**
 * Template variables: the facts, an order number the customer wrote (or its export mask, or one the
 * conversation named before) filling a missing `order.id`,
 * then the caller's `variables` (objects merged one level: `{ order: { promisedShipAt } }` keeps
 * the facts' other order fields).
 */
function templateVariables(
  facts: Facts,
  analysis: AnalysisFacts,
  context: Context,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  // Keys come from the caller: a null-prototype object turns even `__proto__` into a plain key,
  // and no variable is ever named so (variablePathSchema), so those keys are dropped.
  const vars: Record<string, unknown> = Object.assign(nullObject(), facts);
  if (facts.order?.id === undefined) {
    // A written number first; else the export's mask of one ([订单x], 订单号：[数字x]), which is
    // not asked for again (as a masked link is not, below): the reply names it as the export does.
    const written = namedIn(analysis.entities, 'order_id');
    if (written !== undefined) vars.order = { ...facts.order, id: written };
    else if (hasEarlierTurns(context))
      vars.order = withNamedBefore({ ...facts.order }, 'id', 'order_id', context);
  }
  if (variables)
    for (const [key, value] of Object.entries(variables)) {
      if (PROTOTYPE_KEYS.has(key)) continue;
      const current = vars[key];
      vars[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
    }
  // A product link the customer sent (or its export mask, [链接x]), or one the conversation holds, is
  // not asked for again.
  const item = vars.item;
  if (item === undefined || (isPlainObject(item) && item.link === undefined)) {
    const link = analysis.entities?.find((e) => e.type === 'link' && e.value);
    if (link?.value !== undefined) vars.item = { ...(item ?? {}), link: link.value };
    else if (hasEarlierTurns(context))
      vars.item = withNamedBefore({ ...(item ?? {}) }, 'link', 'link', context);
  }
  return vars;
}
