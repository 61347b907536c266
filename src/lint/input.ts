import * as z from 'zod';
import { parseOrThrow } from '../errors.js';
import { turnSchema } from '../context.js';
import { factsSchema } from '../facts.js';
import { phraseLocaleSchema } from './data-schema.js';
import type { LintContext } from './types.js';

const replySchema = z.string({ error: 'expected the reply text as a string' });

const lintContextSchema = z
  .object({
    facts: z.optional(factsSchema),
    /** The turns before this reply, oldest first: the same shape as analyze()'s `context.history`. */
    history: z.array(turnSchema).optional(),
    /** The older name of `history` (turns without times). */
    conversation: z
      .array(z.object({ role: z.enum(['customer', 'agent', 'system']), text: z.string() }))
      .optional(),
    locale: phraseLocaleSchema.optional(),
  })
  .strict();

/** Check `lint(reply, context)`'s arguments; throws `INVALID_INPUT` saying what to fix. */
export function checkLintInput(reply: unknown, context: unknown): asserts context is LintContext | undefined {
  if (typeof reply !== 'string') parseOrThrow(replySchema, reply, 'INVALID_INPUT', 'lint(reply)');
  if (context !== undefined)
    parseOrThrow(lintContextSchema, context, 'INVALID_INPUT', 'lint(reply, context)');
}

/** Check `notChecked(context)`'s argument; throws `INVALID_INPUT` saying what to fix. */
export function checkLintContext(context: unknown): asserts context is LintContext | undefined {
  if (context !== undefined) parseOrThrow(lintContextSchema, context, 'INVALID_INPUT', 'notChecked(context)');
}
