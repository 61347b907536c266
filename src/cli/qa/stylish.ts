import { UNKNOWN_AGENT, type QaAggregates } from '../../qa/aggregate.js';
import { CHECK_IDS, type CheckId } from '../../qa/check-ids.js';
import type { ConversationResult } from '../../qa/result.js';
import { displayWidth, padDisplay, printable } from '../formatters/text.js';
import { REPORT_LABELS, type ReportLocale } from './report-labels.js';

const pct = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
/** Padded to `width` terminal columns: a Chinese name takes two per character. */
const pad = (text: string, width: number) => padDisplay(text, width, 'end');

/** The summary's own words, per report locale (check names and the rest come from REPORT_LABELS). */
interface StylishWords {
  headline(conversations: number, average: string, fatal: number): string;
  checks: string;
  counts(fail: number, pass: number, notApplicable: number): string;
  agents: string;
  agentColumns: readonly [string, string, string, string, string, string];
  days: string;
  day(conversations: number, average: string, fatal: number): string;
  worst(shown: number, total: number): string;
  score(score: number): string;
  fatal: string;
  turn(n: number): string;
  /** How a check is named: its id in English (as scorecards write it), its name in Chinese. */
  checkName(id: CheckId): string;
  /** Columns of the check-name column. */
  checkColumn: number;
}

const EN: StylishWords = {
  headline: (n, average, fatal) =>
    `${n} conversations · average score ${average} · ${fatal} with a fatal item`,
  checks: 'Checks (failure rate where the check applies)',
  counts: (fail, pass, na) => `fail ${fail}  pass ${pass}  n/a ${na}`,
  agents: 'Agents (lowest average first)',
  agentColumns: ['agent', 'conv.', 'score', 'fatal', '1st resp.', 'most failed'],
  days: 'Days',
  day: (n, average, fatal) => `${pad(`${n} conv.`, 10)} average ${pad(average, 6)} fatal ${fatal}`,
  worst: (shown, total) => `Lowest scores (${shown} of ${total})`,
  score: (score) => `score ${score}`,
  fatal: 'FATAL',
  turn: (n) => `turn ${n}: `,
  checkName: (id) => id,
  checkColumn: 22,
};

function chinese(locale: 'zh-Hans' | 'zh-Hant'): StylishWords {
  const labels = REPORT_LABELS[locale];
  const hans = locale === 'zh-Hans';
  return {
    headline: (n, average, fatal) =>
      hans
        ? `共 ${n} 个会话 · 平均分 ${average} · ${fatal} 个含致命项`
        : `共 ${n} 個會話 · 平均分 ${average} · ${fatal} 個含致命項`,
    checks: hans ? '检查项（适用的会话中不合格的比例）' : '檢查項（適用的會話中不合格的比例）',
    counts: (fail, pass, na) =>
      `${labels.fail} ${fail}  ${labels.pass} ${pass}  ${labels.notApplicable} ${na}`,
    agents: hans ? '客服（平均分从低到高）' : '客服（平均分從低到高）',
    agentColumns: hans
      ? ['客服', '会话', '平均分', '致命', '首次响应', '不合格最多']
      : ['客服', '會話', '平均分', '致命', '首次回應', '不合格最多'],
    days: '每日',
    day: (n, average, fatal) =>
      `${pad(hans ? `${n} 个会话` : `${n} 個會話`, 12)} 平均分 ${pad(average, 6)} 致命 ${fatal}`,
    worst: (shown, total) => `${labels.worst}（${shown} / ${total}）`,
    score: (score) => `${labels.score} ${score}`,
    fatal: '致命',
    turn: (n) => `${labels.turn(n)}：`,
    checkName: (id) => labels.checkNames[id],
    checkColumn: Math.max(...CHECK_IDS.map((id) => displayWidth(labels.checkNames[id]))) + 2,
  };
}

const WORDS: Record<ReportLocale, StylishWords> = {
  en: EN,
  'zh-Hans': chinese('zh-Hans'),
  'zh-Hant': chinese('zh-Hant'),
};

/**
 * A summary for a team lead: totals, the checks that fail most, the agents, the days and the worst
 * conversations, in the report locale (the evidence messages are written in it by `createQa`).
 */
export function formatStylish(
  results: readonly ConversationResult[],
  aggregates: QaAggregates,
  worst = 10,
  locale: ReportLocale = 'en',
): string {
  const w = WORDS[locale];
  const agentName = (agent: string) => (agent === UNKNOWN_AGENT ? REPORT_LABELS[locale].unknownAgent : agent);
  const nameWidth = w.checkColumn;
  const lines: string[] = [];
  lines.push(
    w.headline(aggregates.conversations, String(aggregates.averageScore ?? '–'), aggregates.fatalCount),
    '',
    w.checks,
  );
  for (const id of CHECK_IDS) {
    const c = aggregates.byCheck[id];
    lines.push(
      `  ${pad(w.checkName(id), nameWidth)} ${pad(pct(c.failureRate), 5)} ${w.counts(c.fail, c.pass, c['n/a'])}`,
    );
  }
  lines.push('', w.agents);
  const [agent, conversations, score, fatal, firstResponse, mostFailed] = w.agentColumns;
  lines.push(
    `  ${pad(agent, 14)} ${pad(conversations, 6)} ${pad(score, 6)} ${pad(fatal, 6)} ${pad(firstResponse, 10)} ${mostFailed}`,
  );
  for (const row of aggregates.byAgent) {
    const failed = CHECK_IDS.filter((id) => (row.failureRate[id] ?? 0) > 0)
      .sort((a, b) => row.failureRate[b]! - row.failureRate[a]!)
      .slice(0, 3)
      .map((id) => `${w.checkName(id)} ${pct(row.failureRate[id]!)}`);
    const median =
      row.medianFirstResponseSeconds === null
        ? '–'
        : `${row.medianFirstResponseSeconds} ${REPORT_LABELS[locale].secondsUnit}`;
    lines.push(
      `  ${pad(printable(agentName(row.agent)), 14)} ${pad(String(row.conversations), 6)} ${pad(String(row.averageScore), 6)} ${pad(String(row.fatalCount), 6)} ${pad(median, 10)} ${failed.join(', ') || '–'}`,
    );
  }
  if (aggregates.byDay.length > 0) {
    lines.push('', w.days);
    for (const day of aggregates.byDay)
      lines.push(`  ${day.day}  ${w.day(day.conversations, String(day.averageScore), day.fatalCount)}`);
  }
  const sorted = [...results].sort(
    (a, b) => a.score - b.score || a.conversationId.localeCompare(b.conversationId),
  );
  const shown = sorted.filter((r) => r.score < 100).slice(0, worst);
  if (shown.length > 0) {
    lines.push('', w.worst(shown.length, results.length));
    for (const result of shown) {
      const who = result.agents.length === 0 ? '' : ` (${result.agents.join(', ')})`;
      lines.push(
        `  ${printable(result.conversationId)}${printable(who)}  ${w.score(result.score)}${result.fatal ? `  ${w.fatal}` : ''}`,
      );
      for (const check of result.checks.filter((c) => c.result === 'fail')) {
        const first = check.evidence[0];
        const turn = first?.turn === undefined ? '' : w.turn(first.turn + 1);
        lines.push(
          `    ✗ ${pad(w.checkName(check.id), nameWidth)} ${printable(turn + (first?.message ?? ''))}`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
