import { BUILTIN_TEMPLATES, BUILTIN_TEMPLATE_SPECS } from '../generated/templates.js';
import type { TemplateLocale } from './definition.js';
import { sharedTemplateEnvironment } from './environment.js';
import type { CompiledTemplateFn, ValidTemplate } from './validate.js';
import { compileWhen } from './when.js';

let builtins: ValidTemplate[] | undefined;

/**
 * The built-in catalogue, validated and precompiled at build time (scripts/data/templates.ts):
 * loading it only links the precompiled functions, with no parsing and no code generation at
 * run time, so it also works where `new Function` is forbidden. Linked once per process.
 */
export function builtinTemplates(): ValidTemplate[] {
  if (builtins === undefined) {
    const env = sharedTemplateEnvironment();
    builtins = BUILTIN_TEMPLATES.map((definition) => {
      const specs = BUILTIN_TEMPLATE_SPECS[definition.id] ?? {};
      const compiled: Partial<Record<TemplateLocale, CompiledTemplateFn>> = {};
      for (const [locale, spec] of Object.entries(specs)) {
        compiled[locale as TemplateLocale] = env.template(spec as never) as CompiledTemplateFn;
      }
      return definition.when === undefined ? { definition, compiled } : { definition, compiled, when: compileWhen(definition.when) };
    });
  }
  return builtins;
}
