import type { CheckOutcome } from '../result.js';
import { cueIn, quote, type ConversationView } from '../view.js';

/** After the first after-sales resolution (that turn included), an agent turn asks for satisfaction or a rating. */
export function checkSatisfaction(view: ConversationView): CheckOutcome {
  const resolution = view.turns.findIndex(
    (turn, i) => turn.role === 'agent' && cueIn(view, i, 'resolution') !== undefined,
  );
  if (resolution === -1) return { result: 'n/a', evidence: [{ message: 'no after-sales resolution' }] };
  for (let i = resolution; i < view.turns.length; i++) {
    if (view.turns[i]!.role !== 'agent') continue;
    const ask = cueIn(view, i, 'satisfaction-ask');
    if (ask !== undefined)
      return {
        result: 'pass',
        evidence: [{ turn: i, range: ask.range, message: `asks for satisfaction: “${ask.text}”` }],
      };
  }
  const hit = cueIn(view, resolution, 'resolution')!;
  return {
    result: 'fail',
    evidence: [
      {
        turn: resolution,
        range: hit.range,
        message: `no satisfaction or rating ask after the resolution ${quote(hit.text)}`,
      },
    ],
  };
}
