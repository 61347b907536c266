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
  if (view.runs.length === 0) return { result: 'n/a', evidence: [{ message: 'no customer turn' }] };
  const { turns, exempt } = trailing(view);
  if (turns.length === 0)
    return { result: 'pass', evidence: [{ message: 'every customer turn has an agent turn after it' }] };
  if (exempt)
    return {
      result: 'pass',
      evidence: [{ turn: turns[0]!, message: 'the customer closed after an offer of further help' }],
    };
  return {
    result: 'fail',
    evidence: turns.map((i) => ({
      turn: i,
      message: view.notes[i]!.closing
        ? 'a closing after a last agent turn without an offer of further help'
        : 'no agent reply after this customer turn',
    })),
  };
}
