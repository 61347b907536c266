import type { CheckEvidence, CheckOutcome } from '../result.js';
import { cueIn, type ConversationView } from '../view.js';

/** Every complaint trigger (complaint, insult, strong anger) gets an agent reply with an apology. */
export function checkApologyOnComplaint(view: ConversationView): CheckOutcome {
  const passes: CheckEvidence[] = [];
  const fails: CheckEvidence[] = [];
  let triggers = 0;
  for (const run of view.runs)
    for (const i of run.customers) {
      const complaint = view.notes[i]!.complaint;
      if (complaint === undefined) continue;
      triggers += 1;
      const apology = run.reply
        .map((r) => ({ r, hit: cueIn(view, r, 'apology') }))
        .find(({ hit }) => hit !== undefined);
      if (apology !== undefined)
        passes.push(
          view.say(
            'apologises',
            { text: apology.hit!.text, turn: i + 1 },
            { turn: apology.r, range: apology.hit!.range },
          ),
        );
      else
        fails.push(
          view.say(
            run.reply.length === 0 ? 'no-reply-to-complaint' : 'no-apology',
            { trigger: complaint.trigger },
            { turn: i, ...(complaint.range === undefined ? {} : { range: complaint.range }) },
          ),
        );
    }
  if (triggers === 0) return { result: 'n/a', evidence: [view.say('no-complaint')] };
  return fails.length > 0 ? { result: 'fail', evidence: fails } : { result: 'pass', evidence: passes };
}
