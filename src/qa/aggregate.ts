import * as z from 'zod/mini';
import { parseOrThrow } from '../errors.js';
import { CHECK_IDS, type CheckId } from './check-ids.js';
import { QaAggregator, summarizeResult } from './aggregator.js';
import type { ConversationResult } from './result.js';

export interface CheckCounts {
  pass: number;
  fail: number;
  'n/a': number;
  /** fail / (pass + fail); null when the check never applied. */
  failureRate: number | null;
}

export interface AgentAggregate {
  agent: string;
  conversations: number;
  averageScore: number;
  fatalCount: number;
  failureRate: Record<CheckId, number | null>;
  medianFirstResponseSeconds: number | null;
}

export interface QaAggregates {
  conversations: number;
  averageScore: number | null;
  fatalCount: number;
  byAgent: AgentAggregate[];
  byCheck: Record<CheckId, CheckCounts>;
  byDay: Array<{ day: string; conversations: number; averageScore: number; fatalCount: number }>;
}

/** A conversation without an agent name is counted under this agent. */
export const UNKNOWN_AGENT = '(unknown)';

const resultsSchema = z.array(
  z.looseObject({
    conversationId: z.string(),
    agents: z.array(z.string()),
    score: z.number().check(z.gte(0), z.lte(100)),
    fatal: z.boolean(),
    checks: z.array(z.looseObject({ id: z.enum(CHECK_IDS), result: z.enum(['pass', 'fail', 'n/a']) })),
    metrics: z.looseObject({ firstResponseSeconds: z.nullable(z.number()) }),
    day: z.nullable(z.string()),
  }),
);

/**
 * Figures over conversation results: per agent (a conversation counts for every agent who wrote in
 * it), per check and per day (the day of the conversation's first turn). Throws `INVALID_INPUT`
 * when given something other than results of `qa.check()`.
 */
export function aggregateResults(results: readonly ConversationResult[]): QaAggregates {
  parseOrThrow(resultsSchema, results, 'INVALID_INPUT', 'aggregateResults(results)');
  const aggregator = new QaAggregator(UNKNOWN_AGENT);
  for (const result of results) aggregator.add(summarizeResult(result));
  return aggregator.result();
}
