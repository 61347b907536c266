import type { CheckOutcome } from '../result.js';
import { cueIn, indexesOf, type ConversationView } from '../view.js';

/** The conversation's first agent turn greets (您好, 欢迎光临, hello); a later greeting does not count. */
export function checkGreeting(view: ConversationView): CheckOutcome {
  const first = indexesOf(view, 'agent')[0];
  if (first === undefined) return { result: 'n/a', evidence: [view.say('agent-silent')] };
  const hit = cueIn(view, first, 'greeting');
  if (hit !== undefined)
    return {
      result: 'pass',
      evidence: [view.say('greets', { text: hit.text }, { turn: first, range: hit.range })],
    };
  return {
    result: 'fail',
    evidence: [view.say('no-greeting', undefined, { turn: first })],
  };
}
