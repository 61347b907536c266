import type { QaAggregates } from '../../qa/aggregate.js';
import { CHECK_IDS } from '../../qa/check-ids.js';
import type { ConversationResult } from '../../qa/result.js';
import { printable } from '../formatters/text.js';

const pct = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));

/** A summary for a team lead: totals, the checks that fail most, the agents, the days and the worst conversations. */
export function formatStylish(
  results: readonly ConversationResult[],
  aggregates: QaAggregates,
  worst = 10,
): string {
  const lines: string[] = [];
  lines.push(
    `${aggregates.conversations} conversations · average score ${aggregates.averageScore ?? '–'} · ${aggregates.fatalCount} with a fatal item`,
    '',
    'Checks (failure rate where the check applies)',
  );
  for (const id of CHECK_IDS) {
    const c = aggregates.byCheck[id];
    lines.push(
      `  ${pad(id, 22)} ${pad(pct(c.failureRate), 5)} fail ${c.fail}  pass ${c.pass}  n/a ${c['n/a']}`,
    );
  }
  lines.push('', 'Agents (lowest average first)');
  lines.push(
    `  ${pad('agent', 14)} ${pad('conv.', 6)} ${pad('score', 6)} ${pad('fatal', 6)} ${pad('1st resp.', 10)} most failed`,
  );
  for (const agent of aggregates.byAgent) {
    const failed = CHECK_IDS.filter((id) => (agent.failureRate[id] ?? 0) > 0)
      .sort((a, b) => agent.failureRate[b]! - agent.failureRate[a]!)
      .slice(0, 3)
      .map((id) => `${id} ${pct(agent.failureRate[id]!)}`);
    const median = agent.medianFirstResponseSeconds === null ? '–' : `${agent.medianFirstResponseSeconds} s`;
    lines.push(
      `  ${pad(printable(agent.agent), 14)} ${pad(String(agent.conversations), 6)} ${pad(String(agent.averageScore), 6)} ${pad(String(agent.fatalCount), 6)} ${pad(median, 10)} ${failed.join(', ') || '–'}`,
    );
  }
  if (aggregates.byDay.length > 0) {
    lines.push('', 'Days');
    for (const day of aggregates.byDay)
      lines.push(
        `  ${day.day}  ${pad(`${day.conversations} conv.`, 10)} average ${pad(String(day.averageScore), 6)} fatal ${day.fatalCount}`,
      );
  }
  const sorted = [...results].sort(
    (a, b) => a.score - b.score || a.conversationId.localeCompare(b.conversationId),
  );
  const shown = sorted.filter((r) => r.score < 100).slice(0, worst);
  if (shown.length > 0) {
    lines.push('', `Lowest scores (${shown.length} of ${results.length})`);
    for (const result of shown) {
      const who = result.agents.length === 0 ? '' : ` (${result.agents.join(', ')})`;
      lines.push(
        `  ${printable(result.conversationId)}${printable(who)}  score ${result.score}${result.fatal ? '  FATAL' : ''}`,
      );
      for (const check of result.checks.filter((c) => c.result === 'fail')) {
        const first = check.evidence[0];
        const turn = first?.turn === undefined ? '' : `turn ${first.turn + 1}: `;
        lines.push(`    ✗ ${pad(check.id, 22)} ${printable(turn + (first?.message ?? ''))}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
