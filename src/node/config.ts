import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { stripComments } from 'jsonc-parser';
import * as z from 'zod/mini';
import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue, safeParse } from '../errors.js';
import { phrasePackSchema, type PhrasePack } from '../lint/data-schema.js';
import { createLinter } from '../lint/linter.js';
import { lintOptionsSchema, type LintOptions } from '../lint/options.js';
import type { RuleOptions, RuleSetting } from '../lint/types.js';
import { lintRules } from '../lint/rule-list.js';
import {
  parseLimits,
  readJsonFile,
  readTextFile,
  requirePath,
  resolveContained,
  type FileLimits,
} from './files.js';
import { parseJsonText } from './json-text.js';

/** The file name the CLI looks for, from the working directory upward. */
export const CONFIG_FILE_NAME = 'huashu.config.json';

/**
 * `huashu.config.json`. Each area owns its key; paths are relative to the file and must stay
 * inside its folder. In `lint.packs` an entry may be a pack object or the path of a pack's JSON file.
 */
export const configSchema = z.strictObject({
  /** For editors: the JSON Schema of this file. */
  $schema: z.optional(z.string()),
  lint: z.optional(lintOptionsSchema),
  /** A folder of extra templates. */
  templates: z.optional(z.string()),
  /** A folder of extra next-action rule files. */
  actions: z.optional(z.string()),
});

export interface HuashuConfig {
  lint?: LintOptions;
  /** Absolute path of the templates folder. */
  templates?: string;
  /** Absolute path of the actions folder. */
  actions?: string;
}

export interface LoadedConfig {
  /** The file read; undefined when none was found (the config is then empty). */
  path?: string;
  config: HuashuConfig;
}

/**
 * The configuration file's JSON, comments allowed (`//` and `/* *\/`, as tsconfig.json and VS Code's
 * settings): they are blanked by jsonc-parser, keeping line breaks, so a syntax error still names
 * its line. Trailing commas stay errors.
 */
function readConfigJson(path: string, maxBytes: number): unknown {
  const parsed = parseJsonText(stripComments(readTextFile(path, maxBytes), ' '));
  if (parsed.ok) return parsed.value;
  throw new HuashuError('INVALID_OPTIONS', `${path}: ${parsed.message}`, {
    issues: [{ file: path, path: '', message: parsed.message }],
  });
}

/** The nearest `huashu.config.json` in `cwd` or a folder above it, or undefined. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(requirePath(cwd, 'findConfigFile(cwd)'));
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every rule switched off: the checks below build no automaton for the built-in phrases. `extra`:
 * the configured settings, switched off too, options kept (so an option is checked like an id).
 */
function allRulesOff(extra: Record<string, unknown> = {}): Record<string, RuleSetting> {
  const off: Record<string, RuleSetting> = {};
  for (const rule of lintRules) off[rule.id] = 'off';
  for (const [id, setting] of Object.entries(extra))
    off[id] = Array.isArray(setting) && isRecord(setting[1]) ? ['off', setting[1] as RuleOptions] : 'off';
  return off;
}

/** The issues createLinter raises for `options`, or none. */
function linterIssues(options: LintOptions): readonly HuashuIssue[] {
  try {
    createLinter(options);
    return [];
  } catch (error) {
    if (!(error instanceof HuashuError)) throw error;
    return error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }];
  }
}

/** Where pack `index` of `lint.packs` is written: its own file, or the configuration. */
interface PackOrigin {
  file: string;
  /** JSON path prefix of the pack inside `file` ('' for a pack file). */
  prefix: string;
}

function joinPath(prefix: string, rest: string): string {
  const tail = rest.replace(/^\./, '');
  if (prefix === '') return tail;
  if (tail === '') return prefix;
  return rest.startsWith('[') ? `${prefix}${rest}` : `${prefix}.${tail}`;
}

/**
 * What createLinter would reject, checked part by part so one problem does not hide the next: rule
 * ids, each valid pack's phrases against its examples, the allow-list. Every rule is switched off
 * for the checks, so they are quick; the parts that failed the schema are not checked again.
 */
function linterChecks(
  lint: Record<string, unknown>,
  file: string,
  packs: ReadonlyArray<{ pack: PhrasePack; index: number; origin: PackOrigin }>,
): { options: HuashuIssue[]; packs: HuashuIssue[] } {
  const options: HuashuIssue[] = [];
  const packIssues: HuashuIssue[] = [];
  // Rule ids are checked even when a severity is wrong (the schema reports that one).
  if (isRecord(lint.rules))
    for (const issue of linterIssues({ rules: allRulesOff(lint.rules) }))
      options.push({ file, path: `lint.${issue.path}`, message: issue.message });
  if (packs.length > 0) {
    const checked = linterIssues({ packs: packs.map((p) => p.pack), rules: allRulesOff() });
    for (const issue of checked) {
      const match = /^packs\[(\d+)\](.*)$/.exec(issue.path);
      const origin = match === null ? undefined : packs[Number(match[1])]?.origin;
      if (origin === undefined) packIssues.push({ file, path: `lint.${issue.path}`, message: issue.message });
      else
        packIssues.push({
          file: origin.file,
          path: joinPath(origin.prefix, match?.[2] ?? ''),
          message: issue.message,
        });
    }
  }
  // The allowed phrases that pass the schema (the others are reported by it), by their index.
  const allowed = Array.isArray(lint.allow)
    ? lint.allow.flatMap((phrase: unknown, index) =>
        typeof phrase === 'string' && phrase !== '' ? [{ phrase, index }] : [],
      )
    : [];
  if (allowed.length > 0)
    for (const issue of linterIssues({ allow: allowed.map((a) => a.phrase), rules: allRulesOff() })) {
      // createLinter names the pattern made of an allowed phrase: allow[2].patterns[0].
      const k = /^allow\[(\d+)\]/.exec(issue.path)?.[1];
      const index = k === undefined ? undefined : allowed[Number(k)]?.index;
      options.push({
        file,
        path: index === undefined ? 'lint.allow' : `lint.allow[${index}]`,
        message: issue.message,
      });
    }
  return { options, packs: packIssues };
}

/**
 * Read and validate one configuration file (JSON; comments allowed). Every problem is listed at once (file and JSON path)
 * in one HuashuError: the file's schema, each pack file named in `lint.packs` (read, checked
 * against its schema and its examples, reported against its own file), unknown rule ids, allowed
 * phrases, and the folders' paths. The code is `INVALID_OPTIONS`, or `INVALID_RULES` when every
 * problem is inside the phrase packs (as createLinter reports them); `IO` when the file itself
 * cannot be read.
 *
 * Paths in the file (`lint.packs`, `templates`, `actions`) are relative to its folder and must stay
 * inside it: absolute paths, `..` that climbs out and symbolic links that lead out are refused. Only
 * regular files are read, each of at most `maxFileBytes` (default 10 MB). An error names files,
 * lines and columns, never their contents.
 */
export function loadConfigFile(file: string, options: FileLimits = {}): HuashuConfig {
  const path = resolve(requirePath(file, 'loadConfigFile(file)'));
  const limits = parseLimits(options, 'loadConfigFile');
  const base = dirname(path);
  const value = readConfigJson(path, limits.maxFileBytes);
  const issues: HuashuIssue[] = [];
  const packIssues: HuashuIssue[] = [];

  // Pack paths are replaced by the packs they name before validation.
  const packFiles = new Map<number, string>();
  const unreadable = new Set<number>();
  const lint = isRecord(value) ? value.lint : undefined;
  const packs = isRecord(lint) ? lint.packs : undefined;
  if (Array.isArray(packs)) {
    packs.forEach((pack, index) => {
      if (typeof pack !== 'string') return;
      const where = `lint.packs[${index}]`;
      const contained = resolveContained(base, pack);
      if ('problem' in contained) {
        issues.push({ file: path, path: where, message: contained.problem });
        unreadable.add(index);
        return;
      }
      try {
        packs[index] = readJsonFile(contained.path, 'INVALID_OPTIONS', limits.maxFileBytes);
        packFiles.set(index, contained.path);
      } catch (error) {
        if (!(error instanceof HuashuError)) throw error;
        issues.push({ file: path, path: where, message: error.message });
        unreadable.add(index);
      }
    });
  }

  const folders: { templates?: string; actions?: string } = {};
  for (const key of ['templates', 'actions'] as const) {
    const written = isRecord(value) ? value[key] : undefined;
    if (typeof written !== 'string') continue; // the schema reports it
    const contained = resolveContained(base, written);
    if ('problem' in contained) issues.push({ file: path, path: key, message: contained.problem });
    else folders[key] = contained.path;
  }

  const parsed = safeParse(configSchema, value);
  if (!parsed.success) {
    for (const issue of issuesFromZod(parsed.error, '', path)) {
      const pack = /^lint\.packs\[(\d+)\](.*)$/.exec(issue.path);
      const index = pack?.[1] === undefined ? undefined : Number(pack[1]);
      // A pack that could not be read is reported once, not again as "expected an object".
      if (index !== undefined && unreadable.has(index)) continue;
      const packFile = index === undefined ? undefined : packFiles.get(index);
      if (packFile === undefined) issues.push(issue);
      else
        issues.push({ file: packFile, path: (pack?.[2] ?? '').replace(/^\./, ''), message: issue.message });
    }
  }
  // The packs' own schema, checked here so a problem names the pack's file and its path in it;
  // the valid ones are then checked against their examples.
  const validPacks: Array<{ pack: PhrasePack; index: number; origin: PackOrigin }> = [];
  if (Array.isArray(packs))
    packs.forEach((pack, index) => {
      if (unreadable.has(index) || !isRecord(pack)) return;
      const packFile = packFiles.get(index);
      const origin: PackOrigin =
        packFile === undefined
          ? { file: path, prefix: `lint.packs[${index}]` }
          : { file: packFile, prefix: '' };
      const result = safeParse(phrasePackSchema, pack);
      if (result.success) validPacks.push({ pack: pack as PhrasePack, index, origin });
      else packIssues.push(...issuesFromZod(result.error, origin.prefix, origin.file));
    });
  if (isRecord(lint)) {
    const checked = linterChecks(lint, path, validPacks);
    issues.push(...checked.options);
    packIssues.push(...checked.packs);
  }

  if (issues.length > 0 || packIssues.length > 0 || !parsed.success) {
    // The options schema may check the packs too: each problem is listed once.
    const seen = new Set<string>();
    const all = [...issues, ...packIssues].filter((issue) => {
      const key = `${issue.file}\u0000${issue.path}\u0000${issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const onlyPacks = issues.length === 0 && parsed.success;
    throw new HuashuError(
      onlyPacks ? 'INVALID_RULES' : 'INVALID_OPTIONS',
      `Invalid configuration ${path}:\n  ${describeIssues(all)}`,
      { issues: all },
    );
  }

  const { $schema: _schema, ...config } = parsed.data;
  const resolved: HuashuConfig = {};
  if (config.lint !== undefined) resolved.lint = config.lint;
  if (folders.templates !== undefined) resolved.templates = folders.templates;
  if (folders.actions !== undefined) resolved.actions = folders.actions;
  return resolved;
}

/**
 * The configuration that applies in `cwd`: the nearest `huashu.config.json` upward, or an empty
 * one. `options` as loadConfigFile.
 */
export function loadConfig(cwd: string, options: FileLimits = {}): LoadedConfig {
  const path = findConfigFile(cwd);
  return path === undefined ? { config: {} } : { path, config: loadConfigFile(path, options) };
}
