import * as z from 'zod';

/** Whether `source` compiles as a regular expression with the `u` flag once `{dataNouns}` is filled in. */
function compiles(source: string): boolean {
  try {
    new RegExp(source.replaceAll('{dataNouns}', 'x'), 'u');
    return true;
  } catch {
    return false;
  }
}

const pieceSchema = z.strictObject({
  /** What the piece covers: documentation, and the build's messages. */
  kind: z.string().min(1),
  /** Why the piece reads as it does, where its pattern does not say. */
  note: z.string().min(1).optional(),
  /** A regular expression (JavaScript, `u` flag) on the folded message; `{dataNouns}` is the data nouns. */
  pattern: z
    .string()
    .min(1)
    .refine(compiles, 'must compile as a JavaScript regular expression with the u flag'),
  /** Whole messages (as written) that read as the cue, matched by this piece once folded. */
  examples: z.array(z.string().min(1)).min(1),
});

const cueSchema = z.strictObject({
  description: z.string().min(1),
  pieces: z.array(pieceSchema).min(1),
  /** Whole messages (as written) that must not read as the cue. */
  counterExamples: z.array(z.string().min(1)).min(1),
});

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
  description: z.string().min(1),
  /** What an agent asks for (订单, 地址…): `{dataNouns}` in a pattern. */
  dataNouns: z
    .array(
      z
        .string()
        .min(1)
        .regex(/^[^|()[\]{}\\]+$/u, 'a plain word (no regex syntax)'),
    )
    .min(1),
  askedForData: cueSchema,
  opening: cueSchema,
  anythingElse: cueSchema,
  question: cueSchema,
  /** Words of a short customer answer that decline further help. */
  nothingElse: cueSchema,
});
export type AgentTurnFile = z.infer<typeof agentTurnFileSchema>;
