import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { parseEvaluationRows } from '../../src/cli/evaluation/rows.js';
import { scoreIntents } from '../../src/cli/evaluation/score.js';
import { normalize } from '../../src/normalize/index.js';
import { describeWithEvalData, evalFile } from '../helpers/eval-data.js';

// Regression floors, a little under the figures measured when the model was chosen (README,
// "Accuracy, honestly"): the shared evaluation data (read at run time, never copied into the
// project, beside the repository as in CI) and the project's own unseen set. They guard against a
// change that loses accuracy; they are not the goals of issue 11 (zh ≥ 0.85 on both), not met yet.
const classifier = createIntentClassifier();

function evaluate(path: string) {
  const rows = parseEvaluationRows(readFileSync(path, 'utf8'));
  return scoreIntents(
    rows.map((row) => ({
      accept: row.accept,
      predicted: classifier.classify(
        normalize(row.text),
        row.previousAgentMessage === null ? undefined : { previousAgentMessage: row.previousAgentMessage },
      ).intent.id,
    })),
  );
}

describeWithEvalData(
  'evaluation floors (../shared/eval)',
  ['zh-jddc-intents.jsonl', 'en-bitext-intents.jsonl'],
  () => {
    // Lowered from 0.68 on 2026-12-04: the model retrained with 5,900 more conversation rows scores
    // better or the same on the project's blind sets (unseen, calibration) and lower on this file,
    // which only measures (scripts/intent-lab/README.md).
    it('JD customer messages (zh-jddc-intents.jsonl): accuracy ≥ 0.78, macro-F1 ≥ 0.65 (measured 0.810 / 0.735 on 2026-12-06)', () => {
      const report = evaluate(evalFile('zh-jddc-intents.jsonl'));
      expect(report.accuracy).toBeGreaterThanOrEqual(0.78);
      expect(report.macroF1).toBeGreaterThanOrEqual(0.65);
    });

    it('Bitext support requests (en-bitext-intents.jsonl): accuracy ≥ 0.90 (measured 0.921 on 2026-12-06)', () => {
      expect(evaluate(evalFile('en-bitext-intents.jsonl')).accuracy).toBeGreaterThanOrEqual(0.9);
    });
  },
);

/** Regression floors on one of the project's own held-out sets: [file, accuracy, macro-F1]. */
function heldOutFloors(
  set: 'unseen' | 'contrast' | 'address' | 'long' | 'chatreq',
  floors: Array<[string, number, number]>,
): void {
  describe(`evaluation floors (the project's ${set} set, test/intent/${set})`, () => {
    it.each(floors)('%s: accuracy ≥ %f, macro-F1 ≥ %f', (file, accuracy, macroF1) => {
      const report = evaluate(join(import.meta.dirname, set, file));
      expect(report.accuracy).toBeGreaterThanOrEqual(accuracy);
      expect(report.macroF1).toBeGreaterThanOrEqual(macroF1);
    });
  });
}

heldOutFloors('unseen', [
  ['zh-Hans.jsonl', 0.88, 0.88],
  ['zh-Hant.jsonl', 0.92, 0.92],
  // en raised from 0.88 / 0.87 on 2026-12-05 (measured 0.911 / 0.909 after the English corpora).
  ['en.jsonl', 0.9, 0.89],
]);

// Measured 0.787 / 0.790, 0.744 / 0.757, 0.692 / 0.715 on 2026-12-06 with the contrast training
// rows (0.762, 0.756, 0.677 before them; zh-Hans 0.775 / 0.775, en 0.700 / 0.724 after the agent-turn corrections): floors a
// little under, not goals.
heldOutFloors('contrast', [
  ['zh-Hans.jsonl', 0.76, 0.76],
  ['zh-Hant.jsonl', 0.72, 0.72],
  ['en.jsonl', 0.66, 0.68],
]);

// Measured 0.900 / 0.920, 0.883 / 0.921, 0.942 / 0.953 and 0.900 / 0.925 on 2026-12-06, when the
// set was written (before any change): floors a little under, not goals.
heldOutFloors('address', [
  ['zh-Hans.jsonl', 0.86, 0.88],
  ['zh-Hant.jsonl', 0.84, 0.88],
  ['short.zh-Hans.jsonl', 0.9, 0.91],
  ['short.zh-Hant.jsonl', 0.84, 0.88],
]);

// Measured 0.806 / 0.778 on 2026-12-07, when the set was written (before any change): a floor a
// little under, not a goal.
heldOutFloors('long', [['zh-Hans.jsonl', 0.78, 0.75]]);

// Measured 0.940 / 0.949 on 2026-12-07, when the set was written (before any change): a floor a
// little under, not a goal.
heldOutFloors('chatreq', [['en.jsonl', 0.92, 0.93]]);
