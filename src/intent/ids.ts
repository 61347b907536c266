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
 * Conversational intents that carry no request of their own: when a message also makes a request
 * ("在吗 我要退货", "转人工 怎么退款"), the request is the primary intent.
 */
export const SOCIAL_INTENTS: ReadonlySet<string> = new Set(['greeting', 'ack', 'human_agent', 'other']);

/** Intents never reported as a secondary request of a message (they are greetings, not requests). */
export const NEVER_SECONDARY: ReadonlySet<string> = new Set(['greeting', 'other']);

/** An intent id: lower-case words joined by `.`, `_` or `-` (e.g. `order.cancel`, `shop.membership`). */
export const INTENT_ID_PATTERN = /^[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*$/;
