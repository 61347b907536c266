import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { parseEvaluationRows } from '../../src/cli/evaluation/rows.js';
import { scoreIntents } from '../../src/cli/evaluation/score.js';
import { normalize } from '../../src/normalize/index.js';
import { describeWithEvalData, evalFile } from '../helpers/eval-data.js';

// The targets, measured on the shared evaluation data (read at run time, never copied into
// the project). The files sit beside the repository (../shared/eval), as in CI.
const classifier = createIntentClassifier();

function evaluate(file: string) {
  const rows = parseEvaluationRows(readFileSync(evalFile(file), 'utf8'));
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
  'evaluation targets (../shared/eval)',
  ['zh-jddc-intents.jsonl', 'en-bitext-intents.jsonl'],
  () => {
    it('JD customer messages (zh-jddc-intents.jsonl): accuracy ≥ 0.85, macro-F1 ≥ 0.70', () => {
      const report = evaluate('zh-jddc-intents.jsonl');
      expect(report.accuracy).toBeGreaterThanOrEqual(0.85);
      expect(report.macroF1).toBeGreaterThanOrEqual(0.7);
    });

    it('Bitext support requests (en-bitext-intents.jsonl): accuracy ≥ 0.95', () => {
      expect(evaluate('en-bitext-intents.jsonl').accuracy).toBeGreaterThanOrEqual(0.95);
    });
  },
);
