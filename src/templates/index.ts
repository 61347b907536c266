export { createTemplateCatalogue, catalogueOptionsSchema } from './catalogue.js';
export { invalidTemplates } from './invalid.js';
export type { TemplateCompiler } from './compiler-option.js';
export type { CatalogueOptions } from './catalogue.js';
export {
  CHANNELS,
  STAGES,
  TEMPLATE_LOCALES,
  VARIABLE_TYPES,
  templateDefinitionSchema,
  templateMetadataSchema,
} from './definition.js';
export type {
  Channel,
  Stage,
  TemplateDefinition,
  TemplateDefinitionInput,
  TemplateLocale,
  TemplateMetadata,
  VariableDeclaration,
  VariableType,
} from './definition.js';
export type { ConditionNode as Condition, TopLevelCondition as TopCondition } from '../conditions/types.js';
export { templateInputsFromFiles } from './files.js';
export type { TemplateFile } from './files.js';
export { validateTemplates } from './validate.js';
export type { TemplateInput, ValidTemplate } from './validate.js';
export type {
  AnalysisLike,
  RenderOptions,
  SelectOptions,
  TemplateCatalogue,
  TemplateEntry,
  TemplateFilter,
  TemplateMatch,
} from './types.js';
