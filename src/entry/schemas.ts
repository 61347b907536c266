/**
 * `huashu/schemas`: the JSON Schemas of every document you write for huashu, generated at build
 * time from the validators the library runs (use them in editors, in other languages, or with a
 * JSON Schema validator), and the size limits huashu enforces on packs and per-call input.
 */
export {
  actionRuleFileJsonSchema,
  assistantOptionsJsonSchema,
  configJsonSchema,
  contextJsonSchema,
  factsJsonSchema,
  intentOptionsJsonSchema,
  lintOptionsJsonSchema,
  patternGroupJsonSchema,
  phrasePackJsonSchema,
  templateDefinitionJsonSchema,
} from '../generated/schemas.js';
export type { JsonSchema } from '../generated/schemas.js';
export { LIMITS } from '../limits.js';
