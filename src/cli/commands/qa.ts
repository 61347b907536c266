import { createReadStream, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommandArgs } from '../parse-args.js';
import { parseJsonText } from '../../node/json-text.js';
import { UNKNOWN_AGENT } from '../../qa/aggregate.js';
import { QaAggregator } from '../../qa/aggregator.js';
import type { ConversationResult } from '../../qa/result.js';
import { createTunedQa, DEFAULT_MEMO_ENTRIES, type QaTuning } from '../../qa/create.js';
import type { Command } from '../command.js';
import { printable } from '../formatters/text.js';
import { ExitCode } from '../io.js';
import { BufferedOutput } from '../lint/buffered-output.js';
import { checkEncodingName, ENCODING_HELP } from '../input/encoding.js';
import { openTextInput } from '../input/open.js';
import { expandInputArgument } from '../input/paths.js';
import type { CheckedBatch } from '../qa/check-batch.js';
import { checkConversations, checkPartitions, parseWorkers, startCheckers } from '../qa/checker.js';
import {
  conversationIdOfLine,
  conversationIdOfRecord,
  partitionOf,
  SPILL_PARTITIONS,
} from '../qa/partition-route.js';
import { JsonLineRouter } from '../qa/json-line-router.js';
import { SpillFile } from '../qa/spill.js';
import {
  lineTooLongMessage,
  readTurnLines,
  turnFormatOf,
  turnLineFromJson,
  TURN_FORMATS,
  type RawJsonLine,
  type TurnFormat,
  type TurnLine,
} from '../qa/turn-reader.js';
import { SKIPPED_KEPT, TurnSink, type SkippedTurn } from '../qa/turn-sink.js';
import { formatStylish } from '../qa/stylish.js';
import { buildHtmlReport } from '../qa/html-report.js';
import { openOutputFile } from '../qa/output-file.js';
import { REPORT_LOCALES, reportLocaleFromEnv, type ReportLocale } from '../qa/report-labels.js';
import {
  rejectStreamOptionsWithoutStream,
  runStreamCommand,
  STREAM_OPTIONS,
  STREAM_USAGE,
} from '../qa/stream.js';
import { UsageError } from '../usage-error.js';
import type { QaConversation } from '../../qa/conversation.js';

/**
 * Input size (bytes of files; characters of standard input as it comes) above which an export is
 * spilled to disk and checked a partition at a time: below it, the export is grouped in memory
 * and conversations come out in order of first appearance; above it, memory stays flat whatever
 * the export's size, and conversations come out partition by partition (the same results and
 * figures, in another order).
 */
export const DEFAULT_SPILL_AFTER_BYTES = 8 << 20;

const usage = `Usage: huashu qa <file… | glob… | -> [--format json|stylish|html] [-o file] [--scorecard file] [--utc-offset +08:00] [--workers n]
       huashu qa --stream redis://host:port/<stream> [--group name] [--consumer name] [--until-idle s]

Score whole conversations from a turn-per-line helpdesk export: greeting, first response (30 s),
response time (60 s), unanswered turns, apology on complaint, further help, satisfaction ask, and
the lint rules (forbidden language, shipping wording, over-promise, customer data, off-platform)
per conversation; then figures per agent, per check and per day.

Input
  <file>                 .jsonl, .csv or .tsv, one turn per line: conversationId, role
                         (customer/agent or 顾客/买家/客户/用户/buyer, 客服/卖家/商家/seller/staff;
                         system lines are ignored), text, time (ISO 8601, 2024-05-20 14:03:22,
                         epoch ms), agent?, facts? (JSON). Turns may come in any order.
                         several files or quoted globs ("exports/*.csv") are read as one export
  -                      standard input
  --input-format <f>     jsonl | csv | tsv (default: from the extension; for standard input and
                         other extensions from the first line: JSONL when it starts with {,
                         CSV/TSV when it is a header row naming known columns)
  --encoding <name>      utf-8, gbk, gb18030, utf-16le, utf-16be, big5… (WHATWG labels; default: detected from
                         ${ENCODING_HELP})
                         Files that are not text (.xlsx, .zip, PDF, images) are refused (exit 2).
Options
  --format <f>           stylish (default): a summary for a team lead;
                         json: one result per conversation per line, then {"aggregates": …};
                         html: one self-contained page (charts, agents, worst conversations)
  -o, --output-file <f>  write the output to this file instead of standard output
  --report-locale <l>    ${REPORT_LOCALES.join(' | ')}: the language of the summary and the HTML report,
                         labels and evidence messages alike (default: from LANG, else en); with
                         --format json, of the evidence messages (default en)
  --scorecard <file>     points and fatal items per check (JSON); default: the built-in scorecard
  --utc-offset <o>       the shop's UTC offset for zone-less times and per-day figures (default +00:00)
  --worst <n>            stylish, html: how many of the lowest-scoring conversations to list (default 10)
  --workers <n>          threads that check conversations (default: half the logical CPUs, at
                         least 1, as a hyperthread adds little); each conversation is checked whole
                         by one thread, results and figures are the same as with --workers 1
                         (which starts no thread)
Memory                   qa sets node's --heap-growing-percent=50 (collect garbage sooner: about a
                         third less peak memory for some more CPU) unless node was given that flag;
                         node --heap-growing-percent=0 $(which huashu) qa … keeps V8's default
Environment
  HUASHU_QA_MEMO=<n>     turn readings each thread remembers for repeated texts (canned replies,
                         好的/谢谢); default ${DEFAULT_MEMO_ENTRIES}, 0 reads every turn afresh. Same results.
  HUASHU_QA_SPILL_BYTES=<n>
                         an export larger than this is spilled to a temporary file by conversation
                         and checked a part at a time, so memory stays flat (default ${DEFAULT_SPILL_AFTER_BYTES >> 20} MB; 0:
                         always); the same results, conversations listed part by part
${STREAM_USAGE}

Exit codes: 0 no fatal item, 1 a conversation has a fatal item, 2 usage or input error (a
malformed line is reported with its line number and skipped; the rest is still scored).`;

/** `HUASHU_QA_MEMO`: the memo's size, a whole number ≥ 0 (0: off); unset: the default. */
function qaTuningFromEnv(env: Readonly<Record<string, string | undefined>>): QaTuning {
  const value = env.HUASHU_QA_MEMO;
  if (value === undefined || value === '') return {};
  if (!/^\d{1,9}$/.test(value.trim()))
    throw new UsageError(`HUASHU_QA_MEMO takes a whole number of entries ≥ 0 (0: off), not "${value}"`);
  return { memoEntries: Number(value) };
}

/** `HUASHU_QA_SPILL_BYTES`: when to spill (a whole number ≥ 0; 0: always); unset: the default. */
function spillAfterBytesFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const value = env.HUASHU_QA_SPILL_BYTES;
  if (value === undefined || value === '') return DEFAULT_SPILL_AFTER_BYTES;
  if (!/^\d{1,12}$/.test(value.trim()))
    throw new UsageError(
      `HUASHU_QA_SPILL_BYTES takes a whole number of bytes ≥ 0 (0: always spill), not "${value}"`,
    );
  return Number(value);
}

export const qaCommand: Command = {
  name: 'qa',
  summary: 'Score conversations from a helpdesk export: checks, scorecard, per-agent figures',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        scorecard: { type: 'string' },
        'utc-offset': { type: 'string' },
        worst: { type: 'string' },
        workers: { type: 'string' },
        encoding: { type: 'string' },
        'input-format': { type: 'string' },
        'output-file': { type: 'string', short: 'o' },
        'report-locale': { type: 'string' },
        ...STREAM_OPTIONS,
      },
    });
    const format = values.format ?? 'stylish';
    if (format !== 'json' && format !== 'stylish' && format !== 'html')
      throw new UsageError(`--format must be json, stylish or html, not "${format}"`);
    const reportLocale = (values['report-locale'] ?? reportLocaleFromEnv(io.env)) as ReportLocale;
    if (!REPORT_LOCALES.includes(reportLocale))
      throw new UsageError(
        `--report-locale must be one of ${REPORT_LOCALES.join(', ')}, not "${reportLocale}"`,
      );
    const streaming = values.stream !== undefined;
    rejectStreamOptionsWithoutStream(values);
    if (streaming && positionals.length > 0)
      throw new UsageError('qa --stream reads the stream, not files: drop the file arguments');
    if (!streaming && positionals.length === 0)
      throw new UsageError('qa takes export files, quoted globs ("exports/*.csv"), or - for standard input');
    if (positionals.filter((p) => p === '-').length > 1)
      throw new UsageError('- (standard input) can be given once');
    const workers = parseWorkers(values.workers);
    const encoding = values.encoding === undefined ? undefined : checkEncodingName(values.encoding);
    const inputFormat = values['input-format'] as TurnFormat | undefined;
    if (inputFormat !== undefined && !TURN_FORMATS.includes(inputFormat))
      throw new UsageError(`--input-format must be one of ${TURN_FORMATS.join(', ')}, not "${inputFormat}"`);
    const worst = values.worst === undefined ? 10 : Number(values.worst);
    if (!Number.isSafeInteger(worst) || worst < 0)
      throw new UsageError(`--worst takes a whole number ≥ 0, not "${values.worst}"`);

    let scorecard: unknown;
    if (values.scorecard !== undefined) {
      let text: string;
      try {
        text = readFileSync(resolve(io.cwd, values.scorecard), 'utf8');
      } catch {
        throw new UsageError(`--scorecard ${values.scorecard}: cannot read the file`);
      }
      const parsed = parseJsonText(text);
      if (!parsed.ok) throw new UsageError(`--scorecard ${values.scorecard}: ${parsed.message}`);
      scorecard = parsed.value;
    }
    // The evidence messages: in the report's language where people read them (stylish, html);
    // in English for machines (json, --stream) unless --report-locale asks otherwise.
    const forPeople = !streaming && format !== 'json';
    const messageLocale = values['report-locale'] !== undefined || forPeople ? reportLocale : undefined;
    const qaOptions = {
      ...(scorecard === undefined ? {} : { scorecard }),
      ...(values['utc-offset'] === undefined ? {} : { utcOffset: values['utc-offset'] }),
      ...(messageLocale === undefined ? {} : { locale: messageLocale }),
    };
    const tuning = qaTuningFromEnv(io.env);
    io.limitHeapGrowth?.();
    const qa = createTunedQa(qaOptions, tuning);
    if (streaming) {
      if (values['output-file'] !== undefined || format === 'html')
        throw new UsageError('qa --stream writes its results to <stream>:results: drop -o and --format html');
      return runStreamCommand(values, qa, io);
    }

    // Every file is checked to exist (globs expanded) before any is read.
    const inputs = positionals.map((argument) =>
      argument === '-' ? [{ display: 'stdin', path: undefined }] : expandInputArgument(argument, io.cwd),
    );

    // The checking threads start now and build their checkers while this thread reads.
    const checkers = startCheckers({ qaOptions, tuning, workers });
    let malformed: number;
    const displays = inputs.flat().map((input) => input.display);
    const grouper = qa.grouper();
    const sink = new TurnSink(grouper);
    // A large export (files larger than the threshold, or standard input once that much has come)
    // goes to a spill file by conversation, and the threads parse and check a partition at a time:
    // memory stays flat. Until then lines are held unparsed.
    const spillAfter = spillAfterBytesFromEnv(io.env);
    const fileBytes = inputs
      .flat()
      .reduce((sum, input) => sum + (input.path === undefined ? 0 : statSync(input.path).size), 0);
    let spill = fileBytes > spillAfter || spillAfter === 0 ? new SpillFile(SPILL_PARTITIONS) : undefined;
    let held: Array<[source: number, item: TurnLine | RawJsonLine]> = [];
    let heldChars = 0;
    const toSpill = (source: number, item: TurnLine | RawJsonLine) => {
      const partitions = spill!.partitions;
      if (item.kind === 'malformed') sink.skip(source, item.line, item.message);
      else if (item.kind === 'json')
        spill!.add(
          partitionOf(conversationIdOfLine(item.text), partitions),
          `${source}\t${item.line}\t`,
          item.text,
        );
      else
        spill!.add(
          partitionOf(conversationIdOfRecord(item.value), partitions),
          `${source}\t${item.line}\t`,
          JSON.stringify(item.value),
        );
    };
    let fatal = false;
    try {
      for (const [source, { display, path }] of inputs.flat().entries()) {
        const bytes = path === undefined ? io.stdin : createReadStream(path, { highWaterMark: 1 << 16 });
        const text = await openTextInput(bytes, display, encoding);
        if (spill !== undefined && path !== undefined && text.encoding === 'utf-8') {
          const first = text.undecoded
            .sample()
            .split('\n')
            .find((line) => line.trim() !== '');
          if (first !== undefined && turnFormatOf(display, first, inputFormat) === 'jsonl') {
            // A UTF-8 JSONL file goes to the spill as bytes, undecoded and unparsed.
            const router = new JsonLineRouter(spill, source, (line, units) =>
              sink.skip(source, line, lineTooLongMessage(units)),
            );
            for await (const chunk of text.undecoded.chunks)
              router.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
            router.end();
            continue;
          }
        }
        for await (const batch of readTurnLines(
          text.chunks,
          path === undefined ? undefined : display,
          inputFormat,
          true,
        ))
          for (const item of batch) {
            if (spill !== undefined) toSpill(source, item);
            else {
              held.push([source, item]);
              heldChars += item.kind === 'json' ? item.text.length : 64;
              if (heldChars > spillAfter) {
                spill = new SpillFile(SPILL_PARTITIONS);
                for (const [s, h] of held) toSpill(s, h);
                held = [];
              }
            }
          }
      }
      for (const [source, item] of held) {
        const read = item.kind === 'json' ? turnLineFromJson(item.line, item.text) : item;
        if (read !== undefined) sink.add(source, read);
      }
      held = [];

      // Conversations are checked whole (by worker threads with --workers ≥ 2); the aggregates
      // are folded as results come, so JSON output never holds all results.
      const aggregator = new QaAggregator(UNKNOWN_AGENT);
      const file =
        values['output-file'] === undefined ? undefined : openOutputFile(io.cwd, values['output-file']);
      const out = new BufferedOutput(io.stdout);
      const write = (text: string | Uint8Array) => (file === undefined ? out.append(text) : file.write(text));
      const results: ConversationResult[] = [];
      // The HTML report shows the turns of the worst conversations: it keeps them (it keeps every
      // result anyway); json and stylish let each conversation go once it is checked.
      const conversations: QaConversation[] = [];
      const keep = format === 'json' ? 'json' : 'objects';
      const onChecked = async (batch: CheckedBatch) => {
        for (const summary of batch.summaries) {
          aggregator.add(summary);
          if (summary.fatal) fatal = true;
        }
        if (batch.json !== undefined) {
          write(batch.json);
          if (file === undefined) await out.drain();
        }
        if (batch.results !== undefined) results.push(...batch.results);
      };
      const skipped: SkippedTurn[] = [...sink.skipped];
      let skippedCount = sink.skippedCount;
      try {
        if (spill === undefined) {
          const drained =
            format === 'html'
              ? (function* () {
                  for (const conversation of grouper.drain()) {
                    conversations.push(conversation);
                    yield conversation;
                  }
                })()
              : grouper.drain();
          await checkConversations(drained, { qa, qaOptions, tuning, workers, checkers, keep }, onChecked);
        } else {
          const path = spill.path;
          const tasks = spill
            .finish()
            .filter((blocks) => blocks.length > 0)
            .map((blocks) => ({ spill: path, blocks, keep, conversations: format === 'html' }) as const);
          await checkPartitions(tasks, { qa, qaOptions, tuning, workers, checkers }, async (partition) => {
            skipped.push(...partition.skipped);
            skippedCount += partition.skippedCount;
            if (partition.conversations !== undefined) conversations.push(...partition.conversations);
            await onChecked(partition);
          });
        }
        // Skipped lines are told in input order, the first few with their reason.
        skipped.sort((a, b) => a.source - b.source || a.line - b.line);
        const shown = skipped.slice(0, SKIPPED_KEPT).map((s) => ({ ...s, source: displays[s.source]! }));
        for (const s of shown)
          io.stderr.write(`${printable(`huashu qa: ${s.source}:${s.line}: skipped: ${s.message}`)}\n`);
        malformed = skippedCount;
        const aggregates = aggregator.result();
        if (format === 'json') write(`${JSON.stringify({ aggregates })}\n`);
        else if (format === 'html')
          write(
            buildHtmlReport({
              results,
              aggregates,
              conversations,
              scorecard: qa.scorecard,
              locale: reportLocale,
              worst,
              source: displays.join(', '),
              malformedLines: malformed,
              malformedSamples: shown,
            }),
          );
        else write(formatStylish(results, aggregates, worst, reportLocale));
        if (file === undefined) await out.flush();
      } finally {
        file?.close();
      }
    } finally {
      spill?.remove();
      await checkers?.close();
    }

    if (malformed > SKIPPED_KEPT)
      io.stderr.write(`huashu qa: … ${malformed - SKIPPED_KEPT} more malformed lines skipped\n`);
    if (malformed > 0) {
      io.stderr.write(
        `huashu qa: ${malformed} malformed line${malformed === 1 ? '' : 's'} skipped; the other turns were scored (exit code 2)\n`,
      );
      return ExitCode.Usage;
    }
    return fatal ? ExitCode.Findings : ExitCode.Ok;
  },
};
