import { accessSync, constants, createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommandArgs } from '../parse-args.js';
import { HuashuError } from '../../errors.js';
import { FORMAT_NAMES, type FormatName } from '../formatters/index.js';
import { loadConfig, loadConfigFile, type HuashuConfig } from '../../node/config.js';
import { BaselineFilter, BaselineWriter, parseBaseline } from '../lint/baseline.js';
import { prepareFix, type FixMode } from '../lint/fix-io.js';
import { writeInitialConfig } from '../lint/init.js';
import { openReportFile, type ReportFile } from '../lint/output-file.js';
import { printConfig } from '../lint/print-config.js';
import type { Command } from '../command.js';
import type { CliIo } from '../io.js';
import { parseColumnOptions } from '../lint/columns.js';
import { detectInputFormat, INPUT_FORMATS, looksLikeInputPath } from '../lint/input-format.js';
import { createHuashuLinter } from '../lint/huashu-linter.js';
import type { LinterFactory, LintOptionsInput } from '../lint/linter-factory.js';
import { runLint, type FindingFilter, type LintInput } from '../lint/run.js';
import { DEFAULT_MAX_LINE_LENGTH } from '../lint/source-lines.js';
import { checkEncodingName, ENCODING_HELP } from '../input/encoding.js';
import { displayOf, expandInputArgument, isPattern, statIfExists } from '../input/paths.js';
import { UsageError } from '../usage-error.js';
import type { RuleSetting, SeveritySetting } from '../../lint/types.js';

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
  -o, --output-file <file>    write the report to this file (its folder is made); exit code unchanged
  --summary                   add per-rule and per-agent figures
  --quiet                     errors only: warnings are neither shown nor counted
  --max-warnings <n>          exit 1 when there are more than n warnings
  --color, --no-color         colours on or off (default: on when standard output is a terminal)
Rules
  --rule <id>:<severity>      off | warn | error, over the configuration; repeatable
  --message-locale <l>        ${MESSAGE_LOCALES.join(' | ')}: the language of the messages
  --config <file>             this configuration instead of the nearest huashu.config.json
  --no-config                 ignore huashu.config.json
  --print-config [file]       print the configuration lint runs with (every rule's severity,
                              defaults included) as JSON, and how it reads [file]; lints nothing
  --init                      write a commented huashu.config.json here listing every rule and
                              option with its default; an existing one is kept (exit 2) unless --force
Fixing
  --fix                       apply the safe fixes (masking a customer's phone, ID, card number,
                              e-mail or address) and write each file back in its own format: only
                              the reply's text changes; then report what is left. Standard input
                              or an inline reply: the fixed text goes to standard output, the
                              report to standard error (or -o). Fixes that change what a reply
                              claims (shipping-wording) are never applied: they are in the report.
  --fix-dry-run               as --fix without writing files: the fixed text of the one input on
                              standard output (report on standard error), or with --format json
                              an "output" field on each changed record
Baseline
  --baseline <file>           report only findings not in this baseline; says how many were left out
  --write-baseline <file>     write every finding of this run to a baseline and report none
                              (fingerprints: rule, record id or reply hash, matched-text hash;
                              no line numbers, no reply text)

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

/**
 * The configured rule settings with --rule's severities over them: a rule configured with options
 * (`["warn", { "tone": false }]`) keeps them under its new severity.
 */
function withSeverities(
  configured: Readonly<Record<string, RuleSetting>> | undefined,
  overrides: Readonly<Record<string, SeveritySetting>>,
): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = { ...configured };
  for (const [id, severity] of Object.entries(overrides)) {
    const setting = rules[id];
    rules[id] = typeof setting === 'object' && setting[1] !== undefined ? [severity, setting[1]] : severity;
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
    const stats = statIfExists(path);
    if (stats === undefined && isPattern(argument)) {
      // A glob the shell did not expand (quoted, or on Windows): expanded here; no match is an
      // error — unless the argument is a lone reply whose text holds a glob character
      // (请问是这个订单吗?, "Could you check [the] size?"): one that does not look like a path.
      let files: ReturnType<typeof expandInputArgument>;
      try {
        files = expandInputArgument(argument, io.cwd);
      } catch (error) {
        if (positionals.length === 1 && !looksLikeInputPath(argument)) {
          inputs.push({ kind: 'text', text: argument });
          continue;
        }
        throw error;
      }
      for (const file of files)
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
    inputs.push({
      kind: 'file',
      display: displayOf(io.cwd, path),
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
      const { values, positionals } = parseCommandArgs({
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
          'output-file': { type: 'string', short: 'o' },
          'print-config': { type: 'boolean' },
          init: { type: 'boolean' },
          force: { type: 'boolean' },
          fix: { type: 'boolean' },
          'fix-dry-run': { type: 'boolean' },
          baseline: { type: 'string' },
          'write-baseline': { type: 'string' },
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
      if (values.force === true && values.init !== true) throw new UsageError('--force goes with --init');
      if (values.init === true) {
        if (positionals.length > 0 || values['print-config'] === true)
          throw new UsageError(
            '--init writes huashu.config.json in the working directory and takes no input',
          );
        const path = writeInitialConfig(io.cwd, values.force === true);
        io.stderr.write(`huashu lint: wrote ${path}\n`);
        return 0;
      }
      const columns = parseColumnOptions(values.column ?? []);
      const overrides = parseRuleOverrides(values.rule ?? []);
      const fixMode: FixMode | undefined =
        values['fix-dry-run'] === true ? 'dry-run' : values.fix === true ? 'fix' : undefined;
      if (values.fix === true && values['fix-dry-run'] === true)
        throw new UsageError('--fix and --fix-dry-run cannot be used together');
      if (values.baseline !== undefined && values['write-baseline'] !== undefined)
        throw new UsageError(
          '--write-baseline writes a new baseline from every finding; it cannot be combined with --baseline',
        );
      const printConfigFile = values['print-config'] === true ? positionals : undefined;
      if (printConfigFile !== undefined && printConfigFile.length > 1)
        throw new UsageError('--print-config takes at most one file');
      const inputs = printConfigFile === undefined ? resolveInputs(positionals, io) : [];
      const encoding = values.encoding === undefined ? undefined : checkEncodingName(values.encoding);

      let config: HuashuConfig = {};
      let configFile: string | undefined;
      if (values.config !== undefined) {
        configFile = resolve(io.cwd, values.config);
        config = loadConfigFile(configFile);
      } else if (values['no-config'] !== true) ({ config, path: configFile } = loadConfig(io.cwd));

      const lintOptions: LintOptionsInput = {
        ...config.lint,
        rules: withSeverities(config.lint?.rules, overrides),
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

      if (printConfigFile !== undefined) {
        const file = printConfigFile[0];
        if (file !== undefined && file !== '-' && !existsSync(resolve(io.cwd, file)))
          throw new HuashuError('IO', `--print-config: cannot read ${file}: no such file`);
        io.stdout.write(
          printConfig({
            configFile,
            config,
            lint: lintOptions,
            rules,
            ...(file === undefined
              ? {}
              : {
                  file: {
                    path: file,
                    inputFormat: detectInputFormat(file === '-' ? undefined : file, values['input-format']),
                    columns,
                  },
                }),
          }),
        );
        return 0;
      }

      const outputFile = values['output-file'];
      if (outputFile !== undefined) {
        if (outputFile.trim() === '') throw new UsageError('-o/--output-file needs a file name');
        const target = resolve(io.cwd, outputFile);
        if (inputs.some((i) => i.kind === 'file' && resolve(io.cwd, i.display) === target))
          throw new UsageError(
            `-o/--output-file ${outputFile} is one of the inputs: it would be overwritten`,
          );
      }
      const baselineOut = values['write-baseline'];
      if (
        baselineOut !== undefined &&
        inputs.some((i) => i.kind === 'file' && resolve(io.cwd, i.display) === resolve(io.cwd, baselineOut))
      )
        throw new UsageError(`--write-baseline ${baselineOut} is one of the inputs: it would be overwritten`);

      let suppress: FindingFilter | undefined;
      let writer: BaselineWriter | undefined;
      if (values.baseline !== undefined) {
        const path = resolve(io.cwd, values.baseline);
        let text: string;
        try {
          text = readFileSync(path, 'utf8');
        } catch (error) {
          throw new HuashuError(
            'IO',
            `cannot read the baseline ${values.baseline}: ${(error as NodeJS.ErrnoException).code ?? String(error)} (write one with --write-baseline)`,
          );
        }
        suppress = new BaselineFilter(parseBaseline(text, values.baseline));
      } else if (values['write-baseline'] !== undefined) suppress = writer = new BaselineWriter();

      const fix = fixMode === undefined ? undefined : prepareFix(fixMode, inputs, io, format === 'json');
      let report: ReportFile | undefined;
      if (outputFile !== undefined) report = openReportFile(resolve(io.cwd, outputFile), outputFile);
      // The report goes to -o, else to standard error when the fixed text takes standard output.
      const reportIo: CliIo = {
        ...io,
        stdout: report?.stream ?? (fix?.fixedToStdout === true ? io.stderr : io.stdout),
        ...(fix === undefined ? {} : { stdin: fix.stdin }),
      };
      const color = report === undefined ? wantsColor(reportIo, values) : values.color === true;

      let code: number;
      try {
        code = await runLint(
          linter,
          {
            inputs: fix?.inputs ?? inputs,
            ...(values['input-format'] === undefined ? {} : { inputFormat: values['input-format'] }),
            ...(encoding === undefined ? {} : { encoding }),
            columns,
            format,
            summary: values.summary === true,
            quiet: values.quiet === true,
            ...(maxWarnings === undefined ? {} : { maxWarnings }),
            color,
            rules,
            maxLineLength,
            ...(fix === undefined ? {} : { fixer: fix.session }),
            ...(suppress === undefined ? {} : { suppress }),
          },
          reportIo,
        );
      } finally {
        await report?.close();
      }
      if (fix !== undefined) {
        const { fixes, replies, inputs: changed, unwritable } = fix.session.counts;
        const verb = fixMode === 'fix' ? 'applied' : 'would apply';
        io.stderr.write(
          `huashu lint: ${verb} ${fixes} safe fix${fixes === 1 ? '' : 'es'} to ${replies} repl${replies === 1 ? 'y' : 'ies'}${fixMode === 'fix' && changed > 0 ? ` (${changed} input${changed === 1 ? '' : 's'} rewritten)` : ''}\n`,
        );
        if (unwritable > 0)
          io.stderr.write(
            `huashu lint: ${unwritable} repl${unwritable === 1 ? 'y was' : 'ies were'} left unfixed: the fix could not be written back in the input's format\n`,
          );
      }
      if (writer !== undefined && values['write-baseline'] !== undefined) {
        const path = resolve(io.cwd, values['write-baseline']);
        try {
          writeFileSync(path, writer.text(), 'utf8');
        } catch (error) {
          throw new HuashuError(
            'IO',
            `cannot write the baseline ${values['write-baseline']}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          );
        }
        io.stderr.write(
          `huashu lint: wrote ${writer.suppressed} finding${writer.suppressed === 1 ? '' : 's'} to the baseline ${values['write-baseline']}\n`,
        );
        // Every finding is in the baseline now: only malformed input still fails the run.
        return code === 2 ? code : 0;
      }
      if (suppress !== undefined)
        io.stderr.write(
          `huashu lint: ${suppress.suppressed} known finding${suppress.suppressed === 1 ? '' : 's'} suppressed by the baseline ${values.baseline}\n`,
        );
      return code;
    },
  };
}

/** `huashu lint`, running huashu's linter. */
export const lintCommand: Command = createLintCommand(createHuashuLinter);
