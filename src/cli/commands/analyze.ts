import { parseCommandArgs } from '../parse-args.js';
import { createAssistant } from '../../assistant/index.js';
import type { Command } from '../command.js';
import { formatAnalysisPretty } from '../format.js';
import { ExitCode, readAll } from '../io.js';
import { jsonOrPretty } from '../json-or-pretty.js';
import { UsageError } from '../usage-error.js';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Analyse one customer message (intent, language, signals, entities)',
  usage: `Usage: huashu analyze <text | -> [--format json|pretty] [--previous <agent message>]

  <text>              the customer message; "-" reads it from standard input
  --format <f>        json (default when piped) or pretty (default on a terminal)
  --previous <text>   the agent's previous message, as context for short answers`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, previous: { type: 'string' } },
    });
    const format = jsonOrPretty(values.format, io.stderr.isTTY === true);
    if (positionals.length !== 1) throw new UsageError('analyze takes one message (or - for standard input)');
    const input = positionals[0] === '-' ? (await readAll(io.stdin)).trim() : (positionals[0] ?? '');
    const assistant = createAssistant();
    const analysis = assistant.analyze(
      input,
      values.previous === undefined ? {} : { previousAgentMessage: values.previous },
    );
    io.stdout.write(
      format === 'json' ? `${JSON.stringify(analysis, null, 2)}\n` : `${formatAnalysisPretty(analysis)}\n`,
    );
    return ExitCode.Ok;
  },
};
