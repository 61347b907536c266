import { locateRanges, type SourceSpan } from './location.js';
import { printableReply } from './redact.js';
import type { LintSummary } from './summary.js';
import type { LintedReply, StreamingFormatter } from './types.js';

export interface JsonOptions {
  /** Write clean replies too (default: only replies with findings, since an export has millions). */
  includeClean?: boolean;
}

/** The JSON text of a finding with its positions in the source added (no copy of the finding is made). */
function findingJson(finding: object, span: SourceSpan | undefined): string {
  const text = JSON.stringify(finding);
  if (span === undefined) return text;
  return `${text.slice(0, -1)},"line":${span.start.line},"column":${span.start.column},"endLine":${span.end.line},"endColumn":${span.end.column}}`;
}

/**
 * The JSON text written for one reply: the record, its counts (and `unchecked`, the range past
 * MAX_LINTED_CHARS, for a reply read in part) and its findings, each with the linter's fields plus
 * `line`, `column`, `endLine`, `endColumn` in the source.
 */
export function jsonEntry(entry: LintedReply): string {
  const { findings } = entry.result;
  const spans = locateRanges(
    entry,
    findings.map((f) => f.range),
  );
  const head = JSON.stringify({
    ...(entry.source === undefined ? {} : { source: entry.source }),
    line: entry.origin?.line ?? 1,
    ...(entry.id === undefined ? {} : { id: entry.id }),
    ...(entry.agent === undefined ? {} : { agent: entry.agent }),
    ...(entry.conversationId === undefined ? {} : { conversationId: entry.conversationId }),
    // Personal data found in the reply is masked here too (same length: ranges stay true).
    reply: printableReply(entry),
    ...(entry.output === undefined ? {} : { output: entry.output }),
    errorCount: entry.result.errorCount,
    warningCount: entry.result.warningCount,
    ...(entry.result.unchecked === undefined ? {} : { unchecked: entry.result.unchecked }),
  });
  return `${head.slice(0, -1)},"findings":[${findings.map((f, i) => findingJson(f, spans[i])).join(',')}]}`;
}

/**
 * A JSON array of linted replies, one per line, written as it goes. With a summary, the output is
 * `{ "results": [...], "summary": {...} }` instead, so a script gets both from one run.
 */
export function createJsonFormatter(options: JsonOptions & { summary?: boolean } = {}): StreamingFormatter {
  let first = true;
  return {
    begin: () => (options.summary === true ? '{"results":[' : '['),
    reply(entry) {
      const { findings, unchecked } = entry.result;
      // A reply read only in part is written even without findings: the part left is news.
      if (
        findings.length === 0 &&
        unchecked === undefined &&
        entry.output === undefined &&
        options.includeClean !== true
      )
        return '';
      const text = `${first ? '\n' : ',\n'}${jsonEntry(entry)}`;
      first = false;
      return text;
    },
    end(summary?: LintSummary) {
      const close = first ? ']' : '\n]';
      return options.summary === true
        ? `${close},\n"summary":${JSON.stringify(summary ?? null)}}\n`
        : `${close}\n`;
    },
  };
}

/** `json` over an array of results (every reply, clean ones included, as eslint's json). Pure. */
export function json(results: readonly LintedReply[]): string {
  const formatter = createJsonFormatter({ includeClean: true });
  return formatter.begin() + results.map((r) => formatter.reply(r)).join('') + formatter.end();
}
