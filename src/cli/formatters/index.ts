/**
 * Pure formatters of lint results (no files, no process): each exists as a streaming
 * `create…Formatter(options)` (begin / reply / end, for millions of replies) and as
 * `(results) => string`, as eslint's formatters.
 */
import { createGithubFormatter } from './github.js';
import { createJsonFormatter } from './json.js';
import { createSarifFormatter } from './sarif.js';
import { createStylishFormatter } from './stylish.js';
import { formatSummary } from './summary.js';
import type { LintSummary } from './summary.js';
import type { RuleDescriptor, StreamingFormatter } from './types.js';

export { createGithubFormatter, github } from './github.js';
export { createJsonFormatter, json, jsonEntry } from './json.js';
export { createSarifFormatter, sarif, sarifUri } from './sarif.js';
export { createStylishFormatter, stylish } from './stylish.js';
export {
  createSummaryCollector,
  formatSummary,
  MAX_AGENTS,
  OTHER_AGENTS,
  percent,
  UNKNOWN_AGENT,
} from './summary.js';
export type { AgentSummary, LintSummary, RuleSummary, SummaryTableOptions } from './summary.js';
export { locateRanges } from './location.js';
export type { SourcePosition, SourceSpan } from './location.js';
export type { LintedReply, ReplyOrigin, RuleDescriptor, StreamingFormatter } from './types.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'summary'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatterOptions {
  color?: boolean;
  /** Whether a summary is given to `end()` and should be written. */
  summary?: boolean;
  rules?: readonly RuleDescriptor[];
  topAgents?: number;
}

/** `summary`: no per-reply output, only the summary table. */
function createSummaryOnlyFormatter(options: FormatterOptions): StreamingFormatter {
  return {
    begin: () => '',
    reply: () => '',
    end: (summary?: LintSummary) =>
      summary
        ? formatSummary(summary, {
            color: options.color === true,
            ...(options.topAgents === undefined ? {} : { topAgents: options.topAgents }),
          })
        : '',
  };
}

export function createFormatter(name: FormatName, options: FormatterOptions = {}): StreamingFormatter {
  const color = options.color === true;
  const summary = options.summary === true;
  switch (name) {
    case 'stylish':
      return createStylishFormatter({
        color,
        ...(options.topAgents === undefined ? {} : { topAgents: options.topAgents }),
      });
    case 'json':
      return createJsonFormatter({ summary });
    case 'sarif':
      return createSarifFormatter({
        summary,
        ...(options.rules === undefined ? {} : { rules: options.rules }),
      });
    case 'github':
      return createGithubFormatter({ color });
    case 'summary':
      return createSummaryOnlyFormatter(options);
  }
}
