import * as z from 'zod/mini';

/**
 * What compiles a template pack's sources: `templateCompiler`, exported by `huashu/templates`.
 * handlebars' compiler is about 60 KB of a browser bundle, and only packs need it (the built-in
 * templates are precompiled at build time), so the core does not import it: a caller with packs
 * passes it, `createAssistant({ templates, templateCompiler })`. Its members are huashu's own.
 */
export interface TemplateCompiler {
  readonly kind: 'huashu/template-compiler';
  /** @internal handlebars' syntax tree of a source; throws on a syntax error. */
  readonly parse: (source: string) => unknown;
  /** @internal The spec handlebars' runtime links (`env.template(spec)`) for a parsed source. */
  readonly compile: (program: unknown, options: object) => unknown;
}

export function isTemplateCompiler(value: unknown): value is TemplateCompiler {
  if (typeof value !== 'object' || value === null) return false;
  const compiler = value as TemplateCompiler;
  return (
    compiler.kind === 'huashu/template-compiler' &&
    typeof compiler.parse === 'function' &&
    typeof compiler.compile === 'function'
  );
}

export const templateCompilerSchema = z.custom<TemplateCompiler>(isTemplateCompiler, {
  message: 'expected the templateCompiler exported by huashu/templates',
});

/** Why packs without a compiler are refused, and what to pass. */
export const TEMPLATE_COMPILER_NEEDED =
  "template packs are compiled by handlebars' compiler, kept out of the core (~60 KB): pass templateCompiler, imported from huashu/templates, beside the templates";
