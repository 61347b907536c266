import * as z from 'zod/mini';
import { invalidArgument } from '../../arguments.js';
import { parseJsonLines } from '../json-lines.js';

/**
 * Evaluation files (`huashu eval`): JSON Lines of labelled messages, as ../shared/eval/README.md
 * defines them. Scoring is in ./score.ts. CLI only: not part of the library's exports.
 */

/** One labelled row of an evaluation file (JSON Lines). */
export const evaluationRowSchema = z
  .looseObject({
    text: z.string(),
    /** Every acceptable primary intent (two when annotators disagreed). */
    accept: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
    /** The agreed intent; used when `accept` is absent. */
    intent: z.optional(z.nullable(z.string().check(z.minLength(1)))),
    /** The agent's message before this one, passed as context. */
    prev_agent_turn: z.optional(z.nullable(z.string())),
  })
  .check(
    z.refine((row) => (row.accept?.length ?? 0) > 0 || typeof row.intent === 'string', {
      message: 'a row needs "accept" (a non-empty list of intent ids) or "intent"',
    }),
  );

export interface EvaluationRow {
  text: string;
  accept: string[];
  previousAgentMessage: string | null;
}

/** Parse JSON Lines; every bad line is reported (line number, path, message) in one `INVALID_INPUT`. */
export function parseEvaluationRows(jsonl: string, file?: string): EvaluationRow[] {
  if (typeof jsonl !== 'string')
    throw invalidArgument(
      'INVALID_INPUT',
      'parseEvaluationRows(jsonl, file)',
      'jsonl',
      'the JSON Lines text (one {"text", "accept" or "intent"} object per line) as a string',
      jsonl,
    );
  if (file !== undefined && typeof file !== 'string')
    throw invalidArgument(
      'INVALID_INPUT',
      'parseEvaluationRows(jsonl, file)',
      'file',
      'the file name to cite in errors, as a string, or nothing',
      file,
    );
  return parseJsonLines(
    jsonl,
    evaluationRowSchema,
    ({ text, accept, intent, prev_agent_turn }) => ({
      text,
      accept: accept ?? [intent as string],
      previousAgentMessage: prev_agent_turn ?? null,
    }),
    'evaluation rows',
    file,
  );
}
