import { resolve } from 'node:path';
import { parseCommandArgs } from '../parse-args.js';
import { isHuashuError } from '../../errors.js';
import { printable } from '../formatters/text.js';
import { loadConfig, loadConfigFile } from '../../node/config.js';
import { readTextFile } from '../../node/files.js';
import { parseJsonText } from '../../node/json-text.js';
import { loadTemplatePack } from '../../node/templates.js';
import { createTemplateCatalogue } from '../../templates/catalogue.js';
import { templateCompiler } from '../../templates/compiler.js';
import { CHANNELS, STAGES, TEMPLATE_LOCALES, type TemplateDefinition } from '../../templates/definition.js';
import type { TemplateCatalogue, TemplateEntry } from '../../templates/types.js';
import type { Command } from '../command.js';
import { ExitCode, readAll, type CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';

const usage = `Usage: huashu templates list [--intent <id>] [--stage <s>] [--locale <l>] [--channel <c>] [--examples]
       huashu templates render <id> (--vars <json | file | -> | --example) [--locale <l>] [--channel <c>]

The reply-template catalogue: built-in templates plus a pack folder (the "templates" folder of
huashu.config.json, or --templates).

list
  --intent <id>        templates that answer this intent (e.g. order.ship_time)
  --stage <s>          ${STAGES.join(' | ')}
  --locale <l>         ${TEMPLATE_LOCALES.join(' | ')}
  --channel <c>        ${CHANNELS.join(' | ')}
  --examples           show each template rendered with its example variables
  --format <f>         pretty (default on a terminal) or json (one entry per template and locale)
render
  <id>                 the template id, e.g. shipping/warehouse-dispatched
  --vars <v>           the variables: a JSON object, a JSON file, or - for standard input
  --example            use the template's own example variables
  --locale <l>         ${TEMPLATE_LOCALES.join(' | ')} (default zh-Hans)
  --channel <c>        where the reply goes; the template must be written for it
  --time-zone <tz>     IANA time zone for date-times (default Asia/Shanghai)
Packs
  --templates <dir>    a template folder to add (replaces built-ins with the same id)
  --config <file>      this configuration instead of the nearest huashu.config.json
  --no-config          ignore huashu.config.json`;

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}

/** The pack folder: --templates, else the configuration's `templates`, else none. */
function packFolder(io: CliIo, values: { templates?: string; config?: string; 'no-config'?: boolean }) {
  if (values.templates !== undefined) return resolve(io.cwd, values.templates);
  if (values['no-config'] === true) return undefined;
  const config =
    values.config !== undefined ? loadConfigFile(resolve(io.cwd, values.config)) : loadConfig(io.cwd).config;
  return config.templates;
}

async function readVars(io: CliIo, value: string): Promise<Record<string, unknown>> {
  let text: string;
  let source: string;
  if (value === '-') {
    text = await readAll(io.stdin);
    source = 'standard input';
  } else if (value.trimStart().startsWith('{')) {
    text = value;
    source = '--vars';
  } else {
    const file = resolve(io.cwd, value);
    try {
      text = readTextFile(file);
    } catch (error) {
      const why = isHuashuError(error) ? (error.issues[0]?.message ?? error.message) : String(error);
      throw new UsageError(`--vars: cannot read ${file} (${why}); give a JSON object, a JSON file or -`);
    }
    source = file;
  }
  const parsed = parseJsonText(text, source === '--vars');
  if (!parsed.ok) throw new UsageError(`--vars: ${parsed.message} in ${source}`);
  const vars = parsed.value;
  if (vars === null || typeof vars !== 'object' || Array.isArray(vars)) {
    throw new UsageError(`--vars: ${source} must hold a JSON object of variables`);
  }
  return vars as Record<string, unknown>;
}

/** One line per template id: id, stage, channels, intents, locales; examples indented below. */
export function formatTemplateList(
  entries: readonly TemplateEntry[],
  catalogue: TemplateCatalogue,
  examples: boolean,
) {
  const byId = new Map<string, TemplateEntry[]>();
  for (const entry of entries) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  const width = Math.max(2, ...[...byId.keys()].map((id) => id.length));
  const stageWidth = Math.max(...STAGES.map((s) => s.length));
  const lines: string[] = [];
  for (const [id, group] of byId) {
    const first = group[0]!;
    const locales = group.map((e) => e.locale).join(' ');
    const intents = first.intents.length > 0 ? first.intents.join(', ') : '—';
    lines.push(`${id.padEnd(width)}  ${first.stage.padEnd(stageWidth)}  [${locales}]  ${intents}`);
    if (examples) {
      for (const entry of group) {
        const text = catalogue.example(entry.id, entry.locale) ?? '';
        lines.push(`    ${entry.locale.padEnd(7)} ${text.replace(/\n/g, '\n            ')}`);
      }
    }
  }
  lines.push(
    '',
    `${byId.size} template${byId.size === 1 ? '' : 's'}, ${entries.length} locale version${entries.length === 1 ? '' : 's'}`,
  );
  return lines.join('\n');
}

export const templatesCommand: Command = {
  name: 'templates',
  summary: 'List the reply templates or render one',
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'list' && sub !== 'render') {
      throw new UsageError(sub === undefined ? 'say list or render' : `unknown subcommand "${sub}"`);
    }
    const { values, positionals } = parseCommandArgs({
      args: rest,
      allowPositionals: true,
      options: {
        intent: { type: 'string' },
        stage: { type: 'string' },
        locale: { type: 'string' },
        channel: { type: 'string' },
        examples: { type: 'boolean' },
        format: { type: 'string' },
        vars: { type: 'string' },
        example: { type: 'boolean' },
        'time-zone': { type: 'string' },
        templates: { type: 'string' },
        config: { type: 'string' },
        'no-config': { type: 'boolean' },
      },
    });
    const stage = oneOf('stage', values.stage, STAGES);
    const locale = oneOf('locale', values.locale, TEMPLATE_LOCALES);
    const channel = oneOf('channel', values.channel, CHANNELS);
    const folder = packFolder(io, values);
    const pack: TemplateDefinition[] = folder === undefined ? [] : loadTemplatePack(folder);
    const catalogue = createTemplateCatalogue(pack, { templateCompiler });

    if (sub === 'list') {
      if (positionals.length > 0) throw new UsageError('list takes no positional arguments');
      const format = oneOf('format', values.format ?? (io.stderr.isTTY ? 'pretty' : 'json'), [
        'pretty',
        'json',
      ] as const);
      const entries = catalogue.list({
        ...(values.intent === undefined ? {} : { intent: values.intent }),
        ...(stage === undefined ? {} : { stage }),
        ...(locale === undefined ? {} : { locale }),
        ...(channel === undefined ? {} : { channel }),
      });
      io.stdout.write(
        format === 'json'
          ? `${JSON.stringify(entries, null, 2)}\n`
          : `${printable(formatTemplateList(entries, catalogue, values.examples === true))}\n`,
      );
      return ExitCode.Ok;
    }

    if (positionals.length !== 1) throw new UsageError('render takes one template id');
    const id = positionals[0]!;
    if ((values.vars === undefined) === (values.example !== true)) {
      throw new UsageError('give the variables with --vars, or --example for the example variables');
    }
    let vars: Record<string, unknown>;
    if (values.vars !== undefined) {
      vars = await readVars(io, values.vars);
    } else {
      const entry = catalogue.get(id, locale ?? 'zh-Hans');
      // An unknown id or locale: render() below says which, with a suggestion.
      vars = entry === undefined ? {} : { ...entry.example };
    }
    const text = catalogue.render(id, vars, {
      ...(locale === undefined ? {} : { locale }),
      ...(channel === undefined ? {} : { channel }),
      ...(values['time-zone'] === undefined ? {} : { timeZone: values['time-zone'] }),
    });
    io.stdout.write(`${text}\n`);
    return ExitCode.Ok;
  },
};
