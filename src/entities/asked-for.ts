import type { Context } from '../context.js';
import { normalize } from '../normalize/index.js';
import { scanPhrasesUncached } from '../signals/phrase-scan.js';
import { cueHits, type IdentifierKind } from './lexicon-hits.js';

/** Only the end of a long agent message matters: the question is asked last. */
const MAX_AGENT_CHARS = 300;

/**
 * What the agent's last message asked for — an order number (请提供订单号), a tracking number
 * (快递单号是多少) or a phone (留个电话) — so a bare number in the answer is read as that.
 */
export function identifierAskedFor(context: Context | undefined): IdentifierKind | undefined {
  const previous = context?.previousAgentMessage;
  if (previous === undefined || previous === null || previous === '') return undefined;
  const tail = previous.length > MAX_AGENT_CHARS ? previous.slice(-MAX_AGENT_CHARS) : previous;
  const hits = cueHits(scanPhrasesUncached(normalize(tail)));
  const last = hits[hits.length - 1];
  if (last === undefined) return undefined;
  return last.kind === 'carrier' ? 'tracking_number' : last.kind;
}
