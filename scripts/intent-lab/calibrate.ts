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
  fitPlattWithShifts,
  type ConfidenceSample,
} from './calibration.js';

export const CALIBRATION_DIR = join(import.meta.dirname, '..', '..', 'rules', 'intents', 'calibration');
export const CALIBRATION_FILE = join(import.meta.dirname, '..', '..', 'rules', 'intents', 'calibration.json');

/** A calibration row's answer, with the conversation it belongs to and the weight it fits with. */
export type CalibrationSample = ConfidenceSample & { intent: string; conversation: string; opening: boolean };

/**
 * The uncalibrated answers of the built-in classifier on the calibration rows, and their hash.
 *
 * Weights keep the mix of real chats. Conversations of several rows are chats as they run; the
 * first row of each is its opening. A conversation of one row is an opening sampled apart (the `.d`
 * files: many first messages, more evidence where the out-of-scope answer is decided). Every
 * opening, of either kind, is weighted so that openings keep the share they have in the chats,
 * so that adding openings narrows the fit without tilting it towards openings.
 */
export function calibrationSamples(): {
  samples: CalibrationSample[];
  sha256: string;
  files: string[];
} {
  const classifier = createIntentClassifier({}, { calibrated: false });
  const hash = createHash('sha256');
  const files = readdirSync(CALIBRATION_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const samples: CalibrationSample[] = [];
  for (const file of files) {
    const text = readFileSync(join(CALIBRATION_DIR, file), 'utf8');
    const conversations = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `${file}/${(JSON.parse(line) as { conversation: string }).conversation}`);
    const rows = parseEvaluationRows(text, file);
    if (rows.length !== conversations.length)
      throw new Error(`${file}: ${rows.length} rows but ${conversations.length} lines`);
    rows.forEach((row, i) => {
      const result = classifier.classifyMessage(
        readMessage(
          row.text,
          row.previousAgentMessage === null ? undefined : { previousAgentMessage: row.previousAgentMessage },
        ),
      );
      const conversation = conversations[i]!;
      samples.push({
        intent: result.intent.id,
        conversation,
        opening: i === 0 || conversations[i - 1] !== conversation,
        afterAgentTurn: followsUpAgentTurn(result.previousAgentTurn),
        long: result.longMessage,
        confidence: result.intent.confidence,
        correct: row.accept.includes(result.intent.id),
      });
      hash.update(JSON.stringify([row.text, row.previousAgentMessage, row.accept, result.intent]));
    });
  }
  weighOpenings(samples);
  return { samples, sha256: hash.digest('hex'), files };
}

/** Sets each opening's weight so that openings weigh in as they occur in the multi-row chats. */
function weighOpenings(samples: CalibrationSample[]): void {
  const size = new Map<string, number>();
  for (const s of samples) size.set(s.conversation, (size.get(s.conversation) ?? 0) + 1);
  const inChats = samples.filter((s) => (size.get(s.conversation) ?? 0) > 1);
  const share = inChats.filter((s) => s.opening).length / Math.max(1, inChats.length);
  const openings = samples.filter((s) => s.opening).length;
  const rest = samples.length - openings;
  if (openings === 0 || rest === 0 || share <= 0 || share >= 1) return;
  // openings · w / (openings · w + rest) = share
  const weight = (share * rest) / ((1 - share) * openings);
  for (const s of samples) if (s.opening) s.weight = weight;
}

/**
 * The calibration fitted on the current classifier and calibration rows: one Platt map per group
 * of predicted intent, with a shift after an agent turn (chosen by grouped 5-fold CV on these rows,
 * folds by conversation) and one for long messages (CV on these rows, which hold few long messages,
 * cannot tell; kept for the held-out sets: see rules/intents/calibration/README.md).
 */
export function fitCalibration(): {
  calibration: ConfidenceCalibration;
  samples: CalibrationSample[];
  files: string[];
} {
  const { samples, sha256, files } = calibrationSamples();
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const fitted = (group: string) => {
    const fit = fitPlattWithShifts(samples.filter((s) => calibrationGroup(s.intent) === group));
    return {
      slope: round(fit.slope),
      agentTurn: round(fit.agentTurn),
      long: round(fit.long),
      intercept: round(fit.intercept),
    };
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
      s.long,
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
