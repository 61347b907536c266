/** `huashu/templates`: the reply-template catalogue on its own (built-in templates and packs). */
export { createTemplateCatalogue } from '../templates/index.js';
// Its own module, not the templates barrel: the core (src/index.ts) reads the barrel, and must not
// carry handlebars' compiler.
export { templateCompiler } from '../templates/compiler.js';
export type {
  AnalysisLike,
  CatalogueOptions,
  Channel,
  RenderOptions,
  SelectOptions,
  Stage,
  TemplateCatalogue,
  TemplateDefinition,
  TemplateCompiler,
  TemplateDefinitionInput,
  TemplateEntry,
  TemplateFilter,
  TemplateLocale,
  TemplateMatch,
  VariableDeclaration,
  VariableType,
} from '../templates/index.js';
export type { TemplateId } from '../ids.js';
