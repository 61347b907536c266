import { createAssistant, isHuashuError, type AssistantOptions } from '../../src/index.js';
import { templateCompiler } from '../../src/entry/templates.js';

/** The three kinds of file a shop writes: lint phrase packs, reply templates, next-action rules. */
export type PackKind = 'phrases' | 'templates' | 'actions';

export const PACK_KIND_NAMES: Readonly<Record<PackKind, string>> = {
  phrases: 'phrase pack',
  templates: 'template pack',
  actions: 'action rules',
};

export interface Pack {
  /** The file name (or `pasted-N.json`). */
  file: string;
  kind: PackKind;
  /** The parsed JSON, as given. */
  value: unknown;
}

/** One problem of a pack, as the library lists it. */
export interface PackProblem {
  file: string;
  path: string;
  message: string;
}

export type PackReading = { pack: Pack; problems: [] } | { pack?: undefined; problems: PackProblem[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Which kind of file this JSON is, by its shape; undefined when it is none of them. */
export function packKind(value: unknown): PackKind | undefined {
  if (Array.isArray(value)) return value.every(isObject) ? 'templates' : undefined;
  if (!isObject(value)) return undefined;
  if ('phrases' in value) return 'phrases';
  if ('rules' in value || 'disable' in value) return 'actions';
  if ('id' in value && ('sources' in value || 'stage' in value)) return 'templates';
  return undefined;
}

/** The assistant options that apply these packs together (action rule files are concatenated). */
export function packOptions(packs: readonly Pack[]): AssistantOptions {
  const options: AssistantOptions = {};
  const phrasePacks = packs.filter((p) => p.kind === 'phrases').map((p) => p.value);
  if (phrasePacks.length > 0) options.lint = { packs: phrasePacks as never };
  const templates = packs
    .filter((p) => p.kind === 'templates')
    .flatMap((p) => (Array.isArray(p.value) ? p.value : [p.value]));
  if (templates.length > 0) {
    options.templates = templates as never;
    // The page compiles the shop's templates as they are pasted: it carries handlebars' compiler.
    options.templateCompiler = templateCompiler;
  }
  const ruleFiles = packs.filter((p) => p.kind === 'actions').map((p) => p.value as Record<string, unknown>);
  if (ruleFiles.length > 0)
    options.actions = {
      rules: ruleFiles.flatMap((f) =>
        Array.isArray(f.rules) ? f.rules : f.rules === undefined ? [] : [f.rules],
      ),
      disable: ruleFiles.flatMap((f) => (Array.isArray(f.disable) ? (f.disable as string[]) : [])),
    };
  return options;
}

/**
 * A path of the assistant's options (`packs[0].phrases[1]`, `templates[0].id`, `actions.rules[2]`)
 * as a path inside the one file it came from.
 */
export function pathInFile(pack: Pack, optionsPath: string): string {
  const local =
    pack.kind === 'phrases'
      ? optionsPath.replace(/^packs\[\d+\]\.?/, '')
      : pack.kind === 'templates'
        ? Array.isArray(pack.value)
          ? optionsPath.replace(/^templates/, '')
          : optionsPath.replace(/^templates\[\d+\]\.?/, '')
        : optionsPath.replace(/^actions\.?/, '');
  return local === '' ? '(root)' : local;
}

/**
 * The problems the library finds building an assistant with these options (none: it builds);
 * `where` names the file, and turns an options path into a path in that file.
 */
export function problemsOf(
  options: AssistantOptions,
  file: string,
  where: (path: string) => string = (path) => path || '(root)',
): PackProblem[] {
  try {
    createAssistant(options);
    return [];
  } catch (error) {
    if (isHuashuError(error))
      return error.issues.length > 0
        ? error.issues.map((issue) => ({ file, path: where(issue.path), message: issue.message }))
        : [{ file, path: '(root)', message: error.message }];
    return [{ file, path: '(root)', message: error instanceof Error ? error.message : String(error) }];
  }
}

/**
 * Reads one file: JSON, a known kind, and valid for the library (built on its own, so every
 * problem's path points into this file). Never throws.
 */
export function readPack(file: string, text: string): PackReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ file, path: '(root)', message: `not JSON: ${(error as Error).message}` }] };
  }
  const kind = packKind(value);
  if (kind === undefined)
    return {
      problems: [
        {
          file,
          path: '(root)',
          message:
            'not a pack huashu knows: a phrase pack has "phrases", an action rule file has "rules", a template pack is a template definition (id, stage, sources…) or an array of them',
        },
      ],
    };
  const pack: Pack = { file, kind, value };
  const problems = problemsOf(packOptions([pack]), file, (path) => pathInFile(pack, path));
  return problems.length === 0 ? { pack, problems: [] } : { problems };
}
