import type { HuashuIssue } from '../../src/errors.js';
import {
  AGENT_TURN_CUES,
  agentTurnFileSchema,
  type AgentTurnCue,
  type AgentTurnFile,
} from '../../src/intent/agent-turn-schema.js';
import {
  AgentTurn,
  agentTurnReader,
  type AgentTurnCueData,
  type AgentTurnReader,
} from '../../src/intent/agent-turn.js';
import { expandPlaceholders } from '../../src/text/regex-pieces.js';
import { failWith, pieceListProblems, readPieceFile } from './regex-pieces.js';
import { jsonModule, type DataGenerator } from './types.js';

const FILE = 'rules/intents/agent-turn.json';

/** Whether the folded message reads as the cue, by the reader of the data being built. */
const READS_AS: Record<AgentTurnCue, (reader: AgentTurnReader, folded: string) => boolean> = {
  askedForData: (reader, folded) => reader.classify(folded) === AgentTurn.AskedForData,
  opening: (reader, folded) => reader.classify(folded) === AgentTurn.Opening,
  anythingElse: (reader, folded) => reader.classify(folded) === AgentTurn.AskedAnythingElse,
  question: (reader, folded) => reader.classify(folded) === AgentTurn.Question,
  nothingElse: (reader, folded) => reader.nothingElse(folded),
};

/** The shipped form: each cue's patterns in file order. */
export function agentTurnCueData(file: AgentTurnFile): AgentTurnCueData {
  return {
    dataNouns: file.dataNouns,
    ...(Object.fromEntries(
      AGENT_TURN_CUES.map((cue) => [cue, file[cue].pieces.map((piece) => piece.pattern)]),
    ) as Record<AgentTurnCue, string[]>),
  };
}

/** Every example that does not read as its cue or is not matched by its piece; every counter-example that does. */
export function agentTurnProblems(
  file: AgentTurnFile,
  reader: AgentTurnReader,
  fold: (text: string) => string,
): HuashuIssue[] {
  const pieceRegex = (pattern: string) =>
    new RegExp(expandPlaceholders(pattern, { dataNouns: file.dataNouns }), 'u');
  return AGENT_TURN_CUES.flatMap((cue) =>
    pieceListProblems(FILE, cue, file[cue], (folded) => READS_AS[cue](reader, folded), fold, pieceRegex),
  );
}

/**
 * rules/intents/agent-turn.json → src/generated/agent-turn.ts: validated with zod, then read by the
 * run time's own reader (agentTurnReader) built from the file: every example must read as its cue
 * and be matched by its piece, no counter-example may read as its cue. The build fails listing
 * every problem. Runs before the intent model's generator (its features read the agent's turn).
 */
export const agentTurnGenerator: DataGenerator = {
  name: 'agent-turn',
  async generate(root) {
    // Imported here: normalize reads the generated fold tables, written by an earlier generator.
    const { normalize } = await import('../../src/normalize/index.js');
    const file = readPieceFile(root, FILE, agentTurnFileSchema);
    const data = agentTurnCueData(file);
    failWith(
      FILE,
      agentTurnProblems(file, agentTurnReader(data), (text) => normalize(text).text),
    );
    return [
      {
        name: 'agent-turn.ts',
        content: jsonModule(
          'agentTurnCues',
          '../intent/agent-turn.js',
          'AgentTurnCueData',
          data,
          "The cues of the agent's previous turn (rules/intents/agent-turn.json)",
        ),
      },
    ];
  },
};
