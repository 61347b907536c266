import { z } from 'zod';
import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue } from '../../errors.js';

/**
 * One message of a replay file (JSON Lines): what the customer wrote, the agent's message before it
 * and the shop's facts when known. Labels (`accept` or `intent`) are optional: with them the replay
 * also checks where the out-of-scope wording and the costly actions went.
 */
export const replayRowSchema = z
  .object({
    text: z.string(),
    prev_agent_turn: z.string().nullable().optional(),
    facts: z.record(z.string(), z.unknown()).optional(),
    accept: z.array(z.string().min(1)).min(1).optional(),
    intent: z.string().min(1).nullable().optional(),
  })
  .loose();

export interface ReplayRow {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  previousAgentMessage: string | null;
  facts: Record<string, unknown> | undefined;
  /** The labelled intents, empty when the row has none. */
  accept: string[];
}

/** Parse JSON Lines; every bad line is reported (line number, path, message) in one `INVALID_INPUT`. */
export function parseReplayRows(jsonl: string, file?: string): ReplayRow[] {
  const rows: ReplayRow[] = [];
  const issues: HuashuIssue[] = [];
  jsonl.split('\n').forEach((line, i) => {
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
    const parsed = replayRowSchema.safeParse(value);
    if (!parsed.success) {
      issues.push(...issuesFromZod(parsed.error, at, file));
      return;
    }
    const { text, prev_agent_turn, facts, accept, intent } = parsed.data;
    rows.push({
      line: i + 1,
      text,
      previousAgentMessage: prev_agent_turn ?? null,
      facts,
      accept: accept ?? (typeof intent === 'string' ? [intent] : []),
    });
  });
  if (issues.length > 0)
    throw new HuashuError(
      'INVALID_INPUT',
      `Invalid replay rows:\n  ${describeIssues(issues.slice(0, 20))}${issues.length > 20 ? `\n  … and ${issues.length - 20} more` : ''}`,
      { issues },
    );
  if (rows.length === 0)
    throw new HuashuError(
      'INVALID_INPUT',
      'The replay file has no rows: give one JSON object per line with a "text".',
    );
  return rows;
}
