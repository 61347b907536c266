import { z } from 'zod';
import { parseOrThrow } from '../errors.js';
import { CHECK_IDS, type CheckId } from './check-ids.js';
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

const round = (value: number) => Math.round(value * 10) / 10;
const average = (values: readonly number[]) => round(values.reduce((a, b) => a + b, 0) / values.length);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return round(sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

function countChecks(results: readonly ConversationResult[]): Record<CheckId, CheckCounts> {
  const counts = Object.fromEntries(
    CHECK_IDS.map((id) => [id, { pass: 0, fail: 0, 'n/a': 0, failureRate: null }]),
  ) as Record<CheckId, CheckCounts>;
  for (const result of results) for (const check of result.checks) counts[check.id][check.result] += 1;
  for (const id of CHECK_IDS) {
    const c = counts[id];
    c.failureRate = c.pass + c.fail === 0 ? null : Math.round((c.fail / (c.pass + c.fail)) * 1000) / 1000;
  }
  return counts;
}

const resultsSchema = z.array(
  z.looseObject({
    conversationId: z.string(),
    agents: z.array(z.string()),
    score: z.number().min(0).max(100),
    fatal: z.boolean(),
    checks: z.array(z.looseObject({ id: z.enum(CHECK_IDS), result: z.enum(['pass', 'fail', 'n/a']) })),
    metrics: z.looseObject({ firstResponseSeconds: z.number().nullable() }),
    day: z.string().nullable(),
  }),
);

/**
 * Figures over conversation results: per agent (a conversation counts for every agent who wrote in
 * it), per check and per day (the day of the conversation's first turn). Throws `INVALID_INPUT`
 * when given something other than results of `qa.check()`.
 */
export function aggregateResults(results: readonly ConversationResult[]): QaAggregates {
  parseOrThrow(resultsSchema, results, 'INVALID_INPUT', 'aggregateResults(results)');
  const byAgent = new Map<string, ConversationResult[]>();
  const byDay = new Map<string, ConversationResult[]>();
  for (const result of results) {
    for (const agent of result.agents.length === 0 ? [UNKNOWN_AGENT] : result.agents)
      byAgent.set(agent, [...(byAgent.get(agent) ?? []), result]);
    if (result.day !== null) byDay.set(result.day, [...(byDay.get(result.day) ?? []), result]);
  }
  return {
    conversations: results.length,
    averageScore: results.length === 0 ? null : average(results.map((r) => r.score)),
    fatalCount: results.filter((r) => r.fatal).length,
    byAgent: [...byAgent]
      .map(([agent, own]) => {
        const counts = countChecks(own);
        return {
          agent,
          conversations: own.length,
          averageScore: average(own.map((r) => r.score)),
          fatalCount: own.filter((r) => r.fatal).length,
          failureRate: Object.fromEntries(CHECK_IDS.map((id) => [id, counts[id].failureRate])) as Record<
            CheckId,
            number | null
          >,
          medianFirstResponseSeconds: median(
            own.flatMap((r) =>
              r.metrics.firstResponseSeconds === null ? [] : [r.metrics.firstResponseSeconds],
            ),
          ),
        };
      })
      .sort((a, b) => a.averageScore - b.averageScore || a.agent.localeCompare(b.agent)),
    byCheck: countChecks(results),
    byDay: [...byDay]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, own]) => ({
        day,
        conversations: own.length,
        averageScore: average(own.map((r) => r.score)),
        fatalCount: own.filter((r) => r.fatal).length,
      })),
  };
}
