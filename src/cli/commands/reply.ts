import { resolve } from 'node:path';
import { parseCommandArgs } from '../parse-args.js';
import { createAssistant, type Assistant } from '../../assistant/index.js';
import type { AssistantOptions } from '../../options.js';
import { isHuashuError } from '../../errors.js';
import { loadActionRules } from '../../node/actions.js';
import { readTextFile } from '../../node/files.js';
import { parseJsonText } from '../../node/json-text.js';
import { loadConfig, loadConfigFile, type HuashuConfig } from '../../node/config.js';
import { loadTemplatePack } from '../../node/templates.js';
import { templateCompiler } from '../../templates/compiler.js';
import type { Command } from '../command.js';
import { formatReplyPretty } from '../format.js';
import { ExitCode, readAll, type CliIo } from '../io.js';
import { jsonOrPretty } from '../json-or-pretty.js';
import { UsageError } from '../usage-error.js';
import { CHANNELS, type Channel } from '../../vocabulary.js';

const usage = `Usage: huashu reply <message | -> [--facts <json | file>] [--format json|pretty]

Everything huashu says about one customer message: the intent and signals, the next actions with
the reason for each, the reply rendered from the templates, and the lint result of that reply.

  <message>             the customer message; "-" reads it from standard input
  --facts <f>           what the shop knows (order, customer, responsibility, case…): a JSON
                        object or a JSON file; see factsJsonSchema()
  --vars <v>            extra template variables (JSON object or file), e.g. {"delay":{"reason":"…"}}
  --previous <text>     the agent's previous message, as context for short answers
  --channel <c>         chat | phone | email | social
  --repeat <n>          how many times the customer contacted about this issue before
  --format <f>          json (default when piped) or pretty (default on a terminal)
Packs
  --actions <dir>       a folder of next-action rule files (default: "actions" of huashu.config.json)
  --templates <dir>     a template folder (default: "templates" of huashu.config.json)
  --config <file>       this configuration instead of the nearest huashu.config.json
  --no-config           ignore huashu.config.json`;

/** A JSON object given inline or as a file. */
export function readJsonObject(io: CliIo, flag: string, value: string): Record<string, unknown> {
  let text = value;
  let source = `--${flag}`;
  if (!value.trimStart().startsWith('{')) {
    const file = resolve(io.cwd, value);
    try {
      text = readTextFile(file);
    } catch (error) {
      const why = isHuashuError(error) ? (error.issues[0]?.message ?? error.message) : String(error);
      throw new UsageError(`--${flag}: cannot read ${file} (${why}); give a JSON object or a JSON file`);
    }
    source = file;
  }
  const result = parseJsonText(text, source === `--${flag}`);
  if (!result.ok) throw new UsageError(`--${flag}: ${result.message} in ${source}`);
  const parsed = result.value;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new UsageError(`--${flag}: ${source} must hold a JSON object`);
  return parsed as Record<string, unknown>;
}

/** The assistant the CLI uses: packs from the flags, else from huashu.config.json. */
export function assistantFromPacks(
  io: CliIo,
  values: { actions?: string; templates?: string; config?: string; 'no-config'?: boolean },
): Assistant {
  const config: HuashuConfig =
    values['no-config'] === true
      ? {}
      : values.config !== undefined
        ? loadConfigFile(resolve(io.cwd, values.config))
        : loadConfig(io.cwd).config;
  const actionsDir = values.actions !== undefined ? resolve(io.cwd, values.actions) : config.actions;
  const templatesDir = values.templates !== undefined ? resolve(io.cwd, values.templates) : config.templates;
  const options: AssistantOptions = {
    ...(actionsDir === undefined ? {} : { actions: loadActionRules(actionsDir) }),
    ...(templatesDir === undefined ? {} : { templates: loadTemplatePack(templatesDir), templateCompiler }),
    ...(config.lint === undefined ? {} : { lint: config.lint }),
  };
  return createAssistant(options);
}

export const replyCommand: Command = {
  name: 'reply',
  summary: 'Intent, signals, next actions with reasons, the rendered reply and its lint result',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      allowPositionals: true,
      options: {
        facts: { type: 'string' },
        vars: { type: 'string' },
        previous: { type: 'string' },
        channel: { type: 'string' },
        repeat: { type: 'string' },
        format: { type: 'string' },
        actions: { type: 'string' },
        templates: { type: 'string' },
        config: { type: 'string' },
        'no-config': { type: 'boolean' },
      },
    });
    const format = jsonOrPretty(values.format, io.stderr.isTTY === true);
    if (positionals.length !== 1) throw new UsageError('reply takes one message (or - for standard input)');
    const channel = values.channel;
    if (channel !== undefined && !(CHANNELS as readonly string[]).includes(channel))
      throw new UsageError(`--channel must be one of ${CHANNELS.join(', ')}, not "${channel}"`);
    const repeat = values.repeat === undefined ? undefined : Number(values.repeat);
    if (repeat !== undefined && (!Number.isInteger(repeat) || repeat < 0))
      throw new UsageError(`--repeat must be a whole number ≥ 0, not "${values.repeat}"`);

    const message = positionals[0] === '-' ? (await readAll(io.stdin)).trim() : (positionals[0] ?? '');
    const facts = values.facts === undefined ? undefined : readJsonObject(io, 'facts', values.facts);
    const variables = values.vars === undefined ? undefined : readJsonObject(io, 'vars', values.vars);
    const assistant = assistantFromPacks(io, values);
    // The async path also runs pack rules only json-rules-engine evaluates; otherwise it is the compiled one.
    const result = await assistant.replyAsync(message, {
      ...(facts === undefined ? {} : { facts }),
      ...(variables === undefined ? {} : { variables }),
      context: {
        ...(values.previous === undefined ? {} : { previousAgentMessage: values.previous }),
        ...(channel === undefined ? {} : { channel: channel as Channel }),
        ...(repeat === undefined ? {} : { repeatContacts: repeat }),
      },
    });
    io.stdout.write(
      format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${formatReplyPretty(result)}\n`,
    );
    return ExitCode.Ok;
  },
};
