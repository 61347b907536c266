import type { HuashuIssue } from '../errors.js';
import { TEMPLATE_LOCALES, type TemplateLocale } from './definition.js';
import type { TemplateInput } from './validate.js';

/** One file of a template folder: its path relative to the folder (with `/`) and its text. */
export interface TemplateFile {
  path: string;
  content: string;
}

const SOURCE = /^(?<id>.+\/[^/]+)\.(?<locale>[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.hbs$/;
const METADATA = /^(?<id>.+\/[^/]+)\.json$/;

/** Editors end files with a newline; a reply does not. */
function stripFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/**
 * Group the files of a template folder (`<group>/<name>.<locale>.hbs` + `<group>/<name>.json`)
 * into definitions to validate. Pure: the callers (the build-time generator, `loadTemplatePack`)
 * read the files. Files outside a group folder and other extensions are not templates and are
 * skipped, except a stray `.hbs`, which is reported.
 */
export function templateInputsFromFiles(
  files: readonly TemplateFile[],
  describe: (path: string) => string = (path) => path,
): { inputs: TemplateInput[]; issues: HuashuIssue[] } {
  const issues: HuashuIssue[] = [];
  const byId = new Map<
    string,
    { metadata?: TemplateFile; sources: Partial<Record<TemplateLocale, TemplateFile>> }
  >();
  const entry = (id: string) => {
    let found = byId.get(id);
    if (found === undefined) {
      found = { sources: {} };
      byId.set(id, found);
    }
    return found;
  };

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const path = file.path.replace(/\\/g, '/');
    if (path.endsWith('.hbs')) {
      const match = SOURCE.exec(path);
      if (!match?.groups) {
        issues.push({
          file: describe(file.path),
          path: '',
          message: 'a template source is named <group>/<name>.<locale>.hbs (locale zh-Hans, zh-Hant or en)',
        });
        continue;
      }
      const locale = match.groups.locale as TemplateLocale;
      if (!(TEMPLATE_LOCALES as readonly string[]).includes(locale)) {
        issues.push({
          file: describe(file.path),
          path: '',
          message: `unknown locale "${locale}" in the file name; use ${TEMPLATE_LOCALES.join(', ')}`,
        });
        continue;
      }
      entry(match.groups.id!).sources[locale] = { path, content: file.content };
    } else {
      const match = METADATA.exec(path);
      if (match?.groups) entry(match.groups.id!).metadata = { path, content: file.content };
    }
  }

  const inputs: TemplateInput[] = [];
  for (const [id, { metadata, sources }] of byId) {
    const sourceFiles = Object.fromEntries(
      Object.entries(sources).map(([locale, file]) => [locale, describe(file.path)]),
    ) as Partial<Record<TemplateLocale, string>>;
    if (metadata === undefined) {
      for (const file of Object.values(sources)) {
        issues.push({
          file: describe(file.path),
          path: '',
          message: `no metadata: add ${id}.json (id, stage, intents, channels, description, variables)`,
        });
      }
      continue;
    }
    const metadataFile = describe(metadata.path);
    if (Object.keys(sources).length === 0) {
      issues.push({
        file: metadataFile,
        path: '',
        message: `no template source: add ${id}.<locale>.hbs for ${TEMPLATE_LOCALES.join(', ')}`,
      });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(metadata.content);
    } catch (error) {
      issues.push({
        file: metadataFile,
        path: '',
        message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push({ file: metadataFile, path: '', message: 'the metadata must be a JSON object' });
      continue;
    }
    const record = value as Record<string, unknown>;
    if ('sources' in record) {
      issues.push({
        file: metadataFile,
        path: 'sources',
        message: 'the sources are the .hbs files beside the metadata: remove "sources"',
      });
      continue;
    }
    if (record.id !== id) {
      issues.push({
        file: metadataFile,
        path: 'id',
        message: `the id must match the file's place in the folder: "${id}"`,
      });
      continue;
    }
    const texts = Object.fromEntries(
      Object.entries(sources).map(([locale, file]) => [locale, stripFinalNewline(file.content)]),
    );
    inputs.push({
      value: { ...record, sources: texts },
      files: { metadata: metadataFile, sources: sourceFiles },
    });
  }
  return { inputs, issues };
}
