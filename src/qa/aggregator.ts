import { CHECK_IDS, type CheckId } from './check-ids.js';
import type { CheckResultValue, ConversationResult } from './result.js';

/**
 * What the aggregates need of one conversation result: far smaller than the result, so a run over
 * millions of conversations keeps these counters and never the results (and worker threads send
 * these instead of whole results).
 */
export interface ResultSummary {
  agents: string[];
  score: number;
  fatal: boolean;
  /** Each check's result, in CHECK_IDS order. */
  results: CheckResultValue[];
  firstResponseSeconds: number | null;
  day: string | null;
}

export function summarizeResult(result: ConversationResult): ResultSummary {
  const byId = new Map(result.checks.map((check) => [check.id, check.result]));
  return {
    agents: result.agents,
    score: result.score,
    fatal: result.fatal,
    results: CHECK_IDS.map((id) => byId.get(id) ?? 'n/a'),
    firstResponseSeconds: result.metrics.firstResponseSeconds,
    day: result.day,
  };
}

/** Running counts of a group of conversations (all, one agent, one day). */
interface Tally {
  conversations: number;
  scoreSum: number;
  fatalCount: number;
  /** pass/fail/n/a per check, in CHECK_IDS order. */
  checks: Array<Record<CheckResultValue, number>>;
  firstResponses: number[];
}

const newTally = (): Tally => ({
  conversations: 0,
  scoreSum: 0,
  fatalCount: 0,
  checks: CHECK_IDS.map(() => ({ pass: 0, fail: 0, 'n/a': 0 })),
  firstResponses: [],
});

function addTo(tally: Tally, summary: ResultSummary, keepFirstResponse: boolean): void {
  tally.conversations += 1;
  tally.scoreSum += summary.score;
  if (summary.fatal) tally.fatalCount += 1;
  summary.results.forEach((result, i) => (tally.checks[i]![result] += 1));
  if (keepFirstResponse && summary.firstResponseSeconds !== null)
    tally.firstResponses.push(summary.firstResponseSeconds);
}

export const round1 = (value: number) => Math.round(value * 10) / 10;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return round1(sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

const failureRate = (c: Record<CheckResultValue, number>) =>
  c.pass + c.fail === 0 ? null : Math.round((c.fail / (c.pass + c.fail)) * 1000) / 1000;

/** The aggregates' shapes (see aggregate.ts). */
export interface CheckCountsOut {
  pass: number;
  fail: number;
  'n/a': number;
  failureRate: number | null;
}

/**
 * Aggregates folded one conversation at a time: per agent (a conversation counts for every agent
 * who wrote in it; `unknownAgent` when none), per check and per day. Memory: counters per agent
 * and per day, plus each agent's first-response times for the median (numbers, not results).
 * Adding the same summaries in the same order gives the same figures to the last bit.
 */
export class QaAggregator {
  private readonly all = newTally();
  private readonly byAgent = new Map<string, Tally>();
  private readonly byDay = new Map<string, Tally>();

  constructor(private readonly unknownAgent: string) {}

  add(summary: ResultSummary): void {
    addTo(this.all, summary, false);
    for (const agent of summary.agents.length === 0 ? [this.unknownAgent] : summary.agents) {
      let tally = this.byAgent.get(agent);
      if (tally === undefined) this.byAgent.set(agent, (tally = newTally()));
      addTo(tally, summary, true);
    }
    if (summary.day !== null) {
      let tally = this.byDay.get(summary.day);
      if (tally === undefined) this.byDay.set(summary.day, (tally = newTally()));
      addTo(tally, summary, false);
    }
  }

  result() {
    const counts = (tally: Tally) =>
      Object.fromEntries(
        CHECK_IDS.map((id, i) => {
          const c = tally.checks[i]!;
          return [id, { pass: c.pass, fail: c.fail, 'n/a': c['n/a'], failureRate: failureRate(c) }];
        }),
      ) as Record<CheckId, CheckCountsOut>;
    const all = this.all;
    return {
      conversations: all.conversations,
      averageScore: all.conversations === 0 ? null : round1(all.scoreSum / all.conversations),
      fatalCount: all.fatalCount,
      byAgent: [...this.byAgent]
        .map(([agent, tally]) => ({
          agent,
          conversations: tally.conversations,
          averageScore: round1(tally.scoreSum / tally.conversations),
          fatalCount: tally.fatalCount,
          failureRate: Object.fromEntries(
            CHECK_IDS.map((id, i) => [id, failureRate(tally.checks[i]!)]),
          ) as Record<CheckId, number | null>,
          medianFirstResponseSeconds: median(tally.firstResponses),
        }))
        .sort((a, b) => a.averageScore - b.averageScore || a.agent.localeCompare(b.agent)),
      byCheck: counts(all),
      byDay: [...this.byDay]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, tally]) => ({
          day,
          conversations: tally.conversations,
          averageScore: round1(tally.scoreSum / tally.conversations),
          fatalCount: tally.fatalCount,
        })),
    };
  }
}
