import { createHmac } from 'node:crypto';

/**
 * Redis key names. Per-conversation keys carry the conversation id as a hash tag (`{id}`), (`%`, `{`, `}` escaped, so
 * distinct ids stay distinct keys and the tag is the whole id), so a Redis Cluster spreads conversations over its shards while each conversation's keys share one
 * slot; per-customer keys carry the hashed customer id the same way.
 */
export const conversationTag = (conversationId: string) =>
  `{${conversationId.replace(/[%{}]/g, (c) => (c === '%' ? '%25' : c === '{' ? '%7B' : '%7D'))}}`;

/** HMAC-SHA-256 of the customer id under the shop's salt, hex: the customer as Redis sees it. */
export function hashCustomerId(customerId: string, salt: string): string {
  return createHmac('sha256', salt).update(customerId, 'utf8').digest('hex').slice(0, 32);
}
