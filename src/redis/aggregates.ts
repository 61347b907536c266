import { CHECK_IDS, type CheckId } from '../qa/check-ids.js';
import { UNKNOWN_AGENT, type AgentAggregate, type CheckCounts, type QaAggregates } from '../qa/aggregate.js';
import type { ConversationResult } from '../qa/result.js';
import type { RedisCommands } from './connection.js';

/** Separates the parts of a hash field (agent, check, result); no id or name contains it. */
const SEP = '\u001f';

/**
 * The keys of a stream's results and aggregates. They share the stream name, so with a hash tag in
 * it (`{qa}:turns`) a Redis Cluster keeps them in one slot, as the finishing script needs.
 */
export function resultKeys(stream: string) {
  return {
    results: `${stream}:results`,
    done: `${stream}:results:done`,
    totals: `${stream}:agg:totals`,
    checks: `${stream}:agg:checks`,
    agents: `${stream}:agg:agents`,
    days: `${stream}:agg:days`,
    firstResponse: `${stream}:agg:first-response`,
  };
}

/**
 * Writes one conversation's result exactly once: when the conversation id is not yet in the done
 * hash, it is added with the id of the XADD to `<stream>:results`, and every aggregate counter is
 * incremented, all in one script (atomic). Returns 1 when written, 0 when it already was.
 * KEYS: done, results, totals, checks, agents, days, firstResponse.
 * ARGV: conversationId, json, scoreTenths, fatal (0/1), day ('' for none), firstResponse ('' for
 * none), agent count n, n agents, then "check␟result" per check.
 */
export const FINISH_SCRIPT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], '') == 0 then return 0 end
local id = redis.call('XADD', KEYS[2], '*', 'json', ARGV[2])
redis.call('HSET', KEYS[1], ARGV[1], id)
local score = tonumber(ARGV[3])
local fatal = tonumber(ARGV[4])
local sep = '${SEP}'
redis.call('HINCRBY', KEYS[3], 'conversations', 1)
redis.call('HINCRBY', KEYS[3], 'scoreTenths', score)
redis.call('HINCRBY', KEYS[3], 'fatal', fatal)
local n = tonumber(ARGV[7])
for i = 8 + n, #ARGV do redis.call('HINCRBY', KEYS[4], ARGV[i], 1) end
for a = 8, 7 + n do
  local agent = ARGV[a]
  redis.call('HINCRBY', KEYS[5], agent .. sep .. 'conversations', 1)
  redis.call('HINCRBY', KEYS[5], agent .. sep .. 'scoreTenths', score)
  redis.call('HINCRBY', KEYS[5], agent .. sep .. 'fatal', fatal)
  for i = 8 + n, #ARGV do redis.call('HINCRBY', KEYS[5], agent .. sep .. ARGV[i], 1) end
  if ARGV[6] ~= '' then redis.call('HINCRBY', KEYS[7], agent .. sep .. ARGV[6], 1) end
end
if ARGV[5] ~= '' then
  redis.call('HINCRBY', KEYS[6], ARGV[5] .. sep .. 'conversations', 1)
  redis.call('HINCRBY', KEYS[6], ARGV[5] .. sep .. 'scoreTenths', score)
  redis.call('HINCRBY', KEYS[6], ARGV[5] .. sep .. 'fatal', fatal)
end
return 1`;

/** The script's keys and arguments for one result. */
export function finishArguments(
  stream: string,
  result: ConversationResult,
): { keys: string[]; args: string[] } {
  const k = resultKeys(stream);
  const agents = result.agents.length === 0 ? [UNKNOWN_AGENT] : result.agents;
  return {
    keys: [k.done, k.results, k.totals, k.checks, k.agents, k.days, k.firstResponse],
    args: [
      result.conversationId,
      JSON.stringify(result),
      String(Math.round(result.score * 10)),
      result.fatal ? '1' : '0',
      result.day ?? '',
      result.metrics.firstResponseSeconds === null ? '' : String(result.metrics.firstResponseSeconds),
      String(agents.length),
      ...agents,
      ...result.checks.map((c) => `${c.id}${SEP}${c.result}`),
    ],
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
/** The batch average of scores given their sum in tenths (scores have one decimal). */
const averageOf = (scoreTenths: number, count: number) => round(scoreTenths / 10 / count);
const rate = (c: { pass: number; fail: number }) =>
  c.pass + c.fail === 0 ? null : Math.round((c.fail / (c.pass + c.fail)) * 1000) / 1000;

function pairs(reply: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (Array.isArray(reply))
    for (let i = 0; i + 1 < reply.length; i += 2) map.set(String(reply[i]), String(reply[i + 1]));
  else if (reply !== null && typeof reply === 'object')
    for (const [key, value] of Object.entries(reply)) map.set(key, String(value));
  return map;
}

function emptyCounts(): Record<CheckId, CheckCounts> {
  return Object.fromEntries(
    CHECK_IDS.map((id) => [id, { pass: 0, fail: 0, 'n/a': 0, failureRate: null }]),
  ) as Record<CheckId, CheckCounts>;
}

function median(histogram: Map<number, number>): number | null {
  const values = [...histogram].sort(([a], [b]) => a - b);
  const total = values.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const [value, count] of values) {
      seen += count;
      if (index < seen) return value;
    }
    return values[values.length - 1]![0];
  };
  const mid = total >> 1;
  return round(total % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2);
}

/**
 * The aggregates of a stream's results as kept in Redis, in the shape `aggregateResults()` gives
 * for the same results (per agent, per check, per day).
 */
export async function readStreamAggregates(client: RedisCommands, stream: string): Promise<QaAggregates> {
  const k = resultKeys(stream);
  const [totals, checks, agents, days, firstResponse] = (
    await Promise.all(
      [k.totals, k.checks, k.agents, k.days, k.firstResponse].map((key) =>
        client.sendCommand(['HGETALL', key]),
      ),
    )
  ).map(pairs) as [
    Map<string, string>,
    Map<string, string>,
    Map<string, string>,
    Map<string, string>,
    Map<string, string>,
  ];
  const num = (map: Map<string, string>, key: string) => Number(map.get(key) ?? 0);

  const byCheck = emptyCounts();
  for (const [field, value] of checks) {
    const [id, result] = field.split(SEP) as [CheckId, 'pass' | 'fail' | 'n/a'];
    if (byCheck[id] !== undefined) byCheck[id][result] = Number(value);
  }
  for (const id of CHECK_IDS) byCheck[id].failureRate = rate(byCheck[id]);

  const agentFields = new Map<string, Map<string, string>>();
  for (const [field, value] of agents) {
    const cut = field.indexOf(SEP);
    const agent = field.slice(0, cut);
    if (!agentFields.has(agent)) agentFields.set(agent, new Map());
    agentFields.get(agent)!.set(field.slice(cut + 1), value);
  }
  const histograms = new Map<string, Map<number, number>>();
  for (const [field, value] of firstResponse) {
    const cut = field.lastIndexOf(SEP);
    const agent = field.slice(0, cut);
    if (!histograms.has(agent)) histograms.set(agent, new Map());
    histograms.get(agent)!.set(Number(field.slice(cut + 1)), Number(value));
  }
  const byAgent: AgentAggregate[] = [...agentFields]
    .map(([agent, fields]) => {
      const conversations = num(fields, 'conversations');
      const failureRate = Object.fromEntries(
        CHECK_IDS.map((id) => [
          id,
          rate({ pass: num(fields, `${id}${SEP}pass`), fail: num(fields, `${id}${SEP}fail`) }),
        ]),
      ) as Record<CheckId, number | null>;
      return {
        agent,
        conversations,
        averageScore: averageOf(num(fields, 'scoreTenths'), conversations),
        fatalCount: num(fields, 'fatal'),
        failureRate,
        medianFirstResponseSeconds: median(histograms.get(agent) ?? new Map()),
      };
    })
    .sort((a, b) => a.averageScore - b.averageScore || a.agent.localeCompare(b.agent));

  const dayFields = new Map<string, Map<string, string>>();
  for (const [field, value] of days) {
    const [day, name] = field.split(SEP) as [string, string];
    if (!dayFields.has(day)) dayFields.set(day, new Map());
    dayFields.get(day)!.set(name, value);
  }
  const conversations = num(totals, 'conversations');
  return {
    conversations,
    averageScore: conversations === 0 ? null : averageOf(num(totals, 'scoreTenths'), conversations),
    fatalCount: num(totals, 'fatal'),
    byAgent,
    byCheck,
    byDay: [...dayFields]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, fields]) => ({
        day,
        conversations: num(fields, 'conversations'),
        averageScore: averageOf(num(fields, 'scoreTenths'), num(fields, 'conversations')),
        fatalCount: num(fields, 'fatal'),
      })),
  };
}

/** Every result written to `<stream>:results`, parsed (oldest first). */
export async function readStreamResults(
  client: RedisCommands,
  stream: string,
): Promise<ConversationResult[]> {
  const results: ConversationResult[] = [];
  let start = '-';
  for (;;) {
    const page = (await client.sendCommand([
      'XRANGE',
      resultKeys(stream).results,
      start,
      '+',
      'COUNT',
      '1000',
    ])) as Array<[string, string[]]>;
    for (const [, fields] of page)
      results.push(JSON.parse(fields[fields.indexOf('json') + 1]!) as ConversationResult);
    if (page.length < 1000) return results;
    start = `(${page[page.length - 1]![0]}`;
  }
}
