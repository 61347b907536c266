import { createHash } from 'node:crypto';
import type { Range } from '../../analysis/types.js';
import { HuashuError } from '../../errors.js';
import {
  REPORT_CLIENT_JS,
  REPORT_CSS,
  UPLOT_CSS,
  UPLOT_JS,
  UPLOT_LICENSE,
  UPLOT_VERSION,
} from '../../generated/qa-report-assets.js';
import { VERSION } from '../../generated/version.js';
import { UNKNOWN_AGENT, type QaAggregates } from '../../qa/aggregate.js';
import { CHECK_IDS, type CheckId } from '../../qa/check-ids.js';
import type { QaConversation } from '../../qa/conversation.js';
import type { ConversationResult } from '../../qa/result.js';
import type { Scorecard } from '../../qa/scorecard.js';
import { checkDocsUrl } from './report-docs.js';
import { REPORT_LABELS, REPORT_LOCALES, type ReportLabels, type ReportLocale } from './report-labels.js';
import { maskPersonalData, personalDataOf } from './report-mask.js';

/** A line of the export that was not scored. */
export interface SkippedLine {
  source: string;
  line: number;
  message: string;
}

export interface HtmlReportInput {
  results: readonly ConversationResult[];
  /** `aggregateResults(results)`. */
  aggregates: QaAggregates;
  /** The conversations of the results (at least the `worst` lowest-scoring ones), for their turns. */
  conversations: Iterable<QaConversation>;
  scorecard: Scorecard;
  /** The labels' language (default en). */
  locale?: ReportLocale;
  /** How many of the lowest-scoring conversations to show with their turns (default 10). */
  worst?: number;
  /** What was read, as the user named it. */
  source?: string;
  /** Malformed lines skipped, and the first of them. */
  malformedLines?: number;
  malformedSamples?: readonly SkippedLine[];
  /** When the report was made (default now). */
  generatedAt?: Date;
}

/** Histogram bins of scores: [0, 10), [10, 20) … [90, 100]. */
export const SCORE_EDGES = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;
/** Histogram bins of response times in seconds; the last bin is open. */
export const RESPONSE_EDGES = [0, 10, 20, 30, 45, 60, 120, 300, 600] as const;

/** What the report's browser script draws (no customer text: that stays in escaped HTML). */
export interface ReportChartData {
  labels: {
    scoreAxis: string;
    conversations: string;
    failureRate: string;
    firstResponse: string;
    longestWait: string;
    seconds: string;
    averageScore: string;
    fatal: string;
    check: string;
    day: string;
    wait: string;
  };
  scores: { bins: string[]; counts: number[] };
  checks: { ids: CheckId[]; names: string[]; failureRatePercent: Array<number | null> };
  responses: { bins: string[]; first: number[]; longest: number[] };
  days: {
    days: string[];
    conversations: Array<number | null>;
    averageScore: Array<number | null>;
    fatalCount: Array<number | null>;
  };
}

const MAX_EVIDENCE_SHOWN = 5;
const MAX_REASONS_PER_CHECK = 5;
const MAX_FILLED_DAYS = 400;

/** `text` safe in HTML text and in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that cannot end the `<script>` element it is put in, nor start a comment or a tag there. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const percentText = (rate: number | null) => (rate === null ? '–' : `${percent(rate)}%`);
const numberText = (value: number | null) => (value === null ? '–' : String(value));

function binOf(edges: readonly number[], value: number, closedLast: boolean): number {
  for (let i = edges.length - 1; i >= 0; i--)
    if (value >= edges[i]!) return Math.min(i, closedLast ? edges.length - 2 : i);
  return 0;
}

function binLabels(edges: readonly number[], openLast: boolean, unit = ''): string[] {
  // Seconds from a minute on read as minutes (1–2 min, 2–5 min).
  const span = (a: number, b: number) =>
    unit === '' ? `${a}–${b}` : b > 60 && a >= 60 ? `${a / 60}–${b / 60} min` : `${a}–${b} ${unit}`;
  const labels: string[] = [];
  for (let i = 0; i < edges.length - 1; i++) labels.push(span(edges[i]!, edges[i + 1]!));
  const last = edges[edges.length - 1]!;
  if (openLast)
    labels.push(unit === '' ? `${last}+` : `> ${last >= 60 ? `${last / 60} min` : `${last} ${unit}`}`);
  return labels;
}

function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
}

/** The figures the charts draw, from the results and their aggregates. */
export function chartData(
  results: readonly ConversationResult[],
  aggregates: QaAggregates,
  labels: ReportLabels,
): ReportChartData {
  const scoreCounts = new Array<number>(SCORE_EDGES.length - 1).fill(0);
  const first = new Array<number>(RESPONSE_EDGES.length).fill(0);
  const longest = new Array<number>(RESPONSE_EDGES.length).fill(0);
  for (const result of results) {
    scoreCounts[binOf(SCORE_EDGES, result.score, true)]! += 1;
    const { firstResponseSeconds, maxResponseSeconds } = result.metrics;
    if (firstResponseSeconds !== null) first[binOf(RESPONSE_EDGES, firstResponseSeconds, false)]! += 1;
    if (maxResponseSeconds !== null) longest[binOf(RESPONSE_EDGES, maxResponseSeconds, false)]! += 1;
  }
  // Every day from the first to the last, so a day without conversations shows as a gap.
  const known = new Map(aggregates.byDay.map((d) => [d.day, d]));
  const days: string[] = [];
  if (aggregates.byDay.length > 0) {
    const firstDay = aggregates.byDay[0]!.day;
    const lastDay = aggregates.byDay[aggregates.byDay.length - 1]!.day;
    for (let day = firstDay, n = 0; day <= lastDay && n < MAX_FILLED_DAYS; day = addDays(day, 1), n++)
      days.push(day);
    if (days[days.length - 1] !== lastDay) days.splice(0, days.length, ...known.keys());
  }
  return {
    labels: {
      scoreAxis: labels.scoreAxis,
      conversations: labels.conversations,
      failureRate: labels.failureRate,
      firstResponse: labels.firstResponse,
      longestWait: labels.longestWait,
      seconds: labels.seconds,
      averageScore: labels.averageScore,
      fatal: labels.fatalConversations,
      check: labels.check,
      day: labels.day,
      wait: labels.wait,
    },
    scores: { bins: binLabels(SCORE_EDGES, false), counts: scoreCounts },
    checks: {
      ids: [...CHECK_IDS],
      names: CHECK_IDS.map((id) => labels.checkNames[id]),
      failureRatePercent: CHECK_IDS.map((id) => percent(aggregates.byCheck[id].failureRate)),
    },
    responses: { bins: binLabels(RESPONSE_EDGES, true, 's'), first, longest },
    days: {
      days,
      conversations: days.map((d) => known.get(d)?.conversations ?? null),
      averageScore: days.map((d) => known.get(d)?.averageScore ?? null),
      fatalCount: days.map((d) => known.get(d)?.fatalCount ?? null),
    },
  };
}

/** A table with a caption-less header row and rows of already-escaped cells. */
function figuresTable(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return `<table class="figures"><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function chartFigure(id: string, title: string, l: ReportLabels, table: string, note = ''): string {
  return `<figure class="chart-figure" id="fig-${id}"><figcaption><h2>${escapeHtml(title)}</h2>${note}</figcaption><div class="chart" id="chart-${id}" data-chart="${id}"></div><details><summary>${escapeHtml(l.data)}</summary>${table}</details></figure>`;
}

function agentsTable(aggregates: QaAggregates, l: ReportLabels): string {
  const head = [
    { label: l.agent, type: 'text' },
    { label: l.conversations, type: 'number' },
    { label: l.averageScore, type: 'number' },
    { label: l.fatal, type: 'number' },
    { label: l.medianFirstResponse, type: 'number' },
    ...CHECK_IDS.map((id) => ({ label: l.checkNames[id], type: 'number', title: `${l.failureRate}: ${id}` })),
  ];
  const th = head
    .map(
      (h, i) =>
        `<th scope="col" data-type="${h.type}"${i === 2 ? ' aria-sort="ascending"' : ''}><button type="button" data-column="${i}"${
          'title' in h ? ` title="${escapeHtml(h.title!)}"` : ''
        }>${escapeHtml(h.label)}</button></th>`,
    )
    .join('');
  const cell = (sort: number | string | null, text: string) =>
    `<td data-sort="${sort === null ? '' : escapeHtml(String(sort))}">${escapeHtml(text)}</td>`;
  const rows = aggregates.byAgent
    .map(
      (a) =>
        `<tr>${[
          `<th scope="row" data-sort="${escapeHtml(a.agent)}">${escapeHtml(a.agent === UNKNOWN_AGENT ? l.unknownAgent : a.agent)}</th>`,
          cell(a.conversations, String(a.conversations)),
          cell(a.averageScore, String(a.averageScore)),
          cell(a.fatalCount, String(a.fatalCount)),
          cell(a.medianFirstResponseSeconds, numberText(a.medianFirstResponseSeconds)),
          ...CHECK_IDS.map((id) => cell(a.failureRate[id], percentText(a.failureRate[id]))),
        ].join('')}</tr>`,
    )
    .join('');
  return `<div class="table-scroll"><table class="sortable" id="agents-table"><thead><tr>${th}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function checksTable(aggregates: QaAggregates, scorecard: Scorecard, l: ReportLabels): string {
  const rows = CHECK_IDS.map((id) => {
    const c = aggregates.byCheck[id];
    const entry = scorecard.checks[id];
    return `<tr data-check="${id}"><th scope="row">${escapeHtml(l.checkNames[id])} <code>${id}</code></th><td>${
      entry === undefined ? '–' : String(entry.points)
    }${entry?.fatal ? ` <span class="badge fatal">${escapeHtml(l.fatal)}</span>` : ''}</td><td>${c.pass}</td><td>${c.fail}</td><td>${c['n/a']}</td><td data-rate="${
      c.failureRate ?? ''
    }">${percentText(c.failureRate)}</td><td><a href="${escapeHtml(checkDocsUrl(id))}" rel="noopener noreferrer">${escapeHtml(l.docs)}</a></td></tr>`;
  }).join('');
  const head = [l.check, l.points, l.pass, l.fail, l.notApplicable, l.failureRate, '']
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  return `<div class="table-scroll"><table id="checks-table"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** One turn's text, masked, with the ranges of failed checks marked. */
export function markedTurnHtml(text: string, marks: ReadonlyArray<{ range: Range; title: string }>): string {
  const data = personalDataOf(text);
  // A mark that cuts a datum covers all of it (the datum only shows masked, as one piece).
  const spans = marks.map(({ range: [start, end], title }) => {
    let s = Math.max(0, Math.min(start, text.length));
    // An empty range (a point) marks the character after it.
    let e = Math.max(s, Math.min(end, text.length));
    if (e === s) e = Math.min(text.length, s + 1);
    for (const d of data)
      if (d.start < e && d.end > s) {
        s = Math.min(s, d.start);
        e = Math.max(e, d.end);
      }
    return { start: s, end: e, title };
  });
  const cuts = new Set<number>([0, text.length]);
  for (const d of data) cuts.add(d.start).add(d.end);
  for (const s of spans) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const datum = data.find((d) => d.start <= a && b <= d.end);
    // No cut falls inside a datum (marks were widened to cover it); should one, the datum shows once.
    if (datum !== undefined && a !== datum.start) continue;
    const piece = escapeHtml(datum === undefined ? text.slice(a, b) : datum.masked);
    const titles = spans.filter((s) => s.start <= a && b <= s.end).map((s) => s.title);
    const wrapped = datum === undefined ? piece : `<span class="masked">${piece}</span>`;
    html +=
      titles.length === 0
        ? wrapped
        : `<mark title="${escapeHtml([...new Set(titles)].join(', '))}">${wrapped}</mark>`;
  }
  return html;
}

function elapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const m = Math.floor(seconds / 60);
  return `+${m}:${String(seconds % 60).padStart(2, '0')}`;
}

function worstSection(
  results: readonly ConversationResult[],
  conversations: Map<string, QaConversation>,
  scorecard: Scorecard,
  worst: number,
  l: ReportLabels,
): string {
  const shown = [...results]
    .filter((r) => r.score < 100)
    .sort(
      (a, b) =>
        a.score - b.score ||
        Number(b.fatal) - Number(a.fatal) ||
        a.conversationId.localeCompare(b.conversationId),
    )
    .slice(0, worst);
  if (shown.length === 0) return `<p>${escapeHtml(l.worstNone)}</p>`;
  return shown
    .map((result, index) => {
      const anchor = `c${index + 1}`;
      const conversation = conversations.get(result.conversationId);
      const failed = result.checks.filter((c) => c.result === 'fail');
      const marksByTurn = new Map<number, Array<{ range: Range | undefined; title: string }>>();
      for (const check of failed)
        for (const e of check.evidence)
          if (e.turn !== undefined)
            marksByTurn.set(e.turn, [
              ...(marksByTurn.get(e.turn) ?? []),
              { range: e.range, title: l.checkNames[check.id] },
            ]);
      const checksHtml = failed
        .map((check) => {
          const entry = scorecard.checks[check.id];
          const evidence = check.evidence
            .slice(0, MAX_EVIDENCE_SHOWN)
            .map((e) => {
              const turn =
                e.turn === undefined
                  ? ''
                  : `<a class="turn-link" href="#${anchor}-t${e.turn + 1}">${escapeHtml(l.turn(e.turn + 1))}</a> `;
              return `<li>${turn}${escapeHtml(maskPersonalData(e.message))}</li>`;
            })
            .join('');
          const more =
            check.evidence.length > MAX_EVIDENCE_SHOWN
              ? `<li>… +${check.evidence.length - MAX_EVIDENCE_SHOWN}</li>`
              : '';
          return `<li class="failed-check" data-check="${check.id}"><span class="check-name">${escapeHtml(l.checkNames[check.id])}</span> <code>${check.id}</code>${
            entry === undefined ? '' : ` <span class="points">−${entry.points}</span>`
          }${entry?.fatal ? ` <span class="badge fatal">${escapeHtml(l.fatal)}</span>` : ''} <a class="docs" href="${escapeHtml(
            checkDocsUrl(check.id),
          )}" rel="noopener noreferrer">${escapeHtml(l.docs)}</a><ul>${evidence}${more}</ul></li>`;
        })
        .join('');
      const start = conversation?.turns[0]?.time?.ms;
      const turnsHtml =
        conversation === undefined
          ? ''
          : `<ol class="turns">${conversation.turns
              .map((turn, i) => {
                const marks = marksByTurn.get(i) ?? [];
                const ranged = marks.filter(
                  (m): m is { range: Range; title: string } => m.range !== undefined,
                );
                const whole = marks.filter((m) => m.range === undefined).map((m) => m.title);
                const who =
                  turn.role === 'customer'
                    ? l.customer
                    : `${l.agentRole}${turn.agent === undefined ? '' : ` ${turn.agent}`}`;
                const time =
                  start !== undefined && turn.time !== undefined
                    ? `<span class="time">${elapsed(turn.time.ms - start)}</span>`
                    : '';
                const flagged = marks.length > 0;
                return `<li id="${anchor}-t${i + 1}" class="turn ${turn.role}${flagged ? ' offending' : ''}"><div class="who"><span class="n">${i + 1}</span> ${escapeHtml(who)} ${time}${
                  flagged
                    ? `<span class="flags">${escapeHtml([...new Set(marks.map((m) => m.title))].join(', '))}</span>`
                    : ''
                }</div><div class="text${whole.length > 0 ? ' whole' : ''}">${markedTurnHtml(turn.text, ranged)}</div></li>`;
              })
              .join('')}</ol>`;
      const m = result.metrics;
      return `<article class="conversation${result.fatal ? ' is-fatal' : ''}" id="${anchor}" data-conversation-index="${index}"><h3><span class="cid">${escapeHtml(
        result.conversationId,
      )}</span> <span class="score">${escapeHtml(l.score)} ${result.score}</span>${
        result.fatal ? ` <span class="badge fatal">${escapeHtml(l.fatal)}</span>` : ''
      }</h3><p class="meta">${escapeHtml(result.agents.join(', '))}${result.day === null ? '' : ` · ${result.day}`} · ${escapeHtml(
        l.firstResponse,
      )} ${numberText(m.firstResponseSeconds)} ${l.secondsUnit} · ${escapeHtml(l.maxWait)} ${numberText(m.maxResponseSeconds)} ${l.secondsUnit} · ${escapeHtml(
        l.unanswered,
      )} ${m.unansweredCustomerTurns}</p><h4>${escapeHtml(l.failedChecks)}</h4><ul class="failed">${checksHtml}</ul>${turnsHtml}</article>`;
    })
    .join('');
}

function skippedSection(input: HtmlReportInput, l: ReportLabels): string {
  const count = input.malformedLines ?? 0;
  const samples = input.malformedSamples ?? [];
  const malformed =
    count === 0
      ? `<p>${escapeHtml(l.malformedNone)}</p>`
      : `<p><strong>${count}</strong></p><ul class="malformed">${samples
          .map(
            (s) =>
              `<li><code>${escapeHtml(`${s.source}:${s.line}`)}</code> ${escapeHtml(maskPersonalData(s.message))}</li>`,
          )
          .join(
            '',
          )}${count > samples.length ? `<li>${escapeHtml(l.moreMalformed(count - samples.length))}</li>` : ''}</ul>`;
  const reasons = new Map<CheckId, Map<string, number>>();
  for (const result of input.results)
    for (const check of result.checks)
      if (check.result === 'n/a') {
        const reason = check.evidence[0]?.message ?? '';
        const byReason = reasons.get(check.id) ?? new Map<string, number>();
        byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
        reasons.set(check.id, byReason);
      }
  const rows = CHECK_IDS.flatMap((id) =>
    [...(reasons.get(id) ?? [])]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_REASONS_PER_CHECK)
      .map(
        ([reason, n]) =>
          `<tr data-check="${id}"><th scope="row">${escapeHtml(l.checkNames[id])} <code>${id}</code></th><td>${escapeHtml(
            maskPersonalData(reason),
          )}</td><td>${n}</td></tr>`,
      ),
  );
  const notApplied =
    rows.length === 0
      ? `<p>${escapeHtml(l.notAppliedNone)}</p>`
      : `<table id="na-table"><thead><tr><th scope="col">${escapeHtml(l.check)}</th><th scope="col">${escapeHtml(
          l.reason,
        )}</th><th scope="col">${escapeHtml(l.count)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<h3>${escapeHtml(l.malformed)}</h3>${malformed}<h3>${escapeHtml(l.notApplied)}</h3>${notApplied}`;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function validate(input: HtmlReportInput): void {
  const problems: string[] = [];
  if (input.locale !== undefined && !REPORT_LOCALES.includes(input.locale))
    problems.push(`locale must be one of ${REPORT_LOCALES.join(', ')}, not "${String(input.locale)}"`);
  if (input.worst !== undefined && (!Number.isSafeInteger(input.worst) || input.worst < 0))
    problems.push(`worst must be a whole number ≥ 0, not ${String(input.worst)}`);
  if (!Array.isArray(input.results)) problems.push('results must be an array of qa.check() results');
  else if (input.aggregates?.conversations !== input.results.length)
    problems.push('aggregates must be aggregateResults(results) of the same results');
  if (problems.length > 0)
    throw new HuashuError('INVALID_INPUT', `Invalid HTML report input: ${problems.join('; ')}`, {
      issues: problems.map((message) => ({ path: 'report', message })),
    });
}

/**
 * One self-contained HTML page of a QA run: summary, charts (uPlot, inlined), per-agent and
 * per-check tables, the lowest-scoring conversations with the offending turns marked and each
 * failed check linked to its documentation, and what was skipped. It loads nothing: a Content
 * Security Policy allows only its own two inline scripts (by hash) and no request of any kind.
 * Customer text is HTML-escaped, never put in a script, and its personal data masked.
 */
export function buildHtmlReport(input: HtmlReportInput): string {
  validate(input);
  const locale = input.locale ?? 'en';
  const l = REPORT_LABELS[locale];
  const { results, aggregates, scorecard } = input;
  const conversations = new Map<string, QaConversation>();
  for (const c of input.conversations) conversations.set(c.id, c);
  const data = chartData(results, aggregates, l);
  const generated = (input.generatedAt ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(UPLOT_JS)} ${sha256(REPORT_CLIENT_JS)}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const timed = aggregates.byDay.length > 0 || results.some((r) => r.metrics.firstResponseSeconds !== null);
  const cards = [
    [l.conversations, String(aggregates.conversations), 'conversations'],
    [l.averageScore, numberText(aggregates.averageScore), 'average'],
    [l.fatalConversations, String(aggregates.fatalCount), 'fatal'],
    [l.skippedLines, String(input.malformedLines ?? 0), 'skipped'],
  ]
    .map(
      ([label, value, key]) =>
        `<div class="card" data-card="${key}"><div class="value">${escapeHtml(value!)}</div><div class="label">${escapeHtml(label!)}</div></div>`,
    )
    .join('');
  const noTimes = timed ? '' : `<p class="note">${escapeHtml(l.noTimes)}</p>`;
  const charts = [
    chartFigure(
      'scores',
      l.scoreDistribution,
      l,
      figuresTable(
        [l.scoreAxis, l.conversations],
        data.scores.bins.map((b, i) => [b, String(data.scores.counts[i])]),
      ),
    ),
    chartFigure(
      'checks',
      l.failureRateByCheck,
      l,
      figuresTable(
        [l.check, l.failureRate],
        CHECK_IDS.map((id) => [l.checkNames[id], percentText(aggregates.byCheck[id].failureRate)]),
      ),
    ),
    chartFigure(
      'responses',
      l.responseTimes,
      l,
      figuresTable(
        [l.wait, l.firstResponse, l.longestWait],
        data.responses.bins.map((b, i) => [
          b,
          String(data.responses.first[i]),
          String(data.responses.longest[i]),
        ]),
      ),
      noTimes,
    ),
    chartFigure(
      'days',
      l.trendByDay,
      l,
      figuresTable(
        [l.day, l.conversations, l.averageScore, l.fatalConversations],
        aggregates.byDay.map((d) => [
          d.day,
          String(d.conversations),
          String(d.averageScore),
          String(d.fatalCount),
        ]),
      ),
      noTimes,
    ),
  ].join('');
  const meta = [
    input.source === undefined ? '' : `${escapeHtml(l.source)}: <code>${escapeHtml(input.source)}</code>`,
    `${escapeHtml(l.generated)}: <time datetime="${generated}">${generated}</time>`,
    `${escapeHtml(l.scorecard)}: ${escapeHtml(scorecard.name)}`,
  ]
    .filter((part) => part !== '')
    .join(' · ');
  return `<!doctype html>
<html lang="${l.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="huashu ${VERSION}">
<title>${escapeHtml(l.title)}</title>
<style>${UPLOT_CSS}</style>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(l.title)}</h1><p class="meta">${meta}</p><p class="meta">${escapeHtml(l.masked)}</p></header>
<main>
<section class="cards" id="summary">${cards}</section>
<section class="charts" id="charts">${charts}</section>
<section id="agents"><h2>${escapeHtml(l.agents)}</h2><p class="note">${escapeHtml(l.sortHint)}</p>${agentsTable(aggregates, l)}</section>
<section id="checks"><h2>${escapeHtml(l.checks)}</h2>${checksTable(aggregates, scorecard, l)}</section>
<section id="worst"><h2>${escapeHtml(l.worst)}</h2>${worstSection(results, conversations, scorecard, input.worst ?? 10, l)}</section>
<section id="skipped"><h2>${escapeHtml(l.skipped)}</h2>${skippedSection(input, l)}</section>
</main>
<footer>${escapeHtml(l.footer)} ${VERSION} · uPlot ${UPLOT_VERSION} (${UPLOT_LICENSE})</footer>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${UPLOT_JS}</script>
<script>${REPORT_CLIENT_JS}</script>
</body>
</html>
`;
}
