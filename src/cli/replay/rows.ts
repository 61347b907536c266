import * as z from 'zod/mini';
import { parseJsonLines } from '../json-lines.js';

/**
 * One message of a replay file (JSON Lines): what the customer wrote, the agent's message before it
 * and the shop's facts when known. Labels (`accept` or `intent`) are optional: with them the replay
 * also checks where the out-of-scope wording and the costly actions went.
 */
export const replayRowSchema = z.looseObject({
  text: z.string(),
  prev_agent_turn: z.optional(z.nullable(z.string())),
  facts: z.optional(z.record(z.string(), z.unknown())),
  accept: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  intent: z.optional(z.nullable(z.string().check(z.minLength(1)))),
});

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
  return parseJsonLines(
    jsonl,
    replayRowSchema,
    ({ text, prev_agent_turn, facts, accept, intent }, line) => ({
      line,
      text,
      previousAgentMessage: prev_agent_turn ?? null,
      facts,
      accept: accept ?? (typeof intent === 'string' ? [intent] : []),
    }),
    'replay rows',
    file,
  );
}
