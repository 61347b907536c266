import * as z from 'zod/mini';
import type { Risk, Signal, SignalId } from '../analysis/types.js';
import { contextSchema, type Context } from '../context.js';
import { parseOrThrow } from '../errors.js';

/** Intents that on their own mean an unhappy customer. */
const UNHAPPY_INTENTS = new Set(['complaint', 'abuse']);
/** Threats to go outside the chat: any one of them is a high-risk conversation. */
const ESCALATION_THREATS: readonly SignalId[] = ['threat.legal', 'threat.media', 'threat.complaint_channel'];
/** A signal counts from this score up; weaker hints (a lone 到底, one earlier turn) do not. */
const PRESENT = 0.5;
/**
 * An escalation threat makes the conversation high-risk from this score: a named channel (12315,
 * 律师, 曝光, 发到小红书) scores 0.7 or more, a bare 投诉 / "complaint" 0.5 (medium) unless repeated.
 */
const SERIOUS = 0.7;
/** How sure the classifier must be before a complaint or abuse intent raises the risk. */
const INTENT_CONFIDENCE = 0.5;

export const riskInputSchema = z.object({
  intent: z.optional(z.object({ id: z.string(), confidence: z.number().check(z.gte(0), z.lte(1)) })),
  signals: z.array(
    z.object({
      id: z.string(),
      score: z.number().check(z.gte(0), z.lte(1)),
      evidence: z.array(z.unknown()),
      detail: z.optional(z.string()),
    }),
  ),
  context: z.optional(contextSchema),
});

export interface RiskInput {
  /** The primary intent, when known. */
  intent?: { id: string; confidence: number } | undefined;
  signals: readonly Signal[];
  context?: Context | undefined;
}

/** What the risk reads: the intent, the signals and how often the customer contacted before. */
export interface RiskFacts {
  intent?: { id: string; confidence: number } | undefined;
  signals: readonly Signal[];
  repeatContacts: number;
}

/**
 * How risky the conversation is, from the message's signals, its intent and the history:
 *
 * - **high** — a threat to go outside the chat (threat.legal, threat.media,
 *   threat.complaint_channel ≥ 0.7: a named channel, or a complaint repeated); or a bad-review threat together with anger or abuse; or a repeat contact (≥ 0.5, or `context.repeatContacts` ≥ 2) from an unhappy customer
 *   (anger, abuse, a bad-review threat, or a complaint/abuse intent): the repeated complaint the
 *   service rules escalate.
 * - **medium** — any other threat (bad review, or a weaker escalation hint), abuse, anger ≥ 0.5,
 *   a repeat contact ≥ 0.5, or a complaint/abuse intent.
 * - **low** — everything else (urgency alone is a customer in a hurry, not a risk).
 *
 * Throws `HuashuError` `INVALID_INPUT` on malformed input.
 */
export function assessRisk(input: RiskInput): Risk {
  parseOrThrow(riskInputSchema, input, 'INVALID_INPUT', 'assessRisk(input)');
  return assessRiskUnchecked({
    intent: input.intent,
    signals: input.signals,
    repeatContacts: input.context?.repeatContacts ?? 0,
  });
}

/** `assessRisk` without validation, for `analyze()`, whose parts are already well-formed. */
export function assessRiskUnchecked({ intent, signals, repeatContacts }: RiskFacts): Risk {
  const score = (id: SignalId) => signals.find((s) => s.id === id)?.score ?? 0;
  const present = (id: SignalId) => score(id) >= PRESENT;

  const unhappyIntent =
    intent !== undefined && UNHAPPY_INTENTS.has(intent.id) && intent.confidence >= INTENT_CONFIDENCE;
  const anger = present('emotion.anger');
  const abuse = present('abuse');
  const badReview = present('threat.bad_review');
  const repeat = present('repeat_contact') || repeatContacts >= 2;
  const unhappy = anger || abuse || badReview || unhappyIntent;

  if (ESCALATION_THREATS.some((id) => score(id) >= SERIOUS)) return 'high';
  if (badReview && (anger || abuse)) return 'high';
  if (repeat && unhappy) return 'high';

  const anyThreat = signals.some((s) => s.id.startsWith('threat.') && s.score > 0);
  if (anyThreat || abuse || anger || repeat || unhappyIntent) return 'medium';
  return 'low';
}
