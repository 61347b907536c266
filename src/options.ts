import * as z from 'zod/mini';
import { LOCALES } from './vocabulary.js';
import { intentOptionsSchema } from './intent/schema.js';
import { lintOptionsSchema } from './lint/options.js';
import { actionOptionsSchema } from './actions/pack.js';
import type { TemplateDefinitionInput } from './templates/definition.js';
import { TEMPLATE_COMPILER_NEEDED, templateCompilerSchema } from './templates/compiler-option.js';

export const supportedLocaleSchema = z.enum(LOCALES);

/**
 * Options of `createAssistant()`. Each subsystem contributes its own field and schema
 * (intents, templates, lint, actions); all of them are optional.
 */
export const assistantOptionsSchema = z
  .strictObject({
    /**
     * The locale replies use when a message has no language to tell (only numbers, placeholders,
     * emoji or a link) and neither has its conversation (the agent's previous message, the last turns
     * of the history): 在吗 shops answer in Chinese. Default `zh-Hans`.
     */
    defaultLocale: z.optional(supportedLocaleSchema),
    /**
     * The locale replies use for a message in a language huashu has no templates for (Spanish,
     * Japanese, German…): never Chinese for a customer who did not write Chinese. Default `en`.
     */
    fallbackLocale: z.optional(supportedLocaleSchema),
    /**
     * The intent classifier: extra labelled `examples` (new intent ids allowed), pattern groups,
     * the `threshold` / `margin` below which the intent is `other`, or another statistical model
     * (`classifier: createNaturalClassifier()` from `huashu/node`). Validated: `INVALID_OPTIONS`.
     */
    intents: z.optional(intentOptionsSchema),
    /**
     * Template packs: definitions that add to the built-in templates or replace one by id
     * (`loadTemplatePack(dir)` from `huashu/node` reads a folder), with `templateCompiler` beside
     * them. Validated when the assistant is created: `INVALID_TEMPLATES` lists every problem.
     */
    templates: z.optional(
      z.custom<TemplateDefinitionInput[]>(
        (value) => Array.isArray(value),
        'expected an array of template definitions',
      ),
    ),
    /** Compiles the `templates`' sources: `templateCompiler` from `huashu/templates`; needed with templates. */
    templateCompiler: z.optional(templateCompilerSchema),
    /**
     * Next-action rules: `rules` added to the built-ins (a rule named like a built-in replaces it),
     * built-ins to `disable` by name, custom `operators`. `loadActionRules(dir)` from `huashu/node`
     * reads a folder. Validated when the assistant is created: `INVALID_RULES` lists every problem.
     */
    actions: z.optional(actionOptionsSchema),
    /**
     * The reply linter (`assistant.lint`): severity per rule, phrase packs (checked against their own
     * examples: `INVALID_RULES`), an allow-list and the messages' locale.
     */
    lint: z.optional(lintOptionsSchema),
  })
  .check(
    z.superRefine((options, context) => {
      if ((options.templates?.length ?? 0) > 0 && options.templateCompiler === undefined)
        context.addIssue({ code: 'custom', path: ['templateCompiler'], message: TEMPLATE_COMPILER_NEEDED });
    }),
  );

export type AssistantOptions = z.input<typeof assistantOptionsSchema>;
