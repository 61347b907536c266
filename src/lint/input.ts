import * as z from 'zod/mini';
import { parseOrThrow } from '../errors.js';
import { turnSchema } from '../context.js';
import { factsSchema } from '../facts.js';
import { phraseLocaleSchema } from './data-schema.js';
import type { LintContext } from './types.js';

const replySchema = z.string({ error: 'expected the reply text as a string' });

const lintContextSchema = z.strictObject({
  facts: z.optional(factsSchema),
  /** The turns before this reply, oldest first: the same shape as analyze()'s `context.history`. */
  history: z.optional(z.array(turnSchema)),
  /** The older name of `history` (turns without times). */
  conversation: z.optional(
    z.array(z.object({ role: z.enum(['customer', 'agent', 'system']), text: z.string() })),
  ),
  locale: z.optional(phraseLocaleSchema),
});

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
