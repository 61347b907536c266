import { z } from 'zod';

export const supportedLocaleSchema = z.enum(['zh-Hans', 'zh-Hant', 'en']);

/**
 * Options of `createAssistant()`. Each subsystem contributes its own field and schema
 * (intents, templates, lint, actions); all of them are optional.
 */
export const assistantOptionsSchema = z
  .object({
    /** The locale replies use when a message's language is unknown or unsupported. Default `zh-Hans`. */
    defaultLocale: supportedLocaleSchema.optional(),
  })
  .strict();

export type AssistantOptions = z.input<typeof assistantOptionsSchema>;
