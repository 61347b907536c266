/**
 * Grouped cross-validation of calibration maps on the held-back calibration conversations
 * (rules/intents/calibration/*.jsonl; folds by conversation; rows weighted as calibrate.ts weighs
 * them), per group of predicted intent: which map predicts held-out rows best (log loss, ECE).
 * Measures only; calibrate.ts fits the map chosen.
 *
 *   npx tsx scripts/intent-lab/calibration-cv.ts
 */
import { CALIBRATION_GROUPS, calibrationGroup } from '../../src/intent/calibration.js';
import { calibrationSamples } from './calibrate.js';
import {
  AGENT_TURN_SHIFT_MAP,
  EDGE,
  SHIFTS_MAP,
  expectedCalibrationError,
  fitLogistic,
  predictLogistic,
  type ConfidenceSample,
  type LogisticMap,
} from './calibration.js';

// Weighted as calibrate.ts fits (openings keep their share of the chats).
const { samples } = calibrationSamples();
const openingWeight = samples.find((s) => s.opening)?.weight ?? 1;
console.log(`${samples.length} rows; each opening weighs ${openingWeight.toFixed(3)}`);

const at = (s: ConfidenceSample) => (s.afterAgentTurn === true ? 1 : 0);
const MAPS: Record<string, LogisticMap> = {
  'slope + agent-turn shift (shipped until 2026-12-07)': AGENT_TURN_SHIFT_MAP,
  'slope + agent-turn and long-message shifts (shipped)': SHIFTS_MAP,
  'slope and intercept per agent-turn state': {
    inputs: (s, l) => [l * (1 - at(s)), l * at(s), at(s)],
    start: [1, 1, 0, 0],
  },
};

/** Conversations hashed to five folds (stable, independent of the model). */
const fold = (conversation: string) => {
  let h = 2166136261;
  for (const ch of conversation) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % 5;
};

for (const group of CALIBRATION_GROUPS) {
  const inGroup = samples.filter((s) => calibrationGroup(s.intent) === group);
  console.log(
    `${group}: ${inGroup.length} rows (${inGroup.filter((s) => !s.afterAgentTurn).length} without an agent turn)`,
  );
  for (const [name, map] of Object.entries(MAPS)) {
    const held: ConfidenceSample[] = [];
    let loss = 0;
    let weight = 0;
    for (let k = 0; k < 5; k++) {
      const train = inGroup.filter((s) => fold(s.conversation) !== k);
      const w = fitLogistic(train, map.inputs, map.start);
      for (const s of inGroup.filter((x) => fold(x.conversation) === k)) {
        const p = predictLogistic(w, map, s);
        loss -= (s.weight ?? 1) * Math.log(Math.min(1 - EDGE, Math.max(EDGE, s.correct ? p : 1 - p)));
        weight += s.weight ?? 1;
        held.push({ ...s, confidence: p });
      }
    }
    const full = fitLogistic(inGroup, map.inputs, map.start).map((v) => Number(v.toFixed(3)));
    console.log(
      `  ${name}: CV log loss ${(loss / weight).toFixed(4)} (weighted), ECE ${expectedCalibrationError(held).toFixed(3)}; fit on all ${JSON.stringify(full)}`,
    );
  }
}
