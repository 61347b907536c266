import { createReadStream, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HuashuError } from '../../errors.js';
import { parseJsonText } from '../../node/json-text.js';
import { aggregateResults } from '../../qa/aggregate.js';
import { createQa } from '../../qa/create.js';
import type { Command } from '../command.js';
import { printable } from '../formatters/text.js';
import { ExitCode } from '../io.js';
import { readTurnLines } from '../qa/turn-reader.js';
import { formatStylish } from '../qa/stylish.js';
import { buildHtmlReport, type SkippedLine } from '../qa/html-report.js';
import { openOutputFile } from '../qa/output-file.js';
import { REPORT_LOCALES, reportLocaleFromEnv, type ReportLocale } from '../qa/report-labels.js';
import {
  rejectStreamOptionsWithoutStream,
  runStreamCommand,
  STREAM_OPTIONS,
  STREAM_USAGE,
} from '../qa/stream.js';
import { UsageError } from '../usage-error.js';

const usage = `Usage: huashu qa <file | -> [--format json|stylish|html] [-o file] [--scorecard file] [--utc-offset +08:00]
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
  -                      standard input (JSONL when it starts with {, else CSV/TSV)
Options
  --format <f>           stylish (default): a summary for a team lead;
                         json: one result per conversation per line, then {"aggregates": …};
                         html: one self-contained page (charts, agents, worst conversations)
  -o, --output-file <f>  write the output to this file instead of standard output
  --report-locale <l>    html: ${REPORT_LOCALES.join(' | ')} labels (default: from LANG, else en)
  --scorecard <file>     points and fatal items per check (JSON); default: the built-in scorecard
  --utc-offset <o>       the shop's UTC offset for zone-less times and per-day figures (default +00:00)
  --worst <n>            stylish, html: how many of the lowest-scoring conversations to list (default 10)
${STREAM_USAGE}

Exit codes: 0 no fatal item, 1 a conversation has a fatal item, 2 usage or input error (a
malformed line is reported with its line number and skipped; the rest is still scored).`;

const MALFORMED_SHOWN = 20;

export const qaCommand: Command = {
  name: 'qa',
  summary: 'Score conversations from a helpdesk export: checks, scorecard, per-agent figures',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        scorecard: { type: 'string' },
        'utc-offset': { type: 'string' },
        worst: { type: 'string' },
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
    if (!streaming && positionals.length !== 1)
      throw new UsageError('qa takes one export file, or - for standard input');
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
    const qa = createQa({
      ...(scorecard === undefined ? {} : { scorecard }),
      ...(values['utc-offset'] === undefined ? {} : { utcOffset: values['utc-offset'] }),
    });

    if (streaming) {
      if (values['output-file'] !== undefined || format === 'html')
        throw new UsageError('qa --stream writes its results to <stream>:results: drop -o and --format html');
      return runStreamCommand(values, qa, io);
    }

    const argument = positionals[0]!;
    let chunks: AsyncIterable<string | Uint8Array>;
    let path: string | undefined;
    if (argument === '-') chunks = io.stdin;
    else {
      path = resolve(io.cwd, argument);
      let isFile: boolean;
      try {
        isFile = statSync(path).isFile();
      } catch {
        isFile = false;
      }
      if (!isFile) throw new UsageError(`${argument}: no such file`);
      chunks = createReadStream(path);
    }
    const source = argument === '-' ? 'stdin' : argument;

    const grouper = qa.grouper();
    let malformed = 0;
    const skipped: SkippedLine[] = [];
    const skip = (line: number, message: string) => {
      malformed += 1;
      if (malformed <= MALFORMED_SHOWN) skipped.push({ source, line, message });
      if (malformed <= MALFORMED_SHOWN)
        io.stderr.write(`${printable(`huashu qa: ${source}:${line}: skipped: ${message}`)}\n`);
    };
    for await (const batch of readTurnLines(chunks, path === undefined ? undefined : argument))
      for (const item of batch) {
        if (item.kind === 'malformed') {
          skip(item.line, item.message);
          continue;
        }
        try {
          grouper.add(item.value, `line ${item.line}`);
        } catch (error) {
          if (!(error instanceof HuashuError)) throw error;
          skip(
            item.line,
            error.issues
              .map((i) => `${i.path.replace(/^line \d+\.?/, '') || 'record'}: ${i.message}`)
              .join('; '),
          );
        }
      }

    const conversations = grouper.conversations();
    const results = conversations.map((conversation) => qa.check(conversation));
    const aggregates = aggregateResults(results);
    const file =
      values['output-file'] === undefined ? undefined : openOutputFile(io.cwd, values['output-file']);
    const out = file ?? io.stdout;
    try {
      if (format === 'json') {
        for (const result of results) out.write(`${JSON.stringify(result)}\n`);
        out.write(`${JSON.stringify({ aggregates })}\n`);
      } else if (format === 'html')
        out.write(
          buildHtmlReport({
            results,
            aggregates,
            conversations,
            scorecard: qa.scorecard,
            locale: reportLocale,
            worst,
            source,
            malformedLines: malformed,
            malformedSamples: skipped,
          }),
        );
      else out.write(formatStylish(results, aggregates, worst));
    } finally {
      file?.close();
    }

    if (malformed > MALFORMED_SHOWN)
      io.stderr.write(`huashu qa: … ${malformed - MALFORMED_SHOWN} more malformed lines skipped\n`);
    if (malformed > 0) {
      io.stderr.write(
        `huashu qa: ${malformed} malformed line${malformed === 1 ? '' : 's'} skipped; the other turns were scored (exit code 2)\n`,
      );
      return ExitCode.Usage;
    }
    return results.some((r) => r.fatal) ? ExitCode.Findings : ExitCode.Ok;
  },
};
