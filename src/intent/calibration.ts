import * as z from 'zod/mini';

/**
 * How the built-in classifier's confidences are mapped to probabilities of being right: Platt
 * scaling, p' = σ(slope · logit(p) + intercept + agentTurn when the message follows an agent turn),
 * one map per group of predicted intent, fitted by
 * scripts/intent-lab/calibrate.ts on the held-back calibration conversations of
 * rules/intents/calibration/ (never on the evaluation data). Groups, because the raw confidence
 * means different things: an `other` given when no intent stands out is far less often right than
 * its score says, a short answer read as `ack` more often. Each map is increasing, so within a
 * group no order changes.
 */
const plattSchema = z.strictObject({
  slope: z.number().check(z.positive(), z.lte(100)),
  /** Added for a message that follows an agent turn (a short answer or a follow-up reads differently). */
  agentTurn: z.number().check(z.gte(-50), z.lte(50)),
  /**
   * Added for a long message (more than LONG_MESSAGE_UNITS content units): a story around the
   * request, where the raw score is surer than the answers are right.
   */
  long: z.number().check(z.gte(-50), z.lte(50)),
  intercept: z.number().check(z.gte(-50), z.lte(50)),
});

export const CALIBRATION_GROUPS = ['other', 'ack', 'request'] as const;
export type CalibrationGroup = (typeof CALIBRATION_GROUPS)[number];

export const confidenceCalibrationSchema = z.strictObject({
  method: z.literal('platt-by-group'),
  groups: z.strictObject({ other: plattSchema, ack: plattSchema, request: plattSchema }),
  /** What it was fitted on: the number of rows and a hash of the rows and of the classifier's raw answers. */
  fittedOn: z.strictObject({
    rows: z.int().check(z.positive()),
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/u)),
  }),
});

export type ConfidenceCalibration = z.infer<typeof confidenceCalibrationSchema>;
export type PlattMap = z.infer<typeof plattSchema>;

/** The group whose map calibrates the confidence of `intent`: every intent but other and ack is a request. */
export function calibrationGroup(intent: string): CalibrationGroup {
  return intent === 'other' || intent === 'ack' ? intent : 'request';
}

/**
 * A message of more than this many content units (Han characters, words other than stop words,
 * emoji and placeholders, as the classifier's features count them) is long for the calibration:
 * one real message in five is, and those were right less often than their confidence said.
 */
export const LONG_MESSAGE_UNITS = 25;

/** Confidences are kept this far from 0 and 1 before the logit (1 would be infinitely sure). */
const EDGE = 1e-4;

/** The calibrated confidence of a raw one (0–1). */
export function calibrateConfidence(
  confidence: number,
  map: Pick<PlattMap, 'slope' | 'intercept'> & Partial<Pick<PlattMap, 'agentTurn' | 'long'>>,
  afterAgentTurn = false,
  long = false,
): number {
  const p = Math.min(1 - EDGE, Math.max(EDGE, confidence));
  const logit = Math.log(p / (1 - p));
  const shift = (afterAgentTurn ? (map.agentTurn ?? 0) : 0) + (long ? (map.long ?? 0) : 0);
  return 1 / (1 + Math.exp(-(map.slope * logit + map.intercept + shift)));
}
