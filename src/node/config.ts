import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue } from '../errors.js';
import { supportedLocaleSchema } from '../options.js';

/** The file name the CLI looks for, from the working directory upward. */
export const CONFIG_FILE_NAME = 'huashu.config.json';

// Provisional until src/lint/options.ts lands: the contract's LintOptions shape.
const lintOptionsSchema = z
  .object({
    rules: z.record(z.string(), z.enum(['off', 'warn', 'error'])).optional(),
    packs: z.array(z.unknown()).optional(),
    allow: z.array(z.string()).optional(),
    messageLocale: supportedLocaleSchema.optional(),
  })
  .strict();
type LintOptions = z.input<typeof lintOptionsSchema>;

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
      }
    });
  }

  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of issuesFromZod(parsed.error, '', path)) {
      const pack = /^lint\.packs\[(\d+)\](.*)$/.exec(issue.path);
      const packFile = pack?.[1] === undefined ? undefined : packFiles.get(Number(pack[1]));
      if (packFile === undefined) issues.push(issue);
      else
        issues.push({ file: packFile, path: (pack?.[2] ?? '').replace(/^\./, ''), message: issue.message });
    }
  }
  if (issues.length > 0 || !parsed.success) fail(path, issues);

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
