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
  if (first === undefined) return { result: 'n/a', evidence: [{ message: 'no customer turn' }] };
  if (!view.conversation.timed) return { result: 'n/a', evidence: [{ message: 'the turns have no times' }] };
  const customer = first.customers[0]!;
  if (first.answer === undefined)
    return {
      result: 'fail',
      evidence: [{ turn: customer, message: 'no agent turn follows the first customer turn' }],
    };
  const seconds = secondsBetween(view.turns[customer]!, view.turns[first.answer]!);
  const limit = view.thresholds.firstResponseSeconds;
  return {
    result: seconds <= limit ? 'pass' : 'fail',
    evidence: [
      { turn: first.answer, message: `first response after ${formatSeconds(seconds)} (limit ${limit} s)` },
    ],
  };
}

export function formatSeconds(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
