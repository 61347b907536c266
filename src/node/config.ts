import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue } from '../errors.js';
import { phrasePackSchema } from '../lint/data-schema.js';
import { lintOptionsSchema, type LintOptions } from '../lint/options.js';

/** The file name the CLI looks for, from the working directory upward. */
export const CONFIG_FILE_NAME = 'huashu.config.json';

/**
 * `huashu.config.json`. Each area owns its key; paths are relative to the file. In `lint.packs`
 * an entry may be a pack object or the path of a pack's JSON file.
 */
export const configSchema = z
  .object({
    /** For editors: the JSON Schema of this file. */
    $schema: z.string().optional(),
    lint: lintOptionsSchema.optional(),
    /** A folder of extra templates. */
    templates: z.string().optional(),
    /** A folder of extra next-action rule files. */
    actions: z.string().optional(),
  })
  .strict();

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

/** The nearest `huashu.config.json` in `cwd` or a folder above it, or undefined. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `line L, column C` of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Read and parse a JSON file, or throw a HuashuError naming the file and where the syntax breaks. */
function readJson(file: string, code: 'INVALID_OPTIONS' | 'IO'): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const message = `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    throw new HuashuError('IO', message, { issues: [{ file, path: '', message }], cause: error });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const raw = (error as Error).message;
    const position = /position (\d+)/.exec(raw);
    const where = position?.[1] === undefined ? '' : ` (${lineAndColumn(text, Number(position[1]))})`;
    const message = `invalid JSON${where}: ${raw}`;
    throw new HuashuError(code, `${file}: ${message}`, {
      issues: [{ file, path: '', message }],
      cause: error,
    });
  }
}

function fail(file: string, issues: HuashuIssue[]): never {
  throw new HuashuError('INVALID_OPTIONS', `Invalid configuration ${file}:\n  ${describeIssues(issues)}`, {
    issues,
  });
}

/**
 * Read and validate one configuration file. Every problem is listed (file and JSON path) in one
 * HuashuError `INVALID_OPTIONS`; an unreadable file is `IO`. Pack files named in `lint.packs` are
 * read too, and their problems reported against their own file.
 */
export function loadConfigFile(file: string): HuashuConfig {
  const path = resolve(file);
  const base = dirname(path);
  const value = readJson(path, 'INVALID_OPTIONS');
  const issues: HuashuIssue[] = [];

  // Pack paths are replaced by the packs they name before validation.
  const packFiles = new Map<number, string>();
  const unreadable = new Set<number>();
  const packs = (value as { lint?: { packs?: unknown } } | null)?.lint?.packs;
  if (Array.isArray(packs)) {
    packs.forEach((pack, index) => {
      if (typeof pack !== 'string') return;
      const packFile = isAbsolute(pack) ? pack : resolve(base, pack);
      try {
        packs[index] = readJson(packFile, 'INVALID_OPTIONS');
        packFiles.set(index, packFile);
      } catch (error) {
        if (!(error instanceof HuashuError)) throw error;
        issues.push({ file: path, path: `lint.packs[${index}]`, message: error.message });
        unreadable.add(index);
      }
    });
  }

  const parsed = configSchema.safeParse(value);
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
  // The packs' own schema, checked here so a problem names the pack's file and its path in it
  // (createLinter checks their examples when the linter is built).
  if (Array.isArray(packs))
    packs.forEach((pack, index) => {
      if (unreadable.has(index) || typeof pack !== 'object' || pack === null) return;
      const result = phrasePackSchema.safeParse(pack);
      if (result.success) return;
      const packFile = packFiles.get(index);
      issues.push(
        ...(packFile === undefined
          ? issuesFromZod(result.error, `lint.packs[${index}]`, path)
          : issuesFromZod(result.error, '', packFile)),
      );
    });
  if (issues.length > 0 || !parsed.success) {
    // The options schema may check the packs too: each problem is listed once.
    const seen = new Set<string>();
    fail(
      path,
      issues.filter((issue) => {
        const key = `${issue.file}\u0000${issue.path}\u0000${issue.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    );
  }

  const { $schema: _schema, ...config } = parsed.data;
  const resolved: HuashuConfig = {};
  if (config.lint !== undefined) resolved.lint = config.lint;
  if (config.templates !== undefined) resolved.templates = resolve(base, config.templates);
  if (config.actions !== undefined) resolved.actions = resolve(base, config.actions);
  return resolved;
}

/** The configuration that applies in `cwd`: the nearest `huashu.config.json` upward, or an empty one. */
export function loadConfig(cwd: string): LoadedConfig {
  const path = findConfigFile(cwd);
  return path === undefined ? { config: {} } : { path, config: loadConfigFile(path) };
}
