import type { FeatureBuffer } from './features.js';
import { REQUEST_PRECEDENCE } from './ids.js';
import { ACK_DATA_ANSWER, ACK_DATA_WITH_WORDS } from './conversation-context.js';
import { winnerProbability } from './score-math.js';

/** A clause's winner is a secondary request when its clause confidence reaches this. */
const SECONDARY_CONFIDENCE = 0.6;
/** Between clauses of equal rank, the first one wins unless a later one is surer by more than this. */
const CLAUSE_TIE = 0.02;
/** A pattern-backed clause this sure replaces a whole-message winner no pattern supports. */
export const CLAUSE_OVERRIDE = 0.8;

/** A request one clause makes, as sure as its clause says. */
export interface SecondaryRequest {
  intent: number;
  confidence: number;
}

/** What the clauses decided. */
export interface ClauseReading {
  /** The primary intent: the whole message's winner, or a clause's that took over. */
  primary: number;
  /** The primary's confidence from its clause (promoted, or agreeing), else -1 (the message's own). */
  promotedConfidence: number;
  /** Each clause's confident winner that may be a secondary request, in clause order. */
  secondaries: SecondaryRequest[];
}

/** The message's scores as step 5 reads them (rows of `intentCount`; see classifier.ts). */
export interface ClauseScores {
  intentCount: number;
  /** Per clause: the clause's log-odds. */
  segmentScores: Float64Array;
  /** Per clause: 1 where a pattern of the intent fired in the clause. */
  segmentPatterns: Uint8Array;
  /** The whole message's confidences. */
  confidences: Float64Array;
  /** 1 where a pattern of the intent fired anywhere in the message. */
  patternBacked: Uint8Array;
  /** Per intent (ids.ts `intentPrecedence`). */
  precedence: Uint8Array;
  /** Per intent: 1 when it is never a secondary request. */
  neverSecondary: Uint8Array;
  other: number;
}

/**
 * Step 5 of classifying a message of several clauses. A clause's confident winner of higher
 * precedence (see ids.ts) becomes primary when it is a request that asks (a pattern of its intent
 * fired in the clause, or the clause is a question) or a social act ("好的 谢谢" → thanks); a
 * pattern-backed request clause also replaces a whole-message guess that no pattern supports.
 * Other clause winners are secondary requests. `contextWeight` is the context vote's weight (data
 * given on request stays an acknowledgement).
 */
export function readClauses(
  scores: ClauseScores,
  features: FeatureBuffer,
  text: string,
  asides: readonly string[],
  primary: number,
  contextWeight: number,
): ClauseReading {
  const {
    intentCount,
    segmentScores,
    segmentPatterns,
    confidences,
    patternBacked,
    precedence,
    neverSecondary,
  } = scores;
  const secondaries: SecondaryRequest[] = [];
  let best: { intent: number; confidence: number; rank: number } | undefined;
  let firstRequest = -1;
  let asideIntent = -1;
  for (let s = 0; s < features.segmentCount; s++) {
    const row = s * intentCount;
    let winner = -1;
    let winnerScore = -Infinity;
    for (let i = 0; i < intentCount; i++) {
      const v = segmentScores[row + i] ?? -Infinity;
      if (v > winnerScore) {
        winner = i;
        winnerScore = v;
      }
    }
    const confidence = winnerProbability(segmentScores, row, intentCount, winnerScore);
    if (winner < 0 || confidence < SECONDARY_CONFIDENCE) continue;
    if (neverSecondary[winner] === 0) {
      const existing = secondaries.find((x) => x.intent === winner);
      if (existing) existing.confidence = Math.max(existing.confidence, confidence);
      else secondaries.push({ intent: winner, confidence });
    }
    const rank = precedence[winner] ?? REQUEST_PRECEDENCE;
    // Only a clause that says it (a pattern of its intent fired there, or it asks) takes over.
    const asks = segmentPatterns[row + winner] === 1 || features.questions[s] === 1;
    if (!asks) continue;
    // "顺便开个发票", "另外…", "also…": a request added by the way is not the main one.
    if (startsWithAside(text, features.segmentStarts[s] ?? 0, asides)) {
      if (asideIntent < 0) asideIntent = winner;
    } else if (firstRequest < 0 && rank === REQUEST_PRECEDENCE) firstRequest = winner;
    // Clauses are visited in order: a later one must be clearly surer to win a tie of rank.
    if (
      best === undefined ||
      rank > best.rank ||
      (rank === best.rank && confidence > best.confidence + CLAUSE_TIE)
    )
      best = { intent: winner, confidence, rank };
  }
  const primaryRank = precedence[primary] ?? REQUEST_PRECEDENCE;
  // Data given on request ("[数字x] 谢谢", "[数字x] 提现[数字x]") stays an acknowledgement.
  if (
    best !== undefined &&
    (contextWeight >= ACK_DATA_WITH_WORDS ||
      (contextWeight >= ACK_DATA_ANSWER && best.rank !== REQUEST_PRECEDENCE))
  )
    best = undefined;
  // A message confidently out of scope as a whole stays so, whatever one clause suggests.
  if (primary === scores.other && (confidences[primary] ?? 0) >= CLAUSE_OVERRIDE) best = undefined;
  let promotedConfidence = -1;
  if (
    best !== undefined &&
    best.intent !== primary &&
    (best.rank > primaryRank ||
      (best.rank === primaryRank &&
        firstRequest >= 0 &&
        firstRequest === best.intent &&
        asideIntent === primary) ||
      (best.rank === REQUEST_PRECEDENCE &&
        patternBacked[primary] === 0 &&
        patternBacked[best.intent] === 1 &&
        best.confidence >= CLAUSE_OVERRIDE))
  ) {
    primary = best.intent;
    promotedConfidence = best.confidence;
  } else if (best !== undefined && best.intent === primary) {
    // The clauses agree with the whole message: two requests side by side are not ambiguity.
    promotedConfidence = Math.max(confidences[primary] ?? 0, best.confidence);
  }
  return { primary, promotedConfidence, secondaries };
}

function startsWithAside(text: string, at: number, asides: readonly string[]): boolean {
  for (const marker of asides) if (text.startsWith(marker, at)) return true;
  return false;
}
