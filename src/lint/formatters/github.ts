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
 * GitHub Actions annotations, one per finding:
 * `::error file=replies.jsonl,line=12,col=8,endLine=12,endColumn=11,title=shipping-wording::message`.
 * GitHub shows them on the workflow run and, for files in the repository, on the pull request.
 */
export function createGithubFormatter(options: { color?: boolean } = {}): StreamingFormatter {
  return {
    begin: () => '',
    reply(entry: LintedReply) {
      const { findings } = entry.result;
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
          return `::${command} ${properties.join(',')}::${escapeData(`${finding.message}${label}`)}\n`;
        })
        .join('');
    },
    // The summary is printed as plain log lines after the annotations.
    end: (summary?: LintSummary) =>
      summary ? formatSummary(summary, { color: options.color === true }) : '',
  };
}

/** `github` over an array of results. Pure. */
export function github(results: readonly LintedReply[]): string {
  const formatter = createGithubFormatter();
  return formatter.begin() + results.map((r) => formatter.reply(r)).join('') + formatter.end();
}
