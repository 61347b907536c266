import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HuashuError } from '../../errors.js';
import { FORMAT_NAMES, type FormatName } from '../formatters/index.js';
import { loadConfig, loadConfigFile, type HuashuConfig } from '../../node/config.js';
import type { Command } from '../command.js';
import type { CliIo } from '../io.js';
import { parseColumnOptions } from '../lint/columns.js';
import { INPUT_FORMATS, looksLikeInputPath } from '../lint/input-format.js';
import { createHuashuLinter } from '../lint/huashu-linter.js';
import type { LinterFactory, LintOptionsInput } from '../lint/linter-factory.js';
import { runLint, type LintInput } from '../lint/run.js';
import { DEFAULT_MAX_LINE_LENGTH } from '../lint/source-lines.js';
import { checkEncodingName, ENCODING_HELP } from '../input/encoding.js';
import { expandInputArgument, isPattern } from '../input/paths.js';
import { UsageError } from '../usage-error.js';

const SEVERITIES = ['off', 'warn', 'error'] as const;
const MESSAGE_LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;

const usage = `Usage: huashu lint <text | file… | -> [options]

Check agent replies for forbidden language, false shipping claims, over-promises, leaked customer
data and off-platform contact.

Input
  <text>                      one reply (quote it)
  <file>                      .txt (one reply per line), .jsonl, .csv or .tsv; several files or
                              quoted globs ("exports/*.csv") allowed
  -                           standard input
  --input-format <f>          ${INPUT_FORMATS.join(' | ')} (default: from the file's extension; for
                              standard input and other extensions from the first line: JSONL when
                              it starts with {, CSV/TSV when it is a header row naming a known
                              column, else plain text)
  --encoding <name>           utf-8, gbk, gb18030, utf-16le, utf-16be, big5… (WHATWG labels; default: detected
                              from ${ENCODING_HELP.replace(/\n {25}/g, '\n                              ')})
                              Files that are not text (.xlsx, .zip, PDF, images) are refused (exit 2).
  --max-line-length <n>       longest line read, in characters (default ${DEFAULT_MAX_LINE_LENGTH.toLocaleString('en-US')});
                              a longer one is reported as malformed and skipped
  --column <field>=<header>   CSV/TSV: the column of reply, agent, id, conversationId, role,
                              customerMessage, facts (JSON) or locale; repeatable
Output
  --format <f>                stylish (default) | json | sarif | github | summary
  --summary                   add per-rule and per-agent figures
  --quiet                     errors only: warnings are neither shown nor counted
  --max-warnings <n>          exit 1 when there are more than n warnings
  --color, --no-color         colours on or off (default: on when standard output is a terminal)
Rules
  --rule <id>:<severity>      off | warn | error, over the configuration; repeatable
  --message-locale <l>        ${MESSAGE_LOCALES.join(' | ')}: the language of the messages
  --config <file>             this configuration instead of the nearest huashu.config.json
  --no-config                 ignore huashu.config.json

JSONL lines: {"reply": "…", "facts": {…}, "agent": "…", "conversationId": "…", "id": "…"}.
With a conversationId, the earlier turns of that conversation (rows must be grouped by
conversation) are given to the conversation rules; {"role": "customer", "text": "…"} rows add
customer turns.

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage,
configuration or input error — a malformed line is reported with its line number and skipped,
the other replies are still checked, and the exit code is 2.`;

/** Colours: --color/--no-color, else NO_COLOR / FORCE_COLOR, else whether stdout is a terminal. */
function wantsColor(io: CliIo, flags: { color?: boolean; 'no-color'?: boolean }): boolean {
  if (flags['no-color'] === true) return false;
  if (flags.color === true) return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return (io.stdout as { isTTY?: boolean }).isTTY === true;
}

function parseRuleOverrides(values: readonly string[]): Record<string, (typeof SEVERITIES)[number]> {
  const rules: Record<string, (typeof SEVERITIES)[number]> = {};
  for (const value of values) {
    const colon = value.lastIndexOf(':');
    const id = value.slice(0, colon).trim();
    const severity = value.slice(colon + 1).trim() as (typeof SEVERITIES)[number];
    if (colon <= 0 || !SEVERITIES.includes(severity))
      throw new UsageError(
        `--rule takes <id>:off|warn|error, e.g. --rule no-overpromise:off; got "${value}"`,
      );
    rules[id] = severity;
  }
  return rules;
}

/** `--max-line-length`: a whole number ≥ 1, or the default. */
function parseMaxLineLength(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_LINE_LENGTH;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
    throw new UsageError(`--max-line-length takes a whole number of characters ≥ 1, not "${value}"`);
  return Number(value);
}

/** What to do about an argument that names no file. */
function missingFileHint(argument: string): string {
  if (argument.includes('*'))
    return ' (the pattern was not expanded: it is quoted, or no file matches it; give the file names)';
  return ` (to check it as a reply's text, give it on standard input: echo '…' | huashu lint -)`;
}

/** Turn the positional arguments into inputs: `-`, existing files, or one reply's text. */
function resolveInputs(positionals: readonly string[], io: CliIo): LintInput[] {
  if (positionals.length === 0) throw new UsageError('lint needs a reply, a file or - (standard input)');
  const inputs: LintInput[] = [];
  for (const argument of positionals) {
    if (argument === '-') {
      if (inputs.some((i) => i.kind === 'stdin'))
        throw new UsageError('- (standard input) can be given once');
      inputs.push({ kind: 'stdin' });
      continue;
    }
    if (argument.trim() === '')
      throw new UsageError(
        "an empty argument is neither a reply nor a file: give the reply's text, a file, or - (standard input)",
      );
    const path = resolve(io.cwd, argument);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      stats = undefined;
    }
    if (stats === undefined && isPattern(argument)) {
      // A glob the shell did not expand (quoted, or on Windows): expanded here; no match is an error.
      for (const file of expandInputArgument(argument, io.cwd))
        inputs.push({
          kind: 'file',
          display: file.display,
          size: file.size,
          open: () => createReadStream(file.path, { highWaterMark: 1 << 16 }),
        });
      continue;
    }
    if (stats === undefined) {
      if (positionals.length === 1 && !looksLikeInputPath(argument)) {
        inputs.push({ kind: 'text', text: argument });
        continue;
      }
      throw new HuashuError('IO', `cannot read ${argument}: no such file${missingFileHint(argument)}`);
    }
    if (!stats.isFile()) throw new HuashuError('IO', `cannot read ${argument}: not a file`);
    try {
      accessSync(path, constants.R_OK);
    } catch {
      throw new HuashuError('IO', `cannot read ${argument}: permission denied`);
    }
    const fromCwd = relative(io.cwd, path);
    const display = fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
    inputs.push({
      kind: 'file',
      display,
      size: stats.size,
      open: () => createReadStream(path, { highWaterMark: 1 << 16 }),
    });
  }
  return inputs;
}

/** The lint command, with the linter it runs given by `createLinter` (the real one, or a test's). */
export function createLintCommand(createLinter: LinterFactory): Command {
  return {
    name: 'lint',
    summary: 'Check agent replies (text, .txt, .jsonl, .csv, stdin): stylish, json, sarif or github output',
    usage,
    async run(args, io) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          format: { type: 'string' },
          'input-format': { type: 'string' },
          column: { type: 'string', multiple: true },
          summary: { type: 'boolean' },
          quiet: { type: 'boolean' },
          'max-warnings': { type: 'string' },
          'max-line-length': { type: 'string' },
          rule: { type: 'string', multiple: true },
          config: { type: 'string' },
          'no-config': { type: 'boolean' },
          'message-locale': { type: 'string' },
          color: { type: 'boolean' },
          'no-color': { type: 'boolean' },
          encoding: { type: 'string' },
        },
      });

      const format = (values.format ?? 'stylish') as FormatName;
      if (!FORMAT_NAMES.includes(format))
        throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}, not "${values.format}"`);
      if (
        values['input-format'] !== undefined &&
        !(INPUT_FORMATS as readonly string[]).includes(values['input-format'])
      )
        throw new UsageError(
          `--input-format must be one of ${INPUT_FORMATS.join(', ')}, not "${values['input-format']}"`,
        );
      let maxWarnings: number | undefined;
      if (values['max-warnings'] !== undefined) {
        maxWarnings = Number(values['max-warnings']);
        if (!/^\d+$/.test(values['max-warnings'].trim()))
          throw new UsageError(`--max-warnings takes a whole number ≥ 0, not "${values['max-warnings']}"`);
      }
      const maxLineLength = parseMaxLineLength(values['max-line-length']);
      const messageLocale = values['message-locale'] as (typeof MESSAGE_LOCALES)[number] | undefined;
      if (messageLocale !== undefined && !MESSAGE_LOCALES.includes(messageLocale))
        throw new UsageError(
          `--message-locale must be one of ${MESSAGE_LOCALES.join(', ')}, not "${messageLocale}"`,
        );
      if (values.config !== undefined && values['no-config'] === true)
        throw new UsageError('--config and --no-config cannot be used together');
      const columns = parseColumnOptions(values.column ?? []);
      const overrides = parseRuleOverrides(values.rule ?? []);
      const inputs = resolveInputs(positionals, io);
      const encoding = values.encoding === undefined ? undefined : checkEncodingName(values.encoding);

      let config: HuashuConfig = {};
      if (values.config !== undefined) config = loadConfigFile(resolve(io.cwd, values.config));
      else if (values['no-config'] !== true) config = loadConfig(io.cwd).config;

      const lintOptions: LintOptionsInput = {
        ...config.lint,
        rules: { ...config.lint?.rules, ...overrides },
        ...(messageLocale === undefined ? {} : { messageLocale }),
      };
      const { lint: _lint, ...rest } = config;
      const { linter, rules } = createLinter(lintOptions, rest);
      const known = new Set(rules.map((r) => r.id));
      const unknown = Object.keys(overrides).filter((id) => !known.has(id));
      if (rules.length > 0 && unknown.length > 0)
        throw new UsageError(
          `--rule: unknown rule ${unknown.map((id) => `"${id}"`).join(', ')}; rules: ${[...known].join(', ')}`,
        );

      return runLint(
        linter,
        {
          inputs,
          ...(values['input-format'] === undefined ? {} : { inputFormat: values['input-format'] }),
          ...(encoding === undefined ? {} : { encoding }),
          columns,
          format,
          summary: values.summary === true,
          quiet: values.quiet === true,
          ...(maxWarnings === undefined ? {} : { maxWarnings }),
          color: wantsColor(io, values),
          rules,
          maxLineLength,
        },
        io,
      );
    },
  };
}

/** `huashu lint`, running huashu's linter. */
export const lintCommand: Command = createLintCommand(createHuashuLinter);
