import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { HuashuError } from '../errors.js';
import { invalidTemplates } from '../templates/invalid.js';
import type { TemplateDefinition } from '../templates/definition.js';
import { templateInputsFromFiles, type TemplateFile } from '../templates/files.js';
import { validateTemplates } from '../templates/validate.js';

/** Every `.hbs` and `.json` file under `dir`, with paths relative to it (using `/`). */
export function readTemplateFiles(dir: string): TemplateFile[] {
  const root = resolve(dir);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) {
    throw new HuashuError('IO', `Template folder not found: ${root}`, {
      issues: [{ file: root, path: '', message: 'not a folder' }],
    });
  }
  const files: TemplateFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full);
      } else if (entry.isFile() && (entry.name.endsWith('.hbs') || entry.name.endsWith('.json'))) {
        files.push({ path: relative(root, full).split(sep).join('/'), content: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return files;
}

/**
 * Load a template pack from a folder laid out like the built-in `templates/`:
 * `<group>/<name>.json` (metadata) beside `<group>/<name>.<locale>.hbs` (zh-Hans, zh-Hant, en;
 * a pack may cover some locales). Pass the result to `createAssistant({ templates })`: its ids
 * add to the built-ins or replace them. Throws `INVALID_TEMPLATES` listing every problem with its
 * file and JSON path, or `IO` when the folder does not exist.
 */
export function loadTemplatePack(dir: string): TemplateDefinition[] {
  const root = resolve(dir);
  const files = readTemplateFiles(root);
  const { inputs, issues } = templateInputsFromFiles(files, (path) => join(root, path));
  const { templates, issues: problems } = validateTemplates(inputs, { requireAllLocales: false });
  const all = [...issues, ...problems];
  if (all.length > 0) throw invalidTemplates(all);
  return templates.map((template) => template.definition);
}
