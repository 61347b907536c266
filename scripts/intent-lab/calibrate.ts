/**
 * Fits the confidence calibration of the built-in classifier (issue 11: "calibrate confidence on
 * your own held-back data, not on the dev file") and writes rules/intents/calibration.json.
 *
 *   npx tsx scripts/intent-lab/calibrate.ts          # fit and write (then npm run gen)
 *   npx tsx scripts/intent-lab/calibrate.ts --check  # exit 1 when the stored fit is stale
 *
 * Data: the held-back calibration conversations of rules/intents/calibration/*.jsonl (see its
 * README): never used for training, tuning or patterns, and never the evaluation data. The fit reads
 * the classifier's uncalibrated top-1 confidence of every customer turn (with the agent turn before
 * it as context) and whether the answer is in `accept`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvaluationRows } from '../../src/cli/evaluation/rows.js';
import {
  CALIBRATION_GROUPS,
  calibrateConfidence,
  calibrationGroup,
  type ConfidenceCalibration,
} from '../../src/intent/calibration.js';
import { followsUpAgentTurn } from '../../src/intent/agent-turn.js';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { readMessage } from '../../src/text/message.js';
import {
  accuracyAtCoverage,
  expectedCalibrationError,
  fitPlattWithAgentTurn,
  type ConfidenceSample,
} from './calibration.js';

export const CALIBRATION_DIR = join(import.meta.dirname, '..', '..', 'rules', 'intents', 'calibration');
export const CALIBRATION_FILE = join(import.meta.dirname, '..', '..', 'rules', 'intents', 'calibration.json');

/** The uncalibrated answers of the built-in classifier on the calibration rows, and their hash. */
export function calibrationSamples(): {
  samples: Array<ConfidenceSample & { intent: string }>;
  sha256: string;
  files: string[];
} {
  const classifier = createIntentClassifier({}, { calibrated: false });
  const hash = createHash('sha256');
  const files = readdirSync(CALIBRATION_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const samples: Array<ConfidenceSample & { intent: string }> = [];
  for (const file of files) {
    for (const row of parseEvaluationRows(readFileSync(join(CALIBRATION_DIR, file), 'utf8'), file)) {
      const result = classifier.classifyMessage(
        readMessage(
          row.text,
          row.previousAgentMessage === null ? undefined : { previousAgentMessage: row.previousAgentMessage },
        ),
      );
      const sample = {
        intent: result.intent.id,
        afterAgentTurn: followsUpAgentTurn(result.previousAgentTurn),
        confidence: result.intent.confidence,
        correct: row.accept.includes(result.intent.id),
      };
      samples.push(sample);
      hash.update(JSON.stringify([row.text, row.previousAgentMessage, row.accept, result.intent]));
    }
  }
  return { samples, sha256: hash.digest('hex'), files };
}

/**
 * The calibration fitted on the current classifier and calibration rows: one Platt map per group
 * of predicted intent, with a shift after an agent turn (chosen by grouped 5-fold CV on these rows,
 * folds by conversation; see rules/intents/calibration/README.md).
 */
export function fitCalibration(): {
  calibration: ConfidenceCalibration;
  samples: Array<ConfidenceSample & { intent: string }>;
  files: string[];
} {
  const { samples, sha256, files } = calibrationSamples();
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const fitted = (group: string) => {
    const fit = fitPlattWithAgentTurn(samples.filter((s) => calibrationGroup(s.intent) === group));
    return { slope: round(fit.slope), agentTurn: round(fit.agentTurn), intercept: round(fit.intercept) };
  };
  const groups = Object.fromEntries(
    CALIBRATION_GROUPS.map((g) => [g, fitted(g)]),
  ) as ConfidenceCalibration['groups'];
  return {
    calibration: { method: 'platt-by-group', groups, fittedOn: { rows: samples.length, sha256 } },
    samples,
    files,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { calibration, samples, files } = fitCalibration();
  const calibrated = samples.map((s) => ({
    ...s,
    confidence: calibrateConfidence(
      s.confidence,
      calibration.groups[calibrationGroup(s.intent)],
      s.afterAgentTurn,
    ),
  }));
  const describe = (items: ConfidenceSample[]) =>
    `ECE ${expectedCalibrationError(items).toFixed(3)}, accuracy ${accuracyAtCoverage(items, 1).toFixed(3)}`;
  console.log(`${samples.length} rows of ${files.join(', ')}`);
  console.log(`  raw:        ${describe(samples)}`);
  console.log(`  calibrated: ${describe(calibrated)} (in-sample; ${JSON.stringify(calibration.groups)})`);
  if (process.argv.includes('--check')) {
    const stored = JSON.parse(readFileSync(CALIBRATION_FILE, 'utf8')) as ConfidenceCalibration;
    if (JSON.stringify(stored) !== JSON.stringify(calibration)) {
      console.error('rules/intents/calibration.json is stale: run npx tsx scripts/intent-lab/calibrate.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(CALIBRATION_FILE, `${JSON.stringify(calibration, null, 2)}\n`);
    console.log(`wrote ${CALIBRATION_FILE}; run npm run gen`);
  }
}
