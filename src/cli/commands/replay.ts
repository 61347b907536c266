import { parseCommandArgs } from '../parse-args.js';
import { HuashuError, isHuashuError } from '../../errors.js';
import { actionCatalogue } from '../../generated/actions-catalogue.js';
import { printable } from '../formatters/text.js';
import type { Command } from '../command.js';
import { ExitCode, readFileArgument } from '../io.js';
import { jsonOrPretty } from '../json-or-pretty.js';
import { formatReplayPretty } from '../replay/format.js';
import { parseReplayRows } from '../replay/rows.js';
import { summarizeReplay, type ReplaySummary } from '../replay/summary.js';
import { UsageError } from '../usage-error.js';
import { assistantFromPacks } from './reply.js';

/** The largest replay file read (a helpdesk export of about a million messages). */
const REPLAY_MAX_BYTES = 512 * 1024 * 1024;

const usage = `Usage: huashu replay <file.jsonl | -> [options]

Run reply() over real customer messages, as a bot would, and report what the customers would have
received: empty replies, the out-of-scope wording, the actions fired per intent, how many distinct
replies there are, and a sample to read.

  <file.jsonl>          one JSON object per line: {"text": "…", "prev_agent_turn": "…", "facts": {…}}
                        with optional labels "accept": ["id", …] or "intent": "id"; with labels the
                        report also counts out-of-scope replies and costly actions the labels do not justify
  --sample <n>          how many replies to show (default 50), spread evenly over the file
  --format <f>          pretty (default on a terminal) or json
  --max-empty <n>       exit 1 when more than n replies are empty
Packs
  --actions <dir>       a folder of next-action rule files (default: "actions" of huashu.config.json)
  --templates <dir>     a template folder (default: "templates" of huashu.config.json)
  --config <file>       this configuration instead of the nearest huashu.config.json
  --no-config           ignore huashu.config.json`;

function wholeNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`${flag} must be a whole number ≥ 0, not "${value}"`);
  return n;
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 'Replay reply() over real messages: empty replies, out-of-scope, actions per intent, a sample',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      allowPositionals: true,
      options: {
        sample: { type: 'string' },
        format: { type: 'string' },
        'max-empty': { type: 'string' },
        actions: { type: 'string' },
        templates: { type: 'string' },
        config: { type: 'string' },
        'no-config': { type: 'boolean' },
      },
    });
    const format = jsonOrPretty(values.format, (io.stdout as { isTTY?: boolean }).isTTY === true);
    const sampleSize = wholeNumber('--sample', values.sample, 50);
    const maxEmpty =
      values['max-empty'] === undefined ? undefined : wholeNumber('--max-empty', values['max-empty'], 0);
    if (positionals.length !== 1)
      throw new UsageError('replay takes one JSONL file (or - for standard input)');
    const argument = positionals[0] ?? '';
    const text = await readFileArgument(io, argument, REPLAY_MAX_BYTES);
    const rows = parseReplayRows(text, argument === '-' ? undefined : argument);
    const assistant = assistantFromPacks(io, values);
    const replies = rows.map((row) => {
      try {
        return assistant.reply(row.text, {
          ...(row.facts === undefined ? {} : { facts: row.facts }),
          ...(row.previousAgentMessage === null
            ? {}
            : { context: { previousAgentMessage: row.previousAgentMessage } }),
        });
      } catch (error) {
        // Bad facts on one line name the line; the replay of the others is not lost.
        if (isHuashuError(error))
          throw new HuashuError(error.code, `line ${row.line}: ${error.message}`, {
            issues: error.issues,
            cause: error,
          });
        throw error;
      }
    });
    const costly = new Set(
      actionCatalogue()
        .actions.filter((a) => a.costly !== undefined)
        .map((a) => a.id),
    );
    const summary: ReplaySummary = summarizeReplay(rows, replies, costly, sampleSize);
    io.stdout.write(
      format === 'json'
        ? `${JSON.stringify({ file: argument, ...summary }, null, 2)}\n`
        : `${printable(formatReplayPretty(argument, summary))}\n`,
    );
    return maxEmpty !== undefined && summary.emptyReplies > maxEmpty ? ExitCode.Findings : ExitCode.Ok;
  },
};
