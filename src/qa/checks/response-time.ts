import type { CheckEvidence, CheckOutcome } from '../result.js';
import { secondsBetween } from '../structure.js';
import type { ConversationView } from '../view.js';

/** The longest wait of an answered run, from its first customer turn; null when none is measured. */
export function maxResponseSeconds(view: ConversationView): number | null {
  if (!view.conversation.timed) return null;
  let max: number | null = null;
  for (const run of view.runs)
    if (run.answer !== undefined) {
      const seconds = secondsBetween(view.turns[run.customers[0]!]!, view.turns[run.answer]!);
      if (max === null || seconds > max) max = seconds;
    }
  return max;
}

/** Every answered run of customer turns is answered within the threshold (default 60 s) of its first turn. */
export function checkResponseTime(view: ConversationView): CheckOutcome {
  if (!view.conversation.timed) return { result: 'n/a', evidence: [view.say('untimed')] };
  const answered = view.runs.filter((run) => run.answer !== undefined);
  if (answered.length === 0) return { result: 'n/a', evidence: [view.say('none-answered')] };
  const limit = view.thresholds.responseSeconds;
  const slow: CheckEvidence[] = [];
  for (const run of answered) {
    const seconds = secondsBetween(view.turns[run.customers[0]!]!, view.turns[run.answer!]!);
    if (seconds > limit) slow.push(view.say('answered-after', { seconds, limit }, { turn: run.answer! }));
  }
  if (slow.length > 0) return { result: 'fail', evidence: slow };
  const max = maxResponseSeconds(view)!;
  return { result: 'pass', evidence: [view.say('longest-wait', { seconds: max, limit })] };
}
