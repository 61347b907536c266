import * as z from 'zod/mini';
import { CHANNELS, LOCALES, STAGES } from '../vocabulary.js';
import { MAX_TEMPLATE_ID_LENGTH, MAX_VARIABLE_PATH_SEGMENTS } from '../limits.js';
import { INHERITED_KEYS } from '../util/own.js';
import { whenSchema } from './when.js';

/** The locales every built-in template is written in. */
export const TEMPLATE_LOCALES = LOCALES;
export const templateLocaleSchema = z.enum(TEMPLATE_LOCALES);
export type TemplateLocale = z.infer<typeof templateLocaleSchema>;

/** Where a reply sits in the conversation (vocabulary.ts); `select()` ranks and filters by it. */
export { STAGES };
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

export { CHANNELS };
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/**
 * Kinds of template variables. `date` is an ISO 8601 date or date-time (or epoch milliseconds),
 * `amount` a number of money, `list` a non-empty array of strings, `gender` female | male | unknown.
 */
export const VARIABLE_TYPES = [
  'text',
  'number',
  'amount',
  'date',
  'phone',
  'gender',
  'list',
  'boolean',
] as const;
export const variableTypeSchema = z.enum(VARIABLE_TYPES);
export type VariableType = z.infer<typeof variableTypeSchema>;

/** A template id: `<group>/<name>`, lower case, digits, `.`, `_` and `-`. */
export const templateIdSchema = z
  .string()
  .check(
    z.maxLength(MAX_TEMPLATE_ID_LENGTH, `a template id is at most ${MAX_TEMPLATE_ID_LENGTH} characters (MAX_TEMPLATE_ID_LENGTH)`),
    z.regex(
      /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)+$/,
      'a template id is "<group>/<name>" in lower case (letters, digits, ".", "_", "-"), e.g. "shipping/not-shipped"',
    ),
  );

/**
 * Why a variable path can never be a variable, or undefined when it can: a name every object
 * inherits (`__proto__`, `constructor`, `prototype`, `toString`, …) would write to or read from
 * the prototype chain instead of the variables, and a path may not nest without bound.
 */
export function variablePathProblem(path: string): string | undefined {
  const segments = path.split('.');
  const inherited = segments.find((segment) => INHERITED_KEYS.has(segment));
  if (inherited !== undefined) {
    return `"${inherited}" cannot be part of a variable name: every object inherits it, so it never holds a value (rename the variable)`;
  }
  if (segments.length > MAX_VARIABLE_PATH_SEGMENTS) {
    return `a variable path has at most ${MAX_VARIABLE_PATH_SEGMENTS} parts (MAX_VARIABLE_PATH_SEGMENTS), this one has ${segments.length}`;
  }
  return undefined;
}

/** A variable path such as `customer.name` or `order.trackingNumber`. */
export const variablePathSchema = z.string().check(
  z.regex(
    /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/,
    'a variable is a dotted path of identifiers, e.g. "order.trackingNumber"',
  ),
  z.superRefine((path, ctx) => {
    const problem = variablePathProblem(path);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

const exampleValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

/** An example value, the same for every locale or one per locale. */
export const variableExampleSchema = z.union([
  exampleValueSchema,
  z.partialRecord(templateLocaleSchema, exampleValueSchema),
]);

export const variableDeclarationSchema = z.strictObject({
  type: variableTypeSchema,
  /** What the value is, for the catalogue reference. */
  description: z.optional(z.string().check(z.minLength(1))),
  /** Optional variables may be left out; the template then sees `null`. */
  optional: z.optional(z.boolean()),
  example: variableExampleSchema,
});
export type VariableDeclaration = z.infer<typeof variableDeclarationSchema>;

/** A template's metadata: the sidecar `<name>.json` of `templates/<group>/<name>.<locale>.hbs`. */
export const templateMetadataSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: templateIdSchema,
  stage: stageSchema,
  /** Intent ids this template answers; empty for conversation moves chosen by id or by `when`. */
  intents: z.array(z.string().check(z.minLength(1))),
  channels: z.array(channelSchema).check(z.minLength(1, 'list at least one channel')),
  description: z.string().check(z.minLength(1)),
  variables: z.record(variablePathSchema, variableDeclarationSchema),
  /** json-rules-engine condition over the facts and `analysis`; the template fits only when it holds. */
  when: z.optional(whenSchema),
});
export type TemplateMetadata = z.infer<typeof templateMetadataSchema>;

/** A complete template: metadata plus the handlebars source per locale. Packs are arrays of these. */
export const templateDefinitionSchema = z.extend(templateMetadataSchema, {
  sources: z
    .partialRecord(templateLocaleSchema, z.string().check(z.minLength(1, 'a template source cannot be empty')))
    .check(z.refine((sources) => Object.keys(sources).length > 0, 'give the source in at least one locale')),
});
export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;
