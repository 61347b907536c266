import { z } from 'zod';
import { invalidArgument } from '../../arguments.js';
import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue } from '../../errors.js';

/**
 * Evaluation files (`huashu eval`): JSON Lines of labelled messages, as ../shared/eval/README.md
 * defines them. Scoring is in ./score.ts. CLI only: not part of the library's exports.
 */

/** One labelled row of an evaluation file (JSON Lines). */
export const evaluationRowSchema = z
  .object({
    text: z.string(),
    /** Every acceptable primary intent (two when annotators disagreed). */
    accept: z.array(z.string().min(1)).min(1).optional(),
    /** The agreed intent; used when `accept` is absent. */
    intent: z.string().min(1).nullable().optional(),
    /** The agent's message before this one, passed as context. */
    prev_agent_turn: z.string().nullable().optional(),
  })
  .loose()
  .refine((row) => (row.accept?.length ?? 0) > 0 || typeof row.intent === 'string', {
    message: 'a row needs "accept" (a non-empty list of intent ids) or "intent"',
  });

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
  const rows: EvaluationRow[] = [];
  const issues: HuashuIssue[] = [];
  const lines = jsonl.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      issues.push({
        ...(file === undefined ? {} : { file }),
        path: at,
        message: `not valid JSON (${(error as Error).message})`,
      });
      return;
    }
    const parsed = evaluationRowSchema.safeParse(value);
    if (!parsed.success) {
      issues.push(...issuesFromZod(parsed.error, at, file));
      return;
    }
    const { text, accept, intent, prev_agent_turn } = parsed.data;
    rows.push({ text, accept: accept ?? [intent as string], previousAgentMessage: prev_agent_turn ?? null });
  });
  if (issues.length > 0)
    throw new HuashuError(
      'INVALID_INPUT',
      `Invalid evaluation rows:\n  ${describeIssues(issues.slice(0, 20))}${issues.length > 20 ? `\n  … and ${issues.length - 20} more` : ''}`,
      { issues },
    );
  if (rows.length === 0) throw new HuashuError('INVALID_INPUT', 'The evaluation file has no rows.');
  return rows;
}
