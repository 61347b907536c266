import { isHuashuError } from '../../errors.js';
import {
  createFormatter,
  createSummaryCollector,
  type FormatName,
  type LintedReply,
  type RuleDescriptor,
} from '../formatters/index.js';
import { printable } from '../formatters/text.js';
import type { LintContext, LintResult, NotCheckedRule } from '../../lint/types.js';
import type { ReplyOrigin } from '../formatters/types.js';
import { ExitCode, type CliIo } from '../io.js';
import { BufferedOutput } from './buffered-output.js';
import { openTextInput } from '../input/open.js';
import { sniffFormat } from '../input/format.js';
import { knownHeaders, type ColumnMap } from './columns.js';
import { ConversationTracker } from './conversation.js';
import { createParser, detectInputFormat, hasKnownExtension, type InputFormat } from './input-format.js';
import { resolveOrigin } from './jsonl-parser.js';
import { ProgressBar } from './progress.js';
import type { InputItem, InputParser, ReplyRecord } from './record.js';
import { DEFAULT_MAX_LINE_LENGTH, readLineBatches, type SourceLine } from './source-lines.js';

/** What the run needs of a linter: the contract's `lint(reply, context)`. */
export interface ReplyLinter {
  lint(reply: string, context?: LintContext): LintResult;
  /** The enabled rules a reply with this context is not checked by (no facts, no conversation). */
  notChecked?(context?: LintContext): readonly NotCheckedRule[];
}

/** One input of the run. */
export type LintInput =
  | { kind: 'text'; text: string }
  | { kind: 'stdin' }
  | {
      kind: 'file';
      /** As shown in reports: relative to the working directory when inside it. */
      display: string;
      /** Size in bytes, for the progress bar. */
      size?: number;
      open(): AsyncIterable<string | Uint8Array>;
    };

export interface LintRunOptions {
  inputs: readonly LintInput[];
  /** `--input-format`; else from each file's extension, else from its first line (see sniffFormat). */
  inputFormat?: string;
  /** `--encoding`; else detected per input (see openTextInput). */
  encoding?: string;
  columns: ColumnMap;
  format: FormatName;
  summary: boolean;
  /** Errors only: warnings are neither reported nor counted. */
  quiet: boolean;
  maxWarnings?: number;
  color: boolean;
  rules: readonly RuleDescriptor[];
  topAgents?: number;
  /** Longest line read (UTF-16 code units); a longer one is reported as malformed. Default 1,000,000. */
  maxLineLength?: number;
  /** `--fix` / `--fix-dry-run`: lints each reply while applying its safe fixes (fix.ts). */
  fixer?: ReplyFixer;
  /** `--baseline` / `--write-baseline`: drops known findings from the report (baseline.ts). */
  suppress?: FindingFilter;
}

/** Where a reply is, for a fixer: the input's label (undefined for inline text) and its format. */
export interface RecordSource {
  source: string | undefined;
  format: InputFormat;
}

/** Lints replies while fixing them (`--fix`), and writes each input's fixed text when it ends. */
export interface ReplyFixer {
  /**
   * Lint `record`, applying safe fixes: the reply as it now reads, its remaining findings and,
   * when it changed, where the new text is written in the fixed source.
   */
  lint(
    linter: ReplyLinter,
    record: ReplyRecord,
    context: LintContext,
    where: RecordSource,
  ): { reply: string; result: LintResult; origin?: ReplyOrigin };
  /** The input has been read to its end (or failed): write out its fixed text. */
  finish(source: string | undefined): Promise<void>;
}

/** Takes findings out of the report (a baseline); `suppressed` counts them. */
export interface FindingFilter {
  filter(result: LintResult, reply: string, record: ReplyRecord): LintResult;
  readonly suppressed: number;
}

/** Malformed lines reported one by one on standard error; the rest are counted. */
const MALFORMED_SHOWN = 20;

/** `result` with the `unchecked` range of `from` (a reply read in part stays so after filtering). */
export function withUnchecked(result: LintResult, from: LintResult): LintResult {
  if (from.unchecked !== undefined) result.unchecked = from.unchecked;
  return result;
}

function errorsOnly(result: LintResult): LintResult {
  if (result.warningCount === 0) return result;
  const findings = result.findings.filter((f) => f.severity === 'error');
  return withUnchecked({ findings, errorCount: findings.length, warningCount: 0 }, result);
}

/**
 * Lint every reply of the inputs as they stream in and write the report as it goes: memory holds
 * the current batch of lines, the current conversation and the counters, never the whole input.
 * Exit code: 2 when any line was malformed (reported and skipped, so the rest is still checked),
 * else 1 when errors were found or warnings exceed --max-warnings, else 0.
 */
export async function runLint(linter: ReplyLinter, options: LintRunOptions, io: CliIo): Promise<number> {
  const formatter = createFormatter(options.format, {
    color: options.color,
    summary: options.summary,
    rules: options.rules,
    ...(options.topAgents === undefined ? {} : { topAgents: options.topAgents }),
  });
  const out = new BufferedOutput(io.stdout);
  const collector = options.summary || options.format === 'summary' ? createSummaryCollector() : undefined;
  const tracker = new ConversationTracker();
  let begun = false;
  let errors = 0;
  let warnings = 0;
  let malformed = 0;
  let replies = 0;
  const notChecked = new NotCheckedCounter(linter);
  /** Lines of input inside malformed items (a broken CSV row can cover many). */
  let uncheckedLines = 0;
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;

  // The header is written with the first output, so a run that fails at once prints nothing.
  const write = (text: string) => {
    if (!begun) {
      out.append(formatter.begin());
      begun = true;
    }
    out.append(text);
  };

  function lintRecord(record: ReplyRecord, source: string | undefined, format: InputFormat): void {
    const context: LintContext = {};
    if (record.facts !== undefined) context.facts = record.facts;
    if (record.locale !== undefined) context.locale = record.locale;
    const conversationId = record.conversationId;
    if (conversationId !== undefined && record.customerMessage !== undefined)
      tracker.add(conversationId, { role: 'customer', text: record.customerMessage });
    const conversation =
      record.conversation ?? (conversationId === undefined ? undefined : tracker.before(conversationId));
    if (conversation !== undefined) context.conversation = conversation;

    let reply = record.reply;
    let result: LintResult;
    let fixedOrigin: ReplyOrigin | undefined;
    if (options.fixer === undefined) result = linter.lint(reply, context);
    else {
      const fixed = options.fixer.lint(linter, record, context, { source, format });
      ({ reply, result } = fixed);
      fixedOrigin = fixed.origin;
    }
    if (conversationId !== undefined) tracker.add(conversationId, { role: 'agent', text: reply });
    replies += 1;
    notChecked.add(context);
    if (options.quiet) result = errorsOnly(result);
    if (options.suppress !== undefined) result = options.suppress.filter(result, reply, record);
    errors += result.errorCount;
    warnings += result.warningCount;
    collector?.add({ agent: record.agent, result });
    const changed = reply !== record.reply;
    // A reply read in part is shown even when clean: the part left is what the reader must know.
    if (result.findings.length === 0 && result.unchecked === undefined && !changed) return;
    const entry: LintedReply = { reply, result, origin: fixedOrigin ?? resolveOrigin(record) };
    if (changed) entry.output = reply;
    if (source !== undefined) entry.source = source;
    if (record.id !== undefined) entry.id = record.id;
    if (record.agent !== undefined) entry.agent = record.agent;
    if (conversationId !== undefined) entry.conversationId = conversationId;
    write(formatter.reply(entry));
  }

  function reportMalformed(source: string | undefined, line: number, message: string, lines = 1): void {
    malformed += 1;
    uncheckedLines += lines;
    collector?.skip();
    if (malformed <= MALFORMED_SHOWN)
      io.stderr.write(printable(`huashu lint: ${source ?? '<text>'}:${line}: skipped: ${message}`) + '\n');
  }

  for (const input of options.inputs) {
    if (input.kind === 'text') {
      lintRecord(
        { reply: input.text, line: 1, origin: { line: 1, column: 1, offset: 0 } },
        undefined,
        'plain',
      );
      await options.fixer?.finish(undefined);
      continue;
    }
    const source = input.kind === 'stdin' ? 'stdin' : input.display;
    const display = input.kind === 'file' ? input.display : undefined;
    // Standard input and files of no known extension: the format is told by the first line.
    const sniff = options.inputFormat === undefined && (display === undefined || !hasKnownExtension(display));
    // The input's format, once known (the fixer writes fixes back in it).
    let inputFormat: InputFormat = sniff ? 'plain' : detectInputFormat(display, options.inputFormat);
    let parser: InputParser | undefined = sniff
      ? undefined
      : createParser(inputFormat, options.columns, maxLineLength);
    const waiting: SourceLine[] = [];
    const parserFor = (line: SourceLine): InputParser | undefined => {
      if (parser !== undefined) return parser;
      if (line.text.trim() === '' && line.tooLong === undefined) return undefined;
      inputFormat = sniffFormat(line.text, knownHeaders(options.columns));
      parser = createParser(inputFormat, options.columns, maxLineLength);
      return parser;
    };
    const size = input.kind === 'file' ? input.size : undefined;
    const progress = ProgressBar.wanted(io.stderr.isTTY, size)
      ? new ProgressBar(io.stderr, source, size)
      : undefined;

    const handle = (item: InputItem) => {
      if (item.kind === 'malformed') reportMalformed(source, item.line, item.message, item.lines);
      else if (item.kind === 'turn') {
        if (item.conversationId !== undefined) tracker.add(item.conversationId, item.turn);
      } else {
        try {
          lintRecord(item.record, source, inputFormat);
        } catch (error) {
          // The linter refuses a record (e.g. facts it cannot use): report it like a malformed line.
          if (!isHuashuError(error)) throw error;
          reportMalformed(source, item.record.line, `[${error.code}] ${error.message}`);
        }
        progress?.tick();
      }
    };

    try {
      const text = await openTextInput(
        input.kind === 'stdin' ? io.stdin : input.open(),
        source,
        options.encoding,
      );
      for await (const batch of readLineBatches(
        text.chunks,
        progress ? (bytes) => progress.addBytes(bytes) : undefined,
        maxLineLength,
      )) {
        for (const line of batch) {
          const current = parserFor(line);
          if (current === undefined) {
            waiting.push(line); // blank lines before the first one that tells the format
            continue;
          }
          for (const blank of waiting.splice(0)) current.push(blank, handle);
          if (line.tooLong === undefined) {
            current.push(line, handle);
            continue;
          }
          reportMalformed(
            source,
            line.line,
            `the line is ${line.tooLong.toLocaleString('en-US')} characters long; the limit is ${maxLineLength.toLocaleString('en-US')} (--max-line-length)`,
          );
          current.abandon?.(line, handle);
        }
        await out.drain();
      }
      const last = parser ?? createParser('plain', options.columns, maxLineLength);
      for (const blank of waiting.splice(0)) last.push(blank, handle);
      last.finish(handle);
    } finally {
      progress?.clear();
    }
    await options.fixer?.finish(source);
  }

  if (!begun) out.append(formatter.begin());
  const summary = collector?.summary();
  if (summary !== undefined && options.suppress !== undefined)
    summary.suppressed = options.suppress.suppressed;
  const unchecked = notChecked.counts();
  if (summary !== undefined && unchecked.length > 0) summary.notChecked = unchecked;
  out.append(formatter.end(summary));
  await out.flush();

  // Said on stderr whatever the format, so a JSON or SARIF report stays valid and a run without
  // facts never passes in silence. (Rules without a conversation are in the summary only: most
  // inputs have none, and a line each time would be noise.)
  for (const { ruleId, needs, replies: count } of unchecked)
    if (needs !== 'conversation')
      io.stderr.write(
        `huashu lint: ${ruleId} not checked on ${count.toLocaleString('en-US')} of ${replies.toLocaleString('en-US')} ${
          replies === 1 ? 'reply' : 'replies'
        }: ${NEEDS_HINT[needs] ?? `no facts.${needs} (lint records with a facts field or column that has it)`}\n`,
      );
  if (malformed > MALFORMED_SHOWN)
    io.stderr.write(`huashu lint: … ${malformed - MALFORMED_SHOWN} more malformed lines skipped\n`);
  if (malformed > 0) {
    // Said as it is: a broken CSV row can leave many lines unchecked, not just one.
    const what =
      uncheckedLines === malformed
        ? `${malformed} malformed line${malformed === 1 ? '' : 's'} skipped`
        : `${malformed} malformed record${malformed === 1 ? '' : 's'} skipped (${uncheckedLines.toLocaleString('en-US')} lines of input not checked)`;
    io.stderr.write(`huashu lint: ${what}; the replies on the other lines were checked (exit code 2)\n`);
    return ExitCode.Usage;
  }
  if (errors > 0) return ExitCode.Findings;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(
      `huashu lint: too many warnings (${warnings}); --max-warnings is ${options.maxWarnings}\n`,
    );
    return ExitCode.Findings;
  }
  return ExitCode.Ok;
}

/** How to give a rule what it needs, by need. */
const NEEDS_HINT: Readonly<Record<string, string>> = {
  conversation:
    'no conversation (give a conversationId column with the customer turns, or a conversation field)',
  'order.shipped':
    'no facts.order.shipped, so shipping claims were not judged (lint records with a facts field or column: {"order":{"shipped":true,"carrierScan":false}})',
};

/**
 * Counts, per rule and need, the replies a rule did not check. A record without facts asks the
 * linter once per kind (with or without a conversation); one with facts asks each time.
 */
class NotCheckedCounter {
  private readonly byRuleAndNeed = new Map<string, { ruleId: string; needs: string; replies: number }>();
  private readonly withoutFacts = new Map<boolean, readonly NotCheckedRule[]>();

  constructor(private readonly linter: ReplyLinter) {}

  add(context: LintContext): void {
    if (this.linter.notChecked === undefined) return;
    const conversation = (context.history ?? context.conversation) !== undefined;
    let list: readonly NotCheckedRule[] | undefined;
    if (context.facts === undefined) {
      list = this.withoutFacts.get(conversation);
      if (list === undefined) {
        list = this.linter.notChecked(context);
        this.withoutFacts.set(conversation, list);
      }
    } else list = this.linter.notChecked(context);
    for (const { ruleId, needs } of list) {
      const key = `${ruleId}\u0000${needs}`;
      const entry = this.byRuleAndNeed.get(key);
      if (entry === undefined) this.byRuleAndNeed.set(key, { ruleId, needs, replies: 1 });
      else entry.replies += 1;
    }
  }

  /** Per rule and need, in the order first met. */
  counts(): Array<{ ruleId: string; needs: string; replies: number }> {
    return [...this.byRuleAndNeed.values()].map((entry) => ({ ...entry }));
  }
}
