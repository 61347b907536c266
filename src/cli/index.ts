import { isHuashuError } from '../errors.js';
import { printable } from './formatters/text.js';
import { VERSION } from '../generated/version.js';
import type { Command } from './command.js';
import { analyzeCommand } from './commands/analyze.js';
import { demoCommand } from './commands/demo.js';
import { evalCommand } from './commands/eval.js';
import { lintCommand } from './commands/lint.js';
import { qaCommand } from './commands/qa.js';
import { replayCommand } from './commands/replay.js';
import { replyCommand } from './commands/reply.js';
import { templatesCommand } from './commands/templates.js';
import { validateCommand } from './commands/validate.js';
import { ExitCode, type CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export type { CliIo } from './io.js';
export { ExitCode } from './io.js';

/** Every command, in the order `--help` lists them. */
const commands: Command[] = [
  demoCommand,
  analyzeCommand,
  replyCommand,
  lintCommand,
  qaCommand,
  templatesCommand,
  validateCommand,
  evalCommand,
  replayCommand,
];

function mainUsage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `huashu ${VERSION} — e-commerce customer-service scripts: intent, phrasing, next actions, reply lint`,
    '',
    'Usage: huashu <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "huashu <command> --help" for a command\'s options.',
    'Exit codes: 0 ok, 1 findings, 2 usage or configuration error.',
  ].join('\n');
}

/**
 * Run the CLI. Returns the exit code and never calls process.exit, so it can be tested and
 * embedded; only the bin sets process.exitCode. Messages on standard error go through
 * `printable`: file names, arguments and error messages may carry text from the input.
 */
export async function execute(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${mainUsage()}\n`);
    return name === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return ExitCode.Ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`${printable(`huashu: unknown command "${name}"`)}\n\n${mainUsage()}\n`);
    return ExitCode.Usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return ExitCode.Ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr.write(`${printable(`huashu ${command.name}: ${error.message}`)}\n\n${command.usage}\n`);
      return ExitCode.Usage;
    }
    if (isHuashuError(error)) {
      io.stderr.write(`${printable(`huashu ${command.name}: [${error.code}] ${error.message}`)}\n`);
      return ExitCode.Usage;
    }
    throw error;
  }
}
