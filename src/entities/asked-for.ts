import type { AgentTurnRead } from '../text/message.js';
import { cueHits, type IdentifierKind } from './lexicon-hits.js';

/**
 * What the agent's last message asked for — an order number (请提供订单号), a tracking number
 * (快递单号是多少) or a phone (留个电话) — so a bare number in the answer is read as that. Only
 * the end of the turn is read (the question is asked last).
 */
export function identifierAskedFor(agent: AgentTurnRead | undefined): IdentifierKind | undefined {
  if (agent === undefined) return undefined;
  const hits = cueHits(agent.phrases);
  const last = hits[hits.length - 1];
  if (last === undefined) return undefined;
  return last.kind === 'carrier' ? 'tracking_number' : last.kind;
}
