import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseCommandArgs } from '../parse-args.js';
import { createAssistant } from '../../assistant/index.js';
import { isHuashuError, type HuashuIssue } from '../../errors.js';
import { printable } from '../formatters/text.js';
import { createLinter } from '../../lint/linter.js';
import type { PhrasePack } from '../../lint/data-schema.js';
import { loadActionRuleFiles, loadActionRules, type ActionRulePack } from '../../node/actions.js';
import { CONFIG_FILE_NAME, loadConfig, loadConfigFile, type HuashuConfig } from '../../node/config.js';
import { readTextFile } from '../../node/files.js';
import { parseJsonText } from '../../node/json-text.js';
import { loadTemplatePack } from '../../node/templates.js';
import { templateCompiler } from '../../templates/compiler.js';
import type { TemplateDefinition } from '../../templates/definition.js';
import type { Command } from '../command.js';
import { ExitCode, type CliIo } from '../io.js';
import { jsonOrPretty } from '../json-or-pretty.js';
import { UsageError } from '../usage-error.js';

const usage = `Usage: huashu validate [dir] [--format json|pretty]

Check packs before using them: next-action rule files, template packs and lint phrase packs.
Every problem is listed with its file and JSON path; exit code 1 when there is any.

  [dir]          a folder with huashu.config.json, or with actions/ (rule files), templates/
                 (a template pack) and lint/ (phrase pack files); or a folder that is itself one
                 of these (.hbs files: a template pack; .json files: rule files or phrase packs).
                 Without it: the packs named by the nearest huashu.config.json.
  --format <f>   pretty (default on a terminal) or json`;

type Kind = 'rules' | 'templates' | 'phrases' | 'together';

interface PackReport {
  kind: Kind;
  /** What was checked, relative to the working directory. */
  source: string;
  /** What it holds, e.g. "3 files, 12 rules". */
  summary: string;
  issues: HuashuIssue[];
}

interface Targets {
  ruleFolder?: string;
  ruleFiles?: string[];
  templateFolder?: string;
  phraseFiles?: string[];
  /** Phrase packs given inline in a configuration. */
  phrasePacks?: Array<{ source: string; pack: unknown }>;
}

/**
 * A JSON file of the folder: a regular file of at most 10 MB (IO otherwise); a syntax error is
 * a SyntaxError saying where, without quoting the file.
 */
function readJson(file: string): unknown {
  const parsed = parseJsonText(readTextFile(file));
  if (!parsed.ok) throw new SyntaxError(parsed.message);
  return parsed.value;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function hasTemplateSources(dir: string): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.hbs')) return true;
    if (entry.isDirectory() && !entry.name.startsWith('.') && hasTemplateSources(join(dir, entry.name)))
      return true;
  }
  return false;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.endsWith('.schema.json'))
    .map((e) => join(dir, e.name))
    .sort();
}

function fromConfig(config: HuashuConfig, source: string): Targets {
  return {
    ...(config.actions === undefined ? {} : { ruleFolder: config.actions }),
    ...(config.templates === undefined ? {} : { templateFolder: config.templates }),
    ...(config.lint?.packs === undefined
      ? {}
      : {
          phrasePacks: config.lint.packs.map((pack, i) => ({ source: `${source} lint.packs[${i}]`, pack })),
        }),
  };
}

/** What to check in `dir` (see the usage text). */
function targetsIn(dir: string): Targets {
  const config = join(dir, CONFIG_FILE_NAME);
  if (existsSync(config)) return fromConfig(loadConfigFile(config), config);
  const targets: Targets = {};
  if (isDirectory(join(dir, 'actions'))) targets.ruleFolder = join(dir, 'actions');
  if (isDirectory(join(dir, 'templates'))) targets.templateFolder = join(dir, 'templates');
  if (isDirectory(join(dir, 'lint'))) targets.phraseFiles = jsonFiles(join(dir, 'lint'));
  if (Object.keys(targets).length > 0) return targets;
  if (hasTemplateSources(dir)) return { templateFolder: dir };
  // Loose JSON files: a rule file has "rules" or "disable", a phrase pack has "phrases".
  for (const file of jsonFiles(dir)) {
    let content: unknown;
    try {
      content = readJson(file);
    } catch {
      (targets.ruleFiles ??= []).push(file); // reported as invalid JSON by the rule loader
      continue;
    }
    const isPhrasePack = content !== null && typeof content === 'object' && 'phrases' in content;
    if (isPhrasePack) (targets.phraseFiles ??= []).push(file);
    else (targets.ruleFiles ??= []).push(file);
  }
  return targets;
}

function issuesOf(error: unknown): HuashuIssue[] {
  if (!isHuashuError(error)) throw error;
  if (error.code === 'IO') throw error;
  return error.issues.length > 0 ? [...error.issues] : [{ path: '', message: error.message }];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Validate the targets; packs that load are also put together in one assistant (cross-references). */
function validate(io: CliIo, targets: Targets): PackReport[] {
  const reports: PackReport[] = [];
  const shown = (path: string) => relative(io.cwd, path) || '.';
  let rules: ActionRulePack | undefined;
  let templates: TemplateDefinition[] | undefined;
  const phrases: PhrasePack[] = [];
  let allLoaded = true;

  if (targets.ruleFolder !== undefined || targets.ruleFiles !== undefined) {
    const source =
      targets.ruleFolder !== undefined
        ? shown(targets.ruleFolder)
        : (targets.ruleFiles ?? []).map(shown).join(', ');
    const files =
      targets.ruleFolder !== undefined ? jsonFiles(targets.ruleFolder) : (targets.ruleFiles ?? []);
    try {
      rules =
        targets.ruleFolder !== undefined ? loadActionRules(targets.ruleFolder) : loadActionRuleFiles(files);
      const disabled = rules.disable.length ? `, ${rules.disable.length} disabled` : '';
      reports.push({
        kind: 'rules',
        source,
        summary: `${plural(files.length, 'file')}, ${plural(rules.rules.length, 'rule')}${disabled}`,
        issues: [],
      });
    } catch (error) {
      allLoaded = false;
      reports.push({ kind: 'rules', source, summary: plural(files.length, 'file'), issues: issuesOf(error) });
    }
  }
  if (targets.templateFolder !== undefined) {
    const source = shown(targets.templateFolder);
    try {
      templates = loadTemplatePack(targets.templateFolder);
      reports.push({ kind: 'templates', source, summary: plural(templates.length, 'template'), issues: [] });
    } catch (error) {
      allLoaded = false;
      reports.push({ kind: 'templates', source, summary: 'template pack', issues: issuesOf(error) });
    }
  }
  const phraseSources: Array<{ source: string; file?: string; load: () => unknown }> = [
    ...(targets.phraseFiles ?? []).map((file) => ({
      source: shown(file),
      file,
      load: () => readJson(file),
    })),
    ...(targets.phrasePacks ?? []).map(({ source, pack }) => ({ source, load: () => pack })),
  ];
  for (const { source, file, load } of phraseSources) {
    let pack: unknown;
    try {
      pack = load();
      // The linter validates a pack and runs its examples; its issue paths start at packs[0].
      createLinter({ packs: [pack as PhrasePack] });
      phrases.push(pack as PhrasePack);
      const count = Array.isArray((pack as { phrases?: unknown }).phrases)
        ? (pack as { phrases: unknown[] }).phrases.length
        : 0;
      reports.push({ kind: 'phrases', source, summary: plural(count, 'phrase'), issues: [] });
    } catch (error) {
      allLoaded = false;
      const issues =
        error instanceof SyntaxError
          ? [{ path: '', message: error.message }]
          : issuesOf(error).map((issue) => ({ ...issue, path: issue.path.replace(/^packs\[0\]\.?/, '') }));
      reports.push({
        kind: 'phrases',
        source,
        summary: 'phrase pack',
        // The linter names a pack by its `name`; the file is what the user can open.
        issues: issues.map((issue) => (file === undefined ? issue : { ...issue, file })),
      });
    }
  }
  // Rules may name pack templates; check the packs together once each loads on its own.
  if (allLoaded && (rules !== undefined || templates !== undefined) && reports.length > 1) {
    try {
      createAssistant({
        ...(rules === undefined ? {} : { actions: rules }),
        ...(templates === undefined ? {} : { templates, templateCompiler }),
        ...(phrases.length === 0 ? {} : { lint: { packs: phrases } }),
      });
      reports.push({
        kind: 'together',
        source: 'all packs',
        summary: 'rules, templates and phrases agree',
        issues: [],
      });
    } catch (error) {
      reports.push({
        kind: 'together',
        source: 'all packs',
        summary: 'rules, templates and phrases together',
        issues: issuesOf(error),
      });
    }
  } else if (allLoaded && rules !== undefined && templates === undefined) {
    // A lone rule pack is checked against the built-in templates.
    try {
      createAssistant({ actions: rules });
    } catch (error) {
      reports.push({
        kind: 'together',
        source: 'rules + built-in templates',
        summary: '',
        issues: issuesOf(error),
      });
    }
  }
  return reports;
}

function formatPretty(reports: readonly PackReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    const mark = report.issues.length === 0 ? '✓' : '✗';
    const problems = report.issues.length === 0 ? '' : ` — ${plural(report.issues.length, 'problem')}`;
    lines.push(
      `${mark} ${report.kind.padEnd(9)} ${report.source}${report.summary ? ` (${report.summary})` : ''}${problems}`,
    );
    for (const issue of report.issues)
      lines.push(
        `    ${issue.file ? `${issue.file}: ` : ''}${issue.path ? `${issue.path}: ` : ''}${issue.message}`,
      );
  }
  const total = reports.reduce((n, r) => n + r.issues.length, 0);
  lines.push('', total === 0 ? 'All packs are valid.' : `${plural(total, 'problem')}.`);
  return lines.join('\n');
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check rule, template and phrase packs (every problem, with file and JSON path)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' } },
    });
    const format = jsonOrPretty(values.format, io.stderr.isTTY === true);
    if (positionals.length > 1) throw new UsageError('validate takes at most one folder');
    let targets: Targets;
    if (positionals[0] !== undefined) {
      const dir = resolve(io.cwd, positionals[0]);
      if (!isDirectory(dir)) throw new UsageError(`${dir} is not a folder`);
      targets = targetsIn(dir);
    } else {
      const loaded = loadConfig(io.cwd);
      if (loaded.path === undefined)
        throw new UsageError(`no ${CONFIG_FILE_NAME} here or above: name the folder to validate`);
      targets = fromConfig(loaded.config, loaded.path);
    }
    const reports = validate(io, targets);
    if (reports.length === 0) throw new UsageError('found no rule, template or phrase packs to validate');
    io.stdout.write(
      format === 'json'
        ? `${JSON.stringify({ valid: reports.every((r) => r.issues.length === 0), packs: reports }, null, 2)}\n`
        : `${printable(formatPretty(reports))}\n`,
    );
    return reports.every((r) => r.issues.length === 0) ? ExitCode.Ok : ExitCode.Findings;
  },
};
