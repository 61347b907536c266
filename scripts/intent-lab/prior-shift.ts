/**
 * Measured, not shipped (2026-12-07; README "prior shift"): would correcting the class priors move
 * accuracy? The model is trained on rows balanced by construction (≥ 300 per intent); real chats are
 * not (acknowledgements, greetings and thanks are a third of them). Each intent's bias gets
 * λ · log(p_chats(c) / p_train(c)): p_chats from the held-back whole conversations
 * (rules/intents/calibration/{zh-Hans.a,zh-Hans.b,zh-Hant.c,en.c}.jsonl, add-one smoothing), p_train
 * from the training rows. Prints the shipped classifier's accuracy (uncalibrated: calibration changes
 * no answer) on every evaluation set for λ = 0 … 1.
 *
 *   npx tsx scripts/intent-lab/prior-shift.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { linearIntentModel } from '../../src/intent/built-in-model.js';
import { loadEvaluationSets, loadTrainingRows, ROOT } from './data.js';
import { parseEvaluationRows } from '../../src/cli/evaluation/rows.js';
import { readMessage } from '../../src/text/message.js';

const serialized = JSON.parse(readFileSync(join(ROOT, 'rules', 'intents', 'linear-model.json'), 'utf8'));
const intents: string[] = serialized.intents;
const train = new Map<string, number>();
for (const row of loadTrainingRows()) train.set(row.intent, (train.get(row.intent) ?? 0) + 1);
const calFiles = ['zh-Hans.a', 'zh-Hans.b', 'zh-Hant.c', 'en.c'].map((n) =>
  join(ROOT, 'rules', 'intents', 'calibration', `${n}.jsonl`),
);
const target = new Map<string, number>();
const calRows = calFiles.flatMap((f) => parseEvaluationRows(readFileSync(f, 'utf8'), f));
for (const r of calRows) target.set(r.accept[0]!, (target.get(r.accept[0]!) ?? 0) + 1);
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const tTot = sum(train),
  gTot = sum(target);
const alpha = 1;
const shift = intents.map((id) => {
  const pt = ((target.get(id) ?? 0) + alpha) / (gTot + alpha * intents.length);
  const pr = (train.get(id) ?? 1) / tTot;
  return Math.log(pt / pr);
});
console.log(intents.map((id, i) => `${id} ${shift[i]!.toFixed(2)}`).join(', '));
const sets = loadEvaluationSets();
sets.push({ name: 'calibration chats (in-sample)', rows: calRows });
for (const lambda of [0, 0.25, 0.5, 0.75, 1]) {
  const model = linearIntentModel({
    ...serialized,
    bias: serialized.bias.map((b: number, i: number) => b + lambda * shift[i]!),
  });
  const classifier = createIntentClassifier({}, { calibrated: false, model });
  const line = sets.map((set) => {
    let right = 0;
    for (const row of set.rows) {
      const got = classifier.classifyMessage(
        readMessage(
          row.text,
          row.previousAgentMessage === null ? undefined : { previousAgentMessage: row.previousAgentMessage },
        ),
      );
      if (row.accept.includes(got.intent.id)) right++;
    }
    return `${set.name} ${(right / set.rows.length).toFixed(3)}`;
  });
  console.log(`λ=${lambda}: ${line.join(' | ')}`);
}
