import * as z from 'zod/mini';
import type { HuashuIssue } from '../errors.js';
import { isKindObject } from '../util/kind-object.js';
import type { TemplateInput, ValidTemplate } from './validate.js';

/**
 * What validates and compiles template packs: `templateCompiler`, exported by `huashu/templates`.
 * handlebars' compiler and the checks of a pack's sources are about 70 KB of a browser bundle, and
 * only packs need them (the built-in templates are checked and precompiled at build time), so the
 * core does not import them: a caller with packs passes it, `createAssistant({ templates,
 * templateCompiler })`. Opaque: its workings are huashu's own (`PackCompiler`).
 */
export interface TemplateCompiler {
  readonly kind: 'huashu/template-compiler';
}

/** What `templateCompiler` does, for the catalogue (./catalogue.ts) and the validation (./validate.ts). */
export interface PackCompiler extends TemplateCompiler {
  /** handlebars' syntax tree of a source; throws on a syntax error. */
  readonly parse: (source: string) => unknown;
  /** The spec handlebars' runtime links (`env.template(spec)`) for a parsed source. */
  readonly compile: (program: unknown, options: object) => unknown;
  /** `validateTemplates` with this compiler: every problem of the packs, and the valid ones compiled. */
  readonly validate: (
    inputs: readonly TemplateInput[],
    options: { requireAllLocales: boolean },
  ) => { templates: ValidTemplate[]; issues: HuashuIssue[] };
}

export function isTemplateCompiler(value: unknown): value is PackCompiler {
  return isKindObject(value, 'huashu/template-compiler', ['parse', 'compile', 'validate']);
}

export const templateCompilerSchema = z.custom<TemplateCompiler>(isTemplateCompiler, {
  message: 'expected the templateCompiler exported by huashu/templates',
});

/** Why packs without a compiler are refused, and what to pass. */
export const TEMPLATE_COMPILER_NEEDED =
  "template packs are compiled by handlebars' compiler, kept out of the core (~70 KB with the checks of a pack): pass templateCompiler, imported from huashu/templates, beside the templates";
