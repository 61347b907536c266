/**
 * `huashu/qa`: conversation QA — group helpdesk-export turns into conversations, run the checks
 * (service levels from timestamps, greeting, apology, further help, satisfaction and the lint rules)
 * and score them with a scorecard; aggregates per agent, per check and per day.
 */
export {
  aggregateResults,
  CHECK_IDS,
  createQa,
  DEFAULT_SCORECARD,
  parseScorecard,
  scorecardJsonSchema,
} from '../qa/index.js';
export type {
  AgentAggregate,
  CheckCounts,
  CheckEvidence,
  CheckId,
  CheckOutcome,
  CheckResultValue,
  ConversationMetrics,
  ConversationResult,
  Qa,
  QaAggregates,
  QaConversation,
  QaOptions,
  QaTurn,
  ScoredCheck,
  Scorecard,
  ScorecardInput,
  TurnRecord,
} from '../qa/index.js';
