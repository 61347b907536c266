import type { CheckOutcome } from '../result.js';
import { secondsBetween } from '../structure.js';
import type { ConversationView } from '../view.js';

/** Seconds from the first customer turn to the first agent turn after it; null when not answered or untimed. */
export function firstResponseSeconds(view: ConversationView): number | null {
  const first = view.runs[0];
  if (!view.conversation.timed || first === undefined || first.answer === undefined) return null;
  return secondsBetween(view.turns[first.customers[0]!]!, view.turns[first.answer]!);
}

/** The first agent turn after the first customer turn comes within the threshold (default 30 s). */
export function checkFirstResponse(view: ConversationView): CheckOutcome {
  const first = view.runs[0];
  if (first === undefined) return { result: 'n/a', evidence: [view.say('no-customer-turn')] };
  if (!view.conversation.timed) return { result: 'n/a', evidence: [view.say('untimed')] };
  const customer = first.customers[0]!;
  if (first.answer === undefined)
    return {
      result: 'fail',
      evidence: [view.say('first-turn-unanswered', undefined, { turn: customer })],
    };
  const seconds = secondsBetween(view.turns[customer]!, view.turns[first.answer]!);
  const limit = view.thresholds.firstResponseSeconds;
  return {
    result: seconds <= limit ? 'pass' : 'fail',
    evidence: [view.say('first-response', { seconds, limit }, { turn: first.answer })],
  };
}
