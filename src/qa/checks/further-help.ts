import type { CheckOutcome } from '../result.js';
import { cueIn, indexesOf, type ConversationView } from '../view.js';

/**
 * After the last customer turn that is not a closing, an agent turn offers further help (any offer
 * when every customer turn closes), or a later customer closing says there is nothing else.
 * n/a without an agent or customer turn, or when the customer left after the first reply.
 */
export function checkFurtherHelp(view: ConversationView): CheckOutcome {
  const agents = indexesOf(view, 'agent');
  const customers = indexesOf(view, 'customer');
  if (agents.length === 0) return { result: 'n/a', evidence: [view.say('agent-silent')] };
  if (customers.length === 0) return { result: 'n/a', evidence: [view.say('no-customer-turn')] };
  const request = customers.filter((i) => !view.notes[i]!.closing).pop() ?? -1;
  for (let i = request + 1; i < view.turns.length; i++) {
    const turn = view.turns[i]!;
    if (turn.role === 'agent') {
      const offer = cueIn(view, i, 'further-help');
      if (offer !== undefined)
        return {
          result: 'pass',
          evidence: [view.say('offers-help', { text: offer.text }, { turn: i, range: offer.range })],
        };
    } else if (request >= 0) {
      const nothingElse = view.notes[i]!.closing ? cueIn(view, i, 'nothing-else') : undefined;
      if (nothingElse !== undefined)
        return {
          result: 'pass',
          evidence: [
            view.say('nothing-else', { text: nothingElse.text }, { turn: i, range: nothingElse.range }),
          ],
        };
    }
  }
  const firstReply = view.runs[0]?.answer;
  if (firstReply === undefined || !customers.some((i) => i > firstReply))
    return { result: 'n/a', evidence: [view.say('no-later-turn')] };
  return {
    result: 'fail',
    evidence: [view.say('no-further-help', undefined, { turn: agents[agents.length - 1]! })],
  };
}
