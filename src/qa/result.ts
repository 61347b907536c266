import type { Range } from '../analysis/types.js';
import type { CheckId } from './check-ids.js';

export type CheckResultValue = 'pass' | 'fail' | 'n/a';

/** Why a check came out as it did: the turn (index in conversation order), where in it, and what. */
export interface CheckEvidence {
  turn?: number;
  /** `[start, end)` in the turn's text as written. */
  range?: Range;
  /**
   * What the check found: a check's own message written in the QA's locale (`createQa({ locale })`,
   * English by default), or a lint finding's message (in its own message locale).
   */
  message: string;
  /** The lint rule behind a lint-based check's evidence. */
  ruleId?: string;
  /**
   * The lint finding's severity: a warning is a finding the rule is less sure of (the tone score, a
   * phone number whose owner is unknown). A fatal check failed on warnings alone does not zero the score.
   */
  severity?: 'error' | 'warn';
}

export interface CheckOutcome {
  result: CheckResultValue;
  evidence: CheckEvidence[];
}

export interface ScoredCheck extends CheckOutcome {
  id: CheckId;
  /** Points lost (negative) or kept: the scorecard's points for a pass, 0 for n/a, 0 for a fail. */
  points: number;
}

export interface ConversationMetrics {
  /** Seconds from the first customer turn to the first agent turn after it; null when n/a or never answered. */
  firstResponseSeconds: number | null;
  /** The longest wait of an answered run of customer turns; null without times or answers. */
  maxResponseSeconds: number | null;
  /** Customer turns after the last agent turn (0 when the closing exemption applies). */
  unansweredCustomerTurns: number;
  customerTurns: number;
  agentTurns: number;
}

export interface ConversationResult {
  conversationId: string;
  /** The agents who wrote in the conversation, in order of first turn. */
  agents: string[];
  /** 0–100, rounded to one decimal. */
  score: number;
  /** A fatal check failed on a sure finding (the score is then 0; warnings alone are not fatal). */
  fatal: boolean;
  checks: ScoredCheck[];
  metrics: ConversationMetrics;
  /** `YYYY-MM-DD` of the first timed turn, for per-day figures; null without times. */
  day: string | null;
}
