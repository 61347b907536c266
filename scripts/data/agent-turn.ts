import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue } from '../../src/errors.js';
import { normalize } from '../../src/normalize/index.js';
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

/**
 * rules/intents/agent-turn.json → src/generated/agent-turn.ts: validated with zod, then read by the
 * run time's own reader (agentTurnReader) built from the file: every example must read as its cue
 * and be matched by its piece, no counter-example may read as its cue. The build fails listing
 * every problem. Runs before the intent model's generator (its features read the agent's turn).
 */
export const agentTurnGenerator: DataGenerator = {
  name: 'agent-turn',
  generate(root) {
    const json: unknown = JSON.parse(readFileSync(join(root, FILE), 'utf8'));
    const parsed = agentTurnFileSchema.safeParse(json);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error, '', FILE);
      throw new HuashuError('INVALID_RULES', `Invalid ${FILE}:\n  ${describeIssues(issues)}`, { issues });
    }
    const data = agentTurnCueData(parsed.data);
    const issues = agentTurnProblems(parsed.data, agentTurnReader(data));
    if (issues.length > 0)
      throw new HuashuError('INVALID_RULES', `Invalid ${FILE}:\n  ${describeIssues(issues)}`, { issues });
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

/** Every example that does not read as its cue or is not matched by its piece; every counter-example that does. */
export function agentTurnProblems(file: AgentTurnFile, reader: AgentTurnReader): HuashuIssue[] {
  const issues: HuashuIssue[] = [];
  const problem = (path: string, message: string) => issues.push({ file: FILE, path, message });
  for (const cue of AGENT_TURN_CUES) {
    const readsAs = (text: string) => READS_AS[cue](reader, normalize(text).text);
    file[cue].pieces.forEach((piece, p) => {
      const own = new RegExp(piece.pattern.replaceAll('{dataNouns}', file.dataNouns.join('|')), 'u');
      piece.examples.forEach((example, e) => {
        const path = `${cue}.pieces[${p}].examples[${e}]`;
        if (!own.test(normalize(example).text))
          problem(path, `${JSON.stringify(example)} is not matched by its piece`);
        if (!readsAs(example)) problem(path, `${JSON.stringify(example)} does not read as ${cue}`);
      });
    });
    file[cue].counterExamples.forEach((text, c) => {
      if (readsAs(text)) problem(`${cue}.counterExamples[${c}]`, `${JSON.stringify(text)} reads as ${cue}`);
    });
  }
  return issues;
}
