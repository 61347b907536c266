/**
 * The built-in reading of the agent's previous turn (see agent-turn.ts), from the cues of
 * rules/intents/agent-turn.json, built on first use.
 */
import { agentTurnCues } from '../generated/agent-turn.js';
import { agentTurnReader, type AgentTurn, type AgentTurnReader } from './agent-turn.js';

let reader: AgentTurnReader | undefined;

/** What the agent's message (folded, see `normalize`) asked. */
export function classifyAgentTurn(folded: string): AgentTurn {
  return (reader ??= agentTurnReader(agentTurnCues())).classify(folded);
}

/** Whether the folded short answer declines further help ("没有了", "no thanks, that's all"). */
export function saysNothingElse(folded: string): boolean {
  return (reader ??= agentTurnReader(agentTurnCues())).nothingElse(folded);
}
