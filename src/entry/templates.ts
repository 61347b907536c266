/** `huashu/templates`: the reply-template catalogue on its own (built-in templates and packs). */
export { createTemplateCatalogue } from '../templates/index.js';
export type {
  AnalysisLike,
  CatalogueOptions,
  Channel,
  RenderOptions,
  SelectOptions,
  Stage,
  TemplateCatalogue,
  TemplateDefinition,
  TemplateDefinitionInput,
  TemplateEntry,
  TemplateFilter,
  TemplateLocale,
  TemplateMatch,
  VariableDeclaration,
  VariableType,
} from '../templates/index.js';
export type { TemplateId } from '../ids.js';
