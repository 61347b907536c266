import type { CheckOutcome } from '../result.js';
import { cueIn, indexesOf, quote, type ConversationView } from '../view.js';

/** The conversation's first agent turn greets (您好, 欢迎光临, hello); a later greeting does not count. */
export function checkGreeting(view: ConversationView): CheckOutcome {
  const first = indexesOf(view, 'agent')[0];
  if (first === undefined) return { result: 'n/a', evidence: [{ message: 'the agent never speaks' }] };
  const hit = cueIn(view, first, 'greeting');
  if (hit !== undefined)
    return {
      result: 'pass',
      evidence: [{ turn: first, range: hit.range, message: `greets: ${quote(hit.text)}` }],
    };
  return {
    result: 'fail',
    evidence: [{ turn: first, message: 'the first agent turn does not greet' }],
  };
}
