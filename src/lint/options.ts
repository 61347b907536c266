import * as z from 'zod/mini';
import { safeParse } from '../errors.js';
import { MAX_PHRASE_LENGTH } from '../limits.js';
import { phraseLocaleSchema, type PhrasePack } from './data-schema.js';

export const severitySettingSchema = z.enum(['off', 'warn', 'error']);

/** A rule's options as configured: checked against the rule's `meta.defaultOptions` when the linter is built. */
export const ruleOptionsSchema = z.record(z.string(), z.union([z.boolean(), z.number(), z.string()]));

const SEVERITIES = '"off", "warn" or "error"';

/** What is wrong with a rule setting that is neither form, said so a person can fix it. */
function ruleSettingProblem(input: unknown): string {
  const shown = (value: unknown) =>
    typeof value === 'string'
      ? JSON.stringify(value)
      : Array.isArray(value)
        ? 'an array'
        : value === null
          ? 'null'
          : typeof value;
  if (!Array.isArray(input))
    return `expected ${SEVERITIES}, or [severity, { option: value }]; got ${shown(input)}`;
  if (input.length < 1 || input.length > 2)
    return `expected [severity] or [severity, { option: value }]; got an array of ${input.length}`;
  if (!safeParse(severitySettingSchema, input[0]).success)
    return `the first element must be ${SEVERITIES}; got ${shown(input[0])}`;
  const options: unknown = input[1];
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return `the second element must be an object of options, e.g. { "tone": false }; got ${shown(options)}`;
  for (const [key, value] of Object.entries(options))
    if (!['boolean', 'number', 'string'].includes(typeof value))
      return `option "${key}" must be a boolean, a number or a string; got ${shown(value)}`;
  return `expected ${SEVERITIES}, or [severity, { option: value }]`;
}

/** A severity, or `[severity]`, or `[severity, options]` (eslint's form). */
export const ruleSettingSchema = z.union(
  [severitySettingSchema, z.tuple([severitySettingSchema, z.optional(ruleOptionsSchema)])],
  { error: (issue) => ruleSettingProblem(issue.input) },
);

/**
 * Options of `createLinter()` and of `createAssistant({ lint })` (and the `lint` key of
 * huashu.config.json). Rule ids are checked against the known rules when the linter is built.
 */
export const lintOptionsSchema = z.strictObject({
  /**
   * Per rule id, its severity — `off`, `warn` or `error` (a rule's own `warn` findings stay
   * warnings) — or `[severity, options]` for a rule with options (`meta.defaultOptions`).
   */
  rules: z.optional(z.record(z.string(), ruleSettingSchema)),
  /**
   * Extra phrase packs (`phrasePackSchema`). They are validated and checked against their own
   * examples when the linter is built, and fail with `INVALID_RULES` like the built-in data would.
   */
  packs: z.optional(
    z.array(
      z.custom<PhrasePack>(
        (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
        'expected a phrase pack object { name, rule?, phrases }',
      ),
    ),
  ),
  /** Phrases never reported: a finding inside one of them is dropped (folded like replies). */
  allow: z.optional(
    z.array(
      z
        .string()
        .check(
          z.minLength(1, 'an allowed phrase must not be empty'),
          z.maxLength(
            MAX_PHRASE_LENGTH,
            `an allowed phrase is at most ${MAX_PHRASE_LENGTH} characters (MAX_PHRASE_LENGTH)`,
          ),
        ),
    ),
  ),
  /** Locale of finding messages; default: the reply's own locale. */
  messageLocale: z.optional(phraseLocaleSchema),
});

export type LintOptions = z.input<typeof lintOptionsSchema>;
