import { partlyCheckedText } from './stylish.js';
import { locateRanges } from './location.js';
import { formatSummary, type LintSummary } from './summary.js';
import { printable } from './text.js';
import type { LintedReply, StreamingFormatter } from './types.js';

/**
 * GitHub's workflow-command escaping: the message part. Control characters are made inert first
 * (the log viewer renders ANSI sequences), then `%` and line breaks are encoded, so a message can
 * neither start a workflow command of its own nor restyle the log.
 */
function escapeData(text: string): string {
  return printable(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's workflow-command escaping: a property value (also `:` and `,`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions shows at most 10 error and 10 warning annotations per step (and 50 per job); the
 * rest are dropped silently: https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md#limitations
 */
export const GITHUB_MAX_ANNOTATIONS = { error: 10, warning: 10 } as const;

export interface GithubOptions {
  color?: boolean;
  /** Annotations written per type (default `GITHUB_MAX_ANNOTATIONS`); later findings become plain log lines. */
  maxAnnotations?: { error: number; warning: number };
}

/**
 * GitHub Actions annotations, one per finding:
 * `::error file=replies.jsonl,line=12,col=8,endLine=12,endColumn=11,title=shipping-wording::message`.
 * GitHub shows them on the workflow run and, for files in the repository, on the pull request.
 */
export function createGithubFormatter(options: GithubOptions = {}): StreamingFormatter {
  const max = options.maxAnnotations ?? GITHUB_MAX_ANNOTATIONS;
  for (const type of ['error', 'warning'] as const)
    if (!Number.isInteger(max[type]) || max[type] < 0)
      throw new RangeError(`maxAnnotations.${type} must be a non-negative integer, got ${String(max[type])}`);
  const written = { error: 0, warning: 0 };
  const plain = { error: 0, warning: 0 };
  /** Replies longer than MAX_LINTED_CHARS, read in part by lint. */
  let partlyChecked = 0;
  return {
    begin: () => '',
    reply(entry: LintedReply) {
      const { findings } = entry.result;
      if (entry.result.unchecked !== undefined) partlyChecked++;
      if (findings.length === 0) return '';
      const spans = locateRanges(
        entry,
        findings.map((f) => f.range),
      );
      return findings
        .map((finding, i) => {
          const span = spans[i];
          const properties = [
            ...(entry.source === undefined ? [] : [`file=${escapeProperty(entry.source)}`]),
            ...(span
              ? [
                  `line=${span.start.line}`,
                  `col=${span.start.column}`,
                  `endLine=${span.end.line}`,
                  `endColumn=${span.end.column}`,
                ]
              : []),
            `title=${escapeProperty(`huashu ${finding.ruleId}`)}`,
          ];
          const label =
            entry.id === undefined
              ? ''
              : ` (reply ${entry.id}${entry.agent === undefined ? '' : `, agent ${entry.agent}`})`;
          const command = finding.severity === 'error' ? 'error' : 'warning';
          if (written[command] < max[command]) {
            written[command]++;
            return `::${command} ${properties.join(',')}::${escapeData(`${finding.message}${label}`)}\n`;
          }
          // Past GitHub's limit an annotation would be dropped: the finding stays in the log as a line.
          plain[command]++;
          const where = `${entry.source ?? 'reply'}:${span ? `${span.start.line}:${span.start.column}` : '1:1'}`;
          return `${printable(where)}  ${command}  ${printable(`${finding.message}${label}`)}  ${finding.ruleId}\n`;
        })
        .join('');
    },
    // The summary is printed as plain log lines after the annotations.
    end(summary?: LintSummary) {
      const more = plain.error + plain.warning;
      const notice =
        more === 0
          ? ''
          : `::notice title=huashu::${escapeData(
              `${more} more finding(s) (${plain.error} error(s), ${plain.warning} warning(s)) are printed as log lines, not annotations: GitHub shows at most ${max.error} error and ${max.warning} warning annotations per step. Use --format sarif with code scanning to see every finding on the pull request.`,
            )}\n`;
      const partly =
        partlyChecked === 0 ? '' : `::notice title=huashu::${escapeData(partlyCheckedText(partlyChecked))}\n`;
      return notice + partly + (summary ? formatSummary(summary, { color: options.color === true }) : '');
    },
  };
}

/** `github` over an array of results. Pure. */
export function github(results: readonly LintedReply[]): string {
  const formatter = createGithubFormatter();
  return formatter.begin() + results.map((r) => formatter.reply(r)).join('') + formatter.end();
}
