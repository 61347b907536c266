/** The intent ids of domain.md §2, in the order the docs list them. User packs may add their own. */
export const BUILT_IN_INTENT_IDS = [
  'greeting',
  'ack',
  'thanks',
  'goodbye',
  'human_agent',
  'product.inquiry',
  'product.authenticity',
  'product.stock',
  'price.bargain',
  'promotion.inquiry',
  'payment.issue',
  'invoice',
  'order.ship_time',
  'order.shipping_delay',
  'order.logistics',
  'order.courier_stalled',
  'order.status',
  'order.change_address',
  'order.change_item',
  'order.special_request',
  'order.cancel',
  'aftersale.return_exchange',
  'aftersale.refund',
  'aftersale.price_protection',
  'aftersale.wrong_missing',
  'aftersale.defect',
  'aftersale.repair_install',
  'complaint',
  'feedback',
  'abuse',
  'other',
] as const;

export type BuiltInIntentId = (typeof BUILT_IN_INTENT_IDS)[number];

/** Out of scope or unclear; also the answer below the confidence threshold. */
export const OTHER_INTENT = 'other';

/**
 * Which intent is primary when clauses of one message differ: a request outranks everything
 * ("在吗 我要退货", "转人工 怎么退款"), then asking for a human, closing, thanking, acknowledging,
 * greeting. ("好的 谢谢" is thanks, "没有了 谢谢" goodbye, "你好 转人工" human_agent.) Unlisted
 * intents, including user-defined ones, are requests.
 */
const SOCIAL_PRECEDENCE: Readonly<Record<string, number>> = {
  other: 0,
  greeting: 1,
  ack: 2,
  thanks: 3,
  goodbye: 4,
  human_agent: 5,
};
export const REQUEST_PRECEDENCE = 6;

export function intentPrecedence(id: string): number {
  return SOCIAL_PRECEDENCE[id] ?? REQUEST_PRECEDENCE;
}

/** Intents never reported as a secondary request of a message (they are greetings, not requests). */
export const NEVER_SECONDARY: ReadonlySet<string> = new Set(['greeting', 'other']);

/** An intent id: lower-case words joined by `.`, `_` or `-` (e.g. `order.cancel`, `shop.membership`). */
export const INTENT_ID_PATTERN = /^[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*$/;
