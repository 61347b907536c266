import { createAssistant } from '../../assistant.js';
import type { Command } from '../command.js';
import { DEMO_MESSAGES } from '../demo-messages.js';
import { formatAnalysisPretty } from '../format.js';
import { ExitCode } from '../io.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run huashu on a built-in example conversation',
  usage: 'Usage: huashu demo [--format json|pretty]',
  async run(args, io) {
    const json =
      args.includes('--format=json') ||
      (args.includes('--format') && args[args.indexOf('--format') + 1] === 'json');
    const assistant = createAssistant();
    const results = DEMO_MESSAGES.map((message) =>
      assistant.analyze(
        message.text,
        message.previousAgentMessage === undefined
          ? {}
          : { previousAgentMessage: message.previousAgentMessage },
      ),
    );
    if (json) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else io.stdout.write(`${results.map(formatAnalysisPretty).join('\n\n')}\n`);
    return ExitCode.Ok;
  },
};
