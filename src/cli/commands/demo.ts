import { createAssistant } from '../../assistant/index.js';
import type { Command } from '../command.js';
import { DEMO_MESSAGES } from '../demo-messages.js';
import { formatReplyPretty } from '../format.js';
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
    // A full reply per message: intent, signals, next actions with reasons, the reply and its lint.
    const results = DEMO_MESSAGES.map((message) =>
      assistant.reply(message.text, {
        ...(message.facts === undefined ? {} : { facts: message.facts }),
        ...(message.variables === undefined ? {} : { variables: message.variables }),
        context: {
          ...message.context,
          ...(message.previousAgentMessage === undefined
            ? {}
            : { previousAgentMessage: message.previousAgentMessage }),
        },
      }),
    );
    if (json) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else io.stdout.write(`${results.map(formatReplyPretty).join('\n\n')}\n`);
    return ExitCode.Ok;
  },
};
