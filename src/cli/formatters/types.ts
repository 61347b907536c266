import type { LintResult } from '../../lint/types.js';
import type { LintSummary } from './summary.js';

/**
 * Where a reply's text starts in its source and how it is written there, so findings can be
 * reported at the exact line and column of the file (a JSONL reply is JSON-escaped, a CSV field may
 * be quoted with doubled quotes and span lines).
 */
export interface ReplyOrigin {
  /** 1-based line of the reply's first character. */
  line: number;
  /** 1-based UTF-16 column of the reply's first character. */
  column: number;
  /** 0-based UTF-16 offset of the reply's first character in the source, when known. */
  offset?: number;
  /**
   * How the reply is written in the source: `verbatim` (plain text, default), `json-string` (the
   * content of a JSON string, escapes included) or `csv-quoted` (a quoted CSV field, `""` for `"`).
   */
  encoding?: 'verbatim' | 'json-string' | 'csv-quoted';
  /** The reply as written in the source (between the quotes); required unless `verbatim`. */
  raw?: string;
}

/** One linted reply, as the formatters receive it. */
export interface LintedReply {
  /** Where the reply comes from: a path relative to the working directory, or `stdin`; absent for inline text. */
  source?: string;
  reply: string;
  result: LintResult;
  /** The record's own id, agent and conversation, when the input has them. */
  id?: string;
  agent?: string;
  conversationId?: string;
  /** Where the reply starts in the source; line 1, column 1 when absent. */
  origin?: ReplyOrigin;
  /**
   * The reply after `--fix` / `--fix-dry-run` applied its safe fixes, when they changed it (as
   * eslint's `output`); `reply` is then that text too and the findings are those left.
   */
  output?: string;
}

/** What SARIF (and any formatter that describes rules) knows about a rule. */
export interface RuleDescriptor {
  id: string;
  description: string;
  url?: string;
  category?: string;
  /** The severity the rule runs with, after configuration. */
  severity?: 'off' | 'warn' | 'error';
  fixable?: boolean;
}

/**
 * A formatter that writes as it goes, so a million replies never sit in memory: `begin()` once,
 * `reply()` per linted reply (it may return '' for a reply with nothing to show), `end()` once.
 * Each call returns the text to write. Pure apart from its own counters.
 */
export interface StreamingFormatter {
  begin(): string;
  reply(entry: LintedReply): string;
  end(summary?: LintSummary): string;
}
