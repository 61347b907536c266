import type { CheckEvidence, CheckOutcome } from '../result.js';
import { cueIn, type ConversationView } from '../view.js';

/** Every complaint trigger (complaint, insult, strong anger) gets an agent reply with an apology. */
export function checkApologyOnComplaint(view: ConversationView): CheckOutcome {
  const passes: CheckEvidence[] = [];
  const fails: CheckEvidence[] = [];
  let triggers = 0;
  for (const run of view.runs)
    for (const i of run.customers) {
      const trigger = view.notes[i]!.complaint;
      if (trigger === undefined) continue;
      triggers += 1;
      const apology = run.reply
        .map((r) => ({ r, hit: cueIn(view, r, 'apology') }))
        .find(({ hit }) => hit !== undefined);
      if (apology !== undefined)
        passes.push({
          turn: apology.r,
          range: apology.hit!.range,
          message: `apologises (“${apology.hit!.text}”) for the complaint in turn ${i + 1}`,
        });
      else
        fails.push({
          turn: i,
          ...(trigger.range === undefined ? {} : { range: trigger.range }),
          message: `${run.reply.length === 0 ? 'no agent reply to' : 'no apology for'} a complaint (${trigger.message})`,
        });
    }
  if (triggers === 0)
    return { result: 'n/a', evidence: [{ message: 'no complaint, insult or strong anger' }] };
  return fails.length > 0 ? { result: 'fail', evidence: fails } : { result: 'pass', evidence: passes };
}
