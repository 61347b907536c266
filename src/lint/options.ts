import * as z from 'zod';
import { MAX_PHRASE_LENGTH } from '../limits.js';
import { phraseLocaleSchema, type PhrasePack } from './data-schema.js';

export const severitySettingSchema = z.enum(['off', 'warn', 'error']);

/**
 * Options of `createLinter()` and of `createAssistant({ lint })` (and the `lint` key of
 * huashu.config.json). Rule ids are checked against the known rules when the linter is built.
 */
export const lintOptionsSchema = z
  .object({
    /** Severity per rule id: `off`, `warn` or `error` (a rule's own `warn` findings stay warnings). */
    rules: z.record(z.string(), severitySettingSchema).optional(),
    /**
     * Extra phrase packs (`phrasePackSchema`). They are validated and checked against their own
     * examples when the linter is built, and fail with `INVALID_RULES` like the built-in data would.
     */
    packs: z
      .array(
        z.custom<PhrasePack>(
          (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
          'expected a phrase pack object { name, rule?, phrases }',
        ),
      )
      .optional(),
    /** Phrases never reported: a finding inside one of them is dropped (folded like replies). */
    allow: z
      .array(
        z
          .string()
          .min(1, 'an allowed phrase must not be empty')
          .max(
            MAX_PHRASE_LENGTH,
            `an allowed phrase is at most ${MAX_PHRASE_LENGTH} characters (MAX_PHRASE_LENGTH)`,
          ),
      )
      .optional(),
    /** Locale of finding messages; default: the reply's own locale. */
    messageLocale: phraseLocaleSchema.optional(),
  })
  .strict();

export type LintOptions = z.input<typeof lintOptionsSchema>;
