import { join, resolve } from 'node:path';
import type { HuashuIssue } from '../errors.js';
import { invalidTemplates } from '../templates/invalid.js';
import type { TemplateDefinition } from '../templates/definition.js';
import { templateInputsFromFiles, type TemplateFile } from '../templates/files.js';
import { validateTemplates } from '../templates/validate.js';
import { packCompiler } from '../templates/compiler.js';
import {
  listFiles,
  parseLimits,
  readTextFile,
  requireFolder,
  requirePath,
  type FileLimits,
} from './files.js';
import { describeJsonProblem, findJsonSyntaxProblem } from './json-text.js';

/**
 * Every `.hbs` and `.json` file under `dir`, with paths relative to it (using `/`), in name order.
 * Only regular files are read (symbolic links, dot-folders and node_modules are skipped), each of
 * at most `maxFileBytes` (default 10 MB), looking at no more than `maxFolderEntries` entries
 * (default 10,000). Throws `INVALID_INPUT` for a bad `dir`, `INVALID_OPTIONS` for bad limits,
 * `IO` when the folder is missing, too large, or a file cannot be read.
 */
export function readTemplateFiles(dir: string, options: FileLimits = {}): TemplateFile[] {
  const root = resolve(requirePath(dir, 'readTemplateFiles(dir)'));
  const limits = parseLimits(options, 'readTemplateFiles');
  requireFolder(root, 'Template folder');
  return listFiles(root, {
    maxEntries: limits.maxFolderEntries,
    recursive: true,
    accept: (name) => name.endsWith('.hbs') || name.endsWith('.json'),
  }).map((path) => ({ path, content: readTextFile(join(root, path), limits.maxFileBytes) }));
}

/**
 * The metadata parser reports JSON syntax errors in V8's words, which can quote the file; a
 * folder loaded from disk gets our own words instead (file, line, column, what was expected).
 */
function withoutQuotedContent(
  issues: HuashuIssue[],
  files: readonly TemplateFile[],
  root: string,
): HuashuIssue[] {
  const byFile = new Map(files.map((file) => [join(root, file.path), file.content]));
  return issues.map((issue) => {
    const content = issue.file === undefined ? undefined : byFile.get(issue.file);
    if (content === undefined || !issue.message.startsWith('invalid JSON')) return issue;
    return { ...issue, message: describeJsonProblem(findJsonSyntaxProblem(content)) };
  });
}

/**
 * Load a template pack from a folder laid out like the built-in `templates/`:
 * `<group>/<name>.json` (metadata) beside `<group>/<name>.<locale>.hbs` (zh-Hans, zh-Hant, en;
 * a pack may cover some locales). Pass the result to `createAssistant({ templates, templateCompiler })`: its ids
 * add to the built-ins or replace them. Throws `INVALID_TEMPLATES` listing every problem with its
 * file and JSON path, or `IO` when the folder does not exist or breaks a limit (see
 * readTemplateFiles). A path given here is trusted as is; paths from a configuration file are
 * checked by loadConfigFile.
 */
export function loadTemplatePack(dir: string, options: FileLimits = {}): TemplateDefinition[] {
  const root = resolve(requirePath(dir, 'loadTemplatePack(dir)'));
  const files = readTemplateFiles(root, parseLimits(options, 'loadTemplatePack'));
  const { inputs, issues } = templateInputsFromFiles(files, (path) => join(root, path));
  const { templates, issues: problems } = validateTemplates(inputs, {
    requireAllLocales: false,
    compiler: packCompiler,
  });
  const all = withoutQuotedContent([...issues, ...problems], files, root);
  if (all.length > 0) throw invalidTemplates(all);
  return templates.map((template) => template.definition);
}
