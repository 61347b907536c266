import * as z from 'zod/mini';
import { regexPieceListSchema, regexPieceSchema } from '../text/regex-pieces.js';

/** A cue: pieces whose patterns may hold `{dataNouns}` (the data nouns as one group). */
const cueSchema = regexPieceListSchema(regexPieceSchema(['dataNouns']));

/** The cues of rules/intents/agent-turn.json, in the order the reader tries the agent's turn. */
export const AGENT_TURN_CUES = [
  'askedForData',
  'opening',
  'anythingElse',
  'question',
  'nothingElse',
] as const;
export type AgentTurnCue = (typeof AGENT_TURN_CUES)[number];

/** rules/intents/agent-turn.json: what the agent's previous turn did (src/intent/agent-turn.ts). */
export const agentTurnFileSchema = z.strictObject({
  description: z.string().check(z.minLength(1)),
  /** What an agent asks for (订单, 地址…): `{dataNouns}` in a pattern. */
  dataNouns: z
    .array(z.string().check(z.minLength(1), z.regex(/^[^|()[\]{}\\]+$/u, 'a plain word (no regex syntax)')))
    .check(z.minLength(1)),
  askedForData: cueSchema,
  opening: cueSchema,
  anythingElse: cueSchema,
  question: cueSchema,
  /** Words of a short customer answer that decline further help. */
  nothingElse: cueSchema,
});
export type AgentTurnFile = z.infer<typeof agentTurnFileSchema>;
