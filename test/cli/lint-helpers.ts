import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createLintCommand } from '../../src/cli/commands/lint.js';
import type { CliIo } from '../../src/cli/io.js';
import type { LinterFactory } from '../../src/cli/lint/linter-factory.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { isHuashuError } from '../../src/errors.js';
import type { Finding, LintContext, LintResult, SeveritySetting } from '../../src/lint/types.js';

/** A CliIo recording output, with standard input given as chunks and terminal flags to choose. */
export function lintIo(
  options: {
    stdin?: string | string[];
    cwd?: string;
    stdoutTTY?: boolean;
    stderrTTY?: boolean;
    env?: Record<string, string>;
  } = {},
) {
  let stdout = '';
  let stderr = '';
  const chunks = typeof options.stdin === 'string' ? [options.stdin] : (options.stdin ?? []);
  const io: CliIo = {
    stdout: Object.assign(
      { write: (chunk: string) => (stdout += chunk) },
      { isTTY: options.stdoutTTY ?? false },
    ),
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: options.stderrTTY ?? false },
    stdin: (async function* () {
      for (const chunk of chunks) yield new TextEncoder().encode(chunk);
    })(),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
  };
  return {
    io,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

/** A temporary folder with files; `cleanup()` removes it. */
export function tempDir(files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-lint-'));
  const write = (name: string, text: string) => {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  return {
    dir,
    write,
    path: (name: string) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A tiny stand-in for the real linter, with the contract's shape: `shipping-wording` (error)
 * flags 已发货 not after 仓库 unless facts say the carrier scanned; `no-overpromise` (warn) flags
 * 保证; `greet-first` (warn) flags a first agent reply of a conversation without 您好. Severities
 * come from `options.rules`; it records the contexts it was given.
 */
export function fakeLinter() {
  const contexts: Array<{ reply: string; context: LintContext | undefined }> = [];
  let lastOptions: Parameters<LinterFactory>[0] | undefined;
  const factory: LinterFactory = (options) => {
    lastOptions = options;
    const severity = (id: string, fallback: SeveritySetting): SeveritySetting => {
      const setting = options.rules?.[id];
      return setting === undefined ? fallback : typeof setting === 'string' ? setting : setting[0];
    };
    const lint = (reply: string, context?: LintContext): LintResult => {
      contexts.push({ reply, context });
      const findings: Finding[] = [];
      const add = (
        ruleId: string,
        setting: SeveritySetting,
        start: number,
        end: number,
        message: string,
        fix?: Finding['fix'],
      ) => {
        if (setting === 'off') return;
        findings.push({
          ruleId: ruleId as Finding['ruleId'],
          messageId: 'm',
          severity: setting,
          message,
          range: [start, end],
          actual: reply.slice(start, end),
          ...(fix ? { fix } : {}),
        });
      };
      for (let at = reply.indexOf('已发货'); at !== -1; at = reply.indexOf('已发货', at + 1))
        if (reply.slice(Math.max(0, at - 2), at) !== '仓库' && context?.facts?.order?.carrierScan !== true)
          add(
            'shipping-wording',
            severity('shipping-wording', 'error'),
            at,
            at + 3,
            'Say 仓库已发货 until the carrier scans',
            {
              range: [at, at],
              text: '仓库',
            },
          );
      for (let at = reply.indexOf('保证'); at !== -1; at = reply.indexOf('保证', at + 1))
        add('no-overpromise', severity('no-overpromise', 'warn'), at, at + 2, 'No absolute promises');
      if (
        context?.conversation &&
        !context.conversation.some((t) => t.role === 'agent') &&
        !reply.includes('您好')
      )
        add('greet-first', severity('greet-first', 'warn'), 0, Math.min(1, reply.length), 'Greet first');
      findings.sort((a, b) => a.range[0] - b.range[0]);
      return {
        findings,
        errorCount: findings.filter((f) => f.severity === 'error').length,
        warningCount: findings.filter((f) => f.severity === 'warn').length,
      };
    };
    return {
      linter: { lint },
      rules: [
        {
          id: 'shipping-wording',
          description: 'Only the warehouse has shipped until the carrier scans',
          severity: severity('shipping-wording', 'error'),
          fixable: true,
        },
        {
          id: 'no-overpromise',
          description: 'No absolute promises',
          severity: severity('no-overpromise', 'warn'),
        },
        {
          id: 'greet-first',
          description: 'The first reply greets',
          severity: severity('greet-first', 'warn'),
        },
      ],
    };
  };
  return {
    factory,
    contexts,
    get options() {
      return lastOptions;
    },
  };
}

/** Run `huashu lint` with a given linter, mapping errors to exit codes as execute() does. */
export async function runLint(args: string[], io: CliIo, factory: LinterFactory): Promise<number> {
  const command = createLintCommand(factory);
  try {
    return await command.run(args, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr.write(`huashu lint: ${error.message}\n`);
      return 2;
    }
    if (isHuashuError(error)) {
      io.stderr.write(`huashu lint: [${error.code}] ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * The stderr of a lint run over records without facts: only the note that shipping-wording did
 * not check them ("N of N replies"), nothing else. Returns the number of replies it names.
 */
export function onlyShippingNotCheckedNote(stderr: string): number {
  const match =
    /^huashu lint: shipping-wording not checked on ([\d,]+) of \1 repl(?:y|ies): no facts\.order\.shipped, so shipping claims were not judged \(lint records with a facts field or column: \{"order":\{"shipped":true,"carrierScan":false\}\}\)\n$/.exec(
      stderr,
    );
  if (match === null) throw new Error(`expected only the shipping-wording note on stderr, got: ${stderr}`);
  return Number(match[1]!.replaceAll(',', ''));
}
