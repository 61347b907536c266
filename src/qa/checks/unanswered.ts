import type { CheckOutcome } from '../result.js';
import { cueIn, indexesOf, type ConversationView } from '../view.js';

/** The customer turns after the last agent turn, and whether the closing exemption covers them. */
export function trailing(view: ConversationView): { turns: number[]; exempt: boolean } {
  const last = view.runs[view.runs.length - 1];
  if (last === undefined || last.answer !== undefined) return { turns: [], exempt: false };
  const agents = indexesOf(view, 'agent');
  const lastAgent = agents[agents.length - 1];
  const exempt =
    lastAgent !== undefined &&
    last.customers.every((i) => view.notes[i]!.closing) &&
    cueIn(view, lastAgent, 'further-help') !== undefined;
  return { turns: last.customers, exempt };
}

/** No customer turn is left after the last agent turn, unless it only closes after an offer of further help. */
export function checkUnanswered(view: ConversationView): CheckOutcome {
  if (view.runs.length === 0) return { result: 'n/a', evidence: [view.say('no-customer-turn')] };
  const { turns, exempt } = trailing(view);
  if (turns.length === 0) return { result: 'pass', evidence: [view.say('all-answered')] };
  if (exempt)
    return { result: 'pass', evidence: [view.say('closed-after-offer', undefined, { turn: turns[0]! })] };
  return {
    result: 'fail',
    evidence: turns.map((i) =>
      view.say(view.notes[i]!.closing ? 'closing-without-offer' : 'no-reply-after-turn', undefined, {
        turn: i,
      }),
    ),
  };
}
