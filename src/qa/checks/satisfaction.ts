import type { CheckOutcome } from '../result.js';
import { cueIn, type ConversationView } from '../view.js';

/** After the first after-sales resolution (that turn included), an agent turn asks for satisfaction or a rating. */
export function checkSatisfaction(view: ConversationView): CheckOutcome {
  const resolution = view.turns.findIndex(
    (turn, i) => turn.role === 'agent' && cueIn(view, i, 'resolution') !== undefined,
  );
  if (resolution === -1) return { result: 'n/a', evidence: [view.say('no-resolution')] };
  for (let i = resolution; i < view.turns.length; i++) {
    if (view.turns[i]!.role !== 'agent') continue;
    const ask = cueIn(view, i, 'satisfaction-ask');
    if (ask !== undefined)
      return {
        result: 'pass',
        evidence: [view.say('asks-satisfaction', { text: ask.text }, { turn: i, range: ask.range })],
      };
  }
  const hit = cueIn(view, resolution, 'resolution')!;
  return {
    result: 'fail',
    evidence: [view.say('no-satisfaction-ask', { text: hit.text }, { turn: resolution, range: hit.range })],
  };
}
