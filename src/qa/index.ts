export { createQa } from './create.js';
export type { Qa } from './create.js';
export { CHECK_IDS } from './check-ids.js';
export type { CheckId } from './check-ids.js';
export { qaOptionsSchema } from './options.js';
export type { QaOptions } from './options.js';
export { turnRecordSchema } from './turn-record.js';
export type { TurnRecord } from './turn-record.js';
export { mapRole } from './roles.js';
export type { QaRole } from './roles.js';
export {
  DEFAULT_SCORECARD,
  parseScorecard,
  scorecardJsonSchema,
  scorecardSchema,
  scoreResults,
} from './scorecard.js';
export type { Scorecard, ScorecardInput } from './scorecard.js';
export { aggregateResults, UNKNOWN_AGENT } from './aggregate.js';
export type { AgentAggregate, CheckCounts, QaAggregates } from './aggregate.js';
export type { QaConversation, QaTurn } from './conversation.js';
export type {
  CheckEvidence,
  CheckOutcome,
  CheckResultValue,
  ConversationMetrics,
  ConversationResult,
  ScoredCheck,
} from './result.js';
