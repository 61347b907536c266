import type { LintResult } from '../../lint/types.js';
import { displayWidth, padDisplay, paint, printable, type Paint } from './text.js';

/** Per-rule figures over a run. */
export interface RuleSummary {
  ruleId: string;
  /** Replies with at least one finding of this rule. */
  replies: number;
  errors: number;
  warnings: number;
}

/** Per-agent figures over a run. */
export interface AgentSummary {
  agent: string;
  replies: number;
  repliesWithErrors: number;
  repliesWithWarnings: number;
  errors: number;
  warnings: number;
  /** The rule this agent breaks most often, when any. */
  topRule?: string;
}

/** Figures a team lead reads after a QA run. Rates are shares of `replies`. */
export interface LintSummary {
  replies: number;
  repliesWithErrors: number;
  repliesWithWarnings: number;
  repliesWithFindings: number;
  errors: number;
  warnings: number;
  /** Findings that carry a safe automatic fix (one `huashu lint --fix` applies). */
  fixable: number;
  /** Most replies first. */
  rules: RuleSummary[];
  /** Forbidden-language categories (`finding.data.category`), most findings first. */
  categories: Array<{ category: string; findings: number }>;
  /** Most replies with errors first; empty when no reply names its agent. */
  agents: AgentSummary[];
  /** Input lines that could not be read as a reply (malformed), so not in the figures. */
  skipped: number;
  /** Findings left out because the baseline (`--baseline`) lists them; absent without one. */
  suppressed?: number;
  /**
   * Enabled rules that did not check some replies for lack of what they read (`needs`:
   * `conversation` or a fact path such as `order.shipped`), with how many; absent when none.
   */
  notChecked?: Array<{ ruleId: string; needs: string; replies: number }>;
}

/** The name under which replies without an agent are counted, when other replies have one. */
export const UNKNOWN_AGENT = '(no agent)';
/** Agents counted one by one; past this many, further agents are counted together (memory stays bounded). */
export const MAX_AGENTS = 10_000;
/** The name under which agents past MAX_AGENTS are counted. */
export const OTHER_AGENTS = '(other agents)';

interface AgentCounts extends Omit<AgentSummary, 'topRule'> {
  rules: Map<string, number>;
}

/**
 * Counts findings per rule and per agent as replies stream past. Memory grows with the number of
 * rules and agents (at most MAX_AGENTS of them), never with the number of replies.
 */
export function createSummaryCollector() {
  const totals = { replies: 0, repliesWithErrors: 0, repliesWithWarnings: 0, repliesWithFindings: 0 };
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  const rules = new Map<string, RuleSummary>();
  const categories = new Map<string, number>();
  const agents = new Map<string, AgentCounts>();
  let namedAgents = 0;
  let skipped = 0;

  function add(entry: { agent?: string | undefined; result: LintResult }): void {
    const { findings } = entry.result;
    totals.replies += 1;
    const hasError = findings.some((f) => f.severity === 'error');
    const hasWarning = findings.some((f) => f.severity === 'warn');
    if (hasError) totals.repliesWithErrors += 1;
    if (hasWarning) totals.repliesWithWarnings += 1;
    if (findings.length > 0) totals.repliesWithFindings += 1;

    const named = entry.agent ?? UNKNOWN_AGENT;
    const agentName = agents.has(named) || agents.size < MAX_AGENTS ? named : OTHER_AGENTS;
    if (entry.agent !== undefined) namedAgents += 1;
    let agent = agents.get(agentName);
    if (!agent) {
      agent = {
        agent: agentName,
        replies: 0,
        repliesWithErrors: 0,
        repliesWithWarnings: 0,
        errors: 0,
        warnings: 0,
        rules: new Map(),
      };
      agents.set(agentName, agent);
    }
    agent.replies += 1;
    if (hasError) agent.repliesWithErrors += 1;
    if (hasWarning) agent.repliesWithWarnings += 1;

    const seen = new Set<string>();
    for (const finding of findings) {
      const isError = finding.severity === 'error';
      if (isError) errors += 1;
      else warnings += 1;
      if (finding.fix?.safe === true) fixable += 1;
      let rule = rules.get(finding.ruleId);
      if (!rule) {
        rule = { ruleId: finding.ruleId, replies: 0, errors: 0, warnings: 0 };
        rules.set(finding.ruleId, rule);
      }
      if (isError) rule.errors += 1;
      else rule.warnings += 1;
      if (!seen.has(finding.ruleId)) {
        seen.add(finding.ruleId);
        rule.replies += 1;
      }
      if (isError) agent.errors += 1;
      else agent.warnings += 1;
      agent.rules.set(finding.ruleId, (agent.rules.get(finding.ruleId) ?? 0) + 1);
      const category = finding.data?.category;
      if (category !== undefined) categories.set(category, (categories.get(category) ?? 0) + 1);
    }
  }

  /** Count an input line that could not be read as a reply. */
  function skip(): void {
    skipped += 1;
  }

  function summary(): LintSummary {
    const agentRows: AgentSummary[] =
      namedAgents === 0
        ? []
        : [...agents.values()]
            .map(({ rules: agentRules, ...counts }) => {
              const top = [...agentRules].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0];
              return top === undefined ? counts : { ...counts, topRule: top[0] };
            })
            .sort(
              (a, b) =>
                b.repliesWithErrors - a.repliesWithErrors ||
                b.repliesWithWarnings - a.repliesWithWarnings ||
                b.replies - a.replies ||
                compare(a.agent, b.agent),
            );
    return {
      ...totals,
      errors,
      warnings,
      fixable,
      rules: [...rules.values()]
        .map((r) => ({ ...r }))
        .sort((a, b) => b.replies - a.replies || b.errors - a.errors || compare(a.ruleId, b.ruleId)),
      categories: [...categories]
        .map(([category, findings]) => ({ category, findings }))
        .sort((a, b) => b.findings - a.findings || compare(a.category, b.category)),
      agents: agentRows,
      skipped,
    };
  }

  return { add, skip, summary };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `12.5%` of `total`, with two decimals below 10%. */
export function percent(count: number, total: number): string {
  if (total === 0 || count === 0) return '0%';
  const value = (count / total) * 100;
  return `${value.toFixed(value < 10 ? 2 : 1)}%`;
}

const number = (value: number) => value.toLocaleString('en-US');
const count = (value: number, word: string) => `${number(value)} ${word}${value === 1 ? '' : 's'}`;

/** A table of rows of cells; the first row is the header. Numbers right-aligned, CJK counted double-width. */
function renderTable(rows: string[][], numeric: boolean[], indent: string, p: Paint): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c] ?? '')))) ?? [];
  return rows.map((row, r) => {
    const line = row
      .map((cell, c) => padDisplay(cell, widths[c] ?? 0, numeric[c] === true ? 'start' : 'end'))
      .join('  ')
      .trimEnd();
    return indent + (r === 0 ? p.bold(line) : line);
  });
}

export interface SummaryTableOptions {
  color?: boolean;
  /** Agents listed (the worst first); the JSON output has them all. Default 10. */
  topAgents?: number;
  /** Rules listed. Default: all. */
  topRules?: number;
}

/** The summary as text a team lead can read in a terminal or a CI log. Pure. */
export function formatSummary(summary: LintSummary, options: SummaryTableOptions = {}): string {
  const p = paint(options.color === true);
  const n = summary.replies;
  const lines: string[] = [p.bold('Summary')];
  const overview = [
    ['Replies checked', number(n), ''],
    ['Replies with errors', number(summary.repliesWithErrors), percent(summary.repliesWithErrors, n)],
    ['Replies with warnings', number(summary.repliesWithWarnings), percent(summary.repliesWithWarnings, n)],
    [
      'Findings',
      number(summary.errors + summary.warnings),
      `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}, ${number(summary.fixable)} fixable`,
    ],
  ];
  if (summary.skipped > 0)
    overview.push(['Lines skipped (malformed)', number(summary.skipped), 'not in these figures']);
  if (summary.suppressed !== undefined)
    overview.push([
      'Suppressed (baseline)',
      number(summary.suppressed),
      'known findings, not in these figures',
    ]);
  for (const { ruleId, needs, replies } of summary.notChecked ?? [])
    overview.push([
      `Not checked by ${ruleId}`,
      number(replies),
      needs === 'conversation' ? 'replies without a conversation' : `replies without facts.${needs}`,
    ]);
  const labelWidth = Math.max(...overview.map((row) => displayWidth(row[0] ?? '')));
  const valueWidth = Math.max(...overview.map((row) => displayWidth(row[1] ?? '')));
  for (const [label = '', value = '', note = ''] of overview)
    lines.push(
      `  ${padDisplay(label, labelWidth, 'end')}  ${padDisplay(value, valueWidth, 'start')}  ${note}`.trimEnd(),
    );

  const rules = summary.rules.slice(0, options.topRules ?? summary.rules.length);
  if (rules.length > 0) {
    lines.push('');
    lines.push(
      ...renderTable(
        [
          ['Rule', 'Replies', 'Rate', 'Errors', 'Warnings'],
          ...rules.map((r) => [
            r.ruleId,
            number(r.replies),
            percent(r.replies, n),
            number(r.errors),
            number(r.warnings),
          ]),
        ],
        [false, true, true, true, true],
        '  ',
        p,
      ),
    );
    if (rules.length < summary.rules.length)
      lines.push(`  … ${summary.rules.length - rules.length} more rules`);
  }

  if (summary.categories.length > 0) {
    lines.push('');
    lines.push(
      ...renderTable(
        [
          ['Forbidden-language category', 'Findings'],
          ...summary.categories.map((c) => [printable(c.category), number(c.findings)]),
        ],
        [false, true],
        '  ',
        p,
      ),
    );
  }

  if (summary.agents.length > 0) {
    const top = options.topAgents ?? 10;
    const agents = summary.agents.slice(0, top);
    lines.push(
      '',
      `  ${p.bold(`Agents (${agents.length} of ${summary.agents.length}, most replies with errors first)`)}`,
    );
    lines.push(
      ...renderTable(
        [
          ['Agent', 'Replies', 'With errors', 'Rate', 'With warnings', 'Rate', 'Top rule'],
          ...agents.map((a) => [
            printable(a.agent),
            number(a.replies),
            number(a.repliesWithErrors),
            percent(a.repliesWithErrors, a.replies),
            number(a.repliesWithWarnings),
            percent(a.repliesWithWarnings, a.replies),
            a.topRule ?? '',
          ]),
        ],
        [false, true, true, true, true, true, false],
        '  ',
        p,
      ),
    );
    if (agents.length < summary.agents.length)
      lines.push(`  … ${summary.agents.length - agents.length} more agents (--format json lists them all)`);
  }
  return `${lines.join('\n')}\n`;
}
